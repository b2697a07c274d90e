"""The help slide and the H screen: support contacts people can copy down from the back.

Each contact is a block: the name in bold, how to reach them largest of all (it is what
people write down), and when, smaller. Up to three contacts stand in one column; from
four on they sit in two columns, row by row. A short list grows (up to :data:`GROW`); a
long one shrinks together, but only to the theme's floor. A list that still does not fit
shows the contacts that do and a line sending the room to the facilitator, never a
clipped number.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from markupsafe import Markup
from PySide6.QtCore import QRectF

from presenter.core.deck.model import HelpContact, Slide
from presenter.render import fragments
from presenter.render.context import FOOTER_H, LayoutFlags, RenderContext, escape, slide_sources
from presenter.render.fragments import keep_together
from presenter.render.frame import CANVAS_H, Frame, rect_op, text_width
from presenter.render.textfit import TextBlock, TextStyle, fit_text, make_document

log = logging.getLogger(__name__)

COLUMNS_FROM = 4  # this many contacts or more: two columns
GAP_X = 90.0  # between the columns
BAR_W = 10.0  # the accent bar on the start side of each contact
BAR_GAP = 30.0
GROW = 1.4  # a short list is drawn larger than body text, up to this factor
INTRO_SHARE = 0.3  # the most of the height the words above the contacts may take
MAX_ON_SCREEN = 24  # two columns of twelve one-line names at the floor: more never fit


def contact_html(contact: HelpContact, style: TextStyle) -> str:
    return fragments.contact_html(
        contact, reach_style=f"color:{style.heading_color}", when_style=f"color:{style.muted}"
    )


def more_html(ctx: RenderContext) -> str:
    text = escape(ctx.tr("More contacts: ask the facilitator"))
    return f'<p style="color:{ctx.colors.heading}"><b>{text}</b></p>'


def no_contacts_html(ctx: RenderContext) -> str:
    return (
        f'<p class="big">{escape(ctx.tr("Please ask the facilitator"))}</p>'
        f"<p>{escape(ctx.tr('They can tell you where to find support, today or later.'))}</p>"
        f"<p>{escape(ctx.tr('You can also talk to someone you trust.'))}</p>"
    )


def help_frame(ctx: RenderContext, intro_html: str, sources: tuple[str, ...] = ()) -> Frame:
    if not intro_html.strip():
        intro_html = f"<h2>{escape(ctx.tr('Support is here'))}</h2>"
    area = ctx.content_rect(top=84)
    style = ctx.style(align=ctx.start_align)
    if not ctx.contacts:
        frame = ctx.frame()
        ctx.accent_rule(frame)
        text = Markup(intro_html) + Markup(no_contacts_html(ctx))  # both HTML already
        frame.add_block(fit_text(text, style, area, ctx.folder))
        ctx.footer(frame, sources)
        return frame
    # First as every slide starts; if that leaves contacts out, a smaller title higher up.
    for top, intro_factor in ((area.top(), None), (60.0, floor_factor(style))):
        attempt = ctx.frame()
        ctx.accent_rule(attempt)
        band = QRectF(area.left(), top, area.width(), area.height() * INTRO_SHARE)
        intro = attempt.add_block(
            fit_text(intro_html, style, band, ctx.folder, factor=intro_factor)
        )
        grid_top = intro.rect.bottom() + style.body * 0.2
        add_contacts(
            ctx,
            attempt,
            QRectF(area.left(), grid_top, area.width(), area.bottom() - grid_top),
            style,
        )
        if attempt.hidden_contacts == 0:
            break
    frame = attempt
    ctx.footer(frame, sources)
    return frame


def add_contacts(ctx: RenderContext, frame: Frame, area: QRectF, style: TextStyle) -> None:
    """Lay the contacts out in ``area``; those that cannot fit are counted, not drawn.

    When some are left out, "More contacts: ask the facilitator" takes the next cell.
    """
    contacts = ctx.contacts
    shown = len(contacts)
    more = more_html(ctx)
    plan = None
    if shown <= MAX_ON_SCREEN:
        plan = plan_grid(contacts, style, area.width(), area.height(), "")
    if plan is None and shown > 1:
        # Fewer contacts always fit at least as well: search the count (log n layouts),
        # never more than a screen can hold at the floor size.
        low, high = 0, min(shown - 1, MAX_ON_SCREEN)
        while low < high:
            mid = (low + high + 1) // 2
            if plan_grid(contacts[:mid], style, area.width(), area.height(), more) is None:
                high = mid - 1
            else:
                low = mid
        if low >= 1:
            shown = low
            plan = plan_grid(contacts[:shown], style, area.width(), area.height(), more)
    if plan is None:  # not even one contact fits: show it at the floor, overflowing
        shown, factor, columns = 1, floor_factor(style), 1
        plan = (factor, columns, layout_grid(contacts[:1], style, area.width(), 1, factor, more))
    factor, columns, blocks = plan
    frame.hidden_contacts = len(contacts) - shown
    cell_w = column_width(area.width(), columns)
    y = area.top()
    for row_start in range(0, len(blocks), columns):
        row = blocks[row_start : row_start + columns]
        for n, block in enumerate(row):
            x = area.left() + n * (cell_w + GAP_X)
            if ctx.rtl:
                x = area.right() - (n + 1) * cell_w - n * GAP_X
            place(ctx, frame, block, x, y, cell_w, bar=row_start + n < shown)
        y += max(b.doc.size().height() for b in row) + row_gap(style, factor)


def place(
    ctx: RenderContext,
    frame: Frame,
    block: TextBlock,
    x: float,
    y: float,
    cell_w: float,
    *,
    bar: bool,
) -> None:
    """One contact in its cell, with the accent bar on its start side."""
    height = block.doc.size().height()
    text_x = x if ctx.rtl else x + BAR_W + BAR_GAP
    if bar:
        bar_x = x + cell_w - BAR_W if ctx.rtl else x
        rect = QRectF(bar_x, y + 6, BAR_W, max(0.0, height - 12))
        frame.shapes.append(rect_op(rect, ctx.colors.accent, BAR_W / 2))
    block.rect = QRectF(text_x, y, cell_w - BAR_W - BAR_GAP, height)
    block.overflow = block.rect.bottom() > CANVAS_H - FOOTER_H + 0.5
    frame.add_block(block)


def column_width(width: float, columns: int) -> float:
    return (width - GAP_X * (columns - 1)) / columns


def row_gap(style: TextStyle, factor: float) -> float:
    return style.body * factor * 0.45


def floor_factor(style: TextStyle) -> float:
    return min(1.0, style.floor / style.body)


def column_choices(count: int) -> tuple[int, ...]:
    return (1, 2) if count < COLUMNS_FROM else (2,)


Plan = tuple[float, int, list[TextBlock]]  # size factor, columns, the laid-out cells


def plan_grid(
    contacts: tuple[HelpContact, ...], style: TextStyle, width: float, height: float, more: str
) -> Plan | None:
    """The largest text (down to the floor) at which ``contacts`` fit; None if none does.

    Two columns must earn their place: one column wins unless two allow clearly larger text.
    """
    best: tuple[float, int] | None = None
    for whole in (True, False):  # each reach on one line if at all possible
        for columns in column_choices(len(contacts)):
            size = (round(width), round(height))
            factor = _grid_factor(contacts, style, *size, columns, more, whole)
            if factor is not None and (best is None or factor > best[0] + 0.04):
                best = (factor, columns)
        if best is not None:
            break
    if best is None:
        return None
    factor, columns = best
    return factor, columns, layout_grid(contacts, style, width, columns, factor, more)


@lru_cache(maxsize=256)
def _grid_factor(
    contacts: tuple[HelpContact, ...],
    style: TextStyle,
    width: int,
    height: int,
    columns: int,
    more: str,
    whole: bool,
) -> float | None:
    def ok(factor: float) -> bool:
        return grid_fits(contacts, style, width, height, columns, factor, more, whole)

    floor = floor_factor(style)
    if ok(GROW):
        return GROW
    if not ok(floor):
        return None
    low, high = floor, GROW
    for _ in range(7):
        mid = (low + high) / 2
        low, high = (mid, high) if ok(mid) else (low, mid)
    return low


def layout_grid(
    contacts: tuple[HelpContact, ...],
    style: TextStyle,
    width: float,
    columns: int,
    factor: float,
    more: str = "",
) -> list[TextBlock]:
    """A laid-out block per contact, then one for ``more`` when given."""
    inner = column_width(width, columns) - BAR_W - BAR_GAP
    texts = [contact_html(contact, style) for contact in contacts] + ([more] if more else [])
    blocks = []
    for text in texts:
        doc = make_document(text, style, inner, factor, None, 0)
        blocks.append(TextBlock(doc, QRectF(0, 0, inner, 0), style.color, factor, False))
    return blocks


def grid_fits(
    contacts: tuple[HelpContact, ...],
    style: TextStyle,
    width: float,
    height: float,
    columns: int,
    factor: float,
    more: str,
    whole: bool = False,
) -> bool:
    """Whether the grid fits ``height`` at ``factor``, no number broken in the middle
    (and with ``whole``, every reach on one line)."""
    inner = column_width(width, columns) - BAR_W - BAR_GAP
    reach_size = style.heading * factor
    for contact in contacts:
        reach = keep_together(contact.reach)
        words = [reach] if whole else reach.split()
        if any(text_width(w, reach_size, style.families, bold=True) > inner for w in words):
            return False
    blocks = layout_grid(contacts, style, width, columns, factor, more)
    if any(b.doc.idealWidth() > inner + 0.5 for b in blocks):
        return False
    rows = [blocks[r : r + columns] for r in range(0, len(blocks), columns)]
    total = sum(max(b.doc.size().height() for b in row) for row in rows)
    total += row_gap(style, factor) * (len(rows) - 1)
    return total <= height + 0.5


def help_slide(ctx: RenderContext, slide: Slide, step: int, flags: LayoutFlags) -> Frame:
    return help_frame(ctx, slide.html_at(step), slide_sources(slide))
