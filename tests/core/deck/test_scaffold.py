"""``presenter new``: every template gives a deck that checks with no errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from presenter.commands.check import check_paths
from presenter.core.deck.diagnostics import Level
from presenter.core.deck.parser import load_deck
from presenter.core.deck.scaffold import TEMPLATES, ScaffoldError, create_deck, title_from_folder

ROOT = Path(__file__).resolve().parents[3]
KINDS = {"title", "section", "content", "discussion", "myth", "break", "recap", "help"}


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_checks_clean_of_errors(tmp_path: Path, template: str) -> None:
    deck_file = create_deck(tmp_path / "our-first-workshop", template)
    found = check_paths([str(deck_file.parent)], render=False)
    errors = [d.format() for d in found if d.level is Level.ERROR]
    assert errors == []
    deck = load_deck(deck_file)
    assert deck.meta.title == "Our first workshop"
    assert {s.kind for s in deck.slides} == KINDS
    # Only the help contacts should need the organizer's attention.
    others = [d.format() for d in found if "placeholder" not in d.message]
    assert others == []


def test_layout_of_a_new_deck(tmp_path: Path) -> None:
    create_deck(tmp_path / "d", "blank", title='A "quoted" title')
    names = sorted(p.name for p in (tmp_path / "d").iterdir())
    assert names == ["README.md", "deck.md", "help.yaml", "images"]
    assert load_deck(tmp_path / "d" / "deck.md").meta.title == "A 'quoted' title"
    assert "presenter preview" in (tmp_path / "d" / "README.md").read_text("utf-8")


def test_never_overwrites_a_deck(tmp_path: Path) -> None:
    create_deck(tmp_path / "d")
    (tmp_path / "d" / "deck.md").write_text("mine", "utf-8")
    with pytest.raises(ScaffoldError, match="already exists"):
        create_deck(tmp_path / "d")
    assert (tmp_path / "d" / "deck.md").read_text("utf-8") == "mine"


def test_unknown_template(tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError, match="unknown template"):
        create_deck(tmp_path / "d", "fancy")


def test_title_from_folder() -> None:
    assert title_from_folder(Path("/x/my-first_deck")) == "My first deck"


def test_cli_new_then_check(tmp_path: Path) -> None:
    target = tmp_path / "x"
    made = subprocess.run(
        [sys.executable, "-m", "presenter", "new", str(target), "--template", "discussion-circle"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "presenter preview" in made.stdout
    checked = subprocess.run(
        [sys.executable, "-m", "presenter", "check", "--no-render", str(target)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    again = subprocess.run(
        [sys.executable, "-m", "presenter", "new", str(target)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert again.returncode == 1
