"""The one place that creates the Qt application: name and icon, for every entry point.

Windows get their QApplication here; drawing without a window (exports, checks) uses
``presenter.render.qtapp.ensure_gui_app``. When the app logs to a file, Qt's own
warnings go there too.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from presenter.support.resources import asset

log = logging.getLogger(__name__)

APP_NAME = "Workshop Presenter"


def application() -> QApplication:
    """The running QApplication, created (with the app's name and icon) if needed."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        from presenter.core import applog

        app = QApplication(sys.argv[:1])
        if applog.log_file() is not None:
            from presenter.ui.presenting.console.crashbanner import log_qt_messages

            log_qt_messages()
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    icon = asset("icons", "app.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    apply_layout_direction()
    return app


def apply_layout_direction() -> None:
    """Mirror every window (right to left) when the console language is Arabic."""
    from presenter.support.i18n import console_language, is_rtl

    rtl = is_rtl(console_language())
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    if QGuiApplication.layoutDirection() != direction:
        log.info("layout direction: %s", "right to left" if rtl else "left to right")
        QGuiApplication.setLayoutDirection(direction)
