"""The phones panel beside an open question: a QR code, the short address, the code and
the number of answers so far. Never the answers themselves: those wait for the reveal.

The QR code comes from segno's module matrix (no image file), dark on white with the
quiet zone the standard asks for, scaled up without smoothing so it stays crisp, so
cheap phone cameras read it off a washed-out projector.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from presenter.core.session.view import PhonesBadge
from presenter.render.context import RenderContext
from presenter.render.frame import Frame, rect_op
from presenter.render.live import draw_text

log = logging.getLogger(__name__)

PANEL_W = 470.0
GAP = 40.0
QUIET = 4  # modules of white around the code


@lru_cache(maxsize=8)
def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of a QR code for ``text`` (error correction M: survives glare)."""
    import segno

    code = segno.make(text, error="m", micro=False, boost_error=False)
    return tuple(tuple(bool(cell) for cell in row) for row in code.matrix)


def reserve_phones_slot(ctx: RenderContext, frame: Frame, content: QRectF) -> QRectF:
    """Put the panel at the end side of ``content``; return what is left for the text."""
    panel = QRectF(0, content.top(), PANEL_W, content.height())
    text = QRectF(content)
    text.setWidth(content.width() - PANEL_W - GAP)
    if ctx.rtl:
        panel.moveLeft(content.left())
        text.moveLeft(content.left() + PANEL_W + GAP)
    else:
        panel.moveRight(content.right())
    frame.shapes.append(rect_op(panel, ctx.colors.surface, 24))
    frame.slots["phones"] = panel
    return text


def qr_area(panel: QRectF) -> QRectF:
    """Where the QR code (with its quiet zone) goes inside the phones panel."""
    inner = panel.adjusted(30, 26, -30, -22)
    return QRectF(inner.left(), inner.top() + 62, inner.width(), inner.width())


def qr_box(area: QRectF, modules: int) -> tuple[QRectF, float]:
    """The white square of the code and the size of one module, in canvas units."""
    n = modules + 2 * QUIET
    module = min(area.width(), area.height()) / n
    side = module * n
    return QRectF(area.center().x() - side / 2, area.top(), side, side), module


@lru_cache(maxsize=8)
def qr_image(text: str) -> QImage:
    """The code, quiet zone included, one pixel per module (scaled up without smoothing,
    so every module stays a crisp square at any screen size)."""
    matrix = qr_matrix(text)
    n = len(matrix) + 2 * QUIET
    image = QImage(n, n, QImage.Format.Format_Grayscale8)
    image.fill(QColor("#FFFFFF"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                image.setPixelColor(x + QUIET, y + QUIET, QColor("#000000"))
    return image


def paint_qr(painter: QPainter, area: QRectF, text: str) -> None:
    image = qr_image(text)
    box, _ = qr_box(area, image.width() - 2 * QUIET)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.drawImage(box, image)
    painter.restore()


def paint_phones(ctx: RenderContext, painter: QPainter, rect: QRectF, badge: PhonesBadge) -> None:
    c, s = ctx.colors, ctx.sizes
    inner = rect.adjusted(30, 26, -30, -22)
    draw_text(
        ctx, painter, QRectF(inner.left(), inner.top(), inner.width(), 50),
        ctx.tr("Answer on your phone"), s.source * 1.25, c.on_surface, bold=True,
    )  # fmt: skip
    qr = qr_area(rect)
    paint_qr(painter, qr, badge.join_url)
    y = qr.bottom() + 18
    draw_text(
        ctx, painter, QRectF(inner.left(), y, inner.width(), 64),
        badge.address, s.source * 1.5, c.on_surface, bold=True,
    )  # fmt: skip
    draw_text(
        ctx, painter, QRectF(inner.left(), y + 70, inner.width(), 64),
        ctx.tr("Code {code}", code=badge.code), s.source * 1.6, c.on_surface, bold=True,
    )  # fmt: skip
    answers = ctx.tr("{n} answers", n=badge.answers)
    if badge.answers == 1:
        answers = ctx.tr("1 answer")
    bottom = QRectF(inner.left(), inner.bottom() - 80, inner.width(), 80)
    draw_text(ctx, painter, bottom, answers, s.source * 2.0, c.heading, bold=True)
