"""Qt signals for a session: widgets connect here instead of polling the controller."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QRectF, QSize, Signal
from PySide6.QtGui import QImage, QPainter

from presenter.core.record.faults import failed_while_presenting
from presenter.core.session.controller import SessionController
from presenter.core.session.state import SessionState
from presenter.core.session.view import SlideView

if TYPE_CHECKING:
    from presenter.render.frame import Frame

log = logging.getLogger(__name__)


class Renderer(Protocol):
    """What the windows need from ``presenter.render.SlideRenderer``."""

    def paint(self, painter: QPainter, target: QRectF, view: SlideView) -> None: ...

    def draw(self, painter: QPainter, target: QRectF, view: SlideView, size: QSize) -> None: ...

    def image(self, view: SlideView, size: QSize) -> QImage: ...

    def prefetch(self, views: list[SlideView], size: QSize) -> None: ...

    def frame(self, view: SlideView) -> Frame: ...


class SessionSignals(QObject):
    """Re-emits the controller's notifications as Qt signals.

    ``changed(action_type)`` after every applied action; ``record_failed(message)`` when
    the session record could not be written (presenting goes on)."""

    changed = Signal(str)
    record_failed = Signal(str)

    def __init__(self, controller: SessionController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._unsubscribe = controller.subscribe(self._on_action)
        self._unsubscribe_errors = controller.on_error(self._on_error)

    def _on_action(self, state: SessionState, action: dict[str, Any]) -> None:
        self.changed.emit(str(action.get("type", "")))

    def _on_error(self, error: OSError, action: dict[str, Any]) -> None:
        self.record_failed.emit(failed_while_presenting(error))

    def detach(self) -> None:
        self._unsubscribe()
        self._unsubscribe_errors()
