"""The help card: the support contacts alone, wallet-sized, ten to an A4 sheet.

A handout titled "sextortion" can put a young person at risk at home if someone there
is the problem; this card says nothing about the workshop. It carries only a quiet
heading and the contacts, large enough to read in a bad light. With no contacts set,
each card has ruled lines to write local ones in by hand before copying.

Cards are 85 × 54 mm (a bank card, so it fits a wallet or a phone case); dashed lines
around each card and crop marks in the margins show where to cut.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextDocument

from presenter.core.deck.model import Deck, HelpContact
from presenter.export.blocks import esc
from presenter.export.flow import Ink, paint_document, text_document
from presenter.export.pdf import A4, Paper, ensure_app, pdf_painter
from presenter.export.progress import ProgressCallback, report
from presenter.render.fonts import slide_font
from presenter.render.theme import load_theme
from presenter.support.i18n import t

log = logging.getLogger(__name__)

MM = 72 / 25.4
CARD_W, CARD_H = 85 * MM, 54 * MM
PAD = 9.0  # points inside a card
MARK = 10.0  # length of a crop mark
SIZES = (12.0, 11.0, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5)  # the largest that fits


@dataclass(frozen=True)
class CardGrid:
    """As many cards as fit the paper, centred, touching (one cut between two)."""

    paper: Paper

    @property
    def columns(self) -> int:
        return max(1, int((self.paper.width - 2 * 30) // CARD_W))

    @property
    def rows(self) -> int:
        return max(1, int((self.paper.height - 2 * 30 - 16) // CARD_H))

    @property
    def left(self) -> float:
        return (self.paper.width - self.columns * CARD_W) / 2

    @property
    def top(self) -> float:
        return (self.paper.height - 16 - self.rows * CARD_H) / 2

    def cell(self, row: int, column: int) -> QRectF:
        return QRectF(self.left + column * CARD_W, self.top + row * CARD_H, CARD_W, CARD_H)


def export_help_card(
    deck: Deck,
    path: str | os.PathLike[str],
    *,
    paper: Paper = A4,
    variant: str | None = None,
    help_contacts: Sequence[HelpContact] = (),
    progress: ProgressCallback | None = None,
) -> int:
    """Write one sheet of help cards; return the page count (1).

    ``help_contacts`` as resolved for the deck; the deck's own ``help`` otherwise.
    ``variant`` is accepted for the pack's sake: the contacts are the same for all."""
    ensure_app()
    report(progress, 0, 1)
    lang = deck.meta.language or "en"
    contacts = tuple(help_contacts) or deck.meta.help
    ink = Ink.from_theme(load_theme("print"))
    grid = CardGrid(paper)
    html = card_html(contacts, lang)
    with pdf_painter(path, paper, t("Help card", lang=lang)) as pdf:
        painter = pdf.painter
        doc = fit(html, CARD_W - 2 * PAD, CARD_H - 2 * PAD, ink)
        for row in range(grid.rows):
            for column in range(grid.columns):
                box = grid.cell(row, column).adjusted(PAD, PAD, -PAD, -PAD)
                height = min(doc.size().height(), box.height())
                paint_document(painter, doc, box.left(), box.top(), 0, height + 1, ink.text)
        cut_lines(painter, grid)
        instructions(painter, ink, paper, grid, lang)
    if not contacts:
        log.info("help card for %s printed with blank lines: no contacts set", deck.meta.title)
    report(progress, 1, 1)
    return 1


def card_html(contacts: Sequence[HelpContact], lang: str) -> str:
    """A quiet heading, then each contact: name, how to reach them (large), when."""
    head = f'<p class="label">{esc(t("Useful contacts", lang=lang))}</p>'
    if not contacts:
        line = (
            '<tr><td style="border: none; border-bottom: 0.6px solid #777777; '
            'height: 17px;">&nbsp;</td></tr>'
        )
        return head + f'<table width="100%" cellspacing="0">{line * 5}</table>'
    parts = [head]
    for contact in contacts:
        parts.append(f'<p style="margin-bottom: 0px;"><b>{esc(contact.name)}</b></p>')
        if contact.reach:
            parts.append(f'<p class="big" style="margin-bottom: 0px;">{esc(contact.reach)}</p>')
        if contact.when:
            parts.append(f'<p class="small muted">{esc(contact.when)}</p>')
    return "".join(parts)


def fit(html: str, width: float, height: float, ink: Ink) -> QTextDocument:
    """``html`` at the largest size in ``SIZES`` that fits; the smallest otherwise."""
    doc: QTextDocument | None = None
    for size in SIZES:
        doc = text_document(html, width, Ink(**{**ink.__dict__, "size": size}))
        if doc.size().height() <= height:
            return doc
    assert doc is not None
    log.warning("help contacts do not fit a help card even at %gpt: cut off", SIZES[-1])
    return doc


def cut_lines(painter: QPainter, grid: CardGrid) -> None:
    """Dashed lines round every card, and crop marks in the margins in line with them."""
    painter.save()
    painter.setPen(QPen(QColor("#9A9A9A"), 0.5, Qt.PenStyle.DashLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for row in range(grid.rows):
        for column in range(grid.columns):
            painter.drawRect(grid.cell(row, column))
    painter.setPen(QPen(QColor("#000000"), 0.5))
    right = grid.left + grid.columns * CARD_W
    bottom = grid.top + grid.rows * CARD_H
    for column in range(grid.columns + 1):
        x = grid.left + column * CARD_W
        painter.drawLine(QLineF(x, grid.top - 3 - MARK, x, grid.top - 3))
        painter.drawLine(QLineF(x, bottom + 3, x, bottom + 3 + MARK))
    for row in range(grid.rows + 1):
        y = grid.top + row * CARD_H
        painter.drawLine(QLineF(grid.left - 3 - MARK, y, grid.left - 3, y))
        painter.drawLine(QLineF(right + 3, y, right + 3 + MARK, y))
    painter.restore()


def instructions(painter: QPainter, ink: Ink, paper: Paper, grid: CardGrid, lang: str) -> None:
    text = t(
        "Cut along the lines. Each card fits a wallet or a phone case; "
        "it says nothing about the workshop.",
        lang=lang,
    )
    painter.save()
    painter.setFont(slide_font(7.5, ink.families))
    painter.setPen(QColor(ink.muted))
    y = grid.top + grid.rows * CARD_H + 3 + MARK + 4
    painter.drawText(QRectF(0, y, paper.width, 12), int(Qt.AlignmentFlag.AlignHCenter), text)
    painter.restore()
