"""What the audience screen shows at one moment, as plain data.

The session state decides *what* is on the projector; the renderer decides *how* it
looks. This small value sits between them, so the renderer never needs the session and
the same view paints identically on the projector, a console preview, a PNG or a PDF.
"""

from __future__ import annotations

import enum
import logging
import math
from dataclasses import dataclass, replace

log = logging.getLogger(__name__)


class Overlay(enum.StrEnum):
    """Full screens shown instead of the slide; the slide underneath is kept."""

    BLACK = "black"
    WHITE = "white"
    CALM = "calm"  # neutral, in the deck's theme, with a short grounding line
    HELP = "help"  # the support contacts, from anywhere
    CONTENT_WARNING = "content_warning"  # before slide 1, until the facilitator continues
    END = "end"  # after the last slide


@dataclass(frozen=True)
class Tally:
    """A show of hands on one statement: how many said "myth", how many said "reality".

    ``answer`` is what the statement is ("myth" unless the deck says ``answer: reality``),
    so the share answering correctly follows it.
    """

    said_myth: int = 0
    said_reality: int = 0
    answer: str = "myth"
    phones: int = 0  # how many of these answers came from phones (the rest: hands)

    @property
    def total(self) -> int:
        return self.said_myth + self.said_reality

    @property
    def said_right(self) -> int:
        return self.said_reality if self.answer == "reality" else self.said_myth

    @property
    def correct_share(self) -> float | None:
        """Share that answered correctly."""
        return self.said_right / self.total if self.total else None

    def answering(self, answer: str) -> Tally:
        """The same counts for a statement whose right answer is ``answer``."""
        return replace(self, answer=answer)


@dataclass(frozen=True)
class PhonesBadge:
    """While phones may answer: where to point them, and how many have answered."""

    join_url: str  # what the QR code carries (the address with the room code)
    address: str  # short, to type: "192.168.1.20:8765"
    code: str
    answers: int


@dataclass(frozen=True)
class SlideView:
    """One audience frame.

    ``slide_index`` indexes ``deck.slides`` (not a variant's subset). ``step`` is the
    reveal step: for myth slides 0 = statement, 1 = reality; for recap slides step
    ``2k`` asks myth ``k`` again and ``2k + 1`` reveals it.
    """

    slide_index: int | None
    step: int = 0
    overlay: Overlay | None = None
    countdown_remaining: float | None = None  # seconds; None: no countdown on screen
    countdown_total: float | None = None
    countdown_running: bool = False
    tally: Tally | None = None  # results for the myth item on screen, if entered
    before_tally: Tally | None = None  # on a recap: the first ask of the same myth
    slide_number: int | None = None  # 1-based position within the variant, for the footer
    slide_total: int | None = None
    phones: PhonesBadge | None = None  # phones answering the myth on screen


def whole_seconds(view: SlideView) -> SlideView:
    """The view with its countdown rounded up to whole seconds, so a surface repaints
    once a second and shows 0:00 only when time is really up."""
    if view.countdown_remaining is None:
        return view
    return replace(view, countdown_remaining=float(math.ceil(view.countdown_remaining)))
