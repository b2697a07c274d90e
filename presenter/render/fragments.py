"""The small pieces of HTML and text that several surfaces show the same way.

Myth statement and answer, a help contact, the "Source:/Sources:" line and a kind's
label are built here once, for the renderer, the printed documents and the console.
Everything is :class:`markupsafe.Markup`: deck text is escaped when it is put into a
fragment, and HTML the parser already made (``statement_html``, ``reality_html``) is
Markup already, so it is never escaped twice. Plain Python, no Qt.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from markupsafe import Markup

from presenter.core.deck.kinds import ContentKind, kind_named
from presenter.core.deck.model import HelpContact, MythData, Slide
from presenter.support.i18n import t

log = logging.getLogger(__name__)

_DIGIT_SPACE = re.compile(r"(?<=[0-9+]) (?=[0-9])")


def kind_label(kind: str, lang: str | None = None, *, printed: bool = False) -> str:
    """A kind's name for people: the console's word, or the printed documents' word."""
    found = kind_named(kind) or ContentKind
    return t(found.document_label() if printed else found.label, lang=lang)


def sources_text(sources: Sequence[str], lang: str | None = None) -> str:
    """``Source: A`` or ``Sources: A; B`` (empty without sources)."""
    if not sources:
        return ""
    label = t("Sources:", lang=lang) if len(sources) > 1 else t("Source:", lang=lang)
    return f"{label} {'; '.join(sources)}"


def sources_html(sources: Sequence[str], lang: str | None = None) -> Markup:
    """The sources line of printed documents, small and muted."""
    if not sources:
        return Markup("")
    label = t("Sources:", lang=lang) if len(sources) > 1 else t("Source:", lang=lang)
    return Markup('<p class="small muted"><i>{}</i> {}</p>').format(label, "; ".join(sources))


def answer_label(myth: MythData, lang: str | None = None) -> str:
    """ "Myth" or "Reality": what the statement turns out to be."""
    return t(myth.answer_label, lang=lang)


def explanation_label(myth: MythData, lang: str | None = None) -> str:
    """The heading over the explanation: "Reality" under a myth, "In fact" under a truth."""
    return t("Reality", lang=lang) if myth.is_myth else t("In fact", lang=lang)


def statement_html(myth: MythData | None, lang: str | None = None) -> Markup:
    """The statement as the parser made it, or a placeholder for a missing myth."""
    if myth is None:
        return Markup.escape(t("(missing myth)", lang=lang))
    return Markup(myth.statement_html)


def explanation_html(myth: MythData | None, lang: str | None = None) -> Markup:
    if myth is None:
        return Markup.escape(t("(missing myth)", lang=lang))
    return Markup(myth.reality_html)


def myth_block(myth: MythData, lang: str | None = None, *, number: str = "") -> Markup:
    """Printed: the statement under its answer, then the explanation and its sources."""
    prefix = Markup("{} ").format(number) if number else Markup("")
    return Markup(
        '<p><span class="label">{}{}</span><br><b>{}</b></p>'
        '<p><span class="label">{}</span><br>{}</p>'
    ).format(
        prefix,
        answer_label(myth, lang).upper(),
        statement_html(myth),
        explanation_label(myth, lang).upper(),
        explanation_html(myth),
    ) + sources_html(myth.sources, lang)


def myth_answer_card(myth: MythData, lang: str | None = None) -> Markup:
    """The back of a myth card: the answer, big, the explanation and its sources."""
    return Markup('<p class="big">{}.</p><p>{}</p>').format(
        answer_label(myth, lang), explanation_html(myth)
    ) + sources_html(myth.sources, lang)


def myth_notes(myth: MythData, lang: str | None = None) -> Markup:
    """For the facilitator's notes: the answer with the statement, then the explanation."""
    return Markup("<p><b>{}:</b> {}<br><b>{}:</b> {}</p>").format(
        answer_label(myth, lang), myth.statement, explanation_label(myth, lang), myth.reality
    )


def keep_together(reach: str) -> str:
    """Phone numbers never break across lines: the spaces between digits do not wrap."""
    return _DIGIT_SPACE.sub("\u00a0", reach)


def contact_html(
    contact: HelpContact,
    *,
    reach_style: str = "",
    when_style: str = "",
    printed: bool = False,
) -> Markup:
    """One support contact: name, how to reach them (never split), when, notes if printed.

    ``reach_style`` and ``when_style`` are CSS from the theme (the slide's colours);
    printed contacts use the document's classes instead.
    """
    if printed:
        parts = [Markup('<p style="margin-bottom: 1px;"><b>{}</b></p>').format(contact.name)]
        if contact.reach:
            parts.append(
                Markup('<p class="big" style="margin-bottom: 1px;">{}</p>').format(contact.reach)
            )
        if contact.when:
            parts.append(Markup('<p class="small muted">{}</p>').format(contact.when))
        if contact.notes:
            parts.append(Markup('<p class="small">{}</p>').format(contact.notes))
        return Markup("").join(parts)
    parts = [Markup('<p class="contact"><b>{}</b></p>').format(contact.name)]
    if contact.reach:
        parts.append(
            Markup('<p class="reach" style="{}">{}</p>').format(
                reach_style, keep_together(contact.reach)
            )
        )
    if contact.when:
        parts.append(Markup('<p class="when" style="{}">{}</p>').format(when_style, contact.when))
    return Markup("").join(parts)


def console_notes(slide: Slide) -> Markup:
    """The facilitator's notes for ``slide`` on the console: the notes, the follow-up
    questions of a discussion, and what a myth's reveal will say."""
    parts = [slide.notes_html or Markup("<p><i>{}</i></p>").format(t("No notes for this slide."))]
    if slide.discussion is not None and slide.discussion.followups:
        items = Markup("").join(Markup("<li>{}</li>").format(q) for q in slide.discussion.followups)
        parts.append(Markup("<h4>{}</h4><ul>{}</ul>").format(t("Follow-up questions"), items))
    if slide.myth is not None:
        parts.append(myth_notes(slide.myth))
    return Markup("").join(parts)
