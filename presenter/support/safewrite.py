"""Durable file writes: fsync that means it, and atomic replace that survives antivirus.

Measured pattern (see the reliability notes): write a temporary file beside the target
(a unique name from ``mkstemp``, so two writers of one target never share it), flush,
fsync, then ``os.replace``. On Windows the replace fails transiently with
WinError 5/32/33 while Defender, an indexer or a sync client holds the target; retry
briefly (10 ms doubling to 400 ms, at most about 2 s). If it still fails, the temporary
file is kept, so the data is on disk somewhere, and the error is raised.

``mode``: :data:`PRIVATE` (0600) for journals and settings, :data:`SHARED` (what the
umask allows, usually 0644) for documents people share: reports, PDFs.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE: int | None = 0o600  # only this user: journals, settings
SHARED: int | None = None  # the umask decides: documents people share

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


def temp_pattern(target: Path) -> str:
    """The glob of the temporary files :func:`atomic_target` makes for ``target``."""
    return f".{target.name}.*.tmp"


def leftover_temps(target: str | Path) -> list[Path]:
    """Temporary files a failed rename left beside ``target`` (complete, fsynced data),
    newest last; also the fixed ``<target>.tmp`` name older versions used."""
    target = Path(target)
    found = list(target.parent.glob(temp_pattern(target)))
    legacy = target.with_name(target.name + ".tmp")
    if legacy.exists():
        found.append(legacy)

    def modified(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    return sorted(found, key=modified)


def _apply_mode(fd: int, name: str, mode: int | None) -> None:
    if mode is None:  # the umask's choice, as open() would have made it
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows: only the read-only bit means anything
        os.chmod(name, mode)


@contextlib.contextmanager
def atomic_target(target: str | Path, *, mode: int | None = PRIVATE) -> Iterator[Path]:
    """A temporary path beside ``target`` to write to (by any means, e.g. a PDF writer);
    on success it is fsynced and moved over ``target``, on failure removed.

    If only the final rename fails, the temporary file is kept and the error raised.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    temp = Path(name)
    try:
        _apply_mode(fd, name, mode)
    finally:
        os.close(fd)
    try:
        yield temp
        with open(temp, "rb+") as handle:
            full_fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    try:
        replace_with_retry(temp, target)
    except OSError:
        log.warning("could not move %s over %s; the data is kept in it", temp, target)
        raise
    fsync_dir(folder)


def atomic_write_bytes(target: str | Path, data: bytes, *, mode: int | None = PRIVATE) -> None:
    """Replace ``target`` with ``data`` so a crash leaves the old or the new file, never half.

    Raises OSError if the data could not be written (the target is then unchanged). If
    only the final rename failed, the temporary file is left in place (see
    :func:`leftover_temps`).
    """
    with atomic_target(target, mode=mode) as temp:
        fd = os.open(temp, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0))
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
        finally:
            os.close(fd)


def atomic_write_text(target: str | Path, text: str, *, mode: int | None = PRIVATE) -> None:
    atomic_write_bytes(target, text.encode("utf-8"), mode=mode)
