"""The home window's small dialogs: present, check results, resume, export.

Past sessions and their reports live in :mod:`presenter.ui.home.reports`, imported when
they are first shown.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from presenter.core.deck.diagnostics import Diagnostic
from presenter.core.deck.model import Deck
from presenter.core.record.resume import RESUME_BY_ID, RESUME_BY_POSITION, deck_changed, describe
from presenter.core.record.store import LoadedSession
from presenter.support.i18n import t, tn
from presenter.ui.home.launch import EXPORT_KINDS, export_function, export_label
from presenter.ui.home.style import HOME_STYLE
from presenter.ui.presenting.keys import essential_keys
from presenter.ui.widgets.plaintext import diagnostic_line, plain

log = logging.getLogger(__name__)

START_FRESH = "fresh"
__all__ = [
    "START_FRESH",
    "CheckDialog",
    "ExportDialog",
    "PresentDialog",
    "ResumeDialog",
    "ask_how_to_resume",
    "variant_choices",
]


def variant_choices(deck: Deck) -> list[tuple[str, str | None]]:
    choices: list[tuple[str, str | None]] = [(t("Everyone (all slides)"), None)]
    choices += [(name, name) for name in deck.meta.variants]
    return choices


def confirm_buttons(dialog: QDialog, confirm: str) -> QDialogButtonBox:
    """OK (labelled ``confirm``) and Cancel, wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(confirm)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class PresentDialog(QDialog):
    """Who the workshop is for, and whether this is a rehearsal or the real thing."""

    def __init__(self, deck: Deck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("Present: {title}", title=deck.meta.title))
        self.setStyleSheet(HOME_STYLE)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.variant = QComboBox()
        for label, value in variant_choices(deck):
            self.variant.addItem(label, value)
        self.variant.setEnabled(self.variant.count() > 1)
        form.addRow(t("Audience"), self.variant)
        layout.addLayout(form)
        self.rehearse = QRadioButton(t("Rehearse: both windows side by side, nothing recorded"))
        self.live = QRadioButton(t("Live: the audience view on the projector, session recorded"))
        self.rehearse.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.rehearse)
        group.addButton(self.live)
        layout.addWidget(self.rehearse)
        layout.addWidget(self.live)
        hint = QLabel(t("Keys while presenting:") + " " + " · ".join(essential_keys()))
        hint.setObjectName("subheading")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(confirm_buttons(self, t("Start presenting")))

    @property
    def chosen_variant(self) -> str | None:
        value = self.variant.currentData()
        return str(value) if value else None


class CheckDialog(QDialog):
    """Every problem of a deck as ``file:line: level: message (hint)``."""

    def __init__(
        self, title: str, found: Sequence[Diagnostic], folder: Path | None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(t("Check: {title}", title=title))
        self.setStyleSheet(HOME_STYLE)
        self.resize(900, 420)
        layout = QVBoxLayout(self)
        errors = sum(d.is_error for d in found)
        summary = QLabel(
            t("No problems found. This deck is ready to present.")
            if not found
            else t("{errors}, {others}.",
                   errors=tn("{n} error", "{n} errors", errors),
                   others=tn("{n} warning or note", "{n} warnings or notes",
                             len(found) - errors))
        )  # fmt: skip
        plain(summary).setObjectName("sectionTitle")
        layout.addWidget(summary)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for diag in found:
            item = QListWidgetItem(diagnostic_line(diag, folder))
            if diag.is_error:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(item)
        self.list.setVisible(bool(found))
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(t("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class ResumeDialog(QDialog):
    """Resume an unfinished session whose deck changed: by slide id, by position, or fresh.

    ``choice`` is ``RESUME_BY_ID``, ``RESUME_BY_POSITION`` or ``START_FRESH``; the caller
    passes the first two to ``resume_session(..., how=...)`` and calls
    ``discard_unfinished`` for the third, so the old record stays in the reports.
    """

    def __init__(self, session: LoadedSession, deck: Deck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("Resume: {title}", title=deck.meta.title))
        self.setStyleSheet(HOME_STYLE)
        layout = QVBoxLayout(self)
        self.notice = QLabel(
            t("The deck has changed since this workshop was interrupted ({where}). "
              "Tallies, notes and times are carried over where the slides still match.",
              where=describe(session))
        )  # fmt: skip
        plain(self.notice).setObjectName("banner_info")
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        self.by_id = QRadioButton(t("Continue on the same slide (found by its id)"))
        self.by_position = QRadioButton(t("Continue at the same position in the deck"))
        self.fresh = QRadioButton(t("Start fresh (the interrupted session stays in the reports)"))
        self.by_id.setChecked(True)
        group = QButtonGroup(self)
        for option in (self.by_id, self.by_position, self.fresh):
            group.addButton(option)
            layout.addWidget(option)
        layout.addWidget(confirm_buttons(self, t("Continue")))

    @property
    def choice(self) -> str:
        if self.fresh.isChecked():
            return START_FRESH
        return RESUME_BY_POSITION if self.by_position.isChecked() else RESUME_BY_ID


def ask_how_to_resume(
    session: LoadedSession, deck: Deck, parent: QWidget | None = None
) -> str | None:
    """The facilitator's choice for a changed deck (None: cancelled). Same deck: by id."""
    if not deck_changed(session, deck):
        return RESUME_BY_ID
    dialog = ResumeDialog(session, deck, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice


class ExportDialog(QDialog):
    """What to export and for which audience; the window then asks where to save."""

    def __init__(self, deck: Deck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("Export: {title}", title=deck.meta.title))
        self.setStyleSheet(HOME_STYLE)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        for kind in EXPORT_KINDS:
            self.kind.addItem(export_label(kind.key), kind.key)
            if export_function(kind) is None:
                index = self.kind.count() - 1
                self.kind.model().item(index).setEnabled(False)  # type: ignore[attr-defined]
                self.kind.setItemText(index, t("{label} (not in this build)",
                                               label=export_label(kind.key)))  # fmt: skip
        form.addRow(t("What"), self.kind)
        self.variant = QComboBox()
        for label, value in variant_choices(deck):
            self.variant.addItem(label, value)
        self.variant.setEnabled(self.variant.count() > 1)
        form.addRow(t("Audience"), self.variant)
        layout.addLayout(form)
        layout.addWidget(confirm_buttons(self, t("Export…")))

    @property
    def chosen_kind(self) -> str:
        return str(self.kind.currentData())

    @property
    def chosen_variant(self) -> str | None:
        value = self.variant.currentData()
        return str(value) if value else None
