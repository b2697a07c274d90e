"""The question phones are asked: the myth item on screen, as plain data.

A phone sees the statement as plain text (never markup) and two choices; a question is
open until its reality is revealed. Its id is stable for the session (``"s4i0"``:
slide 4, item 0), so an answer sent just before the slide changed is refused rather than
counted on the wrong myth.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass

from presenter.core.session.controller import MythItem, SessionController
from presenter.support.i18n import t

log = logging.getLogger(__name__)

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Question:
    id: str
    item: MythItem
    text: str
    choices: tuple[tuple[str, str], ...]  # (id, label in the deck's language)
    open: bool

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "text": self.text,
            "choices": [{"id": cid, "label": label} for cid, label in self.choices],
        }


def question_id(item: MythItem) -> str:
    return f"s{item.slide}i{item.item}"


def plain_text(fragment_html: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment_html))).strip()


def current_question(controller: SessionController) -> Question | None:
    """The myth item on screen, or None (no myth on screen, or the workshop is over)."""
    state = controller.state
    if not state.started or state.finished is not None or controller.at_end():
        return None
    item = controller.current_myth_item()
    if item is None:
        return None
    deck = controller.deck
    myth = deck.slides[item.slide].myth
    if item.myth_id is not None and myth is None:  # a recap asks an earlier myth again
        myth = deck.myth_by_id(item.myth_id)
    text = plain_text(myth.statement_html) if myth is not None else ""
    lang = deck.meta.language
    choices = (("myth", t("Myth", lang=lang)), ("reality", t("Reality", lang=lang)))
    revealed = state.is_revealed(item.slide, item.item) or state.step % 2 == 1
    return Question(question_id(item), item, text, choices, not revealed)
