"""The home window's small dialogs: present, check results, past sessions, export."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
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
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from presenter.core.diagnostics import Diagnostic
from presenter.core.model import Deck
from presenter.core.records import LoadedSession
from presenter.i18n import t
from presenter.ui.home.launch import EXPORT_KINDS, export_function, export_label
from presenter.ui.home_style import HOME_STYLE
from presenter.ui.preview_window import diagnostic_line


def variant_choices(deck: Deck) -> list[tuple[str, str | None]]:
    choices: list[tuple[str, str | None]] = [(t("Everyone (all slides)"), None)]
    choices += [(name, name) for name in deck.meta.variants]
    return choices


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
        hint = QLabel(
            t("Keys while presenting: Right or Space next, Left back, B black screen, "
              "C calm screen, H help contacts, Esc leave full screen.")
        )  # fmt: skip
        hint.setObjectName("subheading")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("Start presenting"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

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
            else t("{errors} error(s), {others} warning(s) or note(s).",
                   errors=errors, others=len(found) - errors)
        )  # fmt: skip
        summary.setObjectName("sectionTitle")
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


def session_row(session: LoadedSession) -> list[str]:
    header = session.header
    started = header.get("started")
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(started)) if started else "?"
    visible = [e for e in header.get("outline", []) if e.get("visible", True)]
    reached = next((n for n, e in enumerate(visible, 1) if e.get("i") == session.state.slide), 0)
    state = t("finished") if session.finished else t("unfinished (can be resumed)")
    title = str(header.get("deck_title") or header.get("title") or Path(
        str(header.get("deck_path", "?"))).parent.name)  # fmt: skip
    return [when, title, str(header.get("variant") or t("everyone")),
            t("{n} of {total}", n=reached, total=len(visible)), state]  # fmt: skip


class SessionsDialog(QDialog):
    """Past workshops, newest first; a session's folder holds its journal and reports."""

    def __init__(
        self, sessions: Sequence[LoadedSession], unreadable: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("Past sessions"))
        self.setStyleSheet(HOME_STYLE)
        self.resize(900, 420)
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [t("Started"), t("Workshop"), t("Audience"), t("Reached slide"), t("State")]
        )
        for session in reversed(list(sessions)):
            item = QTreeWidgetItem(session_row(session))
            item.setData(0, Qt.ItemDataRole.UserRole, str(session.folder))
            self.tree.addTopLevelItem(item)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        self.tree.itemDoubleClicked.connect(self._open)
        if not sessions:
            empty = QLabel(t("No sessions yet. Live workshops are recorded here (rehearsals "
                             "are not)."))  # fmt: skip
            layout.addWidget(empty)
        if unreadable:
            layout.addWidget(QLabel(t("{n} session record(s) could not be read.", n=unreadable)))
        layout.addWidget(self.tree, 1)
        hint = QLabel(t("Double-click a session to open its folder. For a printable report: "
                        "presenter report SESSION."))  # fmt: skip
        hint.setObjectName("subheading")
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(t("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _open(self, item: QTreeWidgetItem) -> None:
        folder = item.data(0, Qt.ItemDataRole.UserRole)
        if folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("Export…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @property
    def chosen_kind(self) -> str:
        return str(self.kind.currentData())

    @property
    def chosen_variant(self) -> str | None:
        value = self.variant.currentData()
        return str(value) if value else None
