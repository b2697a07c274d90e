"""The live preview: redraws on save, survives a broken save, follows the edited slide."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from presenter.core.deck.parser import parse_deck
from presenter.ui.preview.strip import follow_slide
from presenter.ui.preview.window import PreviewWindow, open_preview

HEAD = """\
---
title: Preview test
language: en
duration: 6
content_warning: This session talks about exploitation. You may step out at any time.
---
"""


def slide(title: str, body: str = "Some words.", minutes: int = 1) -> str:
    return f"minutes: {minutes}\n---\n## {title}\n\n{body}\n\n???\nNotes for {title}.\n"


def deck_text(*slides: str) -> str:
    return HEAD + "\n---\n".join(slides)


def save(path: Path, text: str) -> None:
    """Save the way many editors do: write a new file, then rename it over the old one."""
    temp = path.with_name(path.name + ".swp")
    temp.write_text(text, "utf-8")
    os.replace(temp, path)


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    path = tmp_path / "deck" / "deck.md"
    path.parent.mkdir()
    path.write_text(deck_text(slide("Alpha"), slide("Beta"), slide("Gamma")), "utf-8")
    return path


@pytest.fixture
def window(qtbot: QtBot, deck_file: Path) -> PreviewWindow:
    win = open_preview(deck_file)
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.show()
    return win


def titles(win: PreviewWindow) -> list[str]:
    return [s.title for s in win.slides]


def test_shows_every_slide_with_notes(window: PreviewWindow) -> None:
    assert titles(window) == ["Alpha", "Beta", "Gamma"]
    assert window.strip.count() == 3
    window.strip.setCurrentRow(1)
    assert "Notes for Beta" in window.notes.toPlainText()
    assert window.large is not None and window.large.view is not None
    assert window.large.view.slide_index == 1
    assert not window.banner.isVisible()


def test_redraws_after_a_save_and_only_the_changed_slide(
    qtbot: QtBot, window: PreviewWindow, deck_file: Path
) -> None:
    painted = window.strip.rendered
    assert painted == 3
    save(deck_file, deck_text(slide("Alpha"), slide("Beta, edited"), slide("Gamma")))
    qtbot.waitUntil(lambda: "Beta, edited" in titles(window), timeout=5000)
    assert window.strip.rendered == painted + 1
    # Saved in place, as other editors do, and saved again by rename: both seen.
    deck_file.write_text(deck_text(slide("Alpha"), slide("Beta"), slide("Gamma")), "utf-8")
    qtbot.waitUntil(lambda: "Beta" in titles(window), timeout=5000)
    save(deck_file, deck_text(slide("Alpha 2"), slide("Beta"), slide("Gamma")))
    qtbot.waitUntil(lambda: "Alpha 2" in titles(window), timeout=5000)


def test_broken_save_keeps_the_last_good_render_and_shows_the_problem(
    qtbot: QtBot, window: PreviewWindow, deck_file: Path
) -> None:
    window.strip.setCurrentRow(2)
    good = window.deck
    broken = deck_text(slide("Alpha"), "kind: mystery\n---\n## Oops\n", slide("Gamma"))
    save(deck_file, broken)
    qtbot.waitUntil(window.banner.isVisible, timeout=5000)
    assert window.deck is good
    assert titles(window) == ["Alpha", "Beta", "Gamma"]
    assert window.strip.currentRow() == 2
    assert "last version that worked" in window.banner.text()
    assert "deck.md:" in window.banner.text() and "mystery" in window.banner.text()
    assert any("deck.md:" in window.problems.item(n).text() for n in range(window.problems.count()))
    image = window.grab().toImage()
    assert not image.isNull()
    # An empty file mid-save, a binary file: still the last good slides, no crash.
    save(deck_file, "")
    qtbot.wait(600)
    assert titles(window) == ["Alpha", "Beta", "Gamma"]
    deck_file.write_bytes(b"\x00\x01binary")
    qtbot.waitUntil(lambda: "binary" in window.banner.text(), timeout=5000)
    assert window.deck is good
    # Fixed: the banner goes away and the new slides show.
    save(deck_file, deck_text(slide("Alpha"), slide("Beta"), slide("Delta")))
    qtbot.waitUntil(lambda: "Delta" in titles(window), timeout=5000)
    assert not window.banner.isVisible()


def test_stays_on_the_edited_slide_when_one_is_inserted_above(
    qtbot: QtBot, window: PreviewWindow, deck_file: Path
) -> None:
    window.strip.setCurrentRow(1)
    assert window.current_slide is not None and window.current_slide.title == "Beta"
    save(deck_file, deck_text(slide("New first"), slide("Alpha"), slide("Beta"), slide("Gamma")))
    qtbot.waitUntil(lambda: len(titles(window)) == 4, timeout=5000)
    assert window.current_slide is not None
    assert window.current_slide.title == "Beta"
    assert window.strip.currentRow() == 2
    # Inserted above and the current slide edited in the same save: still followed.
    save(deck_file, deck_text(slide("Alpha"), slide("Beta", "More words now.")))
    qtbot.waitUntil(lambda: len(titles(window)) == 2, timeout=5000)
    assert window.current_slide is not None and window.current_slide.title == "Beta"
    assert "More words now" in window.current_slide.body


def test_follow_slide_by_revision_id_and_title() -> None:
    old = parse_deck(deck_text(slide("A"), slide("B"), slide("C"))).slides
    removed = parse_deck(deck_text(slide("B"), slide("C"))).slides
    assert follow_slide(old, removed, 2) == 1
    retitled = parse_deck(deck_text(slide("A"), slide("B", "changed"), slide("C"))).slides
    assert follow_slide(old, retitled, 1) == 1
    assert follow_slide(old, (), 1) == 0
    assert follow_slide((), retitled, 9) == 2


def test_a_deck_that_never_worked_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "deck.md"
    path.write_text("---\ntitle: [unclosed\n", "utf-8")
    win = open_preview(path)
    qtbot.addWidget(win)
    assert win.banner.isVisibleTo(win)
    assert "cannot be shown yet" in win.banner.text() or "errors" in win.banner.text()
    path.write_text(deck_text(slide("Works now")), "utf-8")
    qtbot.waitUntil(lambda: titles(win) == ["Works now"], timeout=5000)
