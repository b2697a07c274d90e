"""The session report, one click away on the console once the workshop reaches its end.

Both ways of presenting (``presenter run`` and the home window) call
:func:`offer_report` with the record's folder; the report is the same viewer the home
window's "Past sessions" uses, read from the journal on disk, so it shows exactly what
was recorded.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from presenter.core.record.journal import JournalFormatError
from presenter.core.record.store import load_session
from presenter.core.session.state import SessionState
from presenter.core.session.view import Overlay
from presenter.support.i18n import t
from presenter.ui.widgets.plaintext import message as plain_message

if TYPE_CHECKING:
    from presenter.ui.home.reports import SessionsDialog
    from presenter.ui.presenting.presentation import Presentation

log = logging.getLogger(__name__)


def at_the_end(state: SessionState) -> bool:
    return state.overlay is Overlay.END or state.finished is not None


class ReportOffer:
    """Shows the console's report banner at the end and opens the report on request."""

    def __init__(self, presentation: Presentation, folder: Path) -> None:
        self.presentation = presentation
        self.folder = folder
        self.dialog: SessionsDialog | None = None
        banner = presentation.console.report_banner
        banner.open.clicked.connect(self.open_report)
        self.unsubscribe = presentation.controller.subscribe(
            lambda state, _action: self.update(state)
        )
        self.update(presentation.controller.state)

    def update(self, state: SessionState) -> None:
        self.presentation.console.report_banner.setVisible(at_the_end(state))

    def open_report(self) -> SessionsDialog | None:
        from presenter.ui.home.reports import SessionsDialog

        console = self.presentation.console
        try:
            session = load_session(self.folder)
        except (OSError, ValueError, JournalFormatError) as error:
            log.warning("session record %s not read for its report: %s", self.folder, error)
            plain_message(console, t("Session report"),
                                t("The session record could not be read: {error}",
                                  error=error))  # fmt: skip
            return None
        self.dialog = SessionsDialog([session], 0, console)
        screen = self.presentation.facilitator_screen()
        handle = self.dialog.windowHandle() if self.dialog.winId() else None
        if handle is not None:
            handle.setScreen(screen)
        fit_within(self.dialog, screen.availableGeometry())
        self.dialog.show()
        return self.dialog


def fit_within(window: QWidget, area: QRect) -> None:
    """Keep ``window`` inside ``area`` (the laptop's screen), centred: the report is wider
    than a 1024-pixel laptop, and what spills over shows on the projector."""
    frame = window.frameGeometry().size() - window.geometry().size()  # title bar, borders
    room_w, room_h = area.width() - frame.width(), area.height() - frame.height()
    width, height = min(window.width(), room_w), min(window.height(), room_h)
    window.setMaximumSize(room_w, room_h)
    window.resize(width, height)
    width, height = window.frameGeometry().width(), window.frameGeometry().height()
    window.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)
    log.info("report window at %s", window.geometry().getRect())


def offer_report(presentation: Presentation, folder: Path | None) -> ReportOffer | None:
    """Wire the end-of-workshop report for a recorded session (rehearsals have none)."""
    if folder is None:
        return None
    return ReportOffer(presentation, folder)
