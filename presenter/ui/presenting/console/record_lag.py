"""The console's word when the session record lags behind the screen.

The journal writes each action before it is applied and fsyncs it on a helper thread
(core/journal_sync.py); on a slow USB stick the device can fall behind. When the oldest
line not yet on the device has waited ``SHOW_AFTER_SECONDS``, the facilitator is told
how many actions a power cut would lose; the message goes once the device caught up.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QObject, QTimer

from presenter.core.session.controller import SessionController
from presenter.support.i18n import t

log = logging.getLogger(__name__)

SHOW_AFTER_SECONDS = 0.5
POLL_MS = 250
KEY = "record_lag"


class MessageBoard(Protocol):
    def show_message(self, key: str, text: str, level: str = "warning") -> None: ...
    def hide_message(self, key: str) -> None: ...


class RecordLagWatch(QObject):
    """Polls the controller's recorder (a cheap, locked read of two counters)."""

    def __init__(
        self, controller: SessionController, board: MessageBoard, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.board = board
        self.shown = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        lag = getattr(self.controller.recorder, "lag", None)
        behind, waited = lag() if callable(lag) else (0, 0.0)
        if behind and waited >= SHOW_AFTER_SECONDS:
            if not self.shown:
                log.info("session record %d line(s) behind after %.1f s", behind, waited)
            self.shown = True
            self.board.show_message(
                KEY,
                t("Saving the session record: {n} action(s) not yet on the disk "
                  "(the disk is slow). Presenting goes on.", n=behind),
                "warning",
            )  # fmt: skip
        elif self.shown and not behind:
            self.shown = False
            self.board.hide_message(KEY)
