"""The parts of a frame that change while it is on screen: countdown, show of hands,
slide number. They are drawn into slots the layout reserved, so they never move text."""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from presenter.core.session.view import SlideView, Tally
from presenter.render.context import RenderContext
from presenter.render.fonts import slide_font
from presenter.render.frame import Frame

log = logging.getLogger(__name__)

COUNTDOWN_H = 210.0
BAR_BLOCK_H = 150.0  # one labelled results bar


def paint_live(ctx: RenderContext, painter: QPainter, frame: Frame, view: SlideView) -> None:
    slots = frame.slots
    if "countdown" in slots and view.countdown_remaining is not None:
        paint_countdown(ctx, painter, slots["countdown"], view)
    before = view.before_tally if "before" in slots else None
    if before is not None:
        paint_bar(ctx, painter, slots["before"], ctx.tr("Before"), before)
    if "tally" in slots and view.tally is not None:
        if before is not None:
            title = ctx.tr("Now")
        else:
            title = ctx.tr("Answers") if view.tally.phones else ctx.tr("Show of hands")
        paint_bar(ctx, painter, slots["tally"], title, view.tally)
    if "phones" in slots and view.phones is not None:
        from presenter.render.phones import paint_phones

        paint_phones(ctx, painter, slots["phones"], view.phones)
    if "number" in slots and view.slide_number is not None and view.slide_total:
        text = f"{view.slide_number} / {view.slide_total}"
        draw_text(
            ctx,
            painter,
            slots["number"],
            text,
            ctx.sizes.source,
            ctx.colors.muted,
            align=ctx.end_align,
        )


def draw_text(
    ctx: RenderContext,
    painter: QPainter,
    rect: QRectF,
    text: str,
    size: float,
    color: str,
    *,
    bold: bool = False,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter,
) -> None:
    """One line in ``rect``, set smaller when it is wider (a translation, a long address)."""
    size = line_fit_size(text, rect.width(), size, ctx.families, bold=bold)
    font = slide_font(size, ctx.families, bold=bold)
    shown = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor(color))
    painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), shown)
    painter.restore()


LINE_MIN_FIT = 0.5  # a line shrinks at most to half its size, then is elided


def line_fit_size(
    text: str, width: float, size: float, families: tuple[str, ...], *, bold: bool = False
) -> float:
    """``size``, or the smaller size at which ``text`` fits ``width`` on one line."""

    def needed(at: float) -> float:
        return QFontMetricsF(slide_font(at, families, bold=bold)).horizontalAdvance(text)

    full = needed(size)
    if full <= width or full <= 0:
        return size
    floor = size * LINE_MIN_FIT
    fitted = max(floor, size * width / full)
    while fitted > floor and needed(fitted) > width:  # hinting: widths are not linear
        fitted = max(floor, fitted - 0.5)
    return fitted


def clock_text(seconds: float) -> str:
    whole = max(0, math.ceil(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def paint_countdown(ctx: RenderContext, painter: QPainter, rect: QRectF, view: SlideView) -> None:
    """Big minutes:seconds the back row can read, with a slim bar of the time left."""
    c = ctx.colors
    remaining = view.countdown_remaining or 0.0
    digits_rect = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - 50)
    ink = c.heading if view.countdown_running else c.muted
    text = clock_text(remaining)
    if remaining <= 0:
        text = ctx.tr("Time's up")
    draw_text(ctx, painter, digits_rect, text, 140, ink, bold=True)
    total = view.countdown_total or 0.0
    # "Paused" once some time has run; before the first start the room sees the time.
    if not view.countdown_running and 0 < remaining < total:
        pause_rect = QRectF(rect.left(), rect.top(), rect.width() / 2 - 260, rect.height() - 50)
        draw_text(
            ctx,
            painter,
            pause_rect,
            ctx.tr("Paused"),
            ctx.sizes.source * 1.2,
            c.muted,
            align=Qt.AlignmentFlag.AlignRight,
        )
    if total > 0:
        share = max(0.0, min(1.0, remaining / total))
        track = QRectF(rect.center().x() - 400, rect.bottom() - 30, 800, 16)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(c.surface))
        painter.drawRoundedRect(track, 8, 8)
        painter.setBrush(QColor(c.accent))
        filled = QRectF(track.left(), track.top(), track.width() * share, track.height())
        if ctx.rtl:
            filled.moveRight(track.right())
        if share > 0:
            painter.drawRoundedRect(filled, 8, 8)
        painter.restore()


def paint_bar(
    ctx: RenderContext, painter: QPainter, rect: QRectF, title: str, tally: Tally
) -> None:
    """One show of hands as a bar: the right answer (dark, first) against the other."""
    c, s = ctx.colors, ctx.sizes
    label_h = s.source * 1.6
    title_w = 340.0
    bar = QRectF(rect.left() + title_w, rect.top() + 8, rect.width() - title_w, 64)
    title_rect = QRectF(rect.left(), bar.top(), title_w - 24, bar.height())
    if ctx.rtl:
        bar.moveLeft(rect.left())
        title_rect.moveRight(rect.right())
    draw_text(
        ctx, painter, title_rect, title, s.source * 1.2, c.text, bold=True, align=ctx.start_align
    )
    total = tally.total
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(c.bar_reality))
    painter.drawRoundedRect(bar, 12, 12)
    if total:
        share = tally.said_right / total
        if share > 0:
            part = QRectF(
                bar.left(), bar.top(), max(bar.height(), bar.width() * share), bar.height()
            )
            if ctx.rtl:
                part.moveRight(bar.right())
            painter.setBrush(QColor(c.bar_myth))
            painter.drawRoundedRect(part, 12, 12)
    painter.restore()
    under = QRectF(bar.left(), bar.bottom() + 6, bar.width(), label_h)
    if total:
        pct = round(100 * tally.said_right / total)
        if tally.answer == "reality":
            right = ctx.tr("Said reality: {n} ({pct}%)", n=tally.said_reality, pct=pct)
            other = ctx.tr("Said myth: {n} ({pct}%)", n=tally.said_myth, pct=100 - pct)
        else:
            right = ctx.tr("Said myth: {n} ({pct}%)", n=tally.said_myth, pct=pct)
            other = ctx.tr("Said reality: {n} ({pct}%)", n=tally.said_reality, pct=100 - pct)
    else:
        right, other = ctx.tr("No answers yet"), ""
    draw_text(ctx, painter, under, right, s.source, c.text, bold=True, align=ctx.start_align)
    draw_text(ctx, painter, under, other, s.source, c.text, align=ctx.end_align)
