"""Myth and recap slides: ask "Myth or reality?", then reveal the answer and its source.

A recap asks earlier myths again (step ``2k`` asks myth ``k``, ``2k + 1`` reveals it),
so the room can see the before/after of its show of hands.
"""

from __future__ import annotations

import logging

from markupsafe import Markup
from PySide6.QtCore import QRectF, Qt

from presenter.core.deck.model import MythData, Slide
from presenter.render import fragments
from presenter.render.context import FOOTER_H, LayoutFlags, RenderContext, slide_sources
from presenter.render.frame import CANVAS_H, CANVAS_W, Frame
from presenter.render.live import BAR_BLOCK_H
from presenter.render.phones import reserve_phones_slot
from presenter.render.textfit import fit_text

log = logging.getLogger(__name__)

CENTER = Qt.AlignmentFlag.AlignHCenter
VCENTER = Qt.AlignmentFlag.AlignVCenter


def ask(
    ctx: RenderContext,
    myth: MythData | None,
    chip_text: str = "",
    flags: LayoutFlags | None = None,
) -> Frame:
    """The statement, large, and the question (beside the phones' QR code, when open)."""
    c, s = ctx.colors, ctx.sizes
    frame = ctx.frame()
    ctx.accent_rule(frame)
    top = 84.0
    if chip_text:
        top = ctx.chip(frame, chip_text, 70).bottom() + 30
    text = Markup('<p class="lead">{}</p><p style="color:{}"><b>{}</b></p>').format(
        fragments.statement_html(myth, ctx.lang), c.accent, ctx.tr("Myth or reality?")
    )
    style = ctx.style(align=CENTER, body=s.heading * 0.85, heading=s.statement * 1.25)
    rect = ctx.content_rect(top=top, bottom=FOOTER_H)
    if flags is not None and flags.phones:
        rect = reserve_phones_slot(ctx, frame, rect)
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
    """The answer ("Myth" or "Reality"), the statement (quietly), then what is true, large,
    with its source."""
    c, s = ctx.colors, ctx.sizes
    frame = ctx.frame()
    ctx.accent_rule(frame)
    is_myth = myth is None or myth.is_myth
    answer = fragments.answer_label(myth, ctx.lang) if myth is not None else ctx.tr("Myth")
    chip = ctx.chip(frame, answer, 70, fill=c.myth if is_myth else c.reality, ink=c.on_accent)
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
    heading = fragments.explanation_label(myth, ctx.lang) if myth is not None else ctx.tr("Reality")
    text = Markup(
        '<p class="small-gap" style="color:{}">{}</p>'
        '<p class="tight" style="color:{}"><b>{}</b></p>'
        '<p class="big">{}</p>{}'
    ).format(
        c.muted,
        Markup(myth.statement_html) if myth is not None else "",
        c.reality,
        heading,
        fragments.explanation_html(myth, ctx.lang),
        Markup(body_html),
    )
    # A recap shows the "before" bar as soon as it is revealed, even with no new counts.
    bars = int(flags.tally) + int(flags.before_tally)
    bottom = FOOTER_H + bars * BAR_BLOCK_H
    rect = ctx.content_rect(top=chip.bottom() + 36, bottom=bottom)
    style = ctx.style(align=ctx.start_align, heading=s.heading * 0.9)
    frame.add_block(fit_text(text, style, rect, ctx.folder))
    if bars:
        width = CANVAS_W - 2 * s.margin
        top = CANVAS_H - bottom + 10
        if flags.before_tally:
            frame.slots["before"] = QRectF(s.margin, top, width, BAR_BLOCK_H - 20)
            top += BAR_BLOCK_H
        if flags.tally:
            frame.slots["tally"] = QRectF(s.margin, top, width, BAR_BLOCK_H - 20)
    ctx.footer(frame, sources)
    return frame


def myth_slide(ctx: RenderContext, slide: Slide, step: int, flags: LayoutFlags) -> Frame:
    if step <= 0:
        return ask(ctx, slide.myth, flags=flags)
    return reveal(ctx, slide.myth, slide.html_at(0), slide_sources(slide), flags)


def recap_slide(ctx: RenderContext, slide: Slide, step: int, flags: LayoutFlags) -> Frame:
    ids = slide.recap_ids
    if not ids:
        return ask(ctx, None, flags=flags)
    k = max(0, min(step // 2, len(ids) - 1))
    myth = ctx.deck.myth_by_id(ids[k])
    chip_text = ctx.tr("Recap {k} of {n}", k=k + 1, n=len(ids))
    if step % 2 == 0:
        return ask(ctx, myth, chip_text, flags)
    sources = myth.sources if myth is not None else ()
    return reveal(ctx, myth, "", sources, flags, chip_text)
