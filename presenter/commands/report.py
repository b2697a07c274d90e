"""``presenter report``: session reports from the records kept while presenting.

presenter report SESSION [--markdown | --csv] [-o FILE]
presenter report SESSION --pdf FILE [--paper A4|Letter]
presenter report --list
presenter report --all --csv [-o FILE]
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from typing import Any

from presenter.core.appcontext import AppContext
from presenter.core.record.journal import JournalFormatError
from presenter.core.record.store import LoadedSession, find_session, list_sessions, load_session
from presenter.core.report.build import SessionReport, build_report
from presenter.core.report.formats import csv_rows, to_csv, to_markdown
from presenter.support.datadir import SESSIONS
from presenter.support.safewrite import SHARED, atomic_write_bytes

log = logging.getLogger(__name__)

log = logging.getLogger(__name__)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help="reports of past sessions (Markdown, CSV or PDF)",
        description="Reports from the session records: one session as Markdown, CSV or PDF, "
        "or every session in one CSV table for a spreadsheet. Reports hold no "
        "attendee names.",
    )
    parser.add_argument("session", nargs="?", help="session id (or its start), or its folder")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--list", action="store_true", help="list the recorded sessions")
    what.add_argument("--all", action="store_true", help="every session in one report")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--markdown", action="store_true", help="Markdown (the default)")
    form.add_argument("--csv", action="store_true", help="CSV for a spreadsheet")
    form.add_argument("--pdf", metavar="FILE", help="one session as a PDF written to FILE")
    parser.add_argument(
        "--paper", default="A4", metavar="A4|Letter", help="paper for --pdf (default A4)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not the screen")
    parser.add_argument(
        "--data",
        metavar="FOLDER",
        help="read the records in FOLDER (a data folder, or its 'sessions' folder), "
        "e.g. one copied from another laptop",
    )
    parser.set_defaults(func=run)


def records_root(given: str | None, ctx: AppContext) -> Path:
    """``--data`` if given, else the records folder the app writes to (see Settings)."""
    if not given:
        return ctx.records_root()
    folder = Path(given)
    return folder.parent if folder.name == SESSIONS else folder


def run(args: argparse.Namespace, ctx: AppContext) -> int:
    root = records_root(args.data, ctx)
    if args.list:
        return list_command(root)
    if args.pdf and (args.all or args.output):
        print("presenter report: --pdf writes one session to its own FILE "
              "(not with --all or -o)", file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    if args.all:
        return all_command(root, args)
    if not args.session:
        print("presenter report: give a session id, --list or --all", file=sys.stderr)
        return EXIT_USAGE
    folder = find_session(args.session, root)
    if folder is None:
        print(
            f"presenter report: no session '{args.session}' in {root / SESSIONS} "
            "(see  presenter report --list)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    try:
        session = load_session(folder)
    except (JournalFormatError, OSError) as error:
        print(f"presenter report: {folder.name}: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    report = build_report(session)
    if args.pdf:
        return pdf_command(report, args.pdf, args.paper)
    if args.csv:
        return emit(to_csv(csv_rows(report)), args.output, bom=True)
    return emit(to_markdown(report), args.output, bom=False)


def pdf_command(report: SessionReport, output: str, paper_name: str) -> int:
    from presenter.export.pdf import paper_named
    from presenter.export.progress import ExportError
    from presenter.export.report_pdf import export_report_pdf

    try:
        paper = paper_named(paper_name)
    except ValueError as error:
        print(f"presenter report: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        pages = export_report_pdf(report, output, paper=paper)
    except ExportError as error:
        log.warning("report PDF not written to %s: %s", output, error)
        print(f"presenter report: cannot write {output}: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Wrote {output} ({pages} page{'s' if pages != 1 else ''})", file=sys.stderr)
    return EXIT_OK


def list_command(root: Path) -> int:
    sessions, unreadable = list_sessions(root)
    print(f"Session records in {root / SESSIONS}")
    if not sessions and not unreadable:
        print("  (none yet)")
    for session in sessions:
        print("  " + list_line(session))
    for folder, reason in unreadable:
        print(f"  {folder.name}  cannot be read: {reason}")
    return EXIT_OK


def list_line(session: LoadedSession) -> str:
    report = build_report(session)
    attendees = "" if report.attendees is None else f", {report.attendees} attendees"
    variant = f" [{report.variant}]" if report.variant else ""
    return (
        f"{session.session_id}  {report.date} {report.start_time}  {report.status:<11} "
        f"{report.actual_minutes:4.0f} min{attendees}  {report.deck_title}{variant}"
    )


def all_command(root: Path, args: argparse.Namespace) -> int:
    sessions, unreadable = list_sessions(root)
    for folder, reason in unreadable:
        print(f"presenter report: skipped {folder.name}: {reason}", file=sys.stderr)
    # A session continued after its deck changed is reported once, by its continuation.
    reports = [build_report(s) for s in sessions if s.continued_in is None]
    if args.csv:
        rows = []
        for report in reports:
            rows.extend(csv_rows(report, sections=False, notes=False))
        return emit(to_csv(rows), args.output, bom=True)
    text = "\n---\n\n".join(to_markdown(r) for r in reports) or "No sessions recorded yet.\n"
    return emit(text, args.output, bom=False)


def emit(text: str, output: str | None, *, bom: bool) -> int:
    if not output or output == "-":
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:
            sys.stdout.write(text)
        else:  # bytes as they are: no "\r\r\n" from Windows newline translation
            sys.stdout.flush()
            stream.write(text.encode("utf-8"))
            stream.flush()
        return EXIT_OK
    data = (("\ufeff" if bom else "") + text).encode("utf-8")
    try:
        atomic_write_bytes(Path(output), data, mode=SHARED)
    except OSError as error:
        log.warning("report not written to %s: %s", output, error)
        print(f"presenter report: cannot write {output}: {error.strerror}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Wrote {output} ({time.strftime('%H:%M')})", file=sys.stderr)
    return EXIT_OK
