"""PDF files for every export: page sizes, atomic writing, the paper theme.

Pages are painted in points (1/72 inch) whatever the writer's resolution, so layouts
read like a typesetter's. A PDF is written to a temporary file beside the target and
moved into place only when complete: a failed or cancelled export never leaves half a
file where the organizer expects a good one.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from presenter import __version__
from presenter.core.appcontext import paper_theme_name
from presenter.core.deck.model import Deck
from presenter.export.progress import ExportError
from presenter.render.fonts import ensure_fonts
from presenter.render.images import STORE
from presenter.render.qtapp import ensure_gui_app
from presenter.render.theme import Theme, load_theme
from presenter.support.safewrite import SHARED, atomic_target

log = logging.getLogger(__name__)

RESOLUTION = 1200  # device units per inch; painting is scaled to points
PRINT_THEME = "print"  # (the rule itself: core.appcontext.paper_theme_name)
DECK_THEME = "deck"  # --theme deck: the deck's own theme


@dataclass(frozen=True)
class Paper:
    name: str
    width: float  # points
    height: float

    @property
    def size(self) -> QPageSize:
        if self.name == "A4":
            return QPageSize(QPageSize.PageSizeId.A4)
        if self.name == "Letter":
            return QPageSize(QPageSize.PageSizeId.Letter)
        return QPageSize(QSizeF(self.width, self.height), QPageSize.Unit.Point, self.name)

    @property
    def rect(self) -> QRectF:
        return QRectF(0, 0, self.width, self.height)


A4 = Paper("A4", 595.276, 841.89)
LETTER = Paper("Letter", 612.0, 792.0)
SLIDE = Paper("Slide 16:9", 960.0, 540.0)  # 13.33 × 7.5 inches, like presentation tools
PAPERS = {"a4": A4, "letter": LETTER}


def paper_named(name: str) -> Paper:
    """``A4`` or ``Letter`` (any case). Raises ValueError for anything else."""
    try:
        return PAPERS[name.strip().lower()]
    except KeyError:
        raise ValueError(f"unknown paper size {name!r}: use A4 or Letter") from None


def paper_theme(deck: Deck, name: str | None = None) -> Theme:
    """The theme for paper: ``print`` unless asked; ``deck`` means the deck's own."""
    return load_theme(paper_theme_name(deck, name), deck.folder)


def ensure_app() -> None:
    """Exports need a QGuiApplication (fonts, text layout); the one bootstrap makes it."""
    ensure_gui_app()
    ensure_fonts()


@contextlib.contextmanager
def pdf_painter(path: str | os.PathLike[str], paper: Paper, title: str) -> Iterator[PdfPages]:
    """A painter in points on a new PDF at ``path``, moved into place on success."""
    ensure_app()
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{folder}: no such folder")
    try:
        with atomic_target(target, mode=SHARED) as temp:
            writer = QPdfWriter(str(temp))
            writer.setResolution(RESOLUTION)
            writer.setTitle(title)
            writer.setCreator(f"Workshop Presenter {__version__}")
            writer.setPageLayout(
                QPageLayout(paper.size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
            )
            painter = QPainter()
            try:
                if not painter.begin(writer):
                    raise ExportError(f"{target}: cannot write a PDF here")
                pages = PdfPages(writer, painter, paper, folder)
                pages.setup()
                with STORE.pinned():  # each image embedded once, whatever pages show it
                    yield pages
            finally:
                if painter.isActive():
                    painter.end()  # finishes and closes the file: then fsync and move
            check_complete(temp, folder)
    except OSError as exc:
        raise ExportError(f"{target}: {exc.strerror or exc}") from exc


PDF_END = b"%%EOF"
FULL_BELOW = 64 * 1024  # bytes free on the drive when a write failed: it is full


def check_complete(path: Path, folder: Path) -> None:
    """Raise ExportError unless the PDF at ``path`` was written to its end.

    Qt's PDF writer ignores a write that fails when it closes the file: a drive that
    fills up during the last pages leaves a cut-off PDF, and nothing says so. A whole
    PDF ends with ``%%EOF``; one that does not is never moved into place."""
    try:
        with path.open("rb") as handle:
            handle.seek(max(0, path.stat().st_size - 1024))
            tail = handle.read()
    except OSError as exc:
        raise ExportError(f"the PDF could not be read back ({exc.strerror or exc})") from exc
    if PDF_END not in tail:
        raise ExportError(f"the PDF could not be written to its end: {why_not_written(folder)}")


def why_not_written(folder: Path) -> str:
    """Why a write into ``folder`` failed when the writer gives no reason: the drive is
    full, or it had a write error."""
    try:
        if shutil.disk_usage(folder).free < FULL_BELOW:
            return "the drive is full"
    except OSError:
        pass
    return "the drive gave a write error"


class PdfPages:
    """The open PDF: ``painter`` draws in points on the current page; ``new_page``."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, paper: Paper, folder: Path) -> None:
        self.writer = writer
        self.painter = painter
        self.paper = paper
        self.folder = folder  # where the PDF is written: to say why a page failed
        self.count = 1

    def setup(self) -> None:
        scale = RESOLUTION / 72.0
        self.painter.resetTransform()
        self.painter.scale(scale, scale)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    def new_page(self) -> None:
        if not self.writer.newPage():
            raise ExportError(f"cannot add a page to the PDF: {why_not_written(self.folder)}")
        self.count += 1
        self.setup()


def safe_stem(text: str) -> str:
    """A file-name-safe version of a deck's name."""
    keep = "".join(c if c.isalnum() or c in "-_" else "-" for c in text.strip().lower())
    while "--" in keep:
        keep = keep.replace("--", "-")
    return keep.strip("-") or "deck"
