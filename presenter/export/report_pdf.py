"""One session's report as a PDF an organizer can send to a school or a funder.

The same content as the Markdown report (see :mod:`presenter.core.report.html`), laid
out by the export package's flow on A4 or Letter with real, searchable text, in the
console language. Black on white from the print theme, so it photocopies cleanly.
"""

from __future__ import annotations

import os

from PySide6.QtGui import QTextCursor, QTextDocument

from presenter.core.report.build import SessionReport
from presenter.core.report.html import CELL_PADDING, heading_html, report_html
from presenter.export.flow import Flow, Ink, footer, text_document
from presenter.export.pdf import A4, Paper, ensure_app, pdf_painter
from presenter.export.progress import ProgressCallback, report
from presenter.render.theme import load_theme
from presenter.support.i18n import t


def export_report_pdf(
    session_report: SessionReport,
    path: str | os.PathLike[str],
    *,
    paper: Paper = A4,
    progress: ProgressCallback | None = None,
) -> int:
    """Write the report to ``path``; return its page count. Raises ``ExportError``."""
    ensure_app()
    report(progress, 0, 1)
    ink = Ink.from_theme(load_theme("print"), size=10.0)
    flow = Flow(paper, ink)
    flow.html(heading_html(session_report))
    flow.space(2)
    body = text_document(report_html(session_report, title=False), flow.width, ink)
    flow.document(body, breaks=report_breaks(body))
    title = t("Session report: {title}", title=session_report.deck_title or t("workshop"))
    left = f"{session_report.deck_title} · {session_report.date}"
    with pdf_painter(path, paper, title) as pdf:
        return flow.paint(pdf, footer(ink, paper, left, t("Page {n} of {total}")), progress)


def report_breaks(doc: QTextDocument) -> list[float]:
    """Heights where a page may end: between paragraphs, notes and table rows.

    Unlike the guide's text, a report is mostly tables: a myth's row cut after its
    percentage would leave its counts on the next page. So pages end only above a
    whole block outside tables, or above a table row after the first data row (the
    header stays with its first row), and never just below a heading.
    """
    layout = doc.documentLayout()
    breaks: set[float] = {round(doc.size().height(), 3)}
    rows: dict[tuple[int, int], float] = {}
    after_heading = False
    block = doc.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is None:
            if not after_heading and top > 0:
                breaks.add(round(top, 3))
            after_heading = block.blockFormat().headingLevel() > 0
        else:
            key = (table.firstPosition(), table.cellAt(cursor).row())
            rows[key] = min(rows.get(key, top), top)
            after_heading = False
        block = block.next()
    for (_, row), top in rows.items():
        if row > 1:  # above the border line of the row
            breaks.add(round(top - CELL_PADDING - 1.0, 3))
    return sorted(breaks)
