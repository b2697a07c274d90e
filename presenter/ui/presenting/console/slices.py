"""The console's work after a move, one small slice per turn of the event loop.

After a press the projector's frame goes first: its repaint is a posted event, and Qt
delivers posted events before it fires timers, so the first slice runs once the frame
is on its way to the screen. The console then catches up one slice per turn, so a
quick second press of the clicker waits for one slice at most, never for the whole
console. Slices read the session when they run, so a burst of presses is caught up
once, and they take turns in order, so none waits for the burst to end. A slice
runs in a turn only if it fits beside the room's frame painted in that turn (see
``turn_cost`` and ``TURN_BUDGET_S``), by what it took the last times.

Written here rather than with a library: it is a QTimer and a few lines, and Qt has
no scheduler of its own for splitting GUI work across turns.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer

log = logging.getLogger(__name__)

SLOW_SLICE_S = 0.008  # a slice longer than this is worth a line in the log
TIMINGS_KEPT = 64
# The room's frame and one slice together stay within this, so a second press never
# waits for a long frame and a long slice in one turn: a slice that would not fit
# waits a turn (a few turns at most), and a cheaper one may go first.
TURN_BUDGET_S = 0.010
MOST_TURNS_WITHOUT = 3  # then the longest-waiting job runs, if it fits the ceiling
MOST_TURNS_PASSED_OVER = 8  # a job passed over this often runs, if it fits the ceiling
# What a turn may take with a job that has waited (the target for a whole turn is
# 16 ms): a slow frame plus a long slice would go past it, so the job waits for a
# cheaper frame, as a clicker's bursts are rarely all slow slides...
TURN_CEILING_S = 0.014
MOST_TURNS_OVER_CEILING = 16  # ...but no longer than this: then it runs in any turn
FIRST_GUESS_S = 0.001  # what a slice is expected to take before it has run
LEARNING = 0.3  # weight of the latest duration in the running estimate
MOST_PARTS = 4  # parts of one job run back to back by run()


class Slices(QObject):
    """Named jobs, run one per turn after :meth:`request`, or all at once by :meth:`run`.

    A job that returns False has done one part of its work and is run again in a later
    turn (or at once, by :meth:`run`) until it returns anything else."""

    def __init__(
        self, jobs: Sequence[tuple[str, Callable[[], object]]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._jobs = dict(jobs)
        self._order = [name for name, _ in jobs]
        self._dirty: set[str] = set()
        self._next = 0  # where the round goes on
        # Seconds the higher-priority work (the room's frame) took since the last call:
        # in this turn, since a slice's timer fires in every turn it is armed.
        self.turn_cost: Callable[[], float] = lambda: 0.0
        # Paints what a job changed, in its own turn and time: left to the event loop,
        # the repaint would land in the next turn, with the next press's frame.
        self.flush: Callable[[], None] = lambda: None
        self._waited: dict[str, int] = dict.fromkeys(self._order, 0)  # turns passed over
        self._idle_turns = 0  # turns in a row with no job run, though some were due
        self._expected: dict[str, float] = {}  # what each took, lately
        # The last slices run, by name and seconds: what a slow turn spent (the bench).
        self.timings: deque[tuple[str, float]] = deque(maxlen=TIMINGS_KEPT)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    @property
    def names(self) -> list[str]:
        return list(self._order)

    def request(self, *names: str) -> None:
        """Bring these jobs (all by default) up to date in the next turns."""
        wanted = names or self._order
        unknown = set(wanted) - set(self._jobs)
        if unknown:
            raise KeyError(f"no such console slice: {sorted(unknown)}")
        self._dirty.update(wanted)
        if not self._timer.isActive():
            self.turn_cost()  # what frames cost before this turn is no concern of it
            self._timer.start()

    def pending(self) -> bool:
        """Whether some job still waits for its turn."""
        return bool(self._dirty)

    def run(self, *names: str) -> None:
        """Run these jobs (all by default) now, in order; they are then up to date."""
        for name in names or self._order:
            self._dirty.discard(name)
            for _part in range(MOST_PARTS):  # a job in parts: all of them, now
                if self._run(name) is not False:
                    break
            else:
                self.request(name)  # still not done: the event loop goes on with it
        if not self._dirty:
            self._timer.stop()

    def _step(self) -> None:
        """At most one job: the next dirty one in the round that fits beside this turn's
        frame; after a few turns without any, or for a job passed over too often, one
        that keeps the turn under the ceiling; a job passed over very often runs
        whatever the turn."""
        cost = self.turn_cost()
        dirty = [name for name in self._round() if name in self._dirty]
        if not dirty:
            return

        def fits(name: str, budget: float) -> bool:
            return self._expected.get(name, FIRST_GUESS_S) <= budget - cost

        overdue = [name for name in dirty if self._waited[name] >= MOST_TURNS_OVER_CEILING]
        starved = [
            name
            for name in dirty
            if self._waited[name] >= MOST_TURNS_PASSED_OVER and fits(name, TURN_CEILING_S)
        ]
        fitting = [name for name in dirty if fits(name, TURN_BUDGET_S)]
        waited = [name for name in dirty if fits(name, TURN_CEILING_S)]
        if overdue:
            chosen = overdue[0]
        elif starved:
            chosen = starved[0]
        elif fitting:
            chosen = fitting[0]
        elif self._idle_turns >= MOST_TURNS_WITHOUT and waited:
            chosen = max(waited, key=lambda name: self._waited[name])
        else:
            self._idle_turns += 1
            for name in dirty:
                self._waited[name] += 1
            self.timings.append(("(waited)", 0.0))
            self._timer.start()
            return
        for name in dirty:
            self._waited[name] += 1
        self._waited[chosen] = 0
        self._idle_turns = 0
        self._dirty.discard(chosen)
        self._next = (self._order.index(chosen) + 1) % len(self._order)
        # Armed before running: a job that raises never stops the others.
        if self._dirty:
            self._timer.start()
        if self._run(chosen, flush=True) is False:  # a part done: the rest in a later turn
            self.request(chosen)

    def _round(self) -> list[str]:
        """The jobs from where the round goes on."""
        return self._order[self._next :] + self._order[: self._next]

    def _run(self, name: str, *, flush: bool = False) -> object:
        started = time.perf_counter()
        try:
            done = self._jobs[name]()
            if flush:
                self.flush()
            return done
        finally:
            spent = time.perf_counter() - started
            self.timings.append((name, spent))
            before = self._expected.get(name)
            # A slow run counts at once, a quick one little by little: a job that is
            # usually quick but slow now and then (the lists, when the slide changed)
            # is expected to be slow, and does not go beside a slow frame.
            self._expected[name] = (
                spent if before is None else max(spent, before + LEARNING * (spent - before))
            )
            if spent > SLOW_SLICE_S:
                log.debug("console slice %s took %.1f ms", name, spent * 1000)


class RepaintMeter:
    """Mixed into a window: the seconds its repaints took, until asked (a window's
    repaint is one posted event, delivered in the same turn as the room's frame)."""

    _repaint_seconds = 0.0

    def take_repaint_cost(self) -> float:
        spent, self._repaint_seconds = self._repaint_seconds, 0.0
        return spent

    def event(self, event: QEvent) -> bool:
        if event.type() != QEvent.Type.UpdateRequest:
            return super().event(event)  # type: ignore[misc]
        started = time.perf_counter()
        try:
            return super().event(event)  # type: ignore[misc]
        finally:
            self._repaint_seconds += time.perf_counter() - started
