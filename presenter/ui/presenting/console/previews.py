"""Slide pictures on the console, painted by the same renderer as the projector.

The console's pictures are rendered once per view and shown size, then kept: after a
press, Now is usually the picture Next already showed, and repainting the console (a
label changed beside it) only copies pixels.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from presenter.core.deck.kinds import kind_of
from presenter.core.session.controller import SessionController
from presenter.core.session.view import Overlay, SlideView, whole_seconds
from presenter.support.i18n import t
from presenter.ui.presenting.bridge import Renderer

log = logging.getLogger(__name__)

ASPECT = 16 / 9
# Small previews are rendered at this size and scaled down: text laid out on the canvas
# and drawn tiny can be hinted larger than it was measured. 640 px wide reads the same
# as 960 did at the console's sizes and takes 0.9 MB a frame instead of 2.1 MB.
RENDER_MIN = QSize(640, 360)
# Now, Next and the two before them: one press back draws nothing new. Six kept about
# 1 MB more at console sizes, for the second press back (a slice of about 3 ms).
THUMBNAILS_KEPT = 4
LAYOUT_ALONE_S = 0.002  # a layout that took longer gets its turn alone, the picture next


def render_size(shown: QSize) -> QSize:
    """Pixels to render at: never fewer than RENDER_MIN, then scaled down smoothly.
    Text laid out on the 1920-wide canvas and drawn tiny is hinted larger than it was
    measured, which cut the last line of a preview; drawn larger it fits."""
    if shown.width() >= RENDER_MIN.width():
        return shown
    return RENDER_MIN


class Thumbnails:
    """Slide pictures at the size they are shown, by (view, size), the last few kept.

    Rendered through the renderer's uncached ``paint`` onto a scratch image, so the
    console never pushes the projector's prefetched frame out of the renderer's cache,
    then scaled down once, instead of at every paint."""

    def __init__(self, renderer: Renderer, kept: int = THUMBNAILS_KEPT) -> None:
        self.renderer = renderer
        self.kept = kept
        self._images: OrderedDict[tuple[SlideView, int, int], QImage] = OrderedDict()
        self.rendered = 0  # how many were drawn (the rest came from here)

    def cached(self, view: SlideView, size: QSize) -> QImage | None:
        image = self._images.get((view, size.width(), size.height()))
        if image is not None:
            self._images.move_to_end((view, size.width(), size.height()))
        return image

    def image(self, view: SlideView, size: QSize) -> QImage:
        """``view`` at exactly ``size`` device pixels."""
        cached = self.cached(view, size)
        if cached is not None:
            return cached
        drawn = render_size(size)
        scratch = QImage(drawn, QImage.Format.Format_RGB32)
        scratch.fill(QColor("black"))
        painter = QPainter(scratch)
        try:
            self.renderer.paint(painter, QRectF(0, 0, drawn.width(), drawn.height()), view)
        finally:
            painter.end()
        image = scratch if drawn == size else shrunk(scratch, size)
        self.rendered += 1
        self._images[(view, size.width(), size.height())] = image
        while len(self._images) > self.kept:
            self._images.popitem(last=False)
        return image

    def lay_out(self, view: SlideView) -> None:
        """The layout alone (the renderer keeps it, for this picture and the room's
        frame after the press), so drawing the picture is a slice of its own."""
        self.renderer.frame(view)

    def forget(self) -> None:
        self._images.clear()


def shrunk(image: QImage, size: QSize) -> QImage:
    """``image`` drawn at ``size`` with bilinear filtering: what the console always
    showed, and about half the time of QImage.scaled's smooth (averaging) path."""
    small = QImage(size, QImage.Format.Format_RGB32)
    painter = QPainter(small)
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
    finally:
        painter.end()
    return small


class SlidePreview(QWidget):
    """A 16:9 picture of one view, with an optional caption strip across its top.

    Given ``thumbnails`` (the console's), the picture is rendered once per view and size
    (:meth:`show_in_parts` does it ahead of the paint); without, every paint renders it."""

    clicked = Signal()

    def __init__(
        self,
        renderer: Renderer,
        parent: QWidget | None = None,
        thumbnails: Thumbnails | None = None,
    ) -> None:
        super().__init__(parent)
        self.renderer = renderer
        self.thumbnails = thumbnails
        # Another preview shown at the same size (Now and Next): the layout may give
        # them a pixel apart, and one size lets each reuse the other's picture.
        self.twin: SlidePreview | None = None
        self._shown: tuple[tuple[SlideView, QSize], QImage] | None = None
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.twin is not None:
            self.twin.update()  # its picture follows the smaller of the two

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width / ASPECT)

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def slide_rect(self) -> QRectF:
        w = self.width()
        sw, sh = self._own_fit()
        if self.twin is not None and self.twin.isVisible():
            tw, th = self.twin._own_fit()
            sw, sh = min(sw, tw), min(sh, th)
        # At the top of its space, under its label; the spare height stays below.
        return QRectF((w - sw) / 2, 0.0, sw, sh)

    def _own_fit(self) -> tuple[float, float]:
        w, h = self.width(), self.height()
        if w / max(h, 1) > ASPECT:
            return h * ASPECT, float(h)
        return float(w), w / ASPECT

    def shown_size(self, rect: QRectF) -> QSize:
        """The picture's size in device pixels."""
        ratio = self.devicePixelRatioF()
        return QSize(max(1, round(rect.width() * ratio)), max(1, round(rect.height() * ratio)))

    def render_size(self, rect: QRectF) -> QSize:
        """What the renderer draws at before scaling down (see :func:`render_size`)."""
        return render_size(self.shown_size(rect))

    def ready_for(self, view: SlideView | None) -> bool:
        """Whether painting ``view`` needs no rendering (nothing, or a kept picture)."""
        if self.thumbnails is None or view is None or not self.isVisible():
            return True
        size = self.shown_size(self.slide_rect())
        if self._shown is not None and self._shown[0] == (view, size):
            return True
        return self.thumbnails.cached(view, size) is not None

    def show_in_parts(self, view: SlideView | None, caption: str = "", empty: str = "") -> bool:
        """Show ``view`` as a slice of the console's work: lay it out first (kept by the
        renderer, also for the room's frame when it is the next one), and when that
        took a while, come back for the picture in a later turn (False) rather than
        drawing it in the same turn. The old picture stays until the new one is ready."""
        if self.thumbnails is not None and view is not None and not self.ready_for(view):
            started = time.perf_counter()
            self.thumbnails.lay_out(view)
            if time.perf_counter() - started > LAYOUT_ALONE_S:
                return False
            self.thumbnails.image(view, self.shown_size(self.slide_rect()))
        self.show_view(view, caption, empty)
        return True

    def picture(self, rect: QRectF) -> QImage:
        """The console's kept picture of the view at ``rect``'s size."""
        assert self.view is not None and self.thumbnails is not None
        key = (self.view, self.shown_size(rect))
        if self._shown is None or self._shown[0] != key:
            # Held here too: pictures of a running countdown, one a second, may push
            # this one out of the shared few before it is next painted.
            self._shown = (key, self.thumbnails.image(*key))
        return self._shown[1]

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
            if self.thumbnails is None:
                # The cached base frame, then its live parts straight onto the widget: no
                # copy of the frame per paint (2 MB each, twice a second in a countdown).
                self.renderer.draw(painter, rect, self.view, self.render_size(rect))
            else:
                painter.drawImage(rect, self.picture(rect))
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
    # Numbered as the room will see it, so after the press Now is the picture Next had.
    total = len(c.visible) or None
    here = c.position() + 1 if total else None
    if not s.started:  # the content warning: Next shows the first slide
        return SlideView(s.slide, 0, slide_number=here, slide_total=total), t(
            "Next press starts the workshop"
        )
    if s.overlay is Overlay.END:
        return None, ""
    if s.overlay is not None:  # covered: Next only uncovers
        return whole_seconds(c.slide_view()), t("Next press uncovers this slide")
    if s.step < slide.step_count - 1:
        caption = ""
        if kind_of(slide).asking_at(s.step):
            caption = t("Next press reveals the answer")
        return SlideView(s.slide, s.step + 1, slide_number=here, slide_total=total), caption
    following = c.next_slide()
    if following is None:
        return None, ""
    after = here + 1 if here is not None else None
    return SlideView(following.index, 0, slide_number=after, slide_total=total), ""
