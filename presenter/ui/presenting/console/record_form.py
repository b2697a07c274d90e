"""Console parts about the session record: how many came, where, who ran it; resuming.

The record holds numbers and the facilitator's own words, never anything about a
participant: the attendee field takes a number only, and the form says so. Every field
takes the keyboard only when clicked, and Return in it saves and lets go, so a clicker
(or a stray Return) never types here and never moves slides from here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, Qt, QTimer
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from presenter.core.session.controller import SessionController
from presenter.support.i18n import t
from presenter.ui.presenting.console.controls import button
from presenter.ui.widgets.elided import ElidedLabel

log = logging.getLogger(__name__)


def click_only_field(placeholder: str, max_length: int) -> QLineEdit:
    field = QLineEdit()
    field.setPlaceholderText(placeholder)
    field.setMaxLength(max_length)
    field.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    field.setClearButtonEnabled(False)
    return field


class RecordForm(QWidget):
    """Attendee count, venue and initials for the session record; saved on Return or
    when the field loses focus, and only when the value changed."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("recordForm")
        self.attendees = click_only_field(t("Number of people"), 4)
        # Digits only (empty allowed, so a count can be taken back).
        digits = QRegularExpression(r"\d{0,4}")
        self.attendees.setValidator(QRegularExpressionValidator(digits, self.attendees))
        self.venue = click_only_field(t("e.g. Riverside School, room 4"), 80)
        self.initials = click_only_field(t("e.g. AB"), 8)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(t("Attendees"), self.attendees)
        form.addRow(t("Venue"), self.venue)
        form.addRow(t("Your initials"), self.initials)
        self.hint = QLabel(
            t("The session record holds no names: only the number of people, the venue "
              "and your initials, all optional.")
        )  # fmt: skip
        self.hint.setObjectName("recordHint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        for field in (self.attendees, self.venue, self.initials):
            field.editingFinished.connect(self.commit)
            field.returnPressed.connect(lambda field=field: self._let_go(field))
        self.refresh()

    def _let_go(self, field: QLineEdit) -> None:
        # After this key press has finished travelling (see keys.KeyRouter).
        QTimer.singleShot(0, field.clearFocus)

    def attendee_count(self) -> int | None:
        text = self.attendees.text().strip()
        return int(text) if text.isdigit() else None

    def commit(self) -> None:
        """Record what changed (each field is its own action in the journal)."""
        c = self.controller
        s = c.state
        count = self.attendee_count()
        if count != s.attendees:
            c.set_attendees(count)
        venue = " ".join(self.venue.text().split())
        if venue != s.venue:
            c.set_venue(venue)
        initials = self.initials.text().strip()
        if initials != s.initials:
            c.set_initials(initials)

    def refresh(self) -> None:
        """Show the record's values, except in a field being typed in."""
        s = self.controller.state
        values = (
            (self.attendees, "" if s.attendees is None else str(s.attendees)),
            (self.venue, s.venue),
            (self.initials, s.initials),
        )
        for field, value in values:
            if not field.hasFocus() and field.text() != value:
                field.setText(value)


class ResumeBanner(QFrame):
    """Offer to continue an unfinished session of this deck, shown before the first slide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeBanner")
        self.message = ElidedLabel()  # one line: the laptop's height is for the notes
        self.resume = button("")
        self.resume.setObjectName("resumeButton")
        self.fresh = button(t("Start fresh"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 3, 10, 3)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.resume)
        layout.addWidget(self.fresh)
        self._on_resume: Callable[[], None] | None = None
        self._on_fresh: Callable[[], None] | None = None
        self.resume.clicked.connect(lambda: self._choose(self._on_resume))
        self.fresh.clicked.connect(lambda: self._choose(self._on_fresh))
        self.hide()

    def offer(
        self, text: str, slide: int, on_resume: Callable[[], None], on_fresh: Callable[[], None]
    ) -> None:
        self.message.setText(text)
        self.resume.setText(t("Resume where you stopped (slide {n})", n=slide))
        self._on_resume, self._on_fresh = on_resume, on_fresh
        self.show()

    def withdraw(self) -> None:
        self._on_resume = self._on_fresh = None
        self.hide()

    def _choose(self, choice: Callable[[], None] | None) -> None:
        self.withdraw()
        if choice is not None:
            choice()


class ReportBanner(QFrame):
    """After the last slide: the session report, one click away (never on the projector)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeBanner")
        self.message = ElidedLabel(t("The workshop has reached its end. The session report "
                                     "has the timings and the show-of-hands results."))  # fmt: skip
        self.open = button(t("Session report"))
        self.open.setObjectName("resumeButton")
        self.close_button = button("×", t("Close this message"))
        self.close_button.setObjectName("bannerClose")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 3, 4, 3)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.open)
        layout.addWidget(self.close_button)
        self.hide()
