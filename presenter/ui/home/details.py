"""The right-hand card of the home window: one deck and its buttons."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from presenter.core.deck.diagnostics import Level
from presenter.core.record.resume import describe
from presenter.core.record.store import LoadedSession
from presenter.support.i18n import in_console_direction, t, tn
from presenter.ui.home.library import DeckSummary, Status
from presenter.ui.widgets.plaintext import plain_label

log = logging.getLogger(__name__)

PICTURE = QSize(336, 189)


def status_text(summary: DeckSummary) -> str:
    errors, warnings = summary.count(Level.ERROR), summary.count(Level.WARNING)
    if summary.status is Status.ERRORS:
        return tn("{n} error: fix it before presenting (see Check).",
                  "{n} errors: fix them before presenting (see Check).", errors)  # fmt: skip
    if summary.status is Status.WARNINGS:
        return tn("Ready, with {n} warning worth reading (see Check).",
                  "Ready, with {n} warnings worth reading (see Check).", warnings)  # fmt: skip
    return t("Ready: no problems found.")


class DeckDetails(QFrame):
    """Emits ``action(name)``: present, preview, export, check, folder, resume."""

    action = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setMinimumWidth(400)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(8)
        self.title = plain_label()
        self.title.setObjectName("deckTitle")
        self.title.setWordWrap(True)
        self.meta = plain_label()
        self.meta.setObjectName("deckMeta")
        self.meta.setWordWrap(True)
        self.status = plain_label()
        self.status.setWordWrap(True)
        self.resume_note = plain_label()
        self.resume_note.setObjectName("banner_info")
        self.resume_note.setWordWrap(True)
        self.resume_note.hide()
        self.picture = QLabel()
        self.picture.setObjectName("picture")
        self.picture.setFixedHeight(PICTURE.height())
        layout.addWidget(self.title)
        layout.addWidget(self.picture)
        layout.addWidget(self.meta)
        layout.addWidget(self.status)
        layout.addWidget(self.resume_note)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        # The two long labels get a row each: side by side, at the 400 pixels the pane
        # has on a 1024×768 laptop, both were cut off at each end.
        specs = [
            ("present", t("Present…"), 0, 0, 1, 2),
            ("resume", t("Resume the unfinished session"), 1, 0, 1, 2),
            ("end", t("End it without resuming…"), 2, 0, 1, 2),
            ("preview", t("Preview"), 3, 0, 1, 1),
            ("check", t("Check"), 3, 1, 1, 1),
            ("export", t("Export / print…"), 4, 0, 1, 1),
            ("folder", t("Open the folder"), 4, 1, 1, 1),
        ]
        for name, label, row, column, rows, columns in specs:
            button = QPushButton(label)
            button.setObjectName("primary" if name == "present" else name)
            button.clicked.connect(lambda _=False, n=name: self.action.emit(n))
            grid.addWidget(button, row, column, rows, columns)
            self.buttons[name] = button
        layout.addLayout(grid)
        self.path = plain_label()
        self.path.setObjectName("subheading")
        self.path.setWordWrap(True)
        layout.addStretch(1)
        layout.addWidget(self.path)
        self.show_summary(None, None)

    def show_summary(self, summary: DeckSummary | None, unfinished: LoadedSession | None) -> None:
        has_deck = summary is not None
        for button in self.buttons.values():
            button.setEnabled(has_deck)
        self.buttons["resume"].setVisible(unfinished is not None)
        self.buttons["end"].setVisible(unfinished is not None)
        self.resume_note.setVisible(unfinished is not None)
        if unfinished is not None:
            self.resume_note.setText(
                t("An unfinished session of this deck can be resumed: {where}.",
                  where=describe(unfinished))
            )  # fmt: skip
        self.picture.clear()
        if summary is None:
            self.title.setText(t("Choose a workshop"))
            self.meta.setText(t("Pick a deck on the left to see what it is and what you can "
                                "do with it."))  # fmt: skip
            self.status.setText("")
            self.status.setObjectName("status_pending")
            self.path.setText("")
            self._restyle()
            return
        deck = summary.deck
        self.title.setText(summary.title)
        lines = []
        if deck is not None:
            meta = deck.meta
            if meta.subtitle:
                lines.append(meta.subtitle)
            if meta.audience:
                lines.append(t("For: {audience}", audience=meta.audience))
            planned = f"{deck.planned_minutes():g}"
            lines.append(t("{minutes} minutes · {slides} slides", slides=len(deck.slides),
                           minutes=f"{meta.duration:g}" if meta.duration else planned))  # fmt: skip
            if meta.variants:
                lines.append(t("Variants: {names}", names=", ".join(meta.variants)))
            lines.append(t("Theme: {theme}", theme=meta.theme))
        self.meta.setText(in_console_direction(lines))
        self.status.setText(status_text(summary))
        self.status.setObjectName(f"status_{summary.status.value}")
        self.buttons["present"].setEnabled(summary.status is not Status.ERRORS)
        self.path.setText(str(summary.path))
        self._restyle()

    def show_picture(self, image: QImage) -> None:
        self.picture.setPixmap(QPixmap.fromImage(image))

    def _restyle(self) -> None:
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
