"""The presenting keys: PowerPoint, reveal.js and clicker habits, one table.

Clickers send PageDown/PageUp, ``.`` or B for blank, and some alternate F5 and Esc on a
single button, so F5 and Esc are safe to press again and again. Auto-repeat is ignored:
a held key never skips slides. The router listens application-wide, so the keys work
whichever presenting window has focus; while the facilitator types in a field, only
the clicker keys (PageDown, PageUp, F5) are taken from it.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

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

from presenter.support.i18n import t

log = logging.getLogger(__name__)

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


@dataclass(frozen=True)
class KeyRow:
    """One line of the key table: what it does, the keys, and where it is explained.

    ``label`` is the full wording (docs/keys.md, in English); ``short`` the console's
    word (translated); ``strip``: shown in the console's key strip; ``essential``: in the
    short lists for first-timers (Present dialog, the home window's guide).
    """

    action: KeyAction | None  # None: typed digits then Return (go to a slide)
    label: str
    short: str
    keys: tuple[int, ...] = ()
    ctrl: bool = False
    shift: bool = False
    clicker: str = ""
    strip: int = 0  # how many of the keys the console's strip shows (0: not shown)
    essential: bool = False
    typed: str = ""  # what to type, for the row without keys


KEY_TABLE: tuple[KeyRow, ...] = (
    KeyRow(KeyAction.NEXT, "**Next** (next point, reveal, next slide)", "Next",
           (K.Key_PageDown, K.Key_Right, K.Key_Space, K.Key_Down, K.Key_Return, K.Key_Enter),
           clicker="▶", strip=3, essential=True),
    KeyRow(KeyAction.PREV, "**Back**", "Back",
           (K.Key_PageUp, K.Key_Left, K.Key_Up, K.Key_Backspace),
           clicker="◀", strip=2, essential=True),
    KeyRow(None, "**Go to slide 12**", "Go to", typed="number + Return"),
    KeyRow(KeyAction.FIRST, "First slide", "First slide", (K.Key_Home,)),
    KeyRow(KeyAction.LAST, "Last slide", "Last slide", (K.Key_End,)),
    KeyRow(KeyAction.BLACK, "**Black screen** (again: back)", "Black",
           (K.Key_B, K.Key_Period), clicker="blank button", strip=1, essential=True),
    KeyRow(KeyAction.WHITE, "White screen (again: back)", "White", (K.Key_W, K.Key_Comma)),
    KeyRow(KeyAction.CALM, "**Calm screen** (again: back)", "Calm", (K.Key_C,), strip=1,
           essential=True),
    KeyRow(KeyAction.HELP, "**Help contacts**, from anywhere (again: back)", "Help",
           (K.Key_H,), strip=1, essential=True),
    KeyRow(KeyAction.START, "Start presenting / go fullscreen", "Fullscreen", (K.Key_F5,),
           clicker="▶ start", strip=1),
    KeyRow(KeyAction.START_HERE, "Present from the current slide", "From here", (K.Key_F5,),
           shift=True),
    KeyRow(KeyAction.LEAVE, "Leave fullscreen (the workshop goes on)", "Leave fullscreen",
           (K.Key_Escape,), clicker="■ stop", strip=1, essential=True),
    KeyRow(KeyAction.TIMER, "Discussion countdown: start / pause", "Timer", (K.Key_T,),
           strip=1),
    KeyRow(KeyAction.TIMER_PLUS, "Countdown one minute more", "+1 min",
           (K.Key_Plus, K.Key_Equal), strip=1),
    KeyRow(KeyAction.TIMER_MINUS, "Countdown one minute less", "−1 min",
           (K.Key_Minus, K.Key_Underscore), strip=1),
    KeyRow(KeyAction.NOTES_BIGGER, "Console notes larger", "Notes larger",
           (K.Key_Plus, K.Key_Equal), ctrl=True),
    KeyRow(KeyAction.NOTES_SMALLER, "Console notes smaller", "Notes smaller", (K.Key_Minus,),
           ctrl=True),
    KeyRow(KeyAction.SWAP, "Swap projector and laptop screens", "Swap screens", (K.Key_S,)),
    KeyRow(KeyAction.CONSOLE, "One screen: the console or the room's view", "Console",
           (K.Key_P,), strip=1),
    KeyRow(KeyAction.OVERVIEW, "All slides as a grid on the console (again: back)", "Overview",
           (K.Key_O,), strip=1),
    KeyRow(KeyAction.QUIT, "End the workshop (asks first; so does closing the console)",
           "End", (K.Key_Q,), ctrl=True),
)  # fmt: skip

# How keys are written for people; keys not listed here are not shown (Enter, = and _,
# which sit on the same keys as Return, + and −).
KEY_NAMES: dict[int, str] = {
    K.Key_PageDown: "PageDown", K.Key_PageUp: "PageUp", K.Key_Right: "→", K.Key_Left: "←",
    K.Key_Down: "↓", K.Key_Up: "↑", K.Key_Space: "Space", K.Key_Return: "Return",
    K.Key_Backspace: "Backspace", K.Key_Home: "Home", K.Key_End: "End", K.Key_B: "B",
    K.Key_Period: ".", K.Key_W: "W", K.Key_Comma: ",", K.Key_C: "C", K.Key_H: "H",
    K.Key_F5: "F5", K.Key_Escape: "Esc", K.Key_T: "T", K.Key_Plus: "+", K.Key_Minus: "−",
    K.Key_S: "S", K.Key_P: "P", K.Key_Q: "Q", K.Key_O: "O",
}  # fmt: skip


def key_names(row: KeyRow, limit: int | None = None) -> list[str]:
    """The row's keys as people write them (``Ctrl+Q``, ``Shift+F5``)."""
    prefix = "Ctrl" if row.ctrl else "Shift" if row.shift else ""
    names = [
        f"{prefix}{' ' if KEY_NAMES[k] in '+−' else '+'}{KEY_NAMES[k]}" if prefix else KEY_NAMES[k]
        for k in row.keys
        if k in KEY_NAMES
    ]
    return names[:limit] if limit is not None else names


def _keys_text(row: KeyRow, limit: int | None = None) -> str:
    return t(row.typed) if row.typed else " / ".join(key_names(row, limit))


def key_strip() -> str:
    """The console's one-line reminder of the keys."""
    return " · ".join(
        f"{t(row.short)}: {_keys_text(row, row.strip)}" for row in KEY_TABLE if row.strip
    )


def essential_keys() -> list[str]:
    """The keys a first-timer needs, one line each: ``Next: PageDown / → / ↓ …``."""
    return [f"{t(row.short)}: {_keys_text(row, 3)}" for row in KEY_TABLE if row.essential]


def keys_markdown() -> str:
    """The table of docs/keys.md, made from :data:`KEY_TABLE` (English)."""
    lines = ["| To do this | Press | Clicker |", "|---|---|---|"]
    for row in KEY_TABLE:
        keys = "type `12`, then Return" if row.typed else " · ".join(key_names(row))
        lines.append(f"| {row.label} | {keys} | {row.clicker} |")
    return "\n".join(lines)


DOC_BEGIN = "<!-- key table: made from presenter/ui/presenting/keys.py -->"
DOC_END = "<!-- end of key table -->"


def with_key_table(document: str) -> str:
    """``document`` (docs/keys.md) with its table replaced by the one from the code."""
    before, _, rest = document.partition(DOC_BEGIN)
    _, _, after = rest.partition(DOC_END)
    return f"{before}{DOC_BEGIN}\n{keys_markdown()}\n{DOC_END}{after}"


def _bindings(ctrl: bool) -> dict[int, KeyAction]:
    found: dict[int, KeyAction] = {}
    for row in KEY_TABLE:
        if row.action is not None and row.ctrl == ctrl and not row.shift:
            for key in row.keys:
                found.setdefault(key, row.action)
    return found


PLAIN: dict[int, KeyAction] = _bindings(ctrl=False)
CTRL: dict[int, KeyAction] = _bindings(ctrl=True)
SHIFTED: dict[int, KeyAction] = {
    key: row.action for row in KEY_TABLE if row.action is not None and row.shift for key in row.keys
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
    if mods & Qt.KeyboardModifier.ShiftModifier and key in SHIFTED:
        return SHIFTED[key]
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
