"""The presenting keys: PowerPoint, reveal.js and clicker habits, one table.

Clickers send PageDown/PageUp, ``.`` or B for blank, and some alternate F5 and Esc on a
single button, so F5 and Esc are safe to press again and again. Auto-repeat is ignored:
a held key never skips slides. The router listens application-wide, so the keys work
whichever presenting window has focus; while the facilitator types in a field, only
the clicker keys (PageDown, PageUp, F5) are taken from it.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

K = Qt.Key
NUMBER_TIMEOUT = 4.0  # seconds a typed slide number waits for Return


class KeyAction(enum.Enum):
    NEXT = "next"
    PREV = "prev"
    BLACK = "black"
    WHITE = "white"
    CALM = "calm"
    HELP = "help"
    FIRST = "first"
    LAST = "last"
    START = "start"  # F5
    START_HERE = "start_here"  # Shift+F5
    LEAVE = "leave"  # Esc
    SWAP = "swap"  # S: swap the audience and console screens
    CONSOLE = "console"  # P: show or hide the console (one screen)
    OVERVIEW = "overview"  # O: every slide as a grid on the console, and back
    TIMER = "timer"  # T: start or pause the discussion countdown
    TIMER_PLUS = "timer_plus"
    TIMER_MINUS = "timer_minus"
    NOTES_BIGGER = "notes_bigger"
    NOTES_SMALLER = "notes_smaller"
    QUIT = "quit"  # Ctrl+Q, always asks


PLAIN: dict[int, KeyAction] = {
    **dict.fromkeys((K.Key_PageDown, K.Key_Right, K.Key_Down, K.Key_Space), KeyAction.NEXT),
    **dict.fromkeys((K.Key_Return, K.Key_Enter), KeyAction.NEXT),
    **dict.fromkeys((K.Key_PageUp, K.Key_Left, K.Key_Up, K.Key_Backspace), KeyAction.PREV),
    **dict.fromkeys((K.Key_B, K.Key_Period), KeyAction.BLACK),
    **dict.fromkeys((K.Key_W, K.Key_Comma), KeyAction.WHITE),
    K.Key_C: KeyAction.CALM,
    K.Key_H: KeyAction.HELP,
    K.Key_Home: KeyAction.FIRST,
    K.Key_End: KeyAction.LAST,
    K.Key_F5: KeyAction.START,
    K.Key_Escape: KeyAction.LEAVE,
    K.Key_S: KeyAction.SWAP,
    K.Key_P: KeyAction.CONSOLE,
    K.Key_O: KeyAction.OVERVIEW,
    K.Key_T: KeyAction.TIMER,
    **dict.fromkeys((K.Key_Plus, K.Key_Equal), KeyAction.TIMER_PLUS),
    **dict.fromkeys((K.Key_Minus, K.Key_Underscore), KeyAction.TIMER_MINUS),
}
CTRL: dict[int, KeyAction] = {
    K.Key_Q: KeyAction.QUIT,
    **dict.fromkeys((K.Key_Plus, K.Key_Equal), KeyAction.NOTES_BIGGER),
    K.Key_Minus: KeyAction.NOTES_SMALLER,
}
# Keys a clicker sends, taken even from a text field the facilitator is typing in.
CLICKER_KEYS = frozenset({K.Key_PageDown, K.Key_PageUp, K.Key_F5})
DIGITS = {getattr(K, f"Key_{n}"): n for n in range(10)}


def action_for(key: int, modifiers: Qt.KeyboardModifier) -> KeyAction | None:
    """The action for one key press (None: not a presenting key)."""
    mods = modifiers & ~Qt.KeyboardModifier.KeypadModifier
    if mods & Qt.KeyboardModifier.ControlModifier:
        return CTRL.get(key)
    if mods & Qt.KeyboardModifier.AltModifier or mods & Qt.KeyboardModifier.MetaModifier:
        return None
    if key == K.Key_F5 and mods & Qt.KeyboardModifier.ShiftModifier:
        return KeyAction.START_HERE
    return PLAIN.get(key)


class SlideNumberBuffer:
    """Digits typed before Return: "12 Return" goes to slide 12 (PowerPoint habit)."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self.digits = ""
        self._at = 0.0

    def add(self, digit: int) -> None:
        if self.digits and self._now() - self._at > NUMBER_TIMEOUT:
            self.digits = ""
        if len(self.digits) < 4:
            self.digits += str(digit)
        self._at = self._now()

    def take(self) -> int | None:
        """The pending number, if still fresh; the buffer is emptied either way."""
        fresh = self.digits and self._now() - self._at <= NUMBER_TIMEOUT
        number = int(self.digits) if fresh else None
        self.digits = ""
        return number

    def clear(self) -> None:
        self.digits = ""


class KeyRouter(QObject):
    """Application-wide key handling for the given windows.

    ``handler(action)`` performs one action; ``goto_number(n)`` a typed slide number;
    ``on_buffer(text)`` shows the digits typed so far (empty when cleared).
    """

    def __init__(
        self,
        handler: Callable[[KeyAction], None],
        goto_number: Callable[[int], None],
        on_buffer: Callable[[str], None] = lambda text: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._handler = handler
        self._goto_number = goto_number
        self._on_buffer = on_buffer
        self._windows: list[QWidget] = []
        self.buffer = SlideNumberBuffer()

    def watch(self, *windows: QWidget) -> None:
        self._windows.extend(w for w in windows if w not in self._windows)

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() not in self._windows:
            return False
        # Look at each key press once, where it first arrives: the focus widget, or the
        # window when nothing in it has focus. (A press a text field ignores travels on
        # to its parents; it must not act a second time there.)
        focus = QApplication.focusWidget()
        if focus is not None and focus.window() is watched.window():
            if watched is not focus:
                return False
        elif not watched.isWindow():
            return False  # a focus widget just cleared; the press already arrived
        return self.handle(event, focus if watched is focus else None)

    def handle(self, event: QKeyEvent, focus: QWidget | None = None) -> bool:
        """Handle one key press; True when it was a presenting key (consumed)."""
        key = event.key()
        typing = isinstance(focus, QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit)
        if typing and key not in CLICKER_KEYS:
            if key == K.Key_Escape and focus is not None:
                focus.clearFocus()
                return True
            return False
        if event.isAutoRepeat():
            return True  # a held key never skips slides
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and key in DIGITS:
            self.buffer.add(DIGITS[key])
            self._on_buffer(self.buffer.digits)
            return True
        action = action_for(key, event.modifiers())
        if action is None:
            return False
        if key in (K.Key_Return, K.Key_Enter) and self.buffer.digits:
            number = self.buffer.take()
            self._on_buffer("")
            if number is not None:
                self._goto_number(number)
                return True
        elif self.buffer.digits:
            self.buffer.clear()
            self._on_buffer("")
        self._handler(action)
        return True
