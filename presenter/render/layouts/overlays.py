"""Full screens shown instead of a slide: black, white, calm, help, content warning, end."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt

from presenter.core.session.view import Overlay
from presenter.render.context import FOOTER_H, RenderContext, escape
from presenter.render.frame import CANVAS_H, CANVAS_W, Frame, rect_op
from presenter.render.layouts.helpslide import help_frame
from presenter.render.textfit import fit_text

CENTER = Qt.AlignmentFlag.AlignHCenter
VCENTER = Qt.AlignmentFlag.AlignVCenter

OverlayLayout = Callable[[RenderContext], Frame]


def black(ctx: RenderContext) -> Frame:
    return Frame("#000000")


def white(ctx: RenderContext) -> Frame:
    return Frame("#FFFFFF")


def calm(ctx: RenderContext) -> Frame:
    """A neutral screen in the deck's colours with one grounding line: never a shock."""
    c, s = ctx.colors, ctx.sizes
    frame = ctx.frame(c.calm_background)
    moment = escape(ctx.tr("Let's take a moment."))
    text = f'<p class="big-gap">{moment}</p><p>{escape(ctx.tr("Breathe in slowly… and out."))}</p>'
    style = ctx.style(
        align=CENTER, color=c.calm_text, heading=s.heading * 1.15, heading_color=c.calm_text
    )
    frame.add_block(
        fit_text(text, style, ctx.content_rect(top=160, bottom=160), None, valign=VCENTER)
    )
    return frame


def help_overlay(ctx: RenderContext) -> Frame:
    return help_frame(ctx, "")


def content_warning(ctx: RenderContext) -> Frame:
    c = ctx.colors
    frame = ctx.frame()
    frame.shapes.append(rect_op(QRectF(0, 0, CANVAS_W, 14), c.accent))
    notice = ctx.deck.meta.content_warning or ctx.tr("This session talks about difficult subjects.")
    text = (
        f"<h2>{escape(ctx.tr('Before we start'))}</h2>"
        f'<p class="gap">{escape(notice)}</p>'
        f'<p style="color:{c.heading}"><b>{escape(ctx.tr("You can step out at any time."))}</b></p>'
        f"<p>{escape(ctx.tr('Support is available: ask the facilitator, now or later.'))}</p>"
    )
    style = ctx.style(align=ctx.start_align)
    frame.add_block(
        fit_text(text, style, ctx.content_rect(top=120, bottom=FOOTER_H), None, valign=VCENTER)
    )
    return frame


def end(ctx: RenderContext) -> Frame:
    c, s = ctx.colors, ctx.sizes
    frame = ctx.frame()
    text = (
        f'<p class="small" style="color:{c.muted}">{escape(ctx.deck.meta.title)}</p>'
        f"<h1>{escape(ctx.tr('Thank you'))}</h1>"
        f"<p>{escape(ctx.tr('If anything today has affected you, support is available.'))}</p>"
        f"<p>{escape(ctx.tr('Please talk to the facilitator, or someone you trust.'))}</p>"
    )
    style = ctx.style(align=CENTER, heading=s.title / 1.12)
    frame.add_block(
        fit_text(text, style, ctx.content_rect(top=140, bottom=FOOTER_H + 40), None, valign=VCENTER)
    )
    frame.shapes.append(rect_op(QRectF(0, CANVAS_H - 28, CANVAS_W, 28), c.accent))
    return frame


OVERLAYS: dict[Overlay, OverlayLayout] = {
    Overlay.BLACK: black,
    Overlay.WHITE: white,
    Overlay.CALM: calm,
    Overlay.HELP: help_overlay,
    Overlay.CONTENT_WARNING: content_warning,
    Overlay.END: end,
}
