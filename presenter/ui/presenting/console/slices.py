"""The console's work after a move, one small slice per turn of the event loop.

After a press the projector's frame goes first: its repaint is a posted event, and Qt
delivers posted events before it fires timers, so the first slice runs once the frame
is on its way to the screen. The console then catches up one slice per turn, so a
quick second press of the clicker waits for one slice at most, never for the whole
console. Slices read the session when they run, so a burst of presses is caught up
once, and they take turns in order, so none waits for the burst to end. A turn in
which the room's frame was slow to paint gets no slice at all (see ``turn_cost``).

Written here rather than with a library: it is a QTimer and a few lines, and Qt has
no scheduler of its own for splitting GUI work across turns.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

SLOW_SLICE_S = 0.008  # a slice longer than this is worth a line in the log
TIMINGS_KEPT = 64
# A turn whose room's frame took longer than this has no room for a slice as well: a
# second press would wait for both. The slice waits a turn, a few turns at most.
TURN_SHARE_S = 0.006
MOST_TURNS_WAITED = 3


class Slices(QObject):
    """Named jobs, run one per turn after :meth:`request`, or all at once by :meth:`run`."""

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
        self._waited = 0
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
            self._timer.start()

    def pending(self) -> bool:
        """Whether some job still waits for its turn."""
        return bool(self._dirty)

    def run(self, *names: str) -> None:
        """Run these jobs (all by default) now, in order; they are then up to date."""
        for name in names or self._order:
            self._dirty.discard(name)
            self._run(name)
        if not self._dirty:
            self._timer.stop()

    def _step(self) -> None:
        """One job, the next dirty one in the round; the next turn gets the rest."""
        if self.turn_cost() > TURN_SHARE_S and self._waited < MOST_TURNS_WAITED:
            self._waited += 1
            self.timings.append(("(waited)", 0.0))
            self._timer.start()
            return
        self._waited = 0
        count = len(self._order)
        for offset in range(count):
            position = (self._next + offset) % count
            name = self._order[position]
            if name in self._dirty:
                self._dirty.discard(name)
                self._next = (position + 1) % count
                # Armed before running: a job that raises never stops the others.
                if self._dirty:
                    self._timer.start()
                self._run(name)
                return

    def _run(self, name: str) -> None:
        started = time.perf_counter()
        try:
            self._jobs[name]()
        finally:
            spent = time.perf_counter() - started
            self.timings.append((name, spent))
            if spent > SLOW_SLICE_S:
                log.debug("console slice %s took %.1f ms", name, spent * 1000)
