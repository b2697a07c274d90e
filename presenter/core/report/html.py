"""A session report as simple rich text, for the PDF and the home window's viewer.

The same HTML is poured onto paper by the export package and shown in the report
viewer, so what an organizer reads on screen is what they save and send. It is the
subset Qt's rich text engine lays out well (tables, headings, paragraphs); every piece
of text from the record is escaped, so nothing typed into a note can become markup.
"""

from __future__ import annotations

import logging

from markupsafe import Markup, escape

from presenter.core.report import text as rt
from presenter.core.report.build import MythResult, SessionReport
from presenter.core.session.view import Tally
from presenter.support.i18n import t

log = logging.getLogger(__name__)

MUTED = "#555555"
RULE = "#9a9a9a"
HEAD_BG = "#eeeeee"
CELL_PADDING = 5  # pixels (points on paper) inside every table cell


def esc(text: str) -> Markup:
    """Escaped once (markupsafe): Markup passes through, so nothing is escaped twice."""
    return escape(text)


def report_html(report: SessionReport, *, title: bool = True) -> str:
    """The whole report; without ``title`` the heading is left to the caller."""
    parts: list[str] = []
    if title:
        parts.append(heading_html(report))
    parts.append(facts_html(report))
    if report.sections:
        parts.append(sections_html(report))
    if report.myths:
        parts.append(myths_html(report))
    if report.notes:
        parts.append(notes_html(report))
    if report.problems:
        parts.append(problems_html(report))
    parts.append(f'<p class="small muted" style="color: {MUTED};">{esc(rt.privacy_line())}</p>')
    return "\n".join(parts)


def heading_html(report: SessionReport) -> str:
    return (
        f'<p class="label" style="color: {MUTED};">{esc(t("Session report").upper())}</p>'
        f"<h1>{esc(report.deck_title or t('workshop'))}</h1>"
    )


def _table(head: list[tuple[str, str]], rows: list[list[str]], widths: list[int]) -> str:
    """A ruled table; ``head`` is (text, align) and cells are already-escaped HTML."""
    cols = "".join(
        f'<th align="{align}" width="{w}%" style="background-color: {HEAD_BG};">{esc(text)}</th>'
        for (text, align), w in zip(head, widths, strict=True)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td align="{align}" valign="top">{cell}</td>'
            for cell, (_, align) in zip(row, head, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f'<table width="100%" cellspacing="0" cellpadding="{CELL_PADDING}" border="0.6" '
        f'style="border-color: {RULE}; border-style: solid;"><tr>{cols}</tr>{body}</table>'
    )


def facts_html(report: SessionReport) -> str:
    rows = "".join(
        f'<tr><td width="22%" style="color: {MUTED}; border: none;">{esc(label)}</td>'
        f'<td style="border: none;">{esc(value)}</td></tr>'
        for label, value in rt.facts(report)
    )
    return f'<table width="100%" cellspacing="0" cellpadding="3" border="0">{rows}</table>'


def sections_html(report: SessionReport) -> str:
    head = [
        (t("Section"), "left"),
        (t("Planned"), "right"),
        (t("Actual"), "right"),
        (t("Difference"), "right"),
    ]
    rows: list[list[str]] = [
        [
            esc(rt.section_title(s)),
            esc(rt.minutes(s.planned)),
            esc(rt.minutes(s.actual, 1)),
            esc(rt.signed_minutes(s.difference)),
        ]
        for s in report.sections
    ]
    rows.append(
        [
            f"<b>{esc(t('Total'))}</b>",
            f"<b>{esc(rt.minutes(report.planned_minutes))}</b>",
            f"<b>{esc(rt.minutes(report.actual_minutes, 1))}</b>",
            f"<b>{esc(rt.signed_minutes(report.actual_minutes - report.planned_minutes))}</b>",
        ]
    )
    return f"<h2>{esc(t('Time per section'))}</h2>" + _table(head, rows, [49, 17, 17, 17])


def _tally_cell(tally: Tally | None, missing: str) -> str:
    if tally is None:
        return f'<span style="color: {MUTED};">{esc(missing)}</span>'
    pct = rt.correct_pct(tally)
    big = "–" if pct is None else f"{pct:.0f} %"
    counts = t("{myth} myth / {reality} reality", myth=tally.said_myth, reality=tally.said_reality)
    return f'<b>{esc(big)}</b><br><span class="small" style="color: {MUTED};">{esc(counts)}</span>'


def _myth_row(myth: MythResult) -> list[str]:
    return [
        esc(rt.statement_text(myth)),
        _tally_cell(myth.before, rt.not_counted()),
        _tally_cell(myth.after, rt.after_missing(myth)),
        f"<b>{esc(rt.shift_text(myth))}</b>",
    ]


def myths_html(report: SessionReport) -> str:
    head = [
        (t("Myth"), "left"),
        (t("Before"), "right"),
        (t("After"), "right"),
        (t("Shift"), "right"),
    ]
    intro = rt.myths_intro(report.myths)
    return (
        f"<h2>{esc(t('Myths: show of hands'))}</h2>"
        f'<p class="small" style="color: {MUTED};">{esc(intro)}</p>'
        + _table(head, [_myth_row(m) for m in report.myths], [46, 19, 19, 16])
    )


def notes_html(report: SessionReport) -> str:
    items = "".join(
        f"<li><span style='color: {MUTED};'>{esc(rt.note_time(n.t))} · "
        f"{esc(n.slide_title)}</span><br>{esc(n.text)}</li>"
        for n in report.notes
    )
    return f"<h2>{esc(rt.notes_heading())}</h2><ul>{items}</ul>"


def problems_html(report: SessionReport) -> str:
    items = "".join(f"<li>{esc(p)}</li>" for p in report.problems)
    return f"<h2>{esc(t('About this record'))}</h2><ul class='small'>{items}</ul>"
