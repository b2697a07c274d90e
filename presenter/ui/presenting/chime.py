"""The optional sound when a discussion countdown runs out (off unless the settings say so).

The calm visual end signal is the renderer's; this adds a short soft chime for rooms
where the facilitator is not watching the screen. PySide6-Essentials has no
QtMultimedia, so the chime is synthesised in code (a decaying sine, no file to ship)
and played with the standard library's ``winsound`` on Windows; elsewhere Qt's
system beep is the best the toolkit offers without a new dependency.
"""

from __future__ import annotations

import io
import math
import struct
import sys
import threading
import wave
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from presenter.core.session.controller import SessionController

RATE = 22050


def chime_wav(seconds: float = 1.2, pitch: float = 659.25, volume: float = 0.25) -> bytes:
    """A soft bell-like tone (a fundamental and a quiet fifth, fading out) as WAV bytes."""
    frames = int(RATE * seconds)
    buffer = io.BytesIO()
    samples = bytearray()
    for n in range(frames):
        time = n / RATE
        attack = min(1.0, time / 0.015)  # no click at the start
        envelope = attack * math.exp(-3.5 * time)
        tone = math.sin(2 * math.pi * pitch * time) + 0.3 * math.sin(3 * math.pi * pitch * time)
        samples += struct.pack("<h", round(32767 * volume * envelope * tone / 1.3))
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(samples))
    return buffer.getvalue()


def play_chime() -> None:
    """Play the chime without blocking the windows; never raises."""
    if sys.platform == "win32":
        try:
            import winsound

            data = chime_wav()
            threading.Thread(
                target=winsound.PlaySound, args=(data, winsound.SND_MEMORY), daemon=True
            ).start()
            return
        except (ImportError, RuntimeError):
            pass
    QApplication.beep()


class CountdownEndSound(QObject):
    """Calls ``sound()`` once when the countdown on screen reaches zero while running.

    ``check()`` is called on the console's tick. A countdown that had already run out
    when the session was opened (a resumed session) does not chime again, and one given
    another minute chimes again when that minute is up."""

    def __init__(
        self,
        controller: SessionController,
        enabled: bool,
        sound: Callable[[], None] = play_chime,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.enabled = enabled
        self.sound = sound
        self._ended: set[int] = set()
        self.played = 0
        self.reset()

    def reset(self) -> None:
        """Take the countdowns already over as heard (a new or resumed state)."""
        self._ended = {i for i in self.controller.state.countdowns if self._over(i)}

    def _over(self, index: int) -> bool:
        countdown = self.controller.state.countdowns[index]
        return countdown.remaining(self.controller.clock.now()) <= 0

    def check(self) -> None:
        index = self.controller.countdown_slide()
        if index is None:
            return
        if not self._over(index):
            self._ended.discard(index)
            return
        if index in self._ended:
            return
        self._ended.add(index)
        if self.enabled and self.controller.state.countdowns[index].total > 0:
            self.played += 1
            self.sound()
