"""What each home-window button does. Each takes the window it acts for."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog

from presenter.core.deck.model import Deck
from presenter.core.deck.scaffold import TEMPLATES, ScaffoldError, create_deck
from presenter.core.record.journal import JournalFormatError
from presenter.core.record.resume import RESUME_BY_ID, describe, discard_unfinished, set_aside
from presenter.core.record.store import LoadedSession, find_unfinished, list_sessions
from presenter.export.registry import ExportFormat, ExportOptions
from presenter.export.registry import run as run_format
from presenter.support.i18n import t
from presenter.ui.home.dialogs import (
    START_FRESH,
    CheckDialog,
    ExportDialog,
    PresentDialog,
    ask_how_to_resume,
)
from presenter.ui.home.launch import EXPORT_KINDS, export_function
from presenter.ui.home.library import CheckCache
from presenter.ui.widgets.plaintext import message as plain_message

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from presenter.ui.home.reports import SessionsDialog
    from presenter.ui.home.window import HomeWindow

log = logging.getLogger(__name__)


def _selected(window: HomeWindow) -> Path | None:
    path = window.selected_path()
    return Path(path) if path else None


def unfinished_session(window: HomeWindow, deck_path: Path) -> LoadedSession | None:
    """The deck's interrupted session, set aside or not: resumable until it is ended."""
    try:
        return find_unfinished(deck_path, window.ctx.records_root(), set_aside=True)
    except (OSError, JournalFormatError) as error:
        log.warning("unfinished sessions of %s not read: %s", deck_path, error)
        return None


def end_unfinished(window: HomeWindow) -> bool:
    """End the selected deck's interrupted session without resuming it (asks first)."""
    path = _selected(window)
    session = unfinished_session(window, path) if path is not None else None
    if session is None:
        return False
    answer = QMessageBox.question(
        window, t("End the unfinished session"),
        t("End the interrupted session ({where})? Its record stays in Past sessions, "
          "but it can no longer be resumed.", where=describe(session)),
    )  # fmt: skip
    if answer != QMessageBox.StandardButton.Yes:
        return False
    if not discard_unfinished(session, time.time()):
        QMessageBox.warning(window, t("End the unfinished session"),
                            t("The session record could not be closed."))  # fmt: skip
        return False
    window.refresh()
    return True


_pictures: dict[str, QImage] = {}


def first_slide_picture(deck: Deck) -> QImage:
    """The deck's first slide, painted by the one renderer (kept per deck version)."""
    from PySide6.QtCore import QSize

    from presenter.core.session.view import SlideView
    from presenter.render import SlideRenderer
    from presenter.ui.home.details import PICTURE

    found = _pictures.get(deck.content_hash)
    if found is None:
        big = SlideRenderer(deck).image(SlideView(deck.slides[0].index), QSize(1280, 720))
        found = big.scaled(PICTURE, Qt.AspectRatioMode.KeepAspectRatio,
                           Qt.TransformationMode.SmoothTransformation)  # fmt: skip
        _pictures[deck.content_hash] = found
    return found


def present(window: HomeWindow, *, resume: bool = False) -> object:
    path = _selected(window)
    summary = window.selected_summary()
    if path is None or summary is None:
        return None
    if summary.deck is None or summary.status.value == "errors":
        check(window)
        return None
    variant, rehearse = None, False
    if not resume:
        dialog = PresentDialog(summary.deck, window)
        if dialog.exec() != PresentDialog.DialogCode.Accepted:
            return None
        variant, rehearse = dialog.chosen_variant, dialog.rehearse.isChecked()
    return start(window, path, variant, rehearse, resume)


def start(window: HomeWindow, path: Path, variant: str | None, rehearse: bool,
          resume: bool = False, how: str = RESUME_BY_ID) -> object:  # fmt: skip
    from presenter.ui.app import DeckProblem

    window.remember(path)
    try:
        presentation = window.launcher.present(
            path, variant, rehearse, resume, window.ctx, window, how=how
        )
    except DeckProblem as problem:
        plain_message(window, t("This deck cannot be presented"), str(problem))
        return None
    if not rehearse:
        window.showMinimized()  # the projector and the console take over; back at the end
    return presentation


def resume(window: HomeWindow) -> object:
    """Continue the selected deck's interrupted workshop; if the deck changed since,
    ask whether to continue by slide id, by position, or to start fresh."""
    path = _selected(window)
    summary = window.selected_summary()
    if path is None or summary is None or summary.deck is None:
        return present(window, resume=True)
    session = unfinished_session(window, path)
    if session is None:
        return present(window, resume=True)
    choice = ask_how_to_resume(session, summary.deck, window)
    if choice is None:
        return None
    if choice == START_FRESH:  # the old record stays resumable from here until ended
        set_aside(session, time.time())
        return present(window)
    return start(window, path, None, False, resume=True, how=choice)


def preview(window: HomeWindow) -> object:
    path = _selected(window)
    if path is None:
        return None
    window.remember(path)
    return window.launcher.preview(path, window.ctx)


def check(window: HomeWindow) -> CheckDialog | None:
    path = _selected(window)
    if path is None:
        return None
    summary = window.cache.summary(path)
    dialog = CheckDialog(summary.title, summary.diagnostics, path.parent, window)
    dialog.setModal(True)
    dialog.show()
    return dialog


def open_folder(window: HomeWindow) -> None:
    path = _selected(window)
    if path is not None:
        window.open_local(path.parent)


def show_sessions(window: HomeWindow) -> SessionsDialog:
    from presenter.ui.home.reports import SessionsDialog

    try:
        sessions, unreadable = list_sessions(window.ctx.records_root())
    except OSError as error:
        log.warning("session records not listed: %s", error)
        sessions, unreadable = [], []
    dialog = SessionsDialog(sessions, len(unreadable), window)
    dialog.setModal(True)
    dialog.show()
    return dialog


def export(window: HomeWindow) -> Path | None:
    path = _selected(window)
    summary = window.selected_summary()
    if path is None or summary is None or summary.deck is None:
        return None
    dialog = ExportDialog(summary.deck, window)
    if dialog.exec() != ExportDialog.DialogCode.Accepted:
        return None
    kind = next(k for k in EXPORT_KINDS if k.key == dialog.chosen_kind)
    function = export_function(kind)
    if function is None:
        return None
    stem = path.parent.name + (f"-{dialog.chosen_variant}" if dialog.chosen_variant else "")
    documents = Path.home() / "Documents"
    start_dir = str(documents if documents.is_dir() else Path.home())
    if kind.suffix:
        chosen, _ = QFileDialog.getSaveFileName(
            window, t("Save as"), str(Path(start_dir) / f"{stem}-{kind.key}{kind.suffix}"),
            t("PDF files (*.pdf)"),
        )  # fmt: skip
    else:
        chosen = QFileDialog.getExistingDirectory(window, t("Choose a folder"), start_dir)
        chosen = str(Path(chosen) / f"{stem}-{kind.key}") if chosen else ""
    if not chosen:
        return None
    return run_export(window, kind, summary.deck, Path(chosen), dialog.chosen_variant)


def run_export(window: HomeWindow, kind: ExportFormat, deck: Deck, target: Path,
               variant: str | None) -> Path | None:  # fmt: skip
    """Export as ``presenter export`` would: the context's help contacts; pictures in
    the screen theme, paper in the print theme."""
    from presenter.export.progress import ExportCancelled

    progress = QProgressDialog(t("Exporting…"), t("Cancel"), 0, 100, window)
    progress.setWindowTitle(t("Export"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def report(done: int, total: int) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(done)
        if progress.wasCanceled():
            raise ExportCancelled()

    ctx = window.ctx
    contacts = ctx.help_for(deck).contacts
    theme = ctx.theme_for(deck) if kind.key == "png" else None  # None: the print theme
    options = ExportOptions(variant=variant, theme=theme, help_contacts=contacts,
                            progress=report)  # fmt: skip
    try:
        run_format(kind.key, deck, target, options)
    except ExportCancelled:
        return None
    except Exception as error:  # an export must never take the home window down
        log.exception("export to %s failed", target)
        plain_message(window, t("Export failed"), str(error))
        return None
    finally:
        progress.close()
    done = QMessageBox(window)
    done.setWindowTitle(t("Export finished"))
    done.setTextFormat(Qt.TextFormat.PlainText)
    done.setText(t("Saved to {path}", path=str(target)))
    show = done.addButton(t("Show in folder"), QMessageBox.ButtonRole.AcceptRole)
    done.addButton(t("Close"), QMessageBox.ButtonRole.RejectRole)
    done.exec()
    if done.clickedButton() is show:
        window.open_local(target if target.is_dir() else target.parent)
    return target


def new_deck(window: HomeWindow) -> Path | None:
    labels = {t("Myth workshop"): "myth-workshop", t("Discussion circle"): "discussion-circle",
              t("Blank"): "blank"}  # fmt: skip
    assert set(labels.values()) == set(TEMPLATES)
    label, ok = QInputDialog.getItem(
        window, t("New deck"), t("Start from:"), list(labels), 0, False
    )
    if not ok:
        return None
    base = window.settings.decks_folder or str(Path.home())
    folder = QFileDialog.getSaveFileName(window, t("Name the new deck folder"),
                                         str(Path(base) / t("my-workshop")))[0]  # fmt: skip
    if not folder:
        return None
    try:
        deck_file = create_deck(folder, labels[label])
    except ScaffoldError as error:
        plain_message(window, t("The deck could not be created"), str(error))
        return None
    window.remember(deck_file)
    window.refresh()
    window.select(str(deck_file))
    window.open_local(deck_file.parent)
    return deck_file


def choose_decks_folder(window: HomeWindow) -> None:
    folder = QFileDialog.getExistingDirectory(
        window, t("Choose the folder that holds your decks"), window.settings.decks_folder
    )
    if folder:
        window.save_settings(window.settings.updated(decks_folder=folder))
        window.refresh()


def open_settings(window: HomeWindow) -> None:
    from presenter.support.i18n import set_console_language
    from presenter.ui.home.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window)
    try:
        accepted = dialog.exec() == SettingsDialog.DialogCode.Accepted
        chosen = dialog.result_settings() if accepted else None
    finally:
        # Deleted now, while Qt still owns its children (see SettingsDialog's docstring).
        dialog.deleteLater()
    if chosen is not None:
        window.save_settings(chosen)
        set_console_language(window.ctx.language or None)
        from presenter.ui.appsetup import apply_layout_direction

        apply_layout_direction()
        window.cache = CheckCache(window.settings.help_contacts, window.cache.extra)
        window.refresh()


def show_about(window: HomeWindow) -> object:
    from presenter.ui.home.about import AboutDialog

    dialog = AboutDialog(window.ctx, window)
    dialog.setModal(True)
    dialog.show()
    return dialog
