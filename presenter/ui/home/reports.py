"""Past sessions: pick a workshop, read its report, save it as PDF, Markdown or CSV.

The report shown is the same rich text the PDF is made of, so what an organizer reads
here is what they send. Nothing in a report can open a link or load a file: the
viewer is read-only with links switched off. Saving never blocks the dialog with a
message box; the line under the buttons says where the file went.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from presenter.core.record.store import LoadedSession
from presenter.core.report.build import SessionReport, build_report
from presenter.core.report.formats import csv_rows, to_csv, to_markdown
from presenter.core.report.html import report_html
from presenter.support.i18n import t, tn
from presenter.support.safewrite import SHARED, atomic_write_bytes
from presenter.ui.home.style import HOME_STYLE
from presenter.ui.widgets.fit import fitting_size
from presenter.ui.widgets.plaintext import DeckTextBrowser

log = logging.getLogger(__name__)

FOLDER_ROLE = Qt.ItemDataRole.UserRole

VIEWER_CSS = """
h1 { font-size: 22px; margin-bottom: 4px; }
h2 { font-size: 16px; margin-top: 14px; margin-bottom: 6px; }
.label { font-size: 11px; font-weight: bold; }
.small { font-size: 12px; }
th { font-weight: bold; }
"""


def session_row(session: LoadedSession) -> list[str]:
    """Started, workshop, audience, attendees, slide reached, state."""
    header = session.header
    started = header.get("started")
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(started)) if started else "?"
    visible = session.visible_outline
    reached = session.reached  # the furthest slide shown, not the last one
    state = t("finished") if session.finished else t("unfinished (can be resumed)")
    title = str(header.get("deck_title") or header.get("title") or Path(
        str(header.get("deck_path", "?"))).parent.name)  # fmt: skip
    attendees = session.state.attendees
    return [when, title, str(header.get("variant") or t("everyone")),
            "" if attendees is None else str(attendees),
            t("{n} of {total}", n=reached, total=len(visible)), state]  # fmt: skip


def default_paper() -> str:
    """Letter where the system's measurements are US ones, A4 everywhere else."""
    us = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "Letter" if us else "A4"


def save_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


class SessionsDialog(QDialog):
    """Past workshops, newest first, each with its report and the ways to save it."""

    def __init__(
        self, sessions: Sequence[LoadedSession], unreadable: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("Past sessions"))
        self.setStyleSheet(HOME_STYLE)
        self.resize(fitting_size(self, 1180, 720))
        self.sessions = {str(s.folder): s for s in sessions}
        self._reports: dict[str, SessionReport] = {}
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([t("Started"), t("Workshop"), t("Audience"),
                                   t("Attendees"), t("Reached slide"), t("State")])  # fmt: skip
        for session in reversed(list(sessions)):
            item = QTreeWidgetItem(session_row(session))
            item.setData(0, FOLDER_ROLE, str(session.folder))
            self.tree.addTopLevelItem(item)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in (0, 2, 3, 4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setColumnWidth(1, 190)  # the workshop's title: the full one is on the right
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.viewer = DeckTextBrowser(None)  # a report names no files: load none
        self.viewer.setObjectName("reportView")
        self.viewer.setOpenLinks(False)
        self.viewer.setOpenExternalLinks(False)
        self.viewer.setReadOnly(True)
        self.viewer.document().setDefaultStyleSheet(VIEWER_CSS)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tree)
        split.addWidget(self.viewer)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([540, 640])
        if not sessions:
            layout.addWidget(QLabel(t("No sessions yet. Live workshops are recorded here "
                                      "(rehearsals are not).")))  # fmt: skip
        if unreadable:
            layout.addWidget(
                QLabel(
                    tn(
                        "{n} session record could not be read.",
                        "{n} session records could not be read.",
                        unreadable,
                    )
                )
            )
        layout.addWidget(split, 1)
        layout.addLayout(self._buttons())
        self.saved = QLabel("")
        self.saved.setObjectName("subheading")
        self.saved.setWordWrap(True)
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.saved)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(t("Close"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        if (first := self.tree.topLevelItem(0)) is not None:
            self.tree.setCurrentItem(first)
        self._show_current()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.pdf_button = QPushButton(t("Save as PDF…"))
        self.pdf_button.setObjectName("primary")
        self.paper = QComboBox()
        self.paper.addItems(["A4", "Letter"])
        self.paper.setCurrentText(default_paper())
        self.paper.setToolTip(t("Paper size for the PDF"))
        self.markdown_button = QPushButton(t("Save as Markdown…"))
        self.csv_button = QPushButton(t("Save as CSV…"))
        self.all_button = QPushButton(t("All sessions as one CSV…"))
        self.folder_button = QPushButton(t("Open its folder"))
        self.pdf_button.clicked.connect(self._save_pdf_clicked)
        self.markdown_button.clicked.connect(self._save_markdown_clicked)
        self.csv_button.clicked.connect(self._save_csv_clicked)
        self.all_button.clicked.connect(self._save_all_csv_clicked)
        self.folder_button.clicked.connect(self.open_folder)
        for widget in (self.pdf_button, self.paper, self.markdown_button, self.csv_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.all_button)
        row.addWidget(self.folder_button)
        self.all_button.setEnabled(bool(self.sessions))
        return row

    # -- what is shown ---------------------------------------------------------------
    def current_session(self) -> LoadedSession | None:
        item = self.tree.currentItem()
        folder = item.data(0, FOLDER_ROLE) if item is not None else None
        return self.sessions.get(str(folder)) if folder else None

    def current_report(self) -> SessionReport | None:
        session = self.current_session()
        if session is None:
            return None
        key = str(session.folder)
        if key not in self._reports:
            self._reports[key] = build_report(session)
        return self._reports[key]

    def _show_current(self) -> None:
        report = self.current_report()
        for button in (self.pdf_button, self.markdown_button, self.csv_button,
                       self.folder_button):  # fmt: skip
            button.setEnabled(report is not None)
        if report is None:
            self.viewer.setPlainText(t("Choose a session to see its report."))
            return
        self.viewer.setHtml(report_html(report))

    # -- saving ----------------------------------------------------------------------
    def _ask(self, name: str, kind: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, t("Save as"), str(save_folder() / name),
                                                kind)  # fmt: skip
        return Path(chosen) if chosen else None

    def _write(self, path: Path, text: str, *, bom: bool = False) -> bool:
        data = (("\ufeff" if bom else "") + text).encode("utf-8")
        try:
            atomic_write_bytes(path, data, mode=SHARED)
        except OSError as error:
            log.warning("report not saved to %s: %s", path, error)
            self._tell(t("Could not save {path}: {error}", path=str(path),
                         error=error.strerror or str(error)))  # fmt: skip
            return False
        self._tell(t("Saved to {path}", path=str(path)))
        return True

    def _tell(self, message: str) -> None:
        self.saved.setText(message)

    # Bound methods, not lambdas capturing the dialog (see settings_dialog's docstring).
    def _current_changed(self, *_: object) -> None:
        self._show_current()

    def _double_clicked(self, *_: object) -> None:
        self.open_folder()

    def _save_pdf_clicked(self) -> None:
        self.save_pdf()

    def _save_markdown_clicked(self) -> None:
        self.save_markdown()

    def _save_csv_clicked(self) -> None:
        self.save_csv()

    def _save_all_csv_clicked(self) -> None:
        self.save_all_csv()

    def save_pdf(self, path: Path | None = None) -> Path | None:
        from presenter.export.pdf import paper_named
        from presenter.export.progress import ExportError
        from presenter.export.report_pdf import export_report_pdf

        report = self.current_report()
        if report is None:
            return None
        path = path or self._ask(f"report-{report.session_id}.pdf", t("PDF files (*.pdf)"))
        if path is None:
            return None
        try:
            export_report_pdf(report, path, paper=paper_named(self.paper.currentText()))
        except ExportError as error:
            self._tell(t("Could not save {path}: {error}", path=str(path), error=str(error)))
            return None
        self._tell(t("Saved to {path}", path=str(path)))
        return path

    def save_markdown(self, path: Path | None = None) -> Path | None:
        report = self.current_report()
        if report is None:
            return None
        path = path or self._ask(f"report-{report.session_id}.md",
                                 t("Markdown files (*.md)"))  # fmt: skip
        return path if path is not None and self._write(path, to_markdown(report)) else None

    def save_csv(self, path: Path | None = None) -> Path | None:
        report = self.current_report()
        if report is None:
            return None
        path = path or self._ask(f"report-{report.session_id}.csv", t("CSV files (*.csv)"))
        text = to_csv(csv_rows(report))
        return path if path is not None and self._write(path, text, bom=True) else None

    def save_all_csv(self, path: Path | None = None) -> Path | None:
        """Every session in one table, like ``presenter report --all --csv``."""
        if not self.sessions:
            return None
        path = path or self._ask(f"workshops-{time.strftime('%Y-%m-%d')}.csv",
                                 t("CSV files (*.csv)"))  # fmt: skip
        if path is None:
            return None
        rows: list[dict[str, str]] = []
        # A session continued after its deck changed is counted once, by its continuation.
        for session in self.sessions.values():
            if session.continued_in is None:
                rows.extend(csv_rows(build_report(session), sections=False, notes=False))
        return path if self._write(path, to_csv(rows), bom=True) else None

    def open_folder(self) -> None:
        session = self.current_session()
        if session is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(session.folder)))
