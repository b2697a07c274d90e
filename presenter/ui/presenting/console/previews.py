"""Slide pictures on the console, painted by the same renderer as the projector."""

from __future__ import annotations

import logging
import math
from dataclasses import replace

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from presenter.core.deck.kinds import kind_of
from presenter.core.session.controller import SessionController
from presenter.core.session.view import Overlay, SlideView
from presenter.support.i18n import t
from presenter.ui.presenting.bridge import Renderer

log = logging.getLogger(__name__)

ASPECT = 16 / 9
# Small previews are rendered at this size and scaled down: text laid out on the canvas
# and drawn tiny can be hinted larger than it was measured. 640 px wide reads the same
# as 960 did at the console's sizes and takes 0.9 MB a frame instead of 2.1 MB.
RENDER_MIN = QSize(640, 360)


def whole_seconds(view: SlideView) -> SlideView:
    """The view with its countdown rounded up to whole seconds, so a surface repaints
    once a second and shows 0:00 only when time is really up."""
    if view.countdown_remaining is None:
        return view
    return replace(view, countdown_remaining=float(math.ceil(view.countdown_remaining)))


class SlidePreview(QWidget):
    """A 16:9 picture of one view, with an optional caption strip across its top."""

    clicked = Signal()

    def __init__(self, renderer: Renderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = renderer
        self.view: SlideView | None = None
        self.caption = ""
        self.caption_colour = QColor("#8a1c1c")
        self.empty_text = ""
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(160, 90)

    def show_view(self, view: SlideView | None, caption: str = "", empty_text: str = "") -> None:
        if (view, caption, empty_text) != (self.view, self.caption, self.empty_text):
            self.view, self.caption, self.empty_text = view, caption, empty_text
            self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width / ASPECT)

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def slide_rect(self) -> QRectF:
        w, h = self.width(), self.height()
        if w / max(h, 1) > ASPECT:
            sw, sh = h * ASPECT, float(h)
        else:
            sw, sh = float(w), w / ASPECT
        # At the top of its space, under its label; the spare height stays below.
        return QRectF((w - sw) / 2, 0.0, sw, sh)

    def render_size(self, rect: QRectF) -> QSize:
        """Pixels to render at: never fewer than RENDER_MIN, then scaled down smoothly.
        Text laid out on the 1920-wide canvas and drawn tiny is hinted larger than it
        was measured, which cut the last line of a preview; drawn larger it fits. One
        size for every small preview also lets Now reuse the frame Next just drew."""
        ratio = self.devicePixelRatioF()
        width = round(rect.width() * ratio)
        if width >= RENDER_MIN.width():
            return QSize(width, round(rect.height() * ratio))
        return RENDER_MIN

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            rect = self.slide_rect()
            if self.view is None:
                painter.fillRect(rect, self.palette().mid())
                painter.setPen(self.palette().text().color())
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.empty_text)
                return
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            # The cached base frame, then its live parts straight onto the widget: no
            # copy of the frame per paint (2 MB each, twice a second in a countdown).
            self.renderer.draw(painter, rect, self.view, self.render_size(rect))
            painter.setPen(QPen(QColor("#6b7280"), 1))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            if self.caption:
                self._paint_caption(painter, rect)
        finally:
            painter.end()

    def _paint_caption(self, painter: QPainter, rect: QRectF) -> None:
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(12, round(rect.height() / 14)))
        painter.setFont(font)
        height = font.pixelSize() * 1.8
        # Along the bottom: the slide's title, at the top, stays readable.
        strip = QRectF(rect.left(), rect.bottom() - height, rect.width(), height)
        painter.fillRect(strip, self.caption_colour)
        painter.setPen(QColor("white"))
        painter.drawText(strip, Qt.AlignmentFlag.AlignCenter, self.caption)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def next_view(c: SessionController) -> tuple[SlideView | None, str]:
    """What the next press shows, exactly as the controller will decide it, and the
    caption that says so."""
    s = c.state
    slide = c.slide
    if not s.started:  # the content warning: Next shows the first slide
        return SlideView(s.slide, 0), t("Next press starts the workshop")
    if s.overlay is Overlay.END:
        return None, ""
    if s.overlay is not None:  # covered: Next only uncovers
        return whole_seconds(c.slide_view()), t("Next press uncovers this slide")
    if s.step < slide.step_count - 1:
        caption = ""
        if kind_of(slide).asking_at(s.step):
            caption = t("Next press reveals the answer")
        return SlideView(s.slide, s.step + 1), caption
    following = c.next_slide()
    if following is None:
        return None, ""
    return SlideView(following.index, 0), ""
