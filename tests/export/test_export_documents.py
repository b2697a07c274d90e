"""The guide and the handout: what each must say, and what the handout must never say."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from presenter.core.deck.model import Deck
from presenter.export import LETTER, export_guide, export_handout
from presenter.export.content import agenda, clock, parse_start, references
from tests.export.conftest import (
    CONTACTS,
    FOLLOWUP,
    MYTH_COUNT,
    NOTES_SENTENCE,
    embedded_fonts,
    page_sizes,
    pdf_pages,
    pdf_text,
)


def test_guide_opens_with_the_agenda_and_start_times(deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "guide.pdf"
    export_guide(deck, out, start=time(18, 30), help_contacts=CONTACTS)
    first = pdf_pages(out)[0]
    assert "Agenda" in first
    assert "Export test workshop" in first
    # Opening (title: 1 min) starts 18:30, "What it is" 18:31, "Myths" after the break.
    assert "18:30 Opening" in first
    assert "18:31 What it is" in first
    planned = deck.planned_minutes()
    assert clock(time(18, 30), planned) in first
    assert "Read out before the first slide" in first
    assert "Phone 01632 960 123" in first


def test_guide_has_every_slide_notes_answers_and_followups(deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "guide.pdf"
    pages = export_guide(deck, out)
    text = pdf_text(out)
    assert pages == len(pdf_pages(out)) > 2
    assert NOTES_SENTENCE in text
    assert FOLLOWUP in text
    for slide in deck.slides:
        assert slide.title[:20] in text, slide.title
    for n in range(1, MYTH_COUNT + 1):
        assert f"Reality number {n} is what the evidence shows." in text
        assert f"Source only for myth {n}" in text
    assert f"Page 1 of {pages}" in text


def test_guide_ends_with_each_reference_once(deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "guide.pdf"
    export_guide(deck, out)
    text = pdf_text(out)
    refs_at = text.rindex("References")
    tail = text[refs_at:]
    assert tail.count("Shared Source Report, 2024") == 1
    assert "UN Palermo Protocol, 2000, Art. 3" in tail
    assert len(references(deck, None)) == MYTH_COUNT + 2


def test_guide_on_letter_paper(deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "guide.pdf"
    export_guide(deck, out, paper=LETTER)
    assert set(page_sizes(out)) == {(612.0, 792.0)}
    assert any("Atkinson" in name for name in embedded_fonts(out))


def test_handout_has_points_myths_contacts_and_references(deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "handout.pdf"
    export_handout(deck, out, help_contacts=CONTACTS)
    text = pdf_text(out)
    for expected in (
        "Where to get support",
        "Local support line",
        "Phone 01632 960 123",
        "Three parts",
        "Purpose",  # the last reveal step is in
        "Statement number 9 is widely believed.",
        "Reality number 9 is what the evidence shows.",
        "Source only for myth 9",
        "Sources and where to find out more",
    ):
        assert expected in text
    assert text.count("Statement number 1 is widely believed.") == 1  # the recap adds none


def test_handout_never_contains_facilitator_words(deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "handout.pdf"
    export_handout(deck, out, help_contacts=CONTACTS)
    text = pdf_text(out)
    assert NOTES_SENTENCE not in text
    assert "purple giraffes" not in text
    assert "Ask for a show of hands" not in text
    assert "Reveal one part per click" not in text
    assert FOLLOWUP not in text


def test_handout_without_contacts_leaves_room_to_write_them(deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "handout.pdf"
    export_handout(deck, out)
    assert "No local support contacts were set" in pdf_text(out)


@pytest.mark.parametrize("variant", ["adults", "youth"])
def test_documents_respect_the_variant(deck: Deck, tmp_path: Path, variant: str) -> None:
    guide, handout = tmp_path / "g.pdf", tmp_path / "h.pdf"
    export_guide(deck, guide, variant=variant)
    export_handout(deck, handout, variant=variant)
    for out in (guide, handout):
        assert ("Youth only corner" in pdf_text(out)) == (variant == "youth")


def test_agenda_parts_and_clock() -> None:
    assert parse_start("9:05") == time(9, 5)
    assert clock(time(23, 50), 20) == "00:10"
    assert clock(None, 65) == "+1:05"
    for bad in ("25:00", "noon", "9:5", ""):
        with pytest.raises(ValueError):
            parse_start(bad)


def test_agenda_groups_slides_by_section(deck: Deck) -> None:
    parts = agenda(deck, None)
    # The break is its own part: "What it is" does not count its ten minutes.
    assert [p.title for p in parts] == ["Opening", "What it is", "Break", "Myths"]
    assert parts[2].minutes == 10 and parts[2].first == parts[2].last
    assert parts[0].minutes == 1 and parts[1].start == 1
    assert sum(p.minutes for p in parts) == deck.planned_minutes()
    assert parts[-1].last == len(deck.slides)


def test_an_untitled_break_is_named_in_the_readers_language() -> None:
    from presenter.core import parse_deck
    from presenter.export import content

    deck = parse_deck("---\ntitle: x\n---\n# Un\n---\nkind: break\nminutes: 10\n---\n")
    parts = content.agenda(deck, None, lang="fr")
    assert [p.title for p in parts] == ["Ouverture", "Pause"]
    assert content.slide_title(deck.slides[1], "fr") == "Pause"
    assert content.slide_title(deck.slides[0], "fr") == "Un"  # an author's title stays
