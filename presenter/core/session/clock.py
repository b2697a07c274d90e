"""Injectable clocks: every timer in a session is a timestamp read through one of these.

Wall-clock epoch seconds (``time.time``) rather than a monotonic clock, because the
timestamps go into the session record and must still mean something after a restart:
a resumed session compares them with the time it resumes at.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Wall-clock time in epoch seconds."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> float:
        return time.time()


class FakeClock:
    """A clock that only moves when told to, for tests and scripted sessions."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self._now = float(start)

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += float(seconds)

    def set(self, when: float) -> None:
        self._now = float(when)
