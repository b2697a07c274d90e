"""``presenter export`` as an organizer runs it: files written, exit codes honest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from presenter.core.deck.locate import find_decks
from presenter.core.deck.parser import load_deck
from presenter.export import export_pack, pack_names
from tests.conftest import DECKS, ROOT
from tests.export.conftest import every_kind_text, page_sizes, pdf_pages, pdf_text


def presenter(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presenter", "export", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.fixture
def deck_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "my-deck"
    folder.mkdir()
    (folder / "deck.md").write_text(every_kind_text(), "utf-8")
    return folder


def test_every_format_from_the_command_line(deck_dir: Path, tmp_path: Path) -> None:
    files = {k: tmp_path / f"{k}.pdf" for k in ("pdf", "guide", "handout", "cards")}
    args = [str(deck_dir)]
    for kind, path in files.items():
        args += [f"--{kind}", str(path)]
    result = presenter(*args, "--steps", "--paper", "letter", "--start", "09:00")
    assert result.returncode == 0, result.stderr
    for path in files.values():
        assert path.is_file() and pdf_pages(path)
    assert page_sizes(files["guide"])[0] == (612.0, 792.0)
    assert "09:00" in pdf_pages(files["guide"])[0]
    assert "no help contacts found" in result.stderr


def test_pack_writes_every_document(deck_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    result = presenter(str(deck_dir), "--pack", str(out), "--variant", "youth")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "my-deck-youth-cards.pdf",
        "my-deck-youth-guide.pdf",
        "my-deck-youth-handout.pdf",
        "my-deck-youth-helpcard.pdf",
        "my-deck-youth-slides.pdf",
    ]
    assert "Youth only corner" in pdf_text(out / "my-deck-youth-slides.pdf")


def test_pack_of_the_current_folder_is_named_after_it(deck_dir: Path, tmp_path: Path) -> None:
    result = presenter(".", "--pack", str(tmp_path / "pack"), cwd=deck_dir)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "pack" / "my-deck-guide.pdf").is_file()


def test_missing_folder_is_refused_before_any_work(deck_dir: Path, tmp_path: Path) -> None:
    guide = tmp_path / "g.pdf"
    result = presenter(str(deck_dir), "--guide", str(guide), "--handout", "nowhere/h.pdf")
    assert result.returncode == 1
    assert "nowhere/h.pdf: error: nowhere: no such folder" in result.stderr
    assert not guide.exists()  # nothing half-done: the refusal comes first


def test_png_still_works_beside_pdf(deck_dir: Path, tmp_path: Path) -> None:
    result = presenter(
        str(deck_dir), "--png", str(tmp_path / "png"), "--size", "320x180",
        "--pdf", str(tmp_path / "s.pdf"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "png" / "001-01.png").is_file() and (tmp_path / "s.pdf").is_file()


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        (["--guide", "g.pdf", "--paper", "B5"], 2),
        (["--guide", "g.pdf", "--start", "25:00"], 2),
        (["--pdf", "s.pdf", "--variant", "nobody"], 2),
        (["--pdf", "missing-folder/s.pdf"], 1),
        ([], 2),
    ],
)
def test_exit_codes(deck_dir: Path, tmp_path: Path, extra: list[str], code: int) -> None:
    result = presenter(str(deck_dir), *extra, cwd=tmp_path)
    assert result.returncode == code, result.stderr
    assert not (tmp_path / "g.pdf").exists()


def test_missing_deck_exits_1(tmp_path: Path) -> None:
    result = presenter(str(tmp_path / "nope"), "--pdf", str(tmp_path / "s.pdf"))
    assert result.returncode == 1
    assert "nope" in result.stderr


def test_progress_line_on_request(deck_dir: Path, tmp_path: Path) -> None:
    result = presenter(str(deck_dir), "--pdf", str(tmp_path / "s.pdf"), "--progress")
    assert result.returncode == 0
    assert "Slides" in result.stderr and "(100%)" in result.stderr
    quiet = presenter(str(deck_dir), "--pdf", str(tmp_path / "t.pdf"))
    assert "(100%)" not in quiet.stderr  # not a terminal, not asked


@pytest.mark.parametrize("folder", find_decks(DECKS), ids=lambda p: p.parent.name)
def test_every_sample_deck_packs(folder: Path, tmp_path: Path, qapp: object) -> None:
    deck = load_deck(folder)
    written = export_pack(deck, tmp_path)
    assert set(written) == set(pack_names(deck)) >= {"slides", "guide", "handout"}
    for path in written.values():
        assert pdf_pages(path)
    handout = pdf_text(written["handout"])
    for slide in deck.slides:
        for line in slide.notes.splitlines():
            words = " ".join(line.split())
            if len(words) > 60:
                assert words[:60] not in handout, slide.title
