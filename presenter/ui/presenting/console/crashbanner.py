"""While presenting, an unexpected error becomes a calm banner on the laptop's console.

The exception itself is logged by :mod:`presenter.core.applog` (with its traceback);
here the facilitator is told, without a dialog and never on the projector, that the
workshop goes on and where the details are. Qt's own warnings go to the log too.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QMessageLogContext, QtMsgType, qFormatLogMessage, qInstallMessageHandler

from presenter.core import applog
from presenter.support.i18n import t
from presenter.ui.presenting.presentation import Presentation

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def error_text(summary: str) -> str:
    where = applog.log_file()
    details = str(where) if where is not None else t("the terminal")
    return t("Something went wrong ({summary}). The workshop goes on; the details are "
             "saved in {where}.", summary=summary[:160], where=details)  # fmt: skip


def show_errors_on(presentation: Presentation) -> Callable[[], None]:
    """Show every uncaught error on this presentation's console until it closes."""
    console = presentation.console

    def show(summary: str) -> None:
        if not shiboken6.isValid(console):
            stop()
            return
        console.banners.show_message("error", error_text(summary), "error")

    stop = applog.on_error(show)
    presentation.destroyed.connect(lambda *_: stop())
    console.quit_confirmed.connect(stop)
    return stop


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
    if os.environ.get("QT_LOGGING_RULES"):  # Qt's log was asked for: it is read on stderr
        print(qFormatLogMessage(kind, context, message), file=sys.stderr, flush=True)


def log_qt_messages() -> None:
    """Send Qt's warnings to the log file (a GUI build has no console to print them)."""
    qInstallMessageHandler(_qt_message)
