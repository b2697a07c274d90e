"""The overview grid (O) draws the thumbnails in view, keeps a bounded number, and
leaves the projector's frame cache alone (see console/agenda.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from presenter.core.session.view import SlideView

SLIDES = 150


def long_deck(folder: Path) -> Path:
    parts = ["---\ntitle: Long\ncontent_warning: none\n---"]
    parts += [f"---\nminutes: 1\n---\n## Slide {n}\n\n- Point {n}" for n in range(SLIDES)]
    folder.mkdir()
    path = folder / "deck.md"
    path.write_text("\n".join(parts) + "\n", "utf-8")
    return path


def drawn(grid) -> list[int]:  # type: ignore[no-untyped-def]
    return [i for i, item in grid._items.items() if not item.icon().isNull()]


def test_opening_the_overview_draws_only_what_is_in_view(
    qtbot, make_presentation, tmp_path
) -> None:
    p = make_presentation(long_deck(tmp_path / "long"), variant=None)
    renderer = p.audience.renderer
    cached = renderer.image_cache_count
    p.console.toggle_overview()
    grid = p.console.overview
    qtbot.waitUntil(lambda: bool(drawn(grid)))
    first = drawn(grid)
    assert 0 < len(first) < SLIDES // 2
    assert first[0] == 0
    assert renderer.image_cache_count == cached  # the prefetched frames are untouched
    # A thumbnail is the renderer's picture of that slide.
    item = grid._items[first[0]]
    icon = item.icon().pixmap(grid.THUMB).toImage()
    expected = renderer.image(SlideView(first[0], 0), grid.THUMB)
    assert icon.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied) == expected


def test_scrolling_draws_the_rest_and_keeps_a_bounded_number(
    qtbot, make_presentation, tmp_path
) -> None:
    p = make_presentation(long_deck(tmp_path / "long"), variant=None)
    p.console.toggle_overview()
    grid = p.console.overview
    qtbot.waitUntil(lambda: bool(drawn(grid)))
    bar = grid.verticalScrollBar()
    for value in range(bar.minimum(), bar.maximum() + 1, max(1, bar.pageStep() // 2)):
        bar.setValue(value)
        qtbot.waitUntil(lambda: grid.unfilled() == 0)  # drawn a few per turn
        assert len(drawn(grid)) <= grid.THUMBS_KEPT
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: grid.unfilled() == 0)
    last = max(grid._items)
    assert last in drawn(grid)
    assert 0 not in drawn(grid)  # forgotten once far out of view
    grid.itemActivated.emit(grid._items[last])
    assert p.controller.state.slide == last
    assert grid._items[last].flags() & Qt.ItemFlag.ItemIsEnabled
