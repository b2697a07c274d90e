"""The one place that creates the Qt application: name and icon, for every entry point."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from presenter.resources import asset

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
    return app
