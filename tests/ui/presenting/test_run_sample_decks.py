"""Every sample workshop runs start to finish with the clicker's keys alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from presenter.core.session.view import Overlay
from tests.conftest import DECKS

pytestmark = pytest.mark.qt_log_ignore("does not support raise")
SAMPLES = sorted(p for p in DECKS.glob("*/deck.md")) if DECKS.is_dir() else []


@pytest.mark.parametrize("deck_file", SAMPLES, ids=lambda p: p.parent.name)
def test_sample_deck_start_to_finish(qtbot, make_presentation, clock, deck_file) -> None:
    p = make_presentation(deck_file, variant=None)
    c = p.controller
    steps = sum(c.deck.slides[i].step_count for i in c.visible)
    notes = [s.notes.strip() for s in c.deck.slides if s.notes.strip()]
    for n in range(steps + 5):
        qtbot.keyClick(p.audience if n % 2 else p.console, Qt.Key.Key_PageDown)
        clock.advance(20)
        assert p.audience.findChildren(QWidget) == []
    assert p.audience.view.overlay is Overlay.END
    assert c.state.elapsed(clock.now()) > 0
    assert notes, "sample decks carry facilitator notes"
    # Back to the start by keys, through every slide again.
    qtbot.keyClick(p.audience, Qt.Key.Key_Home)
    assert p.audience.view.slide_index == c.visible[0]
