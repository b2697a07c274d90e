"""The About box: the version, where things are kept, and "Copy diagnostic information".

The diagnostic text is what an organizer pastes into an e-mail when something went
wrong in a room: versions, screens, folders and the end of the log. It holds no deck
text and nothing about attendees.
"""

from __future__ import annotations

import logging

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from presenter.core import applog
from presenter.core.appcontext import AppContext
from presenter.support.i18n import t
from presenter.ui.home.style import HOME_STYLE

log = logging.getLogger(__name__)


def diagnostic_text(ctx: AppContext) -> str:
    """Plain text for a bug report (never deck text, never attendee data)."""
    from presenter.support.resources import version_text

    screens = [
        f"  {n}. {s.name()} {s.size().width()}x{s.size().height()} "
        f"@{s.devicePixelRatio():g} at {s.geometry().x()},{s.geometry().y()}"
        for n, s in enumerate(QGuiApplication.screens(), 1)
    ]
    lines = [
        version_text(),
        applog.one_line_platform(),
        f"Qt {qVersion()}, PySide6 {pyside_version}, platform {QGuiApplication.platformName()}",
        f"portable: {'yes' if ctx.portable else 'no'}",
        f"settings file: {ctx.store.path}",
        f"data folder: {ctx.data_root}",
        f"session records: {ctx.sessions_folder}",
        f"log file: {applog.log_file() or '(none: logging to the terminal)'}",
        f"console language: {ctx.language or '(system)'}",
        f"settings problem: {ctx.problem or 'none'}",
        "screens:",
        *(screens or ["  (none)"]),
        "",
        "end of the log:",
        applog.tail(applog.log_file()) or "(empty)",
    ]
    return "\n".join(lines) + "\n"


class AboutDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from presenter.support.resources import version_text

        self.ctx = ctx
        self.setWindowTitle(t("About Workshop Presenter"))
        self.setStyleSheet(HOME_STYLE)
        layout = QVBoxLayout(self)
        title = QLabel(version_text())
        title.setObjectName("heading")
        layout.addWidget(title)
        where = applog.log_file()
        self.info = QLabel(
            t("Works offline: nothing is sent anywhere.\nSession records: {records}\n"
              "Log file: {log}", records=str(ctx.sessions_folder),
              log=str(where) if where is not None else t("the terminal"))
        )  # fmt: skip
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.copied = QLabel("")
        self.copied.setObjectName("subheading")
        layout.addWidget(self.copied)
        row = QHBoxLayout()
        self.copy_button = QPushButton(t("Copy diagnostic information"))
        self.copy_button.clicked.connect(self.copy_diagnostics)
        close = QPushButton(t("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(560, 220)

    def copy_diagnostics(self) -> str:
        text = diagnostic_text(self.ctx)
        QGuiApplication.clipboard().setText(text)
        self.copied.setText(t("Copied. Paste it into an e-mail to whoever helps you."))
        log.info("diagnostic information copied")
        return text
