"""One session's report as a PDF an organizer can send to a school or a funder.

The same content as the Markdown report (see :mod:`presenter.core.reporthtml`), laid
out by the export package's flow on A4 or Letter with real, searchable text, in the
console language. Black on white from the print theme, so it photocopies cleanly.
"""

from __future__ import annotations

import os

from presenter.core.report import SessionReport
from presenter.core.reporthtml import heading_html, report_html
from presenter.export.flow import Flow, Ink, footer
from presenter.export.pdf import A4, Paper, ensure_app, pdf_painter
from presenter.export.progress import ProgressCallback, report
from presenter.i18n import t
from presenter.render.theme import load_theme


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
    flow.html(report_html(session_report, title=False), min_first=80)
    title = t("Session report: {title}", title=session_report.deck_title or t("workshop"))
    left = f"{session_report.deck_title} · {session_report.date}"
    with pdf_painter(path, paper, title) as pdf:
        return flow.paint(pdf, footer(ink, paper, left, t("Page {n} of {total}")), progress)
