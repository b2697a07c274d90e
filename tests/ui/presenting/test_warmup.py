"""After the room's first frame, every slide's HTML is made in the idle time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from presenter.core.appcontext import AppContext
from presenter.core.session.clock import FakeClock
from presenter.core.settings import DEFAULTS
from presenter.ui.app import open_deck
from presenter.ui.presenting.launch import StartOptions, start_presentation
from presenter.ui.presenting.warmup import SlideWarmer

ROOT = Path(__file__).resolve().parents[3]
DECK = ROOT / "decks" / "understanding-trafficking"


def test_presenting_makes_every_slides_html_after_the_first_frame(qtbot) -> None:
    deck = open_deck(DECK)
    assert not any(s.content.converted for s in deck.slides)
    started = start_presentation(
        AppContext.of(DEFAULTS),
        deck,
        StartOptions(rehearse=True),
        FakeClock(),
        on_quit=None,
        sound=lambda: None,
    )
    try:
        assert started.warmer is not None
        qtbot.waitUntil(lambda: started.warmer.done, timeout=10_000)
        assert all(s.content.converted for s in deck.slides)
    finally:
        started.close()
        for window in (started.presentation.audience, started.presentation.console):
            window.hide()
            window.deleteLater()
        QApplication.processEvents()


def test_a_press_waits_for_at_most_one_slide(qtbot) -> None:
    deck = open_deck(DECK)
    warmer = SlideWarmer(deck)
    warmer._step()  # one turn of the event loop
    assert sum(s.content.converted for s in deck.slides) == 1
    assert deck.slides[3].steps_html  # a jump converts what it shows
    converted = sum(s.content.converted for s in deck.slides)
    warmer.start()
    qtbot.waitUntil(lambda: warmer.done, timeout=10_000)
    assert converted == 2 and all(s.content.converted for s in deck.slides)
