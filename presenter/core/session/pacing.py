"""Pacing: how far the workshop is behind (or ahead of) its plan, and what colour that is.

Qt-free. The controller works out the minutes (``SessionController.pacing``); the rule
for the colour lives here, with the thresholds the Settings give.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PacingThresholds:
    """Minutes behind plan at which pacing turns amber and red; far ahead is amber too."""

    amber: float = 2.0
    red: float = 5.0
    ahead_amber: float = 5.0

    def level(self, behind: float) -> str:
        """``green``, ``amber`` or ``red`` for ``behind`` minutes (negative: ahead)."""
        if behind >= self.red:
            return "red"
        if behind >= self.amber or -behind >= self.ahead_amber:
            return "amber"
        return "green"


@dataclass(frozen=True)
class Pacing:
    planned: float  # minutes the plan expects to have been spent by now
    elapsed: float  # minutes actually spent
    level: str  # "green", "amber" or "red"

    @property
    def behind(self) -> float:
        """Minutes behind plan (negative: ahead)."""
        return self.elapsed - self.planned
