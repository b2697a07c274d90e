"""Messages for the facilitator on the console, in one line of space, never on the projector.

Every message has a key (showing the same key again replaces it), a level, and a way
out: a close button always, an action button when there is something to do about it,
and information messages also go away by themselves. Only one message is shown at a
time, so a 768-pixel laptop never loses more than one line to them: an error first,
otherwise the newest; the others wait behind it, and a counter says how many.

    console.banners.show_message("screens", text, "warning", action=(label, callback))
    console.banners.info("goto", text)            # closes itself after a few seconds
    console.banners.hide_message("screens")
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from presenter.support.i18n import t
from presenter.ui.widgets.elided import ElidedLabel

log = logging.getLogger(__name__)

LEVELS = ("error", "warning", "info")
INFO_TIMEOUT_MS = 12_000
Action = tuple[str, Callable[[], None]]
_order = itertools.count()


@dataclass
class Message:
    key: str
    text: str
    level: str
    action: Action | None = None
    timeout_ms: int | None = None
    order: int = field(default_factory=lambda: next(_order))

    def rank(self) -> tuple[int, int]:
        """Errors first; otherwise the newest, which answers what was just done."""
        return (0 if self.level == "error" else 1, -self.order)


def _flat_button(text: str, name: str) -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # clicker keys stay keys
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    return widget


class Banners(QFrame):
    """One line of console messages: info, warning or error, each closable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._messages: dict[str, Message] = {}
        self._timers: dict[str, QTimer] = {}
        self._shown: Message | None = None
        self._suppressed = False
        self.label = ElidedLabel()
        self.label.setObjectName("bannerText")
        self.more = _flat_button("", "bannerMore")
        self.more.setToolTip(t("Show the next message"))
        self.more.clicked.connect(self._cycle)
        self.action = _flat_button("", "bannerAction")
        self.action.clicked.connect(self._run_action)
        self.close_button = _flat_button("×", "bannerClose")
        self.close_button.setToolTip(t("Close this message"))
        self.close_button.setAccessibleName(t("Close this message"))
        self.close_button.clicked.connect(self._close_shown)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        layout.setSpacing(6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.more)
        layout.addWidget(self.action)
        layout.addWidget(self.close_button)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.hide()

    # -- the API others call -----------------------------------------------------------

    def show_message(
        self,
        key: str,
        text: str,
        level: str = "warning",
        *,
        action: Action | None = None,
        timeout_ms: int | None = None,
    ) -> None:
        """Show (or replace) the message ``key``. Information closes itself after
        ``timeout_ms`` (a default of about ten seconds); warnings and errors stay until
        closed, acted on, or hidden by the code that raised them."""
        if level not in LEVELS:
            raise ValueError(f"unknown banner level {level!r}")
        if timeout_ms is None and level == "info":
            timeout_ms = INFO_TIMEOUT_MS
        log.info("banner %s (%s): %s", key, level, text)
        self._messages[key] = Message(key, text, level, action, timeout_ms)
        self._stop_timer(key)
        if timeout_ms:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(timeout_ms)
            timer.timeout.connect(lambda key=key: self.hide_message(key))
            timer.start()
            self._timers[key] = timer
        self._show_best()

    def info(self, key: str, text: str, **kw: object) -> None:
        self.show_message(key, text, "info", **kw)  # type: ignore[arg-type]

    def warning(self, key: str, text: str, **kw: object) -> None:
        self.show_message(key, text, "warning", **kw)  # type: ignore[arg-type]

    def error(self, key: str, text: str, **kw: object) -> None:
        self.show_message(key, text, "error", **kw)  # type: ignore[arg-type]

    def hide_message(self, key: str) -> None:
        self._stop_timer(key)
        if self._messages.pop(key, None) is not None:
            self._show_best()

    def text(self, key: str) -> str:
        """The text of message ``key`` while it is current (shown or waiting), else ""."""
        message = self._messages.get(key)
        return message.text if message is not None else ""

    def set_suppressed(self, suppressed: bool) -> None:
        """Keep the line free for a question banner; the messages wait, timers run."""
        if suppressed != self._suppressed:
            self._suppressed = suppressed
            self._show_best()

    def keys(self) -> list[str]:
        return [m.key for m in sorted(self._messages.values(), key=Message.rank)]

    def shown_key(self) -> str | None:
        return self._shown.key if self._shown is not None else None

    # -- inside ------------------------------------------------------------------------

    def _stop_timer(self, key: str) -> None:
        timer = self._timers.pop(key, None)
        if timer is not None:
            timer.stop()
            timer.deleteLater()

    def _show_best(self, message: Message | None = None) -> None:
        waiting = sorted(self._messages.values(), key=Message.rank)
        if not waiting or self._suppressed:
            self._shown = None
            self.hide()
            return
        shown = message if message is not None else waiting[0]
        self._shown = shown
        self.setProperty("level", shown.level)
        for widget in (self, self.label):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.label.setText(shown.text)
        others = len(waiting) - 1
        self.more.setVisible(others > 0)
        self.more.setText(t("+{n} more", n=others))
        self.action.setVisible(shown.action is not None)
        if shown.action is not None:
            self.action.setText(shown.action[0])
        self.show()

    def _cycle(self) -> None:
        waiting = sorted(self._messages.values(), key=Message.rank)
        if self._shown in waiting and len(waiting) > 1:
            after = waiting[(waiting.index(self._shown) + 1) % len(waiting)]
            self._show_best(after)

    def _close_shown(self) -> None:
        if self._shown is not None:
            self.hide_message(self._shown.key)

    def _run_action(self) -> None:
        shown = self._shown
        if shown is None or shown.action is None:
            return
        callback = shown.action[1]
        self.hide_message(shown.key)
        callback()
