"""Slide text fitted to its place: the style, the CSS for one size, and the search for
the largest size (down to the theme's floor) at which a block fits its rectangle.

Each block is a :class:`~presenter.render.document.DeckDocument`, the document that reads
only what a deck may read.
"""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)

from presenter.render.document import DeckDocument, size_images
from presenter.render.fonts import slide_font
from presenter.render.theme import Theme

log = logging.getLogger(__name__)

# Whether layouts only need to know if text fits at all (the overflow check), not the
# largest size it fits at: then the size search stops at two layouts, the largest size
# and the floor, and overflow is decided exactly as the full search would decide it.
_VERDICT_ONLY: ContextVar[bool] = ContextVar("verdict_only", default=False)


@contextmanager
def verdict_only() -> Iterator[None]:
    """Within this block, fitting decides overflow only (see ``_VERDICT_ONLY``)."""
    token = _VERDICT_ONLY.set(True)
    try:
        yield
    finally:
        _VERDICT_ONLY.reset(token)


@dataclass(frozen=True)
class TextStyle:
    """How a block of slide text looks; sizes in canvas pixels at full size."""

    body: float
    heading: float
    floor: float
    color: str
    heading_color: str
    muted: str
    surface: str
    families: tuple[str, ...]
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    rtl: bool = False
    bold: bool = False

    @classmethod
    def for_theme(cls, theme: Theme, rtl: bool, **changes: object) -> TextStyle:
        c, s = theme.colors, theme.sizes
        base = cls(
            s.body,
            s.heading,
            s.floor,
            c.text,
            c.heading,
            c.muted,
            c.surface,
            theme.families,
            rtl=rtl,
        )
        return _replace(base, **changes)


def _replace(style: TextStyle, **changes: object) -> TextStyle:
    from dataclasses import replace

    return replace(style, **changes)  # type: ignore[arg-type]


def stylesheet(style: TextStyle, factor: float) -> str:
    """CSS for one size factor. Qt applies one class per element: combine them by name."""
    b = style.body * factor
    h = style.heading * factor
    return f"""
h1 {{ font-size: {h * 1.12:.0f}px; font-weight: bold; color: {style.heading_color};
      margin-top: 0px; margin-bottom: {b * 0.5:.0f}px; }}
h2 {{ font-size: {h:.0f}px; font-weight: bold; color: {style.heading_color};
      margin-top: 0px; margin-bottom: {b * 0.5:.0f}px; }}
h3, h4, h5, h6 {{ font-size: {(b + h) / 2:.0f}px; font-weight: bold;
      color: {style.heading_color}; margin-top: 0px; margin-bottom: {b * 0.35:.0f}px; }}
p {{ margin-top: 0px; margin-bottom: {b * 0.45:.0f}px; line-height: 118%; }}
ul, ol {{ margin-top: 0px; margin-bottom: {b * 0.4:.0f}px; }}
li {{ margin-bottom: {b * 0.28:.0f}px; line-height: 118%; }}
li p {{ margin-bottom: 0px; }}
table {{ border-collapse: collapse; margin-bottom: {b * 0.4:.0f}px; }}
th, td {{ padding: {b * 0.18:.0f}px {b * 0.35:.0f}px; border: 2px solid {style.muted}; }}
th {{ background-color: {style.surface}; font-weight: bold; }}
code, pre {{ background-color: {style.surface}; font-family: "DejaVu Sans Mono"; }}
pre {{ margin-top: 0px; margin-bottom: {b * 0.45:.0f}px; white-space: pre; }}
blockquote {{ margin-left: {b:.0f}px; margin-right: {b:.0f}px; font-style: italic; }}
a {{ color: {style.color}; text-decoration: none; }}
.big {{ font-size: {h:.0f}px; font-weight: bold; }}
.small {{ font-size: {b * 0.8:.0f}px; }}
.contact {{ margin-bottom: {b * 0.06:.0f}px; line-height: 100%; }}
.reach {{ font-size: {h:.0f}px; font-weight: bold; margin-bottom: {b * 0.06:.0f}px;
         line-height: 100%; }}
.when {{ font-size: {b * 0.8:.0f}px; margin-bottom: 0px; line-height: 100%; }}
.tight {{ margin-bottom: {b * 0.1:.0f}px; }}
.gap {{ margin-bottom: {b * 0.8:.0f}px; }}
.big-gap {{ font-size: {h:.0f}px; font-weight: bold; margin-bottom: {b * 0.8:.0f}px; }}
.big-tight {{ font-size: {h:.0f}px; font-weight: bold; margin-bottom: {b * 0.1:.0f}px; }}
.lead {{ font-size: {h:.0f}px; margin-bottom: {b * 0.8:.0f}px; line-height: 115%; }}
.small-gap {{ font-size: {b * 0.8:.0f}px; margin-bottom: {b * 0.8:.0f}px; }}
"""


@dataclass
class TextBlock:
    """A laid-out document with its place on the canvas."""

    doc: QTextDocument
    rect: QRectF  # where it is drawn (its height is the document's)
    color: str
    factor: float
    overflow: bool

    def paint(self, painter: QPainter) -> None:
        painter.save()
        painter.translate(self.rect.topLeft())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, QColor(self.color))
        ctx.clip = QRectF(0, 0, self.rect.width(), self.rect.height() + 2)
        self.doc.documentLayout().draw(painter, ctx)
        painter.restore()


def make_document(
    text: str,
    style: TextStyle,
    width: float,
    factor: float,
    folder: Path | None,
    max_h: float,
    sizes: dict[str, QSize] | None = None,
) -> DeckDocument:
    """``text`` laid out at ``factor``; ``sizes`` keeps image sizes between calls."""
    doc = DeckDocument(folder, style.muted)
    doc.setDocumentMargin(0)
    doc.setUndoRedoEnabled(False)
    doc.setDefaultFont(slide_font(style.body * factor, style.families, bold=style.bold))
    doc.setIndentWidth(style.body * factor * 1.1)
    option = QTextOption(style.align)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    # Each paragraph takes its direction from its own text (Arabic, Hebrew...).
    option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
    doc.setDefaultTextOption(option)
    doc.setDefaultStyleSheet(stylesheet(style, factor))
    doc.setTextWidth(width)
    doc.setHtml(size_images(text, folder, width, max_h * factor, sizes))
    return doc


def fits(doc: QTextDocument, width: float, height: float) -> bool:
    size = doc.size()
    return size.height() <= height + 0.5 and doc.idealWidth() <= width + 0.5


def fit_text(
    text: str,
    style: TextStyle,
    rect: QRectF,
    folder: Path | None = None,
    *,
    factor: float | None = None,
    image_share: float = 0.62,
    valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
) -> TextBlock:
    """Lay ``text`` (HTML) out in ``rect``, shrinking it to the style's floor if needed.

    With ``factor`` given the size is not searched: reveal steps of one slide share the
    factor fitted for their last step, so earlier text never jumps.
    """
    width, height = rect.width(), rect.height()
    max_img_h = height * image_share
    if factor is None:
        factor = best_factor(text, style, rect, folder, image_share)
    key = (text, style, width, factor, folder, max_img_h)
    doc = _spare_taken(key) or make_document(text, style, width, factor, folder, max_img_h)
    overflow = not fits(doc, width, height)
    doc_h = doc.size().height()
    top = rect.top()
    if valign & Qt.AlignmentFlag.AlignVCenter and doc_h < height:
        top += (height - doc_h) / 2
    elif valign & Qt.AlignmentFlag.AlignBottom and doc_h < height:
        top += height - doc_h
    block_rect = QRectF(rect.left(), top, width, min(doc_h, height))
    return TextBlock(doc, block_rect, style.color, factor, overflow)


def best_factor(
    text: str, style: TextStyle, rect: QRectF, folder: Path | None, image_share: float = 0.62
) -> float:
    """The largest size factor (down to the floor) at which ``text`` fits in ``rect``."""
    return _best_factor(
        text, style, rect.width(), rect.height(), folder, image_share, _VERDICT_ONLY.get()
    )


# The document the size search laid out at the size it settled on: the block that asks
# next for that text at that size takes it rather than laying it out again (the last
# step of a slide, and every block in the overflow check). One per thread, taken once,
# so no document ever belongs to two blocks or crosses threads.
_spare = threading.local()
SpareKey = tuple[str, "TextStyle", float, float, "Path | None", float]


def _spare_keep(key: SpareKey, doc: DeckDocument) -> None:
    _spare.item = (key, doc)


def _spare_taken(key: SpareKey) -> DeckDocument | None:
    item = getattr(_spare, "item", None)
    if item is None or item[0] != key:
        return None
    _spare.item = None
    doc: DeckDocument = item[1]
    return doc


# The search stops once the largest fitting size is known to within this many canvas
# pixels of body text: fonts are set in whole pixels, so a closer answer draws the same.
SIZE_TOLERANCE_PX = 1.0
SEARCH_STEPS = 6  # at most this many layouts between the floor and full size
# A size whose text already fills this much of its place is the answer: a larger one
# would gain a fraction of a pixel (less still for text that wraps, which grows faster).
FULL_ENOUGH = 0.995


@lru_cache(maxsize=4096)
def _best_factor(
    text: str,
    style: TextStyle,
    width: float,
    height: float,
    folder: Path | None,
    image_share: float,
    verdict: bool = False,
) -> float:
    floor = min(1.0, style.floor / style.body)
    sizes: dict[str, QSize] = {}  # each image's natural size, looked up once per search

    def measure(f: float) -> tuple[bool, float]:
        """Whether the text fits at ``f``, and by how much it fills its place (1: just)."""
        doc = make_document(text, style, width, f, folder, height * image_share, sizes)
        size = doc.size()
        fill = max(size.height() / max(height, 1.0), doc.idealWidth() / max(width, 1.0))
        fit = fits(doc, width, height)
        if fit or f == floor:  # the answer is the largest size that fits, or the floor
            _spare_keep((text, style, width, f, folder, height * image_share), doc)
        return fit, fill

    fit_full, fill_full = measure(1.0)
    if fit_full:
        return 1.0
    if verdict:
        return floor  # fits (or not) at the floor, as the full search would decide
    tolerance = SIZE_TOLERANCE_PX / style.body
    high, fill_high = 1.0, fill_full
    # First try the size at which the text would just fit if it grew in proportion to
    # its size: text that wraps grows faster than that, so this nearly always fits, and
    # the floor need not be laid out at all.
    guess = 0.99 / fill_full
    if guess > floor + tolerance:
        fit_guess, fill_guess = measure(guess)
        if fit_guess:
            return _search(measure, guess, fill_guess, high, fill_high, tolerance)
        high, fill_high = guess, fill_guess
    fit_floor, fill_floor = measure(floor)
    if not fit_floor:
        return floor
    return _search(measure, floor, fill_floor, high, fill_high, tolerance)


def _search(
    measure: Callable[[float], tuple[bool, float]],
    low: float,
    fill_low: float,
    high: float,
    fill_high: float,
    tolerance: float,
) -> float:
    """The largest factor in [low, high) that fits, ``low`` fitting and ``high`` not.

    Each try goes where the fill would reach 1 if it grew in a straight line between the
    two ends (a text's height grows smoothly with its size, apart from line breaks), but
    at least ``tolerance`` inside them, so a try either ends the search or moves it on by
    that much. When one end has moved twice running, the other end's fill is taken as
    half as far from 1 (the Illinois rule), so a skewed guess does not creep. Plain
    halving took six layouts where this usually takes one or two.
    """
    moved = ""  # which end the last try moved
    filled = fill_low  # as measured at ``low`` (the Illinois rule changes fill_low)
    for _ in range(SEARCH_STEPS):
        width = high - low
        if width <= tolerance * 1.0001 or filled >= FULL_ENOUGH:
            break
        share = (1.0 - fill_low) / (fill_high - fill_low) if fill_high > fill_low else 0.5
        mid = low + width * min(max(share, 0.0), 1.0)
        if width > 2 * tolerance:
            mid = min(max(mid, low + tolerance), high - tolerance)
        else:
            mid = (low + high) / 2
        fit, fill = measure(mid)
        if fit:
            if moved == "low":
                fill_high = 1.0 + (fill_high - 1.0) / 2
            low, fill_low, filled, moved = mid, fill, fill, "low"
        else:
            if moved == "high":
                fill_low = 1.0 - (1.0 - fill_low) / 2
            high, fill_high, moved = mid, fill, "high"
    return low


def plain(text: str) -> str:
    """Plain text as HTML paragraphs (escaped)."""
    return "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
