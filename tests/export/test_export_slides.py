"""The slides PDF: a 16:9 page per slide or per step, real text, embedded fonts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from presenter.core.deck.model import Deck
from presenter.export import ExportCancelled, export_slides_pdf
from tests.export.conftest import (
    CONTACTS,
    NOTES_SENTENCE,
    deck_from,
    embedded_fonts,
    page_sizes,
    pdf_pages,
    pdf_text,
)


def test_one_page_per_slide(deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "slides.pdf"
    pages = export_slides_pdf(deck, out)
    assert pages == len(deck.slides) == len(pdf_pages(out))
    width, height = page_sizes(out)[0]
    assert width / height == pytest.approx(16 / 9, rel=0.01)


def test_steps_give_a_page_per_reveal_step(deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "steps.pdf"
    pages = export_slides_pdf(deck, out, steps=True)
    expected = sum(slide.step_count for slide in deck.slides)
    assert expected > len(deck.slides)
    assert pages == expected == len(pdf_pages(out))
    texts = pdf_pages(out)
    parts = next(i for i, text in enumerate(texts) if "Three parts" in text)
    assert "Means" not in texts[parts]  # first step: only the first part
    assert "Means" in texts[parts + 1] and "Purpose" not in texts[parts + 1]
    assert "Purpose" in texts[parts + 2]


def test_text_is_real_and_searchable(deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "slides.pdf"
    export_slides_pdf(deck, out, help_contacts=CONTACTS)
    text = pdf_text(out)
    for expected in (
        "Export test workshop",
        "Three parts",
        "Reality number 1 is what the evidence shows.",
        "UN Palermo Protocol, 2000, Art. 3",
        "Phone 01632 960 123",
    ):
        assert expected in text
    assert NOTES_SENTENCE not in text


def test_bundled_fonts_are_embedded(deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "slides.pdf"
    export_slides_pdf(deck, out)
    assert any("Atkinson" in name for name in embedded_fonts(out))


def test_variant_is_respected(deck: Deck, tmp_path: Path) -> None:
    adults, youth = tmp_path / "adults.pdf", tmp_path / "youth.pdf"
    assert export_slides_pdf(deck, adults, variant="adults") == len(deck.slides) - 1
    export_slides_pdf(deck, youth, variant="youth")
    assert "Youth only corner" not in pdf_text(adults)
    assert "Youth only corner" in pdf_text(youth)


def test_progress_runs_from_zero_to_total(deck: Deck, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    pages = export_slides_pdf(deck, tmp_path / "s.pdf", progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, pages) and calls[-1] == (pages, pages)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_cancel_leaves_no_file(deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"

    def cancel(done: int, total: int) -> None:
        if done == 3:
            raise ExportCancelled

    with pytest.raises(ExportCancelled):
        export_slides_pdf(deck, out, progress=cancel)
    assert list(tmp_path.iterdir()) == [tmp_path / "deck"]


def test_a_failed_export_keeps_the_previous_file(deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    out.write_bytes(b"previous")

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise ExportCancelled

    with pytest.raises(ExportCancelled):
        export_slides_pdf(deck, out, progress=cancel)
    assert out.read_bytes() == b"previous"


def test_sixty_slide_deck_exports(tmp_path: Path, qapp: object) -> None:
    from tests.bench import generated_deck

    big = deck_from(tmp_path / "big", generated_deck(60))
    out = tmp_path / "big.pdf"
    start = time.perf_counter()
    assert export_slides_pdf(big, out) == 60
    elapsed = time.perf_counter() - start
    assert len(pdf_pages(out)) == 60
    assert elapsed < 10  # the 0.5 s target is measured by tests/bench.py, not asserted


def test_a_pdf_cut_off_by_a_full_drive_is_never_taken_for_whole(
    deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt's PDF writer says nothing when its last write fails; the export reads its end
    back and refuses a PDF without one (on a real full drive: test_real_filesystems)."""
    from presenter.export import pdf
    from presenter.export.progress import ExportError

    whole = tmp_path / "whole.pdf"
    export_slides_pdf(deck, whole)
    pdf.check_complete(whole, tmp_path)  # a whole PDF passes
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole.read_bytes()[:-200])
    with pytest.raises(ExportError, match="could not be written to its end"):
        pdf.check_complete(cut, tmp_path)

    real = pdf.check_complete
    monkeypatch.setattr(pdf, "check_complete", lambda path, folder: (
        path.write_bytes(path.read_bytes()[:-200]), real(path, folder)))  # fmt: skip
    target = tmp_path / "slides.pdf"
    target.write_bytes(b"the last good export")
    with pytest.raises(ExportError, match="drive gave a write error"):  # room left: not full
        export_slides_pdf(deck, target)
    assert target.read_bytes() == b"the last good export"  # the old one is kept
    assert not list(tmp_path.glob(".slides.pdf.*"))  # no temporary file left
