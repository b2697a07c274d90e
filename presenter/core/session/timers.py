"""Timers as timestamps: seconds accumulated while paused plus the wall time a timer
was started at, never tick counters. A timer is right whenever it is read, paused time
is excluded by construction, and it survives being written to disk and read back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Stopwatch:
    """Elapsed time as ``accumulated`` seconds plus the time it has run since
    ``running_since`` (a wall-clock timestamp, None while paused)."""

    accumulated: float = 0.0
    running_since: float | None = None

    @property
    def running(self) -> bool:
        return self.running_since is not None

    def elapsed(self, now: float) -> float:
        if self.running_since is None:
            return self.accumulated
        return self.accumulated + max(0.0, now - self.running_since)

    def start(self, t: float) -> None:
        if self.running_since is None:
            self.running_since = t

    def pause(self, t: float) -> None:
        if self.running_since is not None:
            self.accumulated += max(0.0, t - self.running_since)
            self.running_since = None

    def to_dict(self) -> dict[str, Any]:
        return {"accumulated": self.accumulated, "running_since": self.running_since}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Stopwatch:
        since = data.get("running_since")
        return cls(float(data.get("accumulated", 0.0)), None if since is None else float(since))


@dataclass
class Countdown:
    """A discussion (or break) countdown: ``total`` seconds, of which some have run."""

    total: float
    clock: Stopwatch = field(default_factory=Stopwatch)

    def remaining(self, now: float) -> float:
        return self.total - self.clock.elapsed(now)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, **self.clock.to_dict()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Countdown:
        return cls(float(data.get("total", 0.0)), Stopwatch.from_dict(data))
