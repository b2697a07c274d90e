"""Content slides that surely fit, told apart without laying them out.

``presenter check`` lays slides out by the real renderer to find text that does not fit
even at the floor size. A short plain content slide cannot overflow, and is not laid
out (a deck of 10,000 slides checks in seconds). "Short and plain" is what a test
proves (``tests/render/test_render_surefit.py``): the fullest slide these limits allow,
with every number of lines up to the limit, the heading at its longest, in words of
several lengths written in the widest letter the limits allow, fits at its worst step
in every bundled theme, in languages of both directions.

So the limits hold only for what that test lays out: the bundled themes' fonts and sizes
(:func:`within_bundled_themes`), the letters of :data:`SURE_TEXT`, and none of what
changes a layout beyond lines of text (images, tables, code, raw HTML, character
references, setext headings, a second heading, a word longer than ``SURE.word``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, fields
from functools import cache

from presenter.core.deck.kinds import kind_of
from presenter.core.deck.model import Slide
from presenter.render.theme import Sizes, Theme, available_themes, load_theme

log = logging.getLogger(__name__)

# Latin letters of Western and Central Europe, the common punctuation, quotes, dashes
# and bullets, the euro and arrows: the letters the test measures, in the faces it lays
# out. Everything else is laid out (Cyrillic and Greek have letters a third wider than
# W, some scripts are far taller, some ligatures three times as wide).
SURE_TEXT = re.compile("[\n\x20-\x7e\xa0-\u017f\u2010-\u2027\u20ac\u2190-\u2193]*")
# Markdown that changes a layout beyond lines of text: tables, code, raw HTML and
# autolinks, images, character references (one can name any character), setext headings.
_NOT_PLAIN = re.compile(r"\||```|~~~|^ {4}|\t|<|!\[|&[#A-Za-z]|^\s*(=+|-+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Limits:
    """The most text a content slide may hold and still surely fit."""

    chars: int = 200  # the test finds 210 the most; 200 leaves room for what it misses
    lines: int = 6
    headings: int = 1  # lines starting with "#": larger type
    heading_chars: int = 40
    word: int = 24


SURE = Limits()


def within_bundled_themes(theme: Theme) -> bool:
    """Whether ``theme`` leaves a slide at least the room some bundled theme does: the
    same fonts, and no size (floor, margin, headings, sources) larger. Only then do the
    limits hold; a deck's own theme with larger type is laid out slide by slide."""
    return any(
        theme.families == bundled.families
        and all(getattr(theme.sizes, name) <= getattr(bundled.sizes, name) for name in SIZE_FIELDS)
        for bundled in _bundled_themes()
    )


SIZE_FIELDS = tuple(f.name for f in fields(Sizes))


@cache
def _bundled_themes() -> tuple[Theme, ...]:
    return tuple(load_theme(name) for name in available_themes())


def within(text: str, limits: Limits = SURE) -> bool:
    """Plain text no longer, in no more lines and headings, than ``limits``."""
    if len(text) > limits.chars or not SURE_TEXT.fullmatch(text) or _NOT_PLAIN.search(text):
        return False
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    headings = [line for line in lines if line.startswith("#")]
    if len(lines) > limits.lines or len(headings) > limits.headings:
        return False
    if any(len(line) > limits.heading_chars for line in headings):
        return False
    return all(len(word) <= limits.word for word in text.split())


def surely_fits(slide: Slide) -> bool:
    """Whether ``slide`` fits at its worst without being laid out, in a theme for which
    :func:`within_bundled_themes` holds (the caller checks the deck's theme once)."""
    return kind_of(slide).body_only and not slide.images and within(slide.body)
