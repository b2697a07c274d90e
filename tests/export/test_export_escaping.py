"""Printed documents show deck text exactly as written (escaped once, never twice), and
follow each statement's answer."""

from __future__ import annotations

from pathlib import Path

from presenter.export.cards import export_cards
from presenter.export.guide import export_guide
from presenter.export.handout import export_handout
from tests.export.conftest import deck_from, pdf_text

DECK = """\
---
title: Carers & parents <evening>
audience: Parents & carers <16+>
content_warning: none
---
kind: myth
id: known
answer: reality
myth: Most exploited children know the person who exploits them.
reality: About two in three knew them & strangers are the minority.
source: Example survey & partners, 2024
---

---
kind: recap
myths: [known]
---
"""


def test_guide_prints_the_audience_as_written(tmp_path: Path, qapp: object) -> None:
    deck = deck_from(tmp_path / "deck", DECK)
    out = tmp_path / "guide.pdf"
    export_guide(deck, out)
    text = pdf_text(out)
    assert "Parents & carers <16+>" in text
    assert "Carers & parents <evening>" in text
    assert "&amp;" not in text and "&lt;" not in text


def test_cards_and_handout_follow_the_answer(tmp_path: Path, qapp: object) -> None:
    deck = deck_from(tmp_path / "deck", DECK)
    cards, handout = tmp_path / "cards.pdf", tmp_path / "handout.pdf"
    export_cards(deck, cards)
    export_handout(deck, handout)
    card_text = pdf_text(cards)
    assert "Reality." in card_text and "Myth." not in card_text
    assert "strangers are the minority" in card_text and "&amp;" not in card_text
    handout_text = pdf_text(handout)
    assert "REALITY" in handout_text and "IN FACT" in handout_text
    assert "MYTH " not in handout_text
