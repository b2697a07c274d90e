"""Session reports as Markdown (to read and share) and CSV (to open in a spreadsheet).

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
import time
from collections.abc import Iterable
from typing import Any

from presenter.core.report import MythResult, SessionReport
from presenter.core.view import Tally

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


def _pct(tally: Tally | None) -> float | None:
    share = tally.correct_share if tally is not None else None
    return None if share is None else 100.0 * share


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


def _tally_text(tally: Tally | None) -> str:
    if tally is None:
        return "not asked"
    pct = _pct(tally)
    share = "–" if pct is None else f"{pct:.0f} % correct"
    return f"{tally.said_myth} myth / {tally.said_reality} reality ({share})"


def to_markdown(report: SessionReport) -> str:
    lines = [f"# Session report: {_cell(report.deck_title) or 'workshop'}", ""]
    version = f"version {report.deck_version}, " if report.deck_version else ""
    facts = [
        ("Date", f"{report.date} at {report.start_time}"),
        ("Deck", f"{_cell(report.deck_title)} ({version}content {report.short_hash})"),
        ("Audience", report.variant or "all slides"),
        ("Venue", _cell(report.venue) or "–"),
        ("Facilitator", _cell(report.initials) or "–"),
        ("Attendees", "–" if report.attendees is None else str(report.attendees)),
        (
            "Time",
            f"{report.actual_minutes:.0f} min (planned {report.planned_minutes:.0f} min)",
        ),
        ("Status", _status_text(report)),
        ("Record", report.session_id),
    ]
    lines += ["| | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in facts] + [""]
    if report.sections:
        lines += ["## Time per section", "", "| Section | Planned | Actual | Difference |"]
        lines.append("|---|---:|---:|---:|")
        for s in report.sections:
            lines.append(
                f"| {_cell(s.title)} | {s.planned:.0f} min | {s.actual:.1f} min "
                f"| {s.difference:+.1f} min |"
            )
        lines.append("")
    if report.myths:
        lines += ["## Myths: show of hands", "", "Every statement is a myth: answering "
                  "\"myth\" is correct.", ""]  # fmt: skip
        lines += ["| Myth | Before | After | Shift |", "|---|---|---|---:|"]
        for m in report.myths:
            after = _tally_text(m.after) if m.asked_again else "not asked again"
            shift = "" if m.shift is None else f"{m.shift:+.0f} points"
            lines.append(f"| {_cell(m.statement)} | {_tally_text(m.before)} | {after} | {shift} |")
        lines.append("")
    if report.notes:
        lines += ["## Discussion notes", ""]
        for note in report.notes:
            when = time.strftime("%H:%M", time.localtime(note.t))
            lines.append(f"- {when}, *{_cell(note.slide_title)}*: {_cell(note.text)}")
        lines.append("")
    if report.problems:
        lines += ["## About this record", ""] + [f"- {p}" for p in report.problems] + [""]
    lines.append(
        "_This report holds no attendee names: only counts, times, the optional venue "
        "and facilitator initials, and the facilitator's notes._"
    )
    return "\n".join(lines) + "\n"


def _status_text(report: SessionReport) -> str:
    if report.status == "continued" and report.continued_in:
        return f"continued in {report.continued_in} (the deck changed)"
    if report.continues:
        return f"{report.status}; continues {report.continues}"
    return report.status
