"""A one-line label that ends in "…" when it is too narrow, instead of widening its window.

Qt's QLabel asks for the width of its whole text, so a long slide title or message
makes the console wider than a 1024-pixel laptop. This label asks for nothing (it takes
whatever width the layout gives), shows as much as fits, and keeps the full text in its
tooltip. Written here because Qt has no elided label widget; QFontMetrics does the eliding.
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QStyleOption, QWidget

log = logging.getLogger(__name__)


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # deck text is never rich text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        if text == self.text() and self.toolTip():
            return  # the same words: no tooltip to redo, nothing to repaint
        super().setText(text)
        # Tooltips take rich text when it looks like it; deck text is shown as typed.
        self.setToolTip(f"<p>{html.escape(text)}</p>" if text else "")
        self.update()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(0, super().sizeHint().height())

    def shown_text(self) -> str:
        """What fits: the text itself, or its start and "…"."""
        rect = self.contentsRect()
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, max(rect.width(), 0)
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            option = QStyleOption()
            option.initFrom(self)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
            painter.setPen(self.palette().color(self.foregroundRole()))
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(self.contentsRect(), align, self.shown_text())
        finally:
            painter.end()
