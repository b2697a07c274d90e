"""The audience window: what the room sees, painted by the one renderer and nothing else.

It has no child widgets and no text of its own, so facilitator material cannot reach the
projector through it: every frame is ``renderer.paint(painter, rect, view)`` of the view
the controller decides.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QColor, QCursor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from presenter.core.session_control import SessionController
from presenter.core.view import SlideView
from presenter.i18n import t
from presenter.ui.bridge import Renderer, SessionSignals
from presenter.ui.previews import whole_seconds

CURSOR_IDLE_MS = 2000


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

    def refresh(self, *_: object) -> None:
        # Repaint when the shown second changes, not on every tick.
        view = whole_seconds(self.controller.audience_view())
        if view != self.view:
            self.view = view
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), QColor("black"))
            if not self.covered:
                self.renderer.paint(painter, QRectF(self.rect()), self.view)
        finally:
            painter.end()

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
