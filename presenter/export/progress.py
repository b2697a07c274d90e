"""Progress for long exports: a callback API for the app, and a terminal line for the CLI.

Every export function takes ``progress: ProgressCallback | None``. It is called as
``progress(done, total)`` with pages (or cards) done so far and the total expected,
first with ``done == 0`` and last with ``done == total``. To cancel, raise
:class:`ExportCancelled` from the callback: the export stops and leaves no file behind.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

ProgressCallback = Callable[[int, int], None]


class ExportCancelled(Exception):
    """Raised by a progress callback to stop an export; the partial file is removed."""


class ExportError(Exception):
    """An export could not be written (folder missing, disk full, permission denied)."""


def report(progress: ProgressCallback | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


class TerminalProgress:
    """``Exporting guide  12/60`` rewritten in place on a terminal; quiet elsewhere.

    Shown when ``stream`` is a terminal or ``force`` is set (``--progress``); only for
    exports that take longer than ``delay`` seconds, so quick ones print nothing extra.
    """

    def __init__(
        self, label: str, stream: TextIO | None = None, *, force: bool = False, delay: float = 0.3
    ) -> None:
        self.stream = stream or sys.stderr
        self.enabled = force or _is_tty(self.stream)
        self.force = force
        self.label = label
        self.delay = 0.0 if force else delay
        self.started = time.monotonic()
        self.shown = False
        self._last = ""
        self._tenth = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or time.monotonic() - self.started < self.delay:
            return
        tty = _is_tty(self.stream)
        tenth = 10 * done // total if total else 10
        if not tty and tenth == self._tenth and done != total:
            return  # a log file gets a line per tenth, not per page
        self._tenth = tenth
        percent = 100 * done // total if total else 100
        line = f"{self.label}  {done}/{total} ({percent}%)"
        if line == self._last:
            return
        self._last = line
        self.shown = True
        self.stream.write("\r" + line + "\x1b[K" if tty else line + "\n")
        self.stream.flush()

    def relabel(self, label: str) -> None:
        self.label = label

    def finish(self) -> None:
        if self.shown and _is_tty(self.stream):
            self.stream.write("\n")
            self.stream.flush()


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
