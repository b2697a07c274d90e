"""Layouts for the plain slide kinds (``layouts.py`` holds the table of every kind).

Each layout turns (slide, step) into a :class:`Frame` on the 1920×1080 canvas. Body text
never starts below the theme's body size unless it must shrink to fit, and never below
its floor (about 4 % of the canvas height).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from markupsafe import Markup
from PySide6.QtCore import QRectF, Qt

from presenter.core.deck.model import Slide
from presenter.render.context import FOOTER_H, LayoutFlags, RenderContext, escape, slide_sources
from presenter.render.frame import CANVAS_H, CANVAS_W, Frame, rect_op
from presenter.render.live import COUNTDOWN_H
from presenter.render.textfit import best_factor, fit_text

log = logging.getLogger(__name__)

Layout = Callable[[RenderContext, Slide, int, LayoutFlags], Frame]
CENTER = Qt.AlignmentFlag.AlignHCenter
VCENTER = Qt.AlignmentFlag.AlignVCenter


def fmt_minutes(minutes: float) -> str:
    return f"{minutes:g}"


def content(ctx: RenderContext, slide: Slide, step: int, flags: LayoutFlags) -> Frame:
    frame = ctx.frame()
    ctx.accent_rule(frame)
    rect = ctx.content_rect(top=84)
    style = ctx.style(align=ctx.start_align)
    # Fit the last step and use that size for every step, so text never jumps on reveal.
    factor = best_factor(slide.html_at(slide.step_count - 1), style, rect, ctx.folder)
    frame.add_block(fit_text(slide.html_at(step), style, rect, ctx.folder, factor=factor))
    ctx.footer(frame, slide_sources(slide))
    return frame


def title(ctx: RenderContext, slide: Slide, step: int, flags: LayoutFlags) -> Frame:
    frame = ctx.frame()
    meta = ctx.deck.meta
    text: str = slide.html_at(step)
    if not text.strip():
        text = f"<h1>{escape(meta.title)}</h1>"
        if meta.subtitle:
            text += f"<p>{escape(meta.subtitle)}</p>"
    s = ctx.sizes
    style = ctx.style(align=CENTER, heading=s.title / 1.12, body=s.body * 1.2)
    rect = ctx.content_rect(top=150, bottom=FOOTER_H + 60)
    block = frame.add_block(fit_text(text, style, rect, ctx.folder, valign=VCENTER))
    top = max(60.0, block.rect.top() - 70)
    frame.shapes.append(rect_op(QRectF(CANVAS_W / 2 - 90, top, 180, 12), ctx.colors.accent, 6))
    frame.shapes.append(rect_op(QRectF(0, CANVAS_H - 28, CANVAS_W, 28), ctx.colors.accent))
    if ctx.theme.logo is not None:
        add_logo(frame, ctx)
    ctx.footer(frame, slide_sources(slide))
    return frame


def add_logo(frame: Frame, ctx: RenderContext) -> None:
    """The theme's logo, small, in the top corner of the title slide."""
    from presenter.render.images import STORE, draw_image

    path = ctx.theme.logo
    info = STORE.info(path) if path is not None else None
    if info is None or not info.ok:
        return
    scale = min(260 / info.size.width(), 110 / info.size.height())
    w, h = info.size.width() * scale, info.size.height() * scale
    x = ctx.sizes.margin if ctx.rtl else CANVAS_W - ctx.sizes.margin - w
    rect = QRectF(x, 50, w, h)
    frame.shapes.append(lambda painter: draw_image(painter, rect, path))


def section(ctx: RenderContext, slide: Slide, step: int, flags: LayoutFlags) -> Frame:
    frame = ctx.frame()
    s = ctx.sizes
    style = ctx.style(align=ctx.start_align, heading=s.title * 0.92 / 1.12, body=s.body * 1.1)
    rect = ctx.content_rect(top=120, bottom=FOOTER_H + 40).adjusted(70, 0, -70, 0)
    factor = best_factor(slide.html_at(slide.step_count - 1), style, rect, ctx.folder)
    block = frame.add_block(
        fit_text(slide.html_at(step), style, rect, ctx.folder, factor=factor, valign=VCENTER)
    )
    x = CANVAS_W - s.margin - 20 if ctx.rtl else s.margin
    bar = QRectF(x, block.rect.top(), 20, max(block.rect.height(), 120))
    frame.shapes.append(rect_op(bar, ctx.colors.accent, 10))
    ctx.footer(frame, slide_sources(slide))
    return frame


def discussion_chip_text(ctx: RenderContext, slide: Slide) -> str:
    parts: list[str] = []
    data = slide.discussion
    if data is not None and data.format_label:
        parts.append(ctx.tr(data.format_label))
    minutes = data.minutes if data is not None and data.minutes is not None else slide.minutes
    if minutes:
        parts.append(ctx.tr("{n} min", n=fmt_minutes(minutes)))
    return " · ".join(parts) or ctx.tr("Discussion")


def discussion(ctx: RenderContext, slide: Slide, step: int, flags: LayoutFlags) -> Frame:
    frame = ctx.frame()
    ctx.accent_rule(frame)
    chip = ctx.chip(frame, discussion_chip_text(ctx, slide), 70)
    bottom = FOOTER_H + (COUNTDOWN_H if flags.countdown else 0)
    rect = ctx.content_rect(top=chip.bottom() + 40, bottom=bottom)
    s = ctx.sizes
    style = ctx.style(align=CENTER, body=s.statement, heading=s.statement * 1.05, floor=s.floor)
    factor = best_factor(slide.html_at(slide.step_count - 1), style, rect, ctx.folder)
    frame.add_block(
        fit_text(slide.html_at(step), style, rect, ctx.folder, factor=factor, valign=VCENTER)
    )
    if flags.countdown:
        frame.slots["countdown"] = QRectF(
            s.margin, CANVAS_H - bottom, CANVAS_W - 2 * s.margin, COUNTDOWN_H
        )
    ctx.footer(frame, slide_sources(slide))
    return frame


def break_(ctx: RenderContext, slide: Slide, step: int, flags: LayoutFlags) -> Frame:
    c, s = ctx.colors, ctx.sizes
    frame = ctx.frame(c.calm_background)
    text = Markup("<h1>{}</h1>").format(ctx.tr("Break"))
    if slide.minutes:
        count = round(slide.minutes)  # the plural form: "1 minute", "1.5 minutes"
        label = ctx.tn("{n} minute", "{n} minutes", count, n=fmt_minutes(slide.minutes))
        text += Markup('<p class="big">{}</p>').format(label)
    text += slide.html_at(step)
    bottom = FOOTER_H + (COUNTDOWN_H if flags.countdown else 0)
    rect = ctx.content_rect(top=140, bottom=bottom)
    style = ctx.style(
        align=CENTER, heading=s.title / 1.12, color=c.calm_text, heading_color=c.calm_text
    )
    frame.add_block(fit_text(text, style, rect, ctx.folder, valign=VCENTER))
    if flags.countdown:
        frame.slots["countdown"] = QRectF(
            s.margin, CANVAS_H - bottom, CANVAS_W - 2 * s.margin, COUNTDOWN_H
        )
    ctx.footer(frame, slide_sources(slide))
    return frame
