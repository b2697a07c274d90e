"""What the room answered and what the facilitator noted, one record each: the show of
hands (and phones) on a myth item, a quick note. Plain data, kept in the session state."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from presenter.core.session.view import Tally

log = logging.getLogger(__name__)


@dataclass
class ItemResult:
    """The answers to one myth item (a myth slide, or one myth on a recap): hands the
    facilitator counted, plus answers from phones; the room's tally is their sum."""

    said_myth: int = 0
    said_reality: int = 0
    not_asked: bool = False
    counted: bool = False  # counts were entered (0/0 is then a real answer)
    phone_myth: int = 0
    phone_reality: int = 0

    @property
    def phones(self) -> int:
        return self.phone_myth + self.phone_reality

    @property
    def tally(self) -> Tally | None:
        if self.not_asked or not (self.counted or self.phones):
            return None
        return Tally(
            self.said_myth + self.phone_myth,
            self.said_reality + self.phone_reality,
            phones=self.phones,
        )


@dataclass
class QuickNote:
    t: float
    slide: int
    text: str


@dataclass(frozen=True)
class MythItem:
    """A myth asked on screen: on a myth slide (item 0) or one of a recap's myths."""

    slide: int
    item: int
    myth_id: str | None
    source_slide: int | None  # the myth slide it was first asked on
    answer: str = "myth"  # "reality" for a true statement
