"""A true statement (``answer: reality``) is revealed as "Reality" on every surface;
the layout table has one layout per kind, filled without import side effects."""

from __future__ import annotations

from pathlib import Path

from presenter.core.deck.kinds import KINDS
from presenter.core.deck.model import Deck
from presenter.core.session.view import SlideView, Tally
from presenter.render import fragments
from presenter.render.layouts import LAYOUTS
from presenter.render.renderer import SlideRenderer
from tests.render.conftest import deck_from

TRUE_AND_FALSE = """\
---
title: T
content_warning: none
---
kind: myth
id: known
answer: reality
myth: Most exploited children know the person who exploits them.
reality: About two in three knew them; strangers are the minority.
source: Example survey, 2024
---

---
kind: myth
id: border
myth: Trafficking always means crossing a border.
reality: Many people are exploited in their own country.
source: Example report, 2024
---

---
kind: recap
myths: [known, border]
---
"""


def text_of(renderer: SlideRenderer, view: SlideView) -> str:
    return "\n".join(b.doc.toPlainText() for b in renderer.frame(view).blocks)


def deck(tmp_path: Path) -> Deck:
    made = deck_from(tmp_path / "deck", TRUE_AND_FALSE)
    assert made.ok, made.diagnostics
    return made


def test_every_kind_has_its_layout() -> None:
    assert set(LAYOUTS) == set(KINDS)


def test_true_and_false_statements_reveal_their_answer(tmp_path: Path, qapp: object) -> None:
    renderer = SlideRenderer(deck(tmp_path))
    true_reveal = text_of(renderer, SlideView(0, 1))
    myth_reveal = text_of(renderer, SlideView(1, 1))
    assert "In fact" in true_reveal and "strangers are the minority" in true_reveal
    assert "Reality" in myth_reveal and "own country" in myth_reveal
    assert "In fact" not in myth_reveal
    # The recap asks the true statement again and reveals it the same way.
    assert "In fact" in text_of(renderer, SlideView(2, 1))
    assert "Reality" in text_of(renderer, SlideView(2, 3))


def test_the_answer_label_follows_the_deck(tmp_path: Path, qapp: object) -> None:
    true, false = (s.myth for s in deck(tmp_path).slides[:2])
    assert true is not None and false is not None
    assert fragments.answer_label(true) == "Reality"
    assert fragments.answer_label(false) == "Myth"
    assert fragments.answer_label(true, "fr") == "Réalité"
    assert "REALITY" in fragments.myth_block(true) and "IN FACT" in fragments.myth_block(true)
    assert '<p class="big">Reality.</p>' in fragments.myth_answer_card(true)


def test_the_tally_bar_paints_for_a_true_statement(tmp_path: Path, qapp: object) -> None:
    from PySide6.QtCore import QSize

    renderer = SlideRenderer(deck(tmp_path))
    view = SlideView(0, 1, tally=Tally(5, 15, "reality"))
    image = renderer.image(view, QSize(640, 360))
    assert not image.isNull()


def test_fragments_escape_deck_text_once() -> None:
    from presenter.core.deck.model import HelpContact

    html = fragments.contact_html(HelpContact("Parents & carers <16+>", "Call 0800 11 11"))
    assert "Parents &amp; carers &lt;16+&gt;" in html and "&amp;amp;" not in html
    assert "0800\u00a011\u00a011" in html
    line = fragments.sources_html(["A & B, 2024", "C <2023>"])
    assert "Sources:" in line and "A &amp; B" in line and "C &lt;2023&gt;" in line
    assert fragments.sources_text(["One, 2024"]) == "Source: One, 2024"
