"""Paper for when the power or the projector fails: slides, guide, handout, cards.

Everything printed is painted by the one renderer or laid out with Qt's text engine
into a PDF with real, selectable text and the bundled fonts embedded.

    from presenter.export import export_slides_pdf
    pages = export_slides_pdf(deck, "slides.pdf", steps=False, variant=None,
                              theme=None, help_contacts=(), progress=callback)

``progress(done, total)`` is called as pages are written; raise ``ExportCancelled``
from it to stop. Needs a QGuiApplication (one is created if there is none).
"""

from __future__ import annotations

from presenter.export.pdf import A4, LETTER, Paper, paper_named, paper_theme
from presenter.export.progress import (
    ExportCancelled,
    ExportError,
    ProgressCallback,
    TerminalProgress,
)
from presenter.export.slides import export_slides_pdf, slide_views

__all__ = [
    "A4",
    "LETTER",
    "ExportCancelled",
    "ExportError",
    "Paper",
    "ProgressCallback",
    "TerminalProgress",
    "export_slides_pdf",
    "paper_named",
    "paper_theme",
    "slide_views",
]
