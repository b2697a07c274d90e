"""The one place that creates the Qt application: name and icon, for every entry point."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from presenter.resources import asset

log = logging.getLogger(__name__)

APP_NAME = "Workshop Presenter"


def application() -> QApplication:
    """The running QApplication, created (with the app's name and icon) if needed."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    icon = asset("icons", "app.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    apply_layout_direction()
    return app


def apply_layout_direction() -> None:
    """Mirror every window (right to left) when the console language is Arabic."""
    from presenter.i18n import console_language, is_rtl

    rtl = is_rtl(console_language())
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    if QGuiApplication.layoutDirection() != direction:
        log.info("layout direction: %s", "right to left" if rtl else "left to right")
        QGuiApplication.setLayoutDirection(direction)
