"""The audience window: what the room sees, painted by the one renderer and nothing else.

It has no child widgets and no text of its own, so facilitator material cannot reach the
projector through it: every frame is the renderer's picture of the view the controller
decides. While the room looks at a frame, the frames one press of next and previous
would show are rendered ahead (:mod:`presenter.core.session.lookahead`), so changing slide only
copies a finished picture to the screen.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QColor, QCursor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from presenter.core.session.controller import SessionController
from presenter.core.session.lookahead import neighbour_views
from presenter.core.session.view import SlideView, whole_seconds
from presenter.support.i18n import t
from presenter.ui.presenting.bridge import Renderer, SessionSignals

log = logging.getLogger(__name__)

CURSOR_IDLE_MS = 2000
PREFETCH_DELAY_MS = 15  # after the frame: the paint is flushed, a quick press comes first
PREFETCH_FRAMES = 1  # what next shows; previous is drawn when asked (about 6 ms)


class AudienceWindow(QWidget):
    def __init__(
        self, controller: SessionController, signals: SessionSignals, renderer: Renderer
    ) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.controller = controller
        self.renderer = renderer
        self.setObjectName("AudienceWindow")
        self.setWindowTitle(t("{title} (audience)", title=controller.deck.meta.title))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 180)
        self.resize(960, 540)
        self.view: SlideView = controller.audience_view()
        # Adds what is live beside the slide (the phones' QR code) to every frame.
        self.decorate: Callable[[SlideView], SlideView] = lambda view: view
        self.closable = False  # only the console ends a workshop (it asks first)
        self.covered = False  # black while the facilitator answers a question (one screen)
        signals.changed.connect(self.refresh)
        # Countdowns move without actions: look again a few times a second.
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self.refresh)
        self._tick.start()
        self._cursor_timer = QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(CURSOR_IDLE_MS)
        self._cursor_timer.timeout.connect(self._hide_cursor)
        self._cursor_timer.start()
        self._prefetched: tuple[SlideView, QSize] | None = None
        self._pending: list[SlideView] = []
        # Soon after the frame is on screen, one neighbour per turn of the event loop,
        # so a quick second press never waits for more than one frame being drawn.
        self._prefetch_timer = QTimer(self)
        self._prefetch_timer.setSingleShot(True)
        self._prefetch_timer.setInterval(PREFETCH_DELAY_MS)
        self._prefetch_timer.timeout.connect(self.prefetch_neighbours)
        self._busy = 0.0  # seconds spent painting and prefetching, not yet asked for

    def take_turn_cost(self) -> float:
        """Seconds spent on frames since the last call (the console's slices ask, so
        a turn with a slow frame gets no console work on top)."""
        busy, self._busy = self._busy, 0.0
        return busy

    def refresh(self, *_: object) -> None:
        # Repaint when the shown second changes, not on every tick.
        view = self.decorate(whole_seconds(self.controller.audience_view()))
        if view != self.view:
            self.view = view
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        painter = QPainter(self)
        try:
            if self.covered:
                painter.fillRect(self.rect(), QColor("black"))
            else:
                self.renderer.draw(painter, QRectF(self.rect()), self.view, self.pixel_size())
        finally:
            painter.end()
            self._busy += time.perf_counter() - started
        self._prefetch_timer.start()

    def pixel_size(self) -> QSize:
        ratio = self.devicePixelRatioF()
        return QSize(round(self.width() * ratio), round(self.height() * ratio))

    def prefetch_neighbours(self) -> None:
        """Render what next would show (``PREFETCH_FRAMES``), once per frame and size:
        the first call finds the views, each call renders one."""
        size = self.pixel_size()
        if not self.isVisible():
            return
        if self._prefetched != (self.view, size):
            self._prefetched = (self.view, size)
            upcoming = [whole_seconds(v) for v in neighbour_views(self.controller)]
            self._pending = upcoming[:PREFETCH_FRAMES]
        if self._pending:
            started = time.perf_counter()
            self.renderer.prefetch([self._pending.pop(0)], size)
            self._busy += time.perf_counter() - started
        if self._pending:
            self._prefetch_timer.start()

    def set_covered(self, covered: bool) -> None:
        """Plain black without touching the session (not an overlay: nothing recorded)."""
        if covered != self.covered:
            self.covered = covered
            self.repaint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.unsetCursor()
        self._cursor_timer.start()
        super().mouseMoveEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.closable:
            event.accept()
        else:
            event.ignore()

    def _hide_cursor(self) -> None:
        if self.isFullScreen():
            self.setCursor(QCursor(Qt.CursorShape.BlankCursor))
