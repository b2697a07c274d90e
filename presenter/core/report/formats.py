"""Session reports as Markdown (to read and share) and CSV (to open in a spreadsheet).

Markdown speaks the console language (see :mod:`presenter.core.report.text`); CSV does
not: its header and ``record_type`` values are English machine names that never change.

CSV decisions, so the file opens cleanly in the spreadsheet an organizer has:

- One table, one header row that never changes shape: a ``record_type`` column says
  what each row is (``session``, ``section``, ``myth``, ``note``), and every row repeats
  the session's id, date, deck and variant so filters and pivot tables just work.
- UTF-8 *with* a byte-order mark when written to a file: Excel on Windows reads a
  BOM-less CSV in the legacy code page and garbles accented venue names and deck
  titles; LibreOffice, Google Sheets, Numbers and Python (``encoding="utf-8-sig"``)
  all accept the mark. Standard comma separator and CRLF rows (RFC 4180).
- Numbers are plain decimals with a dot, one decimal place; unknown is an empty cell.
- Text that a spreadsheet would run as a formula (starting ``=``, ``+``, ``-``, ``@``)
  gets a leading apostrophe: deck titles and notes come from other people's files.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterable
from typing import Any

from presenter.core.report import text as rt
from presenter.core.report.build import MythResult, SessionReport
from presenter.core.session.view import Tally
from presenter.support.i18n import t

log = logging.getLogger(__name__)

CSV_FIELDS = [
    "record_type",
    "session_id",
    "date",
    "start_time",
    "status",
    "deck_title",
    "deck_version",
    "deck_hash",
    "variant",
    "venue",
    "facilitator_initials",
    "attendees",
    "planned_minutes",
    "actual_minutes",
    "section",
    "myth_id",
    "myth_statement",
    "myth_answer",
    "before_said_myth",
    "before_said_reality",
    "before_correct_pct",
    "after_said_myth",
    "after_said_reality",
    "after_correct_pct",
    "shift_pct_points",
    "note",
]
_TEXT_FIELDS = {
    "deck_title",
    "deck_version",
    "venue",
    "facilitator_initials",
    "section",
    "myth_id",
    "myth_statement",
    "note",
    "variant",
}


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


_pct = rt.correct_pct


def _safe(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_rows(
    report: SessionReport, *, sections: bool = True, notes: bool = True
) -> list[dict[str, str]]:
    base = {
        "session_id": report.session_id,
        "date": report.date,
        "start_time": report.start_time,
        "deck_title": report.deck_title,
        "variant": report.variant or "",
    }
    rows: list[dict[str, Any]] = [
        {
            **base,
            "record_type": "session",
            "status": report.status,
            "deck_version": report.deck_version,
            "deck_hash": report.short_hash,
            "venue": report.venue,
            "facilitator_initials": report.initials,
            "attendees": "" if report.attendees is None else str(report.attendees),
            "planned_minutes": _num(report.planned_minutes),
            "actual_minutes": _num(report.actual_minutes),
        }
    ]
    if sections:
        for section in report.sections:
            rows.append(
                {
                    **base,
                    "record_type": "section",
                    "section": section.title,
                    "planned_minutes": _num(section.planned),
                    "actual_minutes": _num(section.actual),
                }
            )
    for myth in report.myths:
        rows.append({**base, "record_type": "myth", **_myth_cells(myth)})
    if notes:
        for note in report.notes:
            rows.append({**base, "record_type": "note", "section": note.slide_title,
                         "note": note.text})  # fmt: skip
    return [
        {k: _safe(str(row.get(k, ""))) if k in _TEXT_FIELDS else str(row.get(k, ""))
         for k in CSV_FIELDS}
        for row in rows
    ]  # fmt: skip


def _myth_cells(myth: MythResult) -> dict[str, str]:
    def counts(tally: Tally | None) -> tuple[str, str]:
        return ("", "") if tally is None else (str(tally.said_myth), str(tally.said_reality))

    before_myth, before_reality = counts(myth.before)
    after_myth, after_reality = counts(myth.after)
    return {
        "myth_id": myth.myth_id,
        "myth_statement": myth.statement,
        "myth_answer": myth.answer,
        "before_said_myth": before_myth,
        "before_said_reality": before_reality,
        "before_correct_pct": _num(_pct(myth.before)),
        "after_said_myth": after_myth,
        "after_said_reality": after_reality,
        "after_correct_pct": _num(_pct(myth.after)),
        "shift_pct_points": _num(myth.shift),
    }


def to_csv(rows: Iterable[dict[str, str]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def to_markdown(report: SessionReport) -> str:
    """One session for people, in the console language (labels through ``t()``)."""
    lines = [f"# {_cell(rt.report_title(report))}", ""]
    rows = [f"| {_cell(label)} | {_cell(value)} |" for label, value in rt.facts(report)]
    lines += ["| | |", "|---|---|", *rows, ""]
    if report.sections:
        lines += [f"## {t('Time per section')}", ""]
        heads = (t("Section"), t("Planned"), t("Actual"), t("Difference"))
        lines += ["| " + " | ".join(heads) + " |", "|---|---:|---:|---:|"]
        for s in report.sections:
            lines.append(
                f"| {_cell(rt.section_title(s))} | {rt.minutes(s.planned)} "
                f"| {rt.minutes(s.actual, 1)} | {rt.signed_minutes(s.difference)} |"
            )
        lines.append("")
    if report.myths:
        lines += [f"## {t('Myths: show of hands')}", "", rt.myths_intro(report.myths), ""]
        heads = (t("Myth"), t("Before"), t("After"), t("Shift"))
        lines += ["| " + " | ".join(heads) + " |", "|---|---|---|---:|"]
        for m in report.myths:
            lines.append(
                f"| {_cell(rt.statement_text(m))} | {rt.tally_text(m.before)} | {rt.after_text(m)} "
                f"| {rt.shift_text(m)} |"
            )
        lines.append("")
    if report.notes:
        lines += [f"## {rt.notes_heading()}", ""]
        for note in report.notes:
            lines.append(
                f"- {rt.note_time(note.t)}, *{_cell(note.slide_title)}*: {_cell(note.text)}"
            )
        lines.append("")
    if report.problems:
        lines += [f"## {t('About this record')}", ""] + [f"- {p}" for p in report.problems]
        lines.append("")
    lines.append(f"_{rt.privacy_line()}_")
    return "\n".join(lines) + "\n"
