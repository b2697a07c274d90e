"""Myth cards: fronts and backs pair up when printed double-sided (long edge)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF

from presenter.core.deck.model import Deck
from presenter.export import A4, LETTER, Paper, export_cards
from presenter.export.cards import Grid
from tests.export.conftest import MYTH_COUNT, deck_from, every_kind_text, pdf_pages, placed_text


def where(path: Path, page: int, words: str) -> QPointF:
    for text, x, y in placed_text(path, page):
        if text.startswith(words):
            return QPointF(x, y)
    raise AssertionError(f"{words!r} not on page {page + 1}")


def cell_of(grid: Grid, point: QPointF, *, back: bool) -> int:
    for position in range(grid.per_sheet):
        if grid.cell(position, back=back).contains(point):
            return position
    raise AssertionError(f"{point} is in no card")


def test_sheets_alternate_fronts_and_backs(deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    pages = export_cards(deck, out)
    per_sheet = Grid(A4).per_sheet
    sheets = -(-MYTH_COUNT // per_sheet)
    assert pages == 2 * sheets == len(pdf_pages(out))
    texts = pdf_pages(out)
    assert "Statement number 1" in texts[0] and "Reality number 1" not in texts[0]
    assert "Reality number 1" in texts[1] and "Statement number 1" not in texts[1]


def test_each_back_is_behind_its_front(deck: Deck, tmp_path: Path) -> None:
    for paper in (A4, LETTER):
        check_pairs(deck, tmp_path / f"cards-{paper.name}.pdf", paper)


def check_pairs(deck: Deck, out: Path, paper: Paper) -> None:
    export_cards(deck, out, paper=paper)
    grid = Grid(paper)
    mirrored = 0
    for k in range(1, MYTH_COUNT + 1):
        sheet, position = divmod(k - 1, grid.per_sheet)
        front = where(out, 2 * sheet, f"Statement number {k}")
        back = where(out, 2 * sheet + 1, f"Reality number {k}")
        assert cell_of(grid, front, back=False) == position
        assert cell_of(grid, back, back=True) == position
        # Held up to the light, the back is behind the front: same row, mirrored column.
        flipped = QPointF(paper.width - back.x(), back.y())
        front_cell = grid.cell(position)
        assert front_cell.contains(flipped), (k, front, back)
        if grid.cell(position, back=True) != front_cell:
            mirrored += 1
    assert mirrored >= MYTH_COUNT // 2  # the check above is not vacuous


def test_back_carries_the_source(deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    export_cards(deck, out)
    assert "Source only for myth 3" in pdf_pages(out)[1]


def test_variant_and_no_myths(tmp_path: Path, qapp: object) -> None:
    plain = deck_from(tmp_path / "plain", "---\ntitle: No myths\n---\n## Just a slide\n")
    out = tmp_path / "none.pdf"
    assert export_cards(plain, out) == 1
    assert "no myths" in pdf_pages(out)[0]


def test_a_recap_does_not_duplicate_cards(tmp_path: Path, qapp: object) -> None:
    deck = deck_from(tmp_path / "d", every_kind_text(myths=2))
    out = tmp_path / "c.pdf"
    export_cards(deck, out)
    assert pdf_pages(out)[0].count("Statement number 1") == 1
