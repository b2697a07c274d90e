"""Paginated layout for printed documents: blocks and rich text poured down pages.

Layout happens first (every item is placed on a page at a height), painting second,
so page footers can say "page 3 of 12". Rich text is a QTextDocument and breaks between
lines, never through one; a block (a thumbnail, a heading) moves whole to the next page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)

from presenter.export.pdf import Paper, PdfPages
from presenter.export.progress import ProgressCallback, report
from presenter.render.document import DeckDocument
from presenter.render.fonts import slide_font
from presenter.render.theme import Theme

# Paints at (x, y) in points on the page; the flow decides where.
Draw = Callable[[QPainter, QRectF], None]
# Paints the page furniture: (painter, page number, page count).
Furniture = Callable[[QPainter, int, int], None]


@dataclass(frozen=True)
class Ink:
    """The colours and type of a printed document, from the paper theme."""

    text: str
    heading: str
    muted: str
    rule: str
    surface: str
    families: tuple[str, ...]
    size: float = 10.5  # body text, points

    @classmethod
    def from_theme(cls, theme: Theme, size: float = 10.5) -> Ink:
        c = theme.colors
        return cls(c.text, c.heading, c.muted, c.accent, c.surface, theme.families, size)

    def stylesheet(self) -> str:
        s = self.size
        return f"""
h1 {{ font-size: {s * 2.1:.1f}px; font-weight: bold; color: {self.heading};
      margin-top: 0px; margin-bottom: {s * 0.4:.1f}px; }}
h2 {{ font-size: {s * 1.5:.1f}px; font-weight: bold; color: {self.heading};
      margin-top: {s * 0.6:.1f}px; margin-bottom: {s * 0.45:.1f}px; }}
h3 {{ font-size: {s * 1.15:.1f}px; font-weight: bold; color: {self.heading};
      margin-top: {s * 0.5:.1f}px; margin-bottom: {s * 0.3:.1f}px; }}
h4, h5, h6 {{ font-size: {s:.1f}px; font-weight: bold; margin-top: {s * 0.4:.1f}px;
      margin-bottom: {s * 0.2:.1f}px; }}
p {{ margin-top: 0px; margin-bottom: {s * 0.45:.1f}px; line-height: 112%; }}
ul, ol {{ margin-top: 0px; margin-bottom: {s * 0.45:.1f}px; }}
li {{ margin-bottom: {s * 0.15:.1f}px; line-height: 112%; }}
li p {{ margin-bottom: 0px; }}
table {{ border-collapse: collapse; margin-bottom: {s * 0.5:.1f}px; }}
th, td {{ padding: {s * 0.25:.1f}px {s * 0.4:.1f}px; border: 0.6px solid {self.muted}; }}
th {{ background-color: {self.surface}; font-weight: bold; }}
code, pre {{ background-color: {self.surface}; }}
blockquote {{ margin-left: {s:.1f}px; font-style: italic; }}
a {{ color: {self.text}; text-decoration: none; }}
.muted {{ color: {self.muted}; }}
.small {{ font-size: {s * 0.86:.1f}px; }}
.label {{ font-size: {s * 0.8:.1f}px; font-weight: bold; color: {self.muted}; }}
.big {{ font-size: {s * 1.3:.1f}px; font-weight: bold; }}
"""


def text_document(html: str, width: float, ink: Ink, folder: Path | None = None) -> QTextDocument:
    """Rich text laid out ``width`` points wide; images only from the deck's folder."""
    doc = DeckDocument(folder)
    doc.setDocumentMargin(0)
    doc.setUndoRedoEnabled(False)
    doc.setUseDesignMetrics(True)
    doc.setDefaultFont(slide_font(ink.size, ink.families))
    doc.setIndentWidth(ink.size * 1.4)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setDefaultStyleSheet(ink.stylesheet())
    doc.setTextWidth(width)
    doc.setHtml(html)
    return doc


def line_breaks(doc: QTextDocument) -> list[float]:
    """Heights at which ``doc`` may be cut between pages: the top of every line."""
    layout = doc.documentLayout()
    tops: set[float] = set()
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        lines = block.layout()
        for i in range(lines.lineCount()):
            tops.add(round(rect.top() + lines.lineAt(i).y(), 3))
        block = block.next()
    tops.add(round(doc.size().height(), 3))
    return sorted(tops)


def paint_document(
    painter: QPainter, doc: QTextDocument, x: float, y: float, top: float, bottom: float, ink: str
) -> None:
    """Draw the part of ``doc`` between heights ``top`` and ``bottom`` at (x, y)."""
    painter.save()
    painter.translate(x, y - top)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, QColor(ink))
    clip = QRectF(-2, top, doc.textWidth() + 4, bottom - top)
    context.clip = clip
    painter.setClipRect(clip)
    doc.documentLayout().draw(painter, context)
    painter.restore()


@dataclass
class Flow:
    """Places items top to bottom on pages of ``paper`` inside ``margins`` (points)."""

    paper: Paper
    ink: Ink
    margins: tuple[float, float, float, float] = (48.0, 50.0, 56.0, 50.0)  # t, r, b, l
    folder: Path | None = None
    pages: list[list[tuple[QRectF, Draw]]] = field(default_factory=lambda: [[]])
    y: float = 0.0

    def __post_init__(self) -> None:
        self.y = self.top

    @property
    def top(self) -> float:
        return self.margins[0]

    @property
    def bottom(self) -> float:
        return self.paper.height - self.margins[2]

    @property
    def left(self) -> float:
        return self.margins[3]

    @property
    def width(self) -> float:
        return self.paper.width - self.margins[1] - self.margins[3]

    @property
    def remaining(self) -> float:
        return self.bottom - self.y

    @property
    def at_top(self) -> bool:
        return self.y <= self.top + 0.5

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    def space(self, points: float) -> None:
        if not self.at_top:
            self.y = min(self.y + points, self.bottom)

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` points still fit on this one."""
        if height > self.remaining and not self.at_top:
            self.new_page()

    def place(self, rect: QRectF, draw: Draw) -> None:
        """Draw something at an exact place on the current page (does not move down)."""
        self.pages[-1].append((rect, draw))

    def block(self, height: float, draw: Draw, *, keep: float = 0.0, x: float = 0.0) -> QRectF:
        """A whole block ``height`` tall; with ``keep``, that much room must follow it."""
        self.ensure(height + keep)
        rect = QRectF(self.left + x, self.y, self.width - x, height)
        self.place(rect, draw)
        self.y += height
        return rect

    def document(
        self,
        doc: QTextDocument,
        *,
        x: float = 0.0,
        min_first: float = 0.0,
        breaks: Sequence[float] | None = None,
    ) -> None:
        """Pour ``doc`` down the pages at indent ``x``, cutting only at ``breaks`` (the
        heights where a page may end; by default between any two lines)."""
        breaks = list(breaks) if breaks is not None else line_breaks(doc)
        total = breaks[-1]
        done = 0.0
        if min_first and self.remaining < min(total, min_first):
            self.new_page()
        while done < total - 0.5:
            fitting = [b for b in breaks if done < b <= done + self.remaining + 0.01]
            if not fitting:
                if not self.at_top:
                    self.new_page()
                    continue
                cut = done + self.remaining  # a line taller than a page: cut it
            else:
                cut = fitting[-1]
            self.place(
                QRectF(self.left + x, self.y, doc.textWidth(), cut - done),
                _doc_draw(doc, done, cut, self.ink.text),
            )
            self.y += cut - done
            done = cut
            if done < total - 0.5:
                self.new_page()

    def html(
        self, html: str, *, x: float = 0.0, width: float | None = None, min_first: float = 0.0
    ) -> None:
        width = width if width is not None else self.width - x
        doc = text_document(html, width, self.ink, self.folder)
        self.document(doc, x=x, min_first=min_first)

    def paint(
        self,
        pdf: PdfPages,
        furniture: Furniture | None = None,
        progress: ProgressCallback | None = None,
    ) -> int:
        """Paint every page into ``pdf``; return the page count."""
        total = len(self.pages)
        report(progress, 0, total)
        for number, items in enumerate(self.pages, start=1):
            if number > 1:
                pdf.new_page()
            for rect, draw in items:
                draw(pdf.painter, rect)
            if furniture is not None:
                furniture(pdf.painter, number, total)
            report(progress, number, total)
        return total


def _doc_draw(doc: QTextDocument, top: float, bottom: float, ink: str) -> Draw:
    def draw(painter: QPainter, rect: QRectF) -> None:
        paint_document(painter, doc, rect.left(), rect.top(), top, bottom, ink)

    return draw


def footer(ink: Ink, paper: Paper, left_text: str, page_label: str) -> Furniture:
    """A thin rule and "title · page 3 of 12" at the foot of every page.

    ``page_label`` is a translated pattern with ``{n}`` and ``{total}``.
    """

    def draw(painter: QPainter, number: int, total: int) -> None:
        y = paper.height - 36.0
        painter.save()
        painter.setPen(QColor(ink.muted))
        painter.setFont(slide_font(ink.size * 0.8, ink.families))
        left, right = 50.0, paper.width - 50.0
        painter.drawLine(QLineF(left, y, right, y))
        box = QRectF(left, y + 4, right - left, 14)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft), left_text)
        painter.drawText(
            box, int(Qt.AlignmentFlag.AlignRight), page_label.format(n=number, total=total)
        )
        painter.restore()

    return draw
