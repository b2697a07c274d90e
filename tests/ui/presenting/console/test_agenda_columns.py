"""On a 1024x768 laptop the agenda's titles get the room: minutes and starts stay narrow."""

from __future__ import annotations

from pathlib import Path

import pytest

from presenter.ui.presenting.presentation import Presentation

ROOT = Path(__file__).resolve().parents[4]
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


def test_agenda_titles_take_the_width_and_every_column_shows(qtbot, make_presentation) -> None:
    p: Presentation = make_presentation(ROOT / "decks" / "understanding-trafficking" / "deck.md")
    p.console.resize(1024, 768)
    p.console.show()
    agenda = p.console.agenda
    agenda.resize(240, 480)  # its share of a 1024-wide console
    qtbot.wait(50)
    header = agenda.header()
    title, minutes, starts = (header.sectionSize(i) for i in range(3))
    assert title + minutes + starts <= agenda.viewport().width(), "no sideways scrolling"
    assert title >= minutes + starts, "the titles get most of the width"


def test_a_slide_titled_as_its_kind_is_not_named_twice(make_presentation) -> None:
    from presenter.ui.presenting.console.agenda import slide_label

    p: Presentation = make_presentation(ROOT / "decks" / "understanding-trafficking" / "deck.md")
    slides = p.controller.deck.slides
    pause = next(s.index for s in slides if s.kind == "break")
    myth = next(s.index for s in slides if s.kind == "myth")
    assert slide_label(p.controller, pause) == "Break"
    assert slide_label(p.controller, myth).startswith("Myth or reality: ")
