"""The facilitator's settings reach the console: notes size, pacing colours, the chime."""

from __future__ import annotations

import io
import wave

import pytest
from PySide6.QtCore import Qt

from presenter.core.appcontext import AppContext
from presenter.core.settings import DEFAULTS
from presenter.ui.presenting.chime import chime_wav
from presenter.ui.presenting.console.status import PACING_COLOURS
from presenter.ui.presenting.presentation import Presentation

K = Qt.Key
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


def test_note_font_size_from_the_settings(make_presentation, deck_path) -> None:
    p = make_presentation(deck_path, ctx=AppContext.of(DEFAULTS.updated(note_font_size=30)))
    assert p.console.notes.font().pixelSize() == 30
    assert p.console.notes.document().defaultFont().pixelSize() == 30
    p.console.change_notes_size(1)  # A+ steps on from the configured size
    assert p.console.notes.font().pixelSize() == 32
    p.console.change_notes_size(-1)
    assert p.console.notes.font().pixelSize() == 28
    default = make_presentation(deck_path)
    assert default.console.notes.font().pixelSize() == DEFAULTS.note_font_size


def pacing_colour(p: Presentation) -> str:
    p.console.status.refresh()
    return p.console.status.pacing.value.styleSheet()


def test_pacing_colours_follow_the_configured_thresholds(make_presentation, deck_path, clock):
    strict = make_presentation(
        deck_path,
        ctx=AppContext.of(DEFAULTS.updated(pacing_amber_minutes=1.0, pacing_red_minutes=3.0)),
    )
    relaxed = make_presentation(deck_path)  # defaults: amber at 2, red at 5
    for p in (strict, relaxed):
        p.controller.next()  # past the content warning: the workshop clock runs
    # The title slide is planned for 1 minute; 2.5 minutes on it is 1.5 behind.
    clock.advance(150)
    assert PACING_COLOURS["amber"] in pacing_colour(strict)
    assert PACING_COLOURS["green"] in pacing_colour(relaxed)
    clock.advance(120)  # 3.5 behind
    assert PACING_COLOURS["red"] in pacing_colour(strict)
    assert PACING_COLOURS["amber"] in pacing_colour(relaxed)
    assert strict.controller.thresholds.red == 3.0


def run_discussion_to_the_end(p: Presentation, clock) -> None:
    p.controller.next()
    p.controller.goto_number(4)  # the discussion (youth variant)
    p.controller.timer_start()
    clock.advance(179)
    p.console._tick_refresh()
    clock.advance(2)
    p.console._tick_refresh()
    p.console._tick_refresh()  # still over: no second chime


def test_countdown_end_chimes_only_when_switched_on(make_presentation, deck_path, clock):
    quiet: list[str] = []
    p = make_presentation(deck_path, sound=lambda: quiet.append("chime"))
    run_discussion_to_the_end(p, clock)
    assert p.console.controls.countdown.remaining.text() == "Time's up"
    assert quiet == []  # off by default: the visual end signal only

    heard: list[str] = []
    p = make_presentation(
        deck_path,
        ctx=AppContext.of(DEFAULTS.updated(countdown_sound=True)),
        sound=lambda: heard.append("x"),
    )
    run_discussion_to_the_end(p, clock)
    assert heard == ["x"]
    p.controller.timer_adjust(60)  # one more minute, and it ends again
    p.console._tick_refresh()
    clock.advance(61)
    p.console._tick_refresh()
    assert heard == ["x", "x"]


def test_the_chime_is_short_soft_and_valid() -> None:
    data = chime_wav()
    assert len(data) < 100_000
    with wave.open(io.BytesIO(data)) as sound:
        assert sound.getnchannels() == 1 and sound.getsampwidth() == 2
        seconds = sound.getnframes() / sound.getframerate()
        frames = sound.readframes(sound.getnframes())
    assert 0.5 < seconds < 2.0
    peak = max(abs(int.from_bytes(frames[i : i + 2], "little", signed=True))
               for i in range(0, len(frames), 2))  # fmt: skip
    assert 0 < peak < 32767 * 0.3  # soft, never clipping
