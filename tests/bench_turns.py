"""What the event-loop turns after a key press spend, for ``tests/bench.py``.

The turn figure of ``slide_advance_300`` is one number; this pass explains it. It
presents the same deck again, every step forward, with every event the application
delivers at the top level timed by kind (the room's frame, the console's repaint,
layouts, timers) and the console's slices timed by name, then says, for the slow turns
(above the target) and for all, what a turn spent on average.

Timing every event costs a little (each goes through Python), so these turns are a
bit slower than the headline figure, which is measured in a process without it.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from typing import Any

log = logging.getLogger(__name__)

TARGET_MS = 16.0


def part_of(event: Any, receiver: Any) -> str:
    """The part of the turn an event delivered at the top level belongs to."""
    from PySide6.QtCore import QEvent

    kind = event.type()
    window = type(receiver).__name__
    if kind in (QEvent.Type.UpdateRequest, QEvent.Type.Paint):
        if window == "AudienceWindow":
            return "room's frame"
        if window == "PresenterConsole":
            return "console repaint"
        return "other repaints"
    if kind == QEvent.Type.LayoutRequest:
        return "layouts"
    if kind == QEvent.Type.Timer:
        return "timers"
    return "other events"


def timing_app_class() -> type:
    """A QApplication that times what each top-level event delivery took."""
    from PySide6.QtWidgets import QApplication

    class TimingApplication(QApplication):
        def __init__(self, argv: list[str]) -> None:
            super().__init__(argv)
            self.spent: dict[str, float] = defaultdict(float)
            self._depth = 0

        def notify(self, receiver: Any, event: Any) -> bool:
            if self._depth:
                return super().notify(receiver, event)
            self._depth += 1
            started = time.perf_counter()
            try:
                return super().notify(receiver, event)
            finally:
                self._depth -= 1
                self.spent[part_of(event, receiver)] += time.perf_counter() - started

    return TimingApplication


def summarise(turns: list[dict[str, float]]) -> dict[str, Any]:
    """Mean milliseconds per part, over the slow turns and over all of them."""

    def means(group: list[dict[str, float]]) -> dict[str, float]:
        totals: dict[str, float] = defaultdict(float)
        for turn in group:
            for part, seconds in turn.items():
                totals[part] += seconds
        ordered = sorted(totals.items(), key=lambda item: -item[1])
        return {part: round(seconds / len(group) * 1000, 2) for part, seconds in ordered}

    slow = [turn for turn in turns if turn["turn"] * 1000 > TARGET_MS]
    return {
        "turns": len(turns),
        "slow_turns": len(slow),
        "slow_means_ms": means(slow) if slow else {},
        "all_means_ms": means(turns) if turns else {},
        "note": "timed per event (a little slower than the headline figure); console "
        "slices and the room's frame are parts of 'timers' and 'room's frame'",
    }


def breakdown_child(deck_dir: str) -> dict[str, Any]:
    """Run in a subprocess of its own (the application class is chosen at start)."""
    from presenter.core.session.clock import FakeClock
    from presenter.ui.app import build_presentation, open_deck
    from presenter.ui.presenting.audience import AudienceWindow
    from presenter.ui.presenting.keys import KeyAction

    app = timing_app_class()([__file__])
    prefetch = AudienceWindow.prefetch_neighbours
    prefetched: list[float] = []

    def timed_prefetch(self: AudienceWindow) -> None:
        started = time.perf_counter()
        try:
            prefetch(self)
        finally:
            prefetched.append(time.perf_counter() - started)

    AudienceWindow.prefetch_neighbours = timed_prefetch  # type: ignore[method-assign]
    presentation = build_presentation(
        open_deck(deck_dir), None, FakeClock(), confirm_quit=lambda: False
    )
    presentation.place()
    app.processEvents()
    presentation.audience.renderer.invalidate()
    presentation.perform(KeyAction.NEXT)
    app.processEvents()
    controller, slices = presentation.controller, presentation.console.slices
    turns: list[dict[str, float]] = []
    while controller.state.overlay is None:
        app.spent.clear()
        slices.timings.clear()
        prefetched.clear()
        started = time.perf_counter()
        presentation.perform(KeyAction.NEXT)
        pressed = time.perf_counter()
        app.processEvents()
        ended = time.perf_counter()
        turn = {"turn": ended - started, "press (controller, record, signals)": pressed - started}
        turn.update(app.spent)
        for name, seconds in slices.timings:
            if name != "(waited)":
                turn[f"  in timers: console slice {name}"] = (
                    turn.get(f"  in timers: console slice {name}", 0.0) + seconds
                )
        if prefetched:
            turn["  in timers: room's prefetch"] = sum(prefetched)
        accounted = sum(
            seconds for part, seconds in turn.items() if part != "turn" and not part[0].isspace()
        )
        turn["unaccounted (event dispatch)"] = max(0.0, turn["turn"] - accounted)
        turns.append(turn)
    presentation.shutdown()
    return summarise(turns)
