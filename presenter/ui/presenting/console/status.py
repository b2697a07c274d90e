"""The console's top strip: where we are, the clocks, pacing, and what the room sees."""

from __future__ import annotations

import logging
import math
import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from presenter.core.session.controller import Pacing, SessionController
from presenter.core.session.view import Overlay
from presenter.support.i18n import t

log = logging.getLogger(__name__)

PACING_COLOURS = {"green": "#1e6e3c", "amber": "#9a5b00", "red": "#a11d1d"}
ROOM_COLOURS = {None: "#1e6e3c", "warning": "#6b4c9a", "overlay": "#a11d1d", "end": "#374151"}


def clock_text(seconds: float) -> str:
    """12:05, or 1:02:03 past the hour; negative as −0:30."""
    sign = "−" if seconds < 0 else ""
    total = int(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def minutes_text(minutes: float) -> str:
    return f"{minutes:g}" if minutes == int(minutes) else f"{minutes:.1f}"


def pacing_text(pacing: Pacing) -> str:
    """Whole minutes, rounded down, as the colours count them: "2 min behind" is the
    first amber at the default thresholds, never a green 1.5 rounded up."""
    behind = pacing.behind
    n = math.floor(abs(behind))
    if n == 0:
        return t("On time")
    return t("{n} min behind", n=n) if behind > 0 else t("{n} min ahead", n=n)


def overlay_name(overlay: Overlay) -> str:
    return {
        Overlay.BLACK: t("Black screen"),
        Overlay.WHITE: t("White screen"),
        Overlay.CALM: t("Calm screen"),
        Overlay.HELP: t("Help contacts"),
        Overlay.CONTENT_WARNING: t("Content warning"),
        Overlay.END: t("End of the workshop"),
    }[overlay]


def two_lines(text: str) -> str:
    """ "Room sees: the slide" as two short lines, so the badge stays narrow."""
    head, sep, rest = text.partition(": ")
    if not sep:
        head, sep, rest = text.partition(" : ")  # French spacing
    return f"{head}{sep.rstrip()}\n{rest}" if sep else text


class Readout(QWidget):
    """A small caption over a large value."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(0)
        self.caption = QLabel(caption)
        self.caption.setObjectName("readoutCaption")
        self.value = QLabel("–")
        self.value.setObjectName("readoutValue")
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set(self, text: str, colour: str | None = None) -> None:
        self.value.setText(text)
        sheet = f"color: {colour};" if colour else ""
        if self.value.styleSheet() != sheet:  # re-polishing costs a millisecond
            self.value.setStyleSheet(sheet)


class StatusStrip(QFrame):
    """Slide position, wall clock, elapsed, time on slide, pacing, and the room's screen."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("statusStrip")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.room = QLabel()
        self.room.setObjectName("roomSees")
        self.room.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.room.setMinimumWidth(self._room_width())
        self.position = Readout(t("Slide"))
        self.wall = Readout(t("Clock"))
        self.elapsed = Readout(t("Elapsed"))
        self.on_slide = Readout(t("On this slide"))
        self.pacing = Readout(t("Pacing"))
        layout.addWidget(self.room)
        for readout in (self.position, self.on_slide, self.elapsed, self.pacing, self.wall):
            layout.addWidget(readout)
        layout.addStretch(1)
        self.windowed = False  # the audience view left full screen (Esc)

    def _room_width(self) -> int:
        """Wide enough for the longest "Room sees" text, so it is never clipped."""
        self.room.ensurePolished()
        font = self.room.font()
        font.setBold(True)
        font.setPixelSize(14)
        metrics = QFontMetrics(font)
        texts = [
            t("Room sees: content warning"),
            t("Room sees: end of the workshop"),
            t("Room sees: the slide"),
            t("Room sees: a window (F5)"),
        ]
        texts += [t("Room sees: {what}", what=overlay_name(o)) for o in Overlay]
        lines = [line for text in texts for line in two_lines(text).split("\n")]
        return max(metrics.horizontalAdvance(line) for line in lines) + 28

    def refresh(self) -> None:
        c = self.controller
        s = c.state
        now = c.clock.now()
        total = len(c.visible)
        self.position.set(t("{n} of {total}", n=c.position() + 1, total=total))
        self.wall.set(time.strftime("%H:%M", time.localtime(now)))
        self.elapsed.set(clock_text(s.elapsed(now)))
        planned = c.slide.minutes
        on = clock_text(s.time_on_slide(s.slide, now))
        if planned:
            over = s.time_on_slide(s.slide, now) > planned * 60
            self.on_slide.set(
                t("{on} of {planned} min", on=on, planned=minutes_text(planned)),
                PACING_COLOURS["amber"] if over else None,
            )
        else:
            self.on_slide.set(on)
        pacing = c.pacing()
        self.pacing.set(pacing_text(pacing), PACING_COLOURS[pacing.level])
        view = c.audience_view()
        if view.overlay is Overlay.CONTENT_WARNING:
            kind, text = "warning", t("Room sees: content warning")
        elif view.overlay is Overlay.END:
            kind, text = "end", t("Room sees: end of the workshop")
        elif view.overlay is not None:
            kind, text = "overlay", t("Room sees: {what}", what=overlay_name(view.overlay))
        elif self.windowed:
            kind, text = "overlay", t("Room sees: a window (F5)")
        else:
            kind, text = None, t("Room sees: the slide")
        self.room.setText(two_lines(text))
        self.room.setAccessibleName(text)
        sheet = f"QLabel#roomSees {{ background: {ROOM_COLOURS[kind]}; }}"
        if self.room.styleSheet() != sheet:  # re-polishing on every refresh costs a turn
            self.room.setStyleSheet(sheet)
