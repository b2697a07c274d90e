"""What the printed documents say, worked out from the deck: agenda, timings, sources.

Plain data and no Qt, so the arithmetic (start times, deduplicated references) is easy
to test and the same for every document.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import time

from presenter.core.deck.kinds import kind_of
from presenter.core.deck.model import Deck, MythData, Slide
from presenter.render import fragments
from presenter.support.i18n import t

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Timed:
    """A slide with its number in the variant and when it starts, in minutes."""

    number: int
    slide: Slide
    start: float


@dataclass(frozen=True)
class AgendaPart:
    title: str
    first: int  # slide numbers, 1-based within the variant
    last: int
    start: float  # minutes from the start
    minutes: float


@dataclass(frozen=True)
class Reference:
    source: str
    slides: tuple[int, ...]


def parse_start(text: str) -> time:
    """``HH:MM`` (24-hour). Raises ValueError with a message for people."""
    match = re.fullmatch(r"\s*(\d{1,2})[:.h](\d{2})\s*", text or "")
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(f"start time {text!r} is not HH:MM, for example 18:30")
    return time(int(match[1]), int(match[2]))


def clock(start: time | None, minutes: float) -> str:
    """The time of day ``minutes`` after ``start``, or ``+0:05`` without a start."""
    total = round(minutes)
    if start is None:
        return f"+{total // 60}:{total % 60:02d}"
    of_day = (start.hour * 60 + start.minute + total) % (24 * 60)
    return f"{of_day // 60:02d}:{of_day % 60:02d}"


def fmt_minutes(minutes: float | None) -> str:
    if minutes is None:
        return "–"
    return f"{minutes:g}"


def timed_slides(deck: Deck, variant: str | None) -> list[Timed]:
    out, elapsed = [], 0.0
    for number, slide in enumerate(deck.slides_for(variant), start=1):
        out.append(Timed(number, slide, elapsed))
        elapsed += slide.minutes or 0.0
    return out


def agenda(deck: Deck, variant: str | None, lang: str | None = None) -> list[AgendaPart]:
    """The workshop's parts: one per section slide, and the opening before the first.

    A break is a part of its own, so a section's minutes never include the break;
    slides after a break and before the next section continue the section before it."""
    parts: list[AgendaPart] = []
    current: list[Timed] = []
    title = t("Opening", lang=lang)

    def close(name: str) -> None:
        if current:
            minutes = sum(x.slide.minutes or 0.0 for x in current)
            parts.append(
                AgendaPart(name, current[0].number, current[-1].number, current[0].start, minutes)
            )

    for item in timed_slides(deck, variant):
        kind = kind_of(item.slide)
        if kind.starts_part:
            close(title)
            current = []
            title = slide_title(item.slide, lang)
        elif kind.own_part:  # a break: a part of its own, the section goes on after it
            close(title)
            current = [item]
            close(slide_title(item.slide, lang) or t("Break", lang=lang))
            current = []
            continue
        current.append(item)
    close(title)
    return parts


def all_sources(slide: Slide) -> tuple[str, ...]:
    found = list(slide.sources)
    if slide.myth is not None:
        found += [s for s in slide.myth.sources if s not in found]
    return tuple(found)


def references(deck: Deck, variant: str | None) -> list[Reference]:
    """Every source cited on the variant's slides, once, in order of first citation."""
    seen: dict[str, list[int]] = {}
    keys: dict[str, str] = {}
    for item in timed_slides(deck, variant):
        for source in all_sources(item.slide):
            key = " ".join(source.split()).casefold().rstrip(".")
            first = keys.setdefault(key, source)
            numbers = seen.setdefault(first, [])
            if item.number not in numbers:
                numbers.append(item.number)
    return [Reference(source, tuple(numbers)) for source, numbers in seen.items()]


def unique_myths(deck: Deck, variant: str | None) -> list[tuple[int, MythData]]:
    """Each myth once (a myth asked again in a recap is the same card), with its slide."""
    out: list[tuple[int, MythData]] = []
    seen: set[str] = set()
    for item in timed_slides(deck, variant):
        myth = item.slide.myth
        if myth is None:
            continue
        key = myth.id or myth.statement
        if key in seen:
            continue
        seen.add(key)
        out.append((item.number, myth))
    return out


def slide_title(slide: Slide, lang: str | None = None) -> str:
    """The slide's title as printed: a kind's own default title ("Break", when the
    author gave none) in the reader's language, like the slide itself shows it."""
    default = kind_of(slide).default_title
    if default and slide.title == default:
        return t(default, lang=lang)
    return slide.title


def kind_label(kind: str, lang: str | None = None) -> str:
    """What printed documents call a slide of this kind (an unknown name: "Slide")."""
    return fragments.kind_label(kind, lang, printed=True)
