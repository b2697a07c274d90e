"""Myth and recap slides: ask "Myth or reality?", then reveal the reality and its source.

A recap asks earlier myths again (step ``2k`` asks myth ``k``, ``2k + 1`` reveals it),
so the room can see the before/after of its show of hands.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QRectF, Qt

from presenter.core.model import MythData, Slide
from presenter.render.context import FOOTER_H, LayoutFlags, RenderContext, escape, slide_sources
from presenter.render.document import fit_text
from presenter.render.frame import CANVAS_H, CANVAS_W, Frame
from presenter.render.live import BAR_BLOCK_H
from presenter.render.slides import register

log = logging.getLogger(__name__)

CENTER = Qt.AlignmentFlag.AlignHCenter
VCENTER = Qt.AlignmentFlag.AlignVCenter


def ask(ctx: RenderContext, myth: MythData | None, chip_text: str = "") -> Frame:
    """The statement, large, and the question."""
    c, s = ctx.colors, ctx.sizes
    frame = ctx.frame()
    ctx.accent_rule(frame)
    top = 84.0
    if chip_text:
        top = ctx.chip(frame, chip_text, 70).bottom() + 30
    statement = myth.statement_html if myth is not None else escape(ctx.tr("(missing myth)"))
    question = escape(ctx.tr("Myth or reality?"))
    text = f'<p class="lead">{statement}</p><p style="color:{c.accent}"><b>{question}</b></p>'
    style = ctx.style(align=CENTER, body=s.heading * 0.85, heading=s.statement * 1.25)
    rect = ctx.content_rect(top=top, bottom=FOOTER_H)
    frame.add_block(fit_text(text, style, rect, ctx.folder, valign=VCENTER))
    ctx.footer(frame, ())
    return frame


def reveal(
    ctx: RenderContext,
    myth: MythData | None,
    body_html: str,
    sources: tuple[str, ...],
    flags: LayoutFlags,
    chip_text: str = "",
) -> Frame:
    """The verdict ("Myth", or "Reality" for a true statement), the statement (quietly),
    then what is true, large, with its source."""
    c, s = ctx.colors, ctx.sizes
    frame = ctx.frame()
    ctx.accent_rule(frame)
    true = myth is not None and myth.is_true
    verdict, fill = (ctx.tr("Reality"), c.reality) if true else (ctx.tr("Myth"), c.myth)
    chip = ctx.chip(frame, verdict, 70, fill=fill, ink=c.on_accent)
    if chip_text:
        from presenter.render.frame import label

        x = chip.left() - 640 if ctx.rtl else chip.right() + 40
        label(
            frame,
            chip_text,
            QRectF(x, chip.top(), 600, chip.height()),
            s.source * 1.1,
            c.muted,
            ctx.families,
            align=ctx.start_align,
        )
    statement = myth.statement_html if myth is not None else ""
    label = ctx.tr("True") if true else ctx.tr("Reality")
    reality = myth.reality_html if myth is not None else escape(ctx.tr("(missing myth)"))
    text = (
        f'<p class="small-gap" style="color:{c.muted}">{statement}</p>'
        f'<p class="tight" style="color:{c.reality}"><b>{escape(label)}</b></p>'
        f'<p class="big">{reality}</p>'
        f"{body_html}"
    )
    bars = 0
    if flags.tally:
        bars = 2 if flags.before_tally else 1
    bottom = FOOTER_H + bars * BAR_BLOCK_H
    rect = ctx.content_rect(top=chip.bottom() + 36, bottom=bottom)
    style = ctx.style(align=ctx.start_align, heading=s.heading * 0.9)
    frame.add_block(fit_text(text, style, rect, ctx.folder))
    if bars:
        width = CANVAS_W - 2 * s.margin
        top = CANVAS_H - bottom + 10
        if bars == 2:
            frame.slots["before"] = QRectF(s.margin, top, width, BAR_BLOCK_H - 20)
            top += BAR_BLOCK_H
        frame.slots["tally"] = QRectF(s.margin, top, width, BAR_BLOCK_H - 20)
    ctx.footer(frame, sources)
    return frame


@register("myth")
def myth_slide(ctx: RenderContext, slide: Slide, step: int, flags: LayoutFlags) -> Frame:
    if step <= 0:
        return ask(ctx, slide.myth)
    return reveal(ctx, slide.myth, slide.html_at(0), slide_sources(slide), flags)


@register("recap")
def recap_slide(ctx: RenderContext, slide: Slide, step: int, flags: LayoutFlags) -> Frame:
    ids = slide.recap_ids
    if not ids:
        return ask(ctx, None)
    k = max(0, min(step // 2, len(ids) - 1))
    myth = ctx.deck.myth_by_id(ids[k])
    chip_text = ctx.tr("Recap {k} of {n}", k=k + 1, n=len(ids))
    if step % 2 == 0:
        return ask(ctx, myth, chip_text)
    sources = myth.sources if myth is not None else ()
    return reveal(ctx, myth, "", sources, flags, chip_text)
