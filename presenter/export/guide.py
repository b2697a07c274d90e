"""The facilitator guide: run the workshop from paper alone.

First the agenda (parts, planned minutes and clock times from a chosen start), the
content warning to read out and the support contacts; then every slide as a thumbnail
painted by the one renderer, with its timing, notes, myth answers, follow-up questions
and sources; the references last.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from datetime import time

from markupsafe import Markup
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from presenter.core.deck.kinds import kind_of
from presenter.core.deck.model import Deck, HelpContact
from presenter.core.session.view import SlideView
from presenter.export import content as c
from presenter.export.blocks import contacts_html, esc, myth_html, references_html, sources_line
from presenter.export.flow import Flow, Ink, footer
from presenter.export.pdf import A4, Paper, paper_theme, pdf_painter
from presenter.export.progress import ProgressCallback, report
from presenter.render import fragments
from presenter.render.fonts import slide_font
from presenter.render.renderer import SlideRenderer
from presenter.render.theme import load_theme
from presenter.support.i18n import t, tn

log = logging.getLogger(__name__)

THUMB_SHARE = 0.42  # of the text width: slide text stays readable (about 6 pt)
GAP = 14.0
HEADER_H = 20.0


def export_guide(
    deck: Deck,
    path: str | os.PathLike[str],
    *,
    paper: Paper = A4,
    start: time | None = None,
    variant: str | None = None,
    theme: str | None = None,
    help_contacts: Sequence[HelpContact] = (),
    progress: ProgressCallback | None = None,
) -> int:
    """Write the facilitator guide; return its page count."""
    report(progress, 0, 1)
    renderer = SlideRenderer(deck, paper_theme(deck, theme), help_contacts)
    ink = Ink.from_theme(load_theme("print"))
    flow = Flow(paper, ink, folder=deck.folder)
    contacts = renderer.help_contacts
    first_page(flow, deck, variant, start, contacts)
    flow.new_page()
    flow.html(f"<h2>{esc(t('Slide by slide'))}</h2>")
    for item in c.timed_slides(deck, variant):
        slide_entry(flow, renderer, item, start)
    flow.space(10)
    refs = c.references(deck, variant)
    flow.html(
        Markup("<h2>{}</h2>").format(t("References")) + references_html(refs, slides=True),
        min_first=60,
    )
    title = f"{deck.meta.title} · {t('Facilitator guide')}"
    with pdf_painter(path, paper, title) as pdf:
        return flow.paint(pdf, footer(ink, paper, title, t("Page {n} of {total}")), progress)


def first_page(
    flow: Flow,
    deck: Deck,
    variant: str | None,
    start: time | None,
    contacts: Sequence[HelpContact],
) -> None:
    meta = deck.meta
    planned = deck.planned_minutes(variant)
    facts = [t("Facilitator guide")]
    if meta.audience:
        facts.append(meta.audience)
    if variant:
        facts.append(t("Audience: {variant}", variant=variant))
    elif meta.variants:
        facts.append(t("all variants ({names})", names=", ".join(meta.variants)))
    facts.append(t("{minutes} minutes planned", minutes=c.fmt_minutes(planned)))
    if start is not None:
        facts.append(t("{start} to {end}", start=c.clock(start, 0), end=c.clock(start, planned)))
    head = Markup("<h1>{}</h1>").format(meta.title)
    if meta.subtitle:
        head += Markup('<p class="big" style="font-weight: normal;">{}</p>').format(meta.subtitle)
    head += Markup('<p class="muted">{}</p>').format(Markup(" · ").join(facts))
    flow.html(head)
    flow.space(6)
    flow.html(f"<h2>{esc(t('Agenda'))}</h2>" + agenda_table(deck, variant, start))
    if meta.has_content_warning:
        flow.space(6)
        flow.html(
            f"<h3>{esc(t('Read out before the first slide'))}</h3>"
            f"<p>{esc(meta.content_warning or '')}</p>",
            min_first=50,
        )
    flow.space(6)
    flow.html(
        Markup("<h3>{}</h3>").format(t("Support contacts")) + contacts_html(contacts), min_first=60
    )


def agenda_table(deck: Deck, variant: str | None, start: time | None) -> str:
    heads = [t("Start"), t("Part"), t("Slides"), t("Minutes")]
    widths = ("14%", "58%", "14%", "14%")
    cells = "".join(f'<th width="{w}">{esc(h)}</th>' for h, w in zip(heads, widths, strict=True))
    rows = [f"<tr>{cells}</tr>"]
    for part in c.agenda(deck, variant):
        span = f"{part.first}" if part.first == part.last else f"{part.first}–{part.last}"
        rows.append(
            f"<tr><td>{c.clock(start, part.start)}</td><td>{esc(part.title)}</td>"
            f'<td>{span}</td><td align="right">{c.fmt_minutes(part.minutes)}</td></tr>'
        )
    planned = deck.planned_minutes(variant)
    end = c.clock(start, planned)
    rows.append(
        f"<tr><td><b>{end}</b></td><td><b>{esc(t('End'))}</b></td><td></td>"
        f'<td align="right"><b>{c.fmt_minutes(planned)}</b></td></tr>'
    )
    return '<table width="100%" cellspacing="0">' + "".join(rows) + "</table>"


def slide_entry(flow: Flow, renderer: SlideRenderer, item: c.Timed, start: time | None) -> None:
    slide = item.slide
    thumb_w = flow.width * THUMB_SHARE
    thumb_h = thumb_w * 9 / 16
    flow.ensure(HEADER_H + thumb_h + 4)
    meta = [c.kind_label(slide.kind)]
    if slide.minutes:
        meta.append(t("{minutes} min", minutes=c.fmt_minutes(slide.minutes)))
    meta.append(c.clock(start, item.start))
    if slide.step_count > 1:
        meta.append(tn("{n} step", "{n} steps", slide.step_count))
    if slide.only:
        meta.append(t("only {variants}", variants=", ".join(slide.only)))
    if slide.except_:
        meta.append(t("not {variants}", variants=", ".join(slide.except_)))
    heading = f"{item.number}   {c.slide_title(slide) or c.kind_label(slide.kind)}"
    flow.block(HEADER_H, _header(flow.ink, heading, " · ".join(meta)))
    step = kind_of(slide).print_step(slide)
    view = SlideView(slide.index, step, slide_number=item.number)
    top, page = flow.y, len(flow.pages)
    flow.place(QRectF(flow.left, top, thumb_w, thumb_h), _thumbnail(renderer, view))
    flow.html(details_html(renderer.deck, item), x=thumb_w + GAP)
    if len(flow.pages) == page:
        flow.y = max(flow.y, top + thumb_h)
    flow.space(8)
    flow.block(10, _rule(flow.ink.rule))


def details_html(deck: Deck, item: c.Timed) -> str:
    slide = item.slide
    parts: list[str] = []
    if slide.myth is not None:
        parts.append(myth_html(slide.myth))
    if slide.discussion is not None:
        d = slide.discussion
        how = [x for x in (d.format_label and t(d.format_label), "") if x]
        if d.minutes:
            how.append(t("{minutes} min", minutes=c.fmt_minutes(d.minutes)))
        if how:
            parts.append(f'<p><span class="label">{esc(" · ".join(how).upper())}</span></p>')
        if d.followups:
            items = "".join(f"<li>{esc(q)}</li>" for q in d.followups)
            parts.append(f"<p><b>{esc(t('Follow-up questions'))}</b></p><ul>{items}</ul>")
    if slide.recap_ids:
        asked = []
        for myth_id in slide.recap_ids:
            myth = deck.myth_by_id(myth_id)
            if myth is not None:
                asked.append(
                    Markup("<li><b>{}</b> ({})<br>{}</li>").format(
                        fragments.statement_html(myth),
                        fragments.answer_label(myth),
                        fragments.explanation_html(myth),
                    )
                )
        parts.append(f"<p><b>{esc(t('Asked again'))}</b></p><ol>{''.join(asked)}</ol>")
    if slide.sources and slide.myth is None:
        parts.append(sources_line(slide.sources))
    if slide.notes_html.strip():
        parts.append(f'<p><span class="label">{esc(t("NOTES"))}</span></p>{slide.notes_html}')
    if not parts:
        parts.append(f'<p class="muted">{esc(t("No notes for this slide."))}</p>')
    return "".join(parts)


def _thumbnail(renderer: SlideRenderer, view: SlideView):  # type: ignore[no-untyped-def]
    def draw(painter: QPainter, rect: QRectF) -> None:
        renderer.paint(painter, rect, view)
        painter.save()
        painter.setPen(QPen(QColor("#808080"), 0.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        painter.restore()

    return draw


def _header(ink: Ink, left: str, right: str):  # type: ignore[no-untyped-def]
    def draw(painter: QPainter, rect: QRectF) -> None:
        painter.save()
        meta_font = slide_font(ink.size * 0.9, ink.families)
        meta_w = QFontMetricsF(meta_font).horizontalAdvance(right) + 4
        title_font = slide_font(ink.size * 1.2, ink.families, bold=True)
        title_w = rect.width() - meta_w - 12
        text = QFontMetricsF(title_font).elidedText(left, Qt.TextElideMode.ElideRight, title_w)
        painter.setFont(title_font)
        painter.setPen(QColor(ink.heading))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        painter.drawText(QRectF(rect.left(), rect.top(), title_w, rect.height()), flags, text)
        painter.setFont(meta_font)
        painter.setPen(QColor(ink.muted))
        flags = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        painter.drawText(rect.adjusted(0, 2, 0, 0), flags, right)
        painter.restore()

    return draw


def _rule(color: str):  # type: ignore[no-untyped-def]
    def draw(painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.setPen(QPen(QColor(color), 0.5))
        y = rect.top() + 2
        painter.drawLine(QLineF(rect.left(), y, rect.right(), y))
        painter.restore()

    return draw
