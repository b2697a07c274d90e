"""The one bootstrap of Qt for drawing without a window (exports, checks, PNGs).

Text layout and painting need a QGuiApplication. Windows get theirs from
``presenter.ui.appsetup.application``; everything else (``presenter export``,
``presenter check``, the exporters called as library functions) calls
:func:`ensure_gui_app`, which makes an offscreen one when none is running and keeps it
for the life of the process.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtGui import QGuiApplication

from presenter.support.qtfix import guard_none_refcount

log = logging.getLogger(__name__)

_app: QGuiApplication | None = None  # kept: Qt must not lose its application


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or a new offscreen one (no display needed)."""
    global _app
    guard_none_refcount()
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    argv = ["presenter"]
    if not os.environ.get("QT_QPA_PLATFORM"):
        argv += ["-platform", "offscreen"]
    _app = QGuiApplication(argv)
    log.info("offscreen Qt started (%s)", QGuiApplication.platformName())
    return _app
