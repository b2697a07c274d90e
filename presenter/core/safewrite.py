"""Durable file writes: fsync that means it, and atomic replace that survives antivirus.

Measured pattern (see the reliability notes): write a temporary file beside the target,
flush, fsync, then ``os.replace``. On Windows the replace fails transiently with
WinError 5/32/33 while Defender, an indexer or a sync client holds the target; retry
briefly (10 ms doubling to 400 ms, at most about 2 s). If it still fails, the temporary
file is kept, so the data is on disk somewhere, and the error is raised.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

_WINDOWS = sys.platform.startswith("win")
_TRANSIENT_WINERRORS = {5, 32, 33}  # access denied, sharing violation, lock violation
RETRY_FIRST_DELAY = 0.01
RETRY_MAX_DELAY = 0.4
RETRY_BUDGET = 2.0


def full_fsync(fd: int) -> None:
    """Push a file's data to the device. On macOS plain fsync stops at the drive cache."""
    if sys.platform == "darwin":
        import fcntl

        full = getattr(fcntl, "F_FULLFSYNC", None)
        if full is not None:
            try:
                fcntl.fcntl(fd, full)
                return
            except OSError:
                pass
    os.fsync(fd)


def fsync_dir(folder: Path) -> None:
    """Make a new or renamed directory entry durable (POSIX; a no-op on Windows)."""
    if _WINDOWS:
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def is_transient_windows_error(exc: OSError) -> bool:
    return getattr(exc, "winerror", None) in _TRANSIENT_WINERRORS


def replace_with_retry(
    source: Path,
    target: Path,
    *,
    windows: bool = _WINDOWS,
    sleep: Callable[[float], None] = time.sleep,
    replace: Callable[[Path, Path], None] = os.replace,
) -> None:
    """``os.replace`` with the Windows-only bounded retry on transient sharing errors."""
    delay = RETRY_FIRST_DELAY
    waited = 0.0
    while True:
        try:
            replace(source, target)
            return
        except OSError as exc:
            if not windows or not is_transient_windows_error(exc) or waited >= RETRY_BUDGET:
                raise
            pause = min(delay, RETRY_BUDGET - waited)
            sleep(pause)
            waited += pause
            delay = min(delay * 2, RETRY_MAX_DELAY)


def atomic_write_bytes(target: str | Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` so a crash leaves the old or the new file, never half.

    Raises OSError if the data could not be written (the target is then unchanged). If
    only the final rename failed, the temporary file ``<target>.tmp`` is left in place.
    """
    target = Path(target)
    temp = target.with_name(target.name + ".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        full_fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    os.close(fd)
    replace_with_retry(temp, target)
    fsync_dir(target.parent)


def atomic_write_text(target: str | Path, text: str) -> None:
    atomic_write_bytes(target, text.encode("utf-8"))
