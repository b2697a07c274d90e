"""A laid-out frame on the 1920×1080 canvas: what to draw, in canvas coordinates.

Layout (fitting text, measuring images) is the slow part, so a frame is built once per
slide, step and theme and kept; painting a frame is then a few draw calls. Live parts
(a running countdown, a show of hands) are drawn into ``slots`` the layout reserved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from presenter.render.fonts import slide_font
from presenter.render.textfit import TextBlock

log = logging.getLogger(__name__)

CANVAS_W = 1920.0
CANVAS_H = 1080.0
CANVAS = QRectF(0, 0, CANVAS_W, CANVAS_H)

PaintOp = Callable[[QPainter], None]


@dataclass
class Frame:
    background: str
    blocks: list[TextBlock] = field(default_factory=list)
    shapes: list[PaintOp] = field(default_factory=list)  # drawn before the text
    labels: list[tuple[QRectF, PaintOp]] = field(default_factory=list)  # one-line texts
    slots: dict[str, QRectF] = field(default_factory=dict)
    hidden_contacts: int = 0  # help contacts left out for want of room

    @property
    def overflow(self) -> bool:
        return self.hidden_contacts > 0 or any(block.overflow for block in self.blocks)

    def text_rects(self) -> list[QRectF]:
        """Every place text is drawn, for layout tests."""
        return [b.rect for b in self.blocks] + [rect for rect, _ in self.labels]

    def add_block(self, block: TextBlock) -> TextBlock:
        self.blocks.append(block)
        return block

    def paint(self, painter: QPainter, *, background: bool = True) -> None:
        """Everything on the canvas; ``background=False`` when the surface already has it."""
        if background:
            painter.fillRect(CANVAS, QColor(self.background))
        for op in self.shapes:
            op(painter)
        for block in self.blocks:
            block.paint(painter)
        for _, op in self.labels:
            op(painter)


def rect_op(rect: QRectF, color: str, radius: float = 0.0) -> PaintOp:
    def paint(painter: QPainter) -> None:
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        if radius:
            painter.drawRoundedRect(rect, radius, radius)
        else:
            painter.drawRect(rect)
        painter.restore()

    return paint


def outline_op(rect: QRectF, color: str, width: float, radius: float = 0.0) -> PaintOp:
    def paint(painter: QPainter) -> None:
        painter.save()
        painter.setPen(QPen(QColor(color), width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inner = rect.adjusted(width / 2, width / 2, -width / 2, -width / 2)
        painter.drawRoundedRect(inner, radius, radius)
        painter.restore()

    return paint


def text_width(text: str, size: float, families: tuple[str, ...], bold: bool = False) -> float:
    return QFontMetricsF(slide_font(size, families, bold=bold)).horizontalAdvance(text)


MIN_FIT = 0.7  # wrapped labels shrink at most to this share of their size


def fitted_size(
    text: str, rect: QRectF, size: float, families: tuple[str, ...], *, bold: bool = False
) -> float:
    """The largest size, from ``size`` down to ``MIN_FIT * size``, whose wrapped text fits."""
    flags = int(Qt.TextFlag.TextWordWrap)
    floor = size * MIN_FIT
    while size > floor:
        metrics = QFontMetricsF(slide_font(size, families, bold=bold))
        if metrics.boundingRect(rect, flags, text).height() <= rect.height():
            return size
        size = max(floor, size - 1.0)
    return floor


def label(
    frame: Frame,
    text: str,
    rect: QRectF,
    size: float,
    color: str,
    families: tuple[str, ...],
    *,
    bold: bool = False,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    wrap: bool = False,
) -> None:
    """One short line (or a wrapped few) of text drawn straight with QPainter.

    Wrapped text that would spill out of ``rect`` (a long sources line in the footer)
    is set a little smaller until it fits, never below :data:`MIN_FIT` of ``size``.
    """
    flags = int(align | Qt.AlignmentFlag.AlignVCenter)
    if wrap:
        flags |= int(Qt.TextFlag.TextWordWrap)
        size = fitted_size(text, rect, size, families, bold=bold)
    font = slide_font(size, families, bold=bold)

    def paint(painter: QPainter) -> None:
        painter.save()
        painter.setFont(font)
        painter.setPen(QColor(color))
        shown = text
        if not wrap:
            shown = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, flags, shown)
        painter.restore()

    frame.labels.append((rect, paint))


def chip(
    frame: Frame,
    text: str,
    anchor: QPointF,
    size: float,
    fill: str,
    ink: str,
    families: tuple[str, ...],
    *,
    rtl: bool = False,
    outline: bool = False,
) -> QRectF:
    """A rounded label such as "In pairs · 5 min"; ``anchor`` is its top start corner."""
    pad_x, height = size * 0.8, size * 1.9
    width = text_width(text, size, families, bold=True) + 2 * pad_x
    left = anchor.x() - width if rtl else anchor.x()
    rect = QRectF(left, anchor.y(), width, height)
    if outline:
        frame.shapes.append(outline_op(rect, fill, max(3.0, size * 0.1), height / 2))
    else:
        frame.shapes.append(rect_op(rect, fill, height / 2))
    label(frame, text, rect, size, ink, families, bold=True, align=Qt.AlignmentFlag.AlignHCenter)
    return rect
