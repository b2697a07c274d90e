"""One registry of export formats, one PNG exporter: same names, every step, save
errors reported."""

from __future__ import annotations

from pathlib import Path

import pytest

import presenter.export as export_package
from presenter.core.deck.model import Deck
from presenter.export.pack import pack_names
from presenter.export.png import export_png, png_views
from presenter.export.progress import ExportError
from presenter.export.registry import FORMATS, ExportOptions, format_named, pack_formats, run


def test_every_format_has_its_exporter_and_a_lazy_name() -> None:
    for fmt in FORMATS:
        function = fmt.load()
        assert callable(function), fmt.key
        assert getattr(export_package, fmt.function) is function
    assert [f.key for f in pack_formats()] == ["slides", "guide", "handout", "cards", "helpcard"]


def test_pack_names_come_from_the_registry(deck: Deck) -> None:
    names = pack_names(deck)
    assert set(names) == {f.key for f in pack_formats()}
    assert all(name.endswith(format_named(key).suffix) for key, name in names.items())


def test_png_writes_every_slide_and_step_with_numbered_names(deck: Deck, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    count = run(
        "png",
        deck,
        tmp_path / "png",
        ExportOptions(size=(320, 180), progress=lambda d, t: seen.append((d, t))),
    )
    names = sorted(p.name for p in (tmp_path / "png").iterdir())
    expected = [name for name, _ in png_views(deck, None)]
    assert names == sorted(expected) and count == len(expected)
    assert sum(s.step_count for s in deck.slides) == count
    assert "001-01.png" in names and seen[0] == (0, count) and seen[-1] == (count, count)


def test_png_reports_a_picture_it_cannot_save(deck: Deck, tmp_path: Path) -> None:
    folder = tmp_path / "png"
    (folder / "002-01.png").mkdir(parents=True)  # a folder where the picture should go
    with pytest.raises(ExportError, match=r"002-01\.png: could not write the image"):
        export_png(deck, folder, size=(160, 90))


def test_png_reports_a_folder_it_cannot_make(deck: Deck, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError, match="cannot create the folder"):
        export_png(deck, blocker / "png", size=(160, 90))


def test_printed_documents_follow_the_umask_and_leave_no_temp(deck: Deck, tmp_path: Path) -> None:
    import os
    import stat

    mask = os.umask(0o022)
    try:
        run("cards", deck, tmp_path / "cards.pdf", ExportOptions())
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "cards.pdf").stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cards.pdf", "deck"]
