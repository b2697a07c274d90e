"""Myth cards for a sorting activity without a projector.

Each card has the myth on the front and, on the back, the answer, the reality and its
source. Sheets alternate fronts and backs; a back page is mirrored left to right, so
when the file is printed double-sided and flipped on the long edge each back lands
behind its own front. Cards touch (one cut between neighbours); dashed lines on the
fronts and crop marks in the margins show where to cut.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from markupsafe import Markup
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextDocument

from presenter.core.deck.model import Deck, MythData
from presenter.export import content as c
from presenter.export.blocks import esc
from presenter.export.flow import Ink, paint_document, text_document
from presenter.export.pdf import A4, Paper, PdfPages, ensure_app, pdf_painter
from presenter.export.progress import ProgressCallback, report
from presenter.render import fragments
from presenter.render.fonts import slide_font
from presenter.render.theme import load_theme
from presenter.support.i18n import t

log = logging.getLogger(__name__)

COLUMNS, ROWS = 2, 4
MARGIN = 34.0  # points; more than a cheap printer's unprintable edge
FOOT = 20.0  # room under the grid for the printing instructions
PAD = 16.0  # inside a card: survives a few millimetres of front/back misregistration
MARK = 12.0  # length of a crop mark
FRONT_SIZES = (16.0, 15.0, 14.0, 13.0, 12.0, 11.0, 10.0, 9.0, 8.0, 7.0)
BACK_SIZES = (11.5, 11.0, 10.5, 10.0, 9.0, 8.0, 7.0)  # the same on most cards


@dataclass(frozen=True)
class Grid:
    paper: Paper
    columns: int = COLUMNS
    rows: int = ROWS

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    @property
    def card_w(self) -> float:
        return (self.paper.width - 2 * MARGIN) / self.columns

    @property
    def card_h(self) -> float:
        return (self.paper.height - 2 * MARGIN - FOOT) / self.rows

    def cell(self, position: int, *, back: bool = False) -> QRectF:
        """Where card ``position`` (0-based on its sheet, row by row) is printed."""
        row, column = divmod(position, self.columns)
        if back:
            column = self.columns - 1 - column
        return QRectF(
            MARGIN + column * self.card_w, MARGIN + row * self.card_h, self.card_w, self.card_h
        )


def export_cards(
    deck: Deck,
    path: str | os.PathLike[str],
    *,
    paper: Paper = A4,
    variant: str | None = None,
    progress: ProgressCallback | None = None,
) -> int:
    """Write the cards; return the page count (two per sheet: fronts, then backs).

    A deck without myths gives one page that says so."""
    ensure_app()
    lang = deck.meta.language or "en"
    myths = [myth for _, myth in c.unique_myths(deck, variant)]
    grid = Grid(paper)
    ink = Ink.from_theme(load_theme("print"))
    sheets = [myths[i : i + grid.per_sheet] for i in range(0, len(myths), grid.per_sheet)]
    total = max(1, 2 * len(sheets))
    report(progress, 0, total)
    title = f"{deck.meta.title} · {t('Myth cards', lang=lang)}"
    with pdf_painter(path, paper, title) as pdf:
        if not sheets:
            _no_myths(pdf, ink, lang)
            report(progress, 1, 1)
            return 1
        for number, sheet in enumerate(sheets):
            first = number * grid.per_sheet
            if number:
                pdf.new_page()
            _sheet(pdf, grid, ink, lang, sheet, first, back=False)
            _instructions(pdf, ink, lang, number + 1, len(sheets), back=False)
            report(progress, 2 * number + 1, total)
            pdf.new_page()
            _sheet(pdf, grid, ink, lang, sheet, first, back=True)
            _instructions(pdf, ink, lang, number + 1, len(sheets), back=True)
            report(progress, 2 * number + 2, total)
    return total


def _sheet(
    pdf: PdfPages,
    grid: Grid,
    ink: Ink,
    lang: str,
    myths: list[MythData],
    first: int,
    *,
    back: bool,
) -> None:
    painter = pdf.painter
    for position, myth in enumerate(myths):
        rect = grid.cell(position, back=back)
        number = first + position + 1
        html = _back_html(myth, lang) if back else _front_html(myth, lang)
        _corner(painter, ink, rect, str(number))
        sizes = BACK_SIZES if back else FRONT_SIZES
        box = rect.adjusted(PAD, PAD + 10, -PAD, -PAD)
        _fit(painter, html, box, ink, sizes, centre=not back)
    if not back:
        _cut_lines(painter, grid)
    _crop_marks(painter, grid)


def _front_html(myth: MythData, lang: str) -> str:
    return Markup('<p align="center"><b>{}</b></p><p align="center" class="muted">{}</p>').format(
        fragments.statement_html(myth, lang), t("Myth or reality?", lang=lang)
    )


def _back_html(myth: MythData, lang: str) -> str:
    """The answer ("Myth." or "Reality."), what is true, and the sources."""
    return fragments.myth_answer_card(myth, lang)


def _fit(
    painter: QPainter,
    html: str,
    rect: QRectF,
    ink: Ink,
    sizes: tuple[float, ...],
    *,
    centre: bool,
) -> None:
    """The largest type size in ``sizes`` at which ``html`` fits ``rect``."""
    doc: QTextDocument | None = None
    for size in sizes:
        doc = text_document(html, rect.width(), Ink(**{**ink.__dict__, "size": size}))
        if doc.size().height() <= rect.height():
            break
    assert doc is not None
    height = min(doc.size().height(), rect.height())
    top = rect.top() + (rect.height() - height) / 2
    paint_document(painter, doc, rect.left(), top, 0, height + 1, ink.text)


def _corner(painter: QPainter, ink: Ink, rect: QRectF, text: str) -> None:
    painter.save()
    painter.setFont(slide_font(7.5, ink.families))
    painter.setPen(QColor(ink.muted))
    box = rect.adjusted(PAD, PAD - 6, -PAD, 0)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), text)
    painter.restore()


def _cut_lines(painter: QPainter, grid: Grid) -> None:
    painter.save()
    pen = QPen(QColor("#9A9A9A"), 0.5, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for row in range(grid.rows):
        for column in range(grid.columns):
            painter.drawRect(grid.cell(row * grid.columns + column))
    painter.restore()


def _crop_marks(painter: QPainter, grid: Grid) -> None:
    """Short lines in the margins, in line with every cut, clear of the cards."""
    painter.save()
    painter.setPen(QPen(QColor("#000000"), 0.5))
    left, top = MARGIN, MARGIN
    right = MARGIN + grid.columns * grid.card_w
    bottom = MARGIN + grid.rows * grid.card_h
    for column in range(grid.columns + 1):
        x = left + column * grid.card_w
        painter.drawLine(QLineF(x, top - 3 - MARK, x, top - 3))
        painter.drawLine(QLineF(x, bottom + 3, x, bottom + 3 + MARK * 0.6))
    for row in range(grid.rows + 1):
        y = top + row * grid.card_h
        painter.drawLine(QLineF(left - 3 - MARK, y, left - 3, y))
        painter.drawLine(QLineF(right + 3, y, right + 3 + MARK, y))
    painter.restore()


def _instructions(
    pdf: PdfPages, ink: Ink, lang: str, sheet: int, sheets: int, *, back: bool
) -> None:
    side = t("backs", lang=lang) if back else t("fronts", lang=lang)
    how = t("Print double-sided, flip on the long edge, then cut along the lines.", lang=lang)
    text = f"{how}   {t('Sheet {n} of {total}', lang=lang, n=sheet, total=sheets)} ({side})"
    painter = pdf.painter
    painter.save()
    painter.setFont(slide_font(7.5, ink.families))
    painter.setPen(QColor(ink.muted))
    box = QRectF(0, pdf.paper.height - MARGIN - FOOT + 14, pdf.paper.width, 12)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter), text)
    painter.restore()


def _no_myths(pdf: PdfPages, ink: Ink, lang: str) -> None:
    doc = text_document(
        f"<h2>{esc(t('This deck has no myths to print as cards.', lang=lang))}</h2>",
        pdf.paper.width - 2 * MARGIN,
        ink,
    )
    paint_document(pdf.painter, doc, MARGIN, MARGIN, 0, doc.size().height() + 1, ink.text)
