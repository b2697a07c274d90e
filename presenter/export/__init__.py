"""Paper for when the power or the projector fails: slides, guide, handout, cards,
help cards.

Everything printed is painted by the one renderer or laid out with Qt's text engine
into a PDF with real, selectable text and the bundled fonts embedded.

    from presenter.export import export_slides_pdf, export_guide, export_pack
    pages = export_slides_pdf(deck, "slides.pdf", steps=False, variant=None,
                              theme=None, help_contacts=(), progress=callback)

``progress(done, total)`` is called as pages are written; raise ``ExportCancelled``
from it to stop (no file is left behind). Needs a QGuiApplication (one is created,
offscreen, if there is none). Names are imported on first use, so importing this
package does not load Qt.
"""

from __future__ import annotations

import importlib
from typing import Any

from presenter.export.registry import lazy_names
from presenter.support.qtfix import lighten_when_imported

lighten_when_imported()  # before an exporter imports PySide6: see support/qtfix.py

_WHERE = {
    "A4": "pdf",
    "LETTER": "pdf",
    "Paper": "pdf",
    "paper_named": "pdf",
    "paper_theme": "pdf",
    "ExportCancelled": "progress",
    "ExportError": "progress",
    "ProgressCallback": "progress",
    "TerminalProgress": "progress",
    "slide_views": "slides",
    "png_views": "png",
    "ExportOptions": "registry",
    "FORMATS": "registry",
    "export_report_pdf": "report_pdf",
    "pack_names": "pack",
    "parse_start": "content",
}

_WHERE.update(lazy_names())  # every export format's function, from the one registry

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'presenter.export' has no attribute {name!r}")
    return getattr(importlib.import_module(f"presenter.export.{module}"), name)
