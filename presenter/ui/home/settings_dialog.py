"""The settings dialog: handed the current settings, returns new ones (never saves itself).

Every button of the dialog is connected to a bound method, never to a lambda that
captures the dialog: such a lambda, held by a child's connection, keeps the dialog's
Python wrapper alive in a cycle after Qt deletes the parented dialog, and quitting the
app then aborted ("shared QObject was deleted directly", heap corruption).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from presenter.core.deck.model import HelpContact
from presenter.core.settings import NOTE_SIZES, Settings
from presenter.support.i18n import available_languages, t
from presenter.ui.home.style import HOME_STYLE
from presenter.ui.widgets.fit import fitting_size

log = logging.getLogger(__name__)


def language_name(code: str) -> str:
    from presenter.support.i18n import LANGUAGE_NAMES

    return LANGUAGE_NAMES.get(code, code)


class FolderField(QWidget):
    """A path with a Choose… button; empty means the standard place."""

    def __init__(self, value: str, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(value)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMinimumWidth(320)
        choose = QPushButton(t("Choose…"))
        choose.clicked.connect(self._choose)
        layout.addWidget(self.edit, 1)
        layout.addWidget(choose)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, t("Choose a folder"), self.edit.text())
        if folder:
            self.edit.setText(folder)

    def text(self) -> str:
        return self.edit.text().strip()


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsDialog")
        self.setWindowTitle(t("Settings"))
        self.setStyleSheet(HOME_STYLE)
        self.settings = settings
        layout = QVBoxLayout(self)
        # The groups scroll, Save and Cancel stay in view: on a 768-pixel laptop with a
        # taskbar the whole dialog is taller than the screen.
        body = QWidget()
        groups = QVBoxLayout(body)
        groups.setContentsMargins(0, 0, 0, 0)
        groups.addWidget(self._presenting_group())
        groups.addWidget(self._help_group())
        groups.addWidget(self._folders_group())
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(t("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(fitting_size(self, 760, body.sizeHint().height() + 80))

    def _presenting_group(self) -> QGroupBox:
        from presenter.render import available_themes

        s = self.settings
        box = QGroupBox(t("Presenting"))
        form = QFormLayout(box)
        self.theme = QComboBox()
        self.theme.addItem(t("Each deck's own theme"), "")
        for name in available_themes():
            self.theme.addItem(name, name)
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.default_theme)))
        form.addRow(t("Theme"), self.theme)
        self.note_size = QSpinBox()
        self.note_size.setRange(*NOTE_SIZES)
        self.note_size.setSuffix(" px")
        self.note_size.setValue(s.note_font_size)
        self.note_size.setMaximumWidth(120)
        form.addRow(t("Notes text size"), self.note_size)
        self.chime = QCheckBox(t("Play a soft chime when a countdown ends"))
        self.chime.setChecked(s.countdown_sound)
        form.addRow(t("Sound"), self.chime)
        self.amber = QDoubleSpinBox()
        self.red = QDoubleSpinBox()
        for spin, value in ((self.amber, s.pacing_amber_minutes), (self.red, s.pacing_red_minutes)):
            spin.setRange(0.5, 120.0)
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setSuffix(" " + t("min"))
            spin.setValue(value)
        pacing = QHBoxLayout()
        pacing.addWidget(QLabel(t("amber after")))
        pacing.addWidget(self.amber)
        pacing.addWidget(QLabel(t("red after")))
        pacing.addWidget(self.red)
        pacing.addStretch(1)
        form.addRow(t("Behind schedule"), pacing)
        self.screen_choice = QComboBox()
        self.screen_choice.addItem(t("Choose automatically (the projector)"), 0)
        for n, screen in enumerate(QGuiApplication.screens(), 1):
            size = screen.size()
            label = t("Screen {n}: {name} ({w}×{h})", n=n, name=screen.name(),
                      w=size.width(), h=size.height())  # fmt: skip
            self.screen_choice.addItem(label, n)
        index = self.screen_choice.findData(s.preferred_screen)
        if index < 0:
            self.screen_choice.addItem(t("Screen {n} (not connected now)", n=s.preferred_screen),
                                s.preferred_screen)  # fmt: skip
            index = self.screen_choice.count() - 1
        self.screen_choice.setCurrentIndex(index)
        form.addRow(t("Audience screen"), self.screen_choice)
        self.language = QComboBox()
        self.language.addItem(t("Same as the computer"), "")
        for code in available_languages():
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(s.console_language)))
        form.addRow(t("Language of this app"), self.language)
        form.addRow("", QLabel(t("A new language shows in windows opened after saving.")))
        return box

    def _help_group(self) -> QGroupBox:
        box = QGroupBox(t("Help contacts for your area"))
        layout = QVBoxLayout(box)
        hint = QLabel(t("Used when a deck has no help.yaml beside it. Shown on the help slide "
                        "and with the H key. Use real, local services."))  # fmt: skip
        hint.setWordWrap(True)
        hint.setObjectName("subheading")
        layout.addWidget(hint)
        self.contacts = QTableWidget(0, 3)
        self.contacts.setHorizontalHeaderLabels([t("Name"), t("How to reach them"), t("When")])
        self.contacts.horizontalHeader().setStretchLastSection(True)
        self.contacts.setColumnWidth(0, 220)
        self.contacts.setColumnWidth(1, 240)
        self.contacts.verticalHeader().hide()
        for contact in self.settings.help_contacts:
            self._add_contact(contact)
        layout.addWidget(self.contacts)
        row = QHBoxLayout()
        add = QPushButton(t("Add a contact"))
        add.clicked.connect(self._add_blank_contact)
        remove = QPushButton(t("Remove the selected contact"))
        remove.clicked.connect(self._remove_selected_contact)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _add_blank_contact(self) -> None:
        self._add_contact(HelpContact("", "", ""))

    def _remove_selected_contact(self) -> None:
        self.contacts.removeRow(self.contacts.currentRow())

    def _add_contact(self, contact: HelpContact) -> None:
        row = self.contacts.rowCount()
        self.contacts.insertRow(row)
        for column, text in enumerate((contact.name, contact.reach, contact.when)):
            self.contacts.setItem(row, column, QTableWidgetItem(text))

    def _folders_group(self) -> QGroupBox:
        box = QGroupBox(t("Folders"))
        form = QFormLayout(box)
        self.decks_folder = FolderField(self.settings.decks_folder, t("None yet"))
        form.addRow(t("My decks"), self.decks_folder)
        self.data_folder = FolderField(self.settings.data_folder, t("The standard place"))
        form.addRow(t("Session records"), self.data_folder)
        return box

    def contacts_entered(self) -> tuple[HelpContact, ...]:
        found = []
        for row in range(self.contacts.rowCount()):
            cells = [self.contacts.item(row, c) for c in range(3)]
            name, reach, when = (c.text().strip() if c is not None else "" for c in cells)
            if name:
                found.append(HelpContact(name, reach, when))
        return tuple(found)

    def result_settings(self) -> Settings:
        """The settings as entered (clamped into range)."""
        return self.settings.updated(
            default_theme=str(self.theme.currentData() or ""),
            note_font_size=self.note_size.value(),
            countdown_sound=self.chime.isChecked(),
            pacing_amber_minutes=self.amber.value(),
            pacing_red_minutes=max(self.red.value(), self.amber.value()),
            preferred_screen=int(self.screen_choice.currentData() or 0),
            console_language=str(self.language.currentData() or ""),
            help_contacts=self.contacts_entered(),
            decks_folder=self.decks_folder.text(),
            data_folder=self.data_folder.text(),
        )
