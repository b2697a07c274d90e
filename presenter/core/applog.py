"""The app's log: a rotating file in ``<data>/logs/``, crashes included.

Qt-free, set up once by ``cli.main`` before any window opens, the way qutebrowser's
``earlyinit``/``crashsignal`` and Anki's ``aqt/errors.py`` do it:

- ``logging`` writes to ``presenter.log`` (rotated at 1 MB, three old files kept), so a
  frozen build with no console still leaves something an organizer can send;
- :mod:`faulthandler` writes into the same file, so a segfault or an abort in Qt leaves
  a Python traceback of every thread there (re-pointed at the new file on rotation);
- :data:`sys.excepthook` (and :data:`threading.excepthook`) log every exception that
  reaches the top, including those raised in a Qt slot, then tell the listeners (the
  presenting windows show a non-modal banner on the laptop) and the previous hook.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

log = logging.getLogger(__name__)

LOG_NAME = "presenter.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

ErrorListener = Callable[[str], None]  # called with a one-line summary of the error

_handler: logging.Handler | None = None
_log_file: Path | None = None
_listeners: list[ErrorListener] = []
_previous_hook: Callable[..., object] | None = None


class _CrashSafeRotatingHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose file :mod:`faulthandler` also writes to, after rotation too."""

    def doRollover(self) -> None:
        super().doRollover()
        if self.stream is not None:
            faulthandler.enable(self.stream, all_threads=True)


def log_file() -> Path | None:
    """The log file in use, or None before :func:`setup_logging` (or if it failed)."""
    return _log_file


def setup_logging(folder: Path, *, level: int = logging.INFO) -> Path | None:
    """Log to ``folder/presenter.log`` and catch crashes there. Idempotent per folder.

    Returns the log file, or None when the folder cannot be written (the app then logs
    to stderr only, and says so there)."""
    global _handler, _log_file
    path = folder / LOG_NAME
    if _handler is not None and _log_file == path:
        return path
    root = logging.getLogger()
    root.setLevel(min(root.level or level, level))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _CrashSafeRotatingHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        print(f"presenter: no log file in {folder} ({error}); logging to stderr only",
              file=sys.stderr)  # fmt: skip
        handler, path_or_none = logging.StreamHandler(), None
    else:
        path_or_none = path
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    _handler, _log_file = handler, path_or_none
    stream = getattr(handler, "stream", None)
    if path_or_none is not None and stream is not None:
        faulthandler.enable(stream, all_threads=True)
    install_excepthook()
    log.info("Workshop Presenter starting: %s", one_line_platform())
    return path_or_none


def install_excepthook() -> None:
    """Log uncaught exceptions (main thread, Qt slots, helper threads). Idempotent."""
    global _previous_hook
    if sys.excepthook is not _excepthook:
        _previous_hook = sys.excepthook
        sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    report_exception(kind, value, tb)
    if _previous_hook is not None and _previous_hook is not sys.__excepthook__:
        _previous_hook(kind, value, tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "?"
    log.error(
        "uncaught exception in thread %s",
        name,
        exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
    )


def report_exception(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    """Log one uncaught exception with its traceback and tell the listeners."""
    if issubclass(kind, KeyboardInterrupt):
        log.info("interrupted")
        return
    log.error("uncaught exception", exc_info=(kind, value, tb))
    if _log_file is None:  # nothing on disk: keep the traceback visible on stderr
        traceback.print_exception(kind, value, tb, file=sys.stderr)
    summary = "".join(traceback.format_exception_only(kind, value)).strip()
    for listener in list(_listeners):
        try:
            listener(summary)
        except Exception:  # a broken listener must not hide the first error
            log.exception("error listener failed")


def on_error(listener: ErrorListener) -> Callable[[], None]:
    """Be told (with a one-line summary) of every uncaught exception. Returns the
    function that stops it; keep it, and call it when the listener goes away."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None


def one_line_platform() -> str:
    from presenter import __version__

    python = ".".join(str(part) for part in sys.version_info[:3])
    if hasattr(os, "uname"):  # what ``platform`` would say, without importing it at start
        system, _, release, _, machine = os.uname()
    else:  # Windows
        import platform

        system, release, machine = platform.system(), platform.release(), platform.machine()
    return f"version {__version__}, Python {python}, {system} {release} ({machine})"


def tail(path: Path | None, lines: int = 40) -> str:
    """The last ``lines`` lines of the log (for the diagnostic information)."""
    if path is None:
        return ""
    try:
        with path.open("rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - 64_000))
            text = handle.read().decode("utf-8", "replace")
    except OSError as error:
        return f"(the log could not be read: {error})"
    return "\n".join(text.splitlines()[-lines:])


def stop_logging() -> None:
    """Undo :func:`setup_logging` (tests that run ``cli.main`` in-process call it)."""
    global _handler, _log_file, _previous_hook
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
    _handler = _log_file = None
    if sys.excepthook is _excepthook:
        sys.excepthook = _previous_hook or sys.__excepthook__
    _previous_hook = None
    threading.excepthook = threading.__excepthook__
    faulthandler.enable(sys.__stderr__ or sys.stderr, all_threads=True)
