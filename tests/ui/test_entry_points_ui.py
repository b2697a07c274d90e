"""The windows' entry points, run through ``cli.main`` as installed (not portable).

``presenter run``, ``presenter preview`` and the home window each start from the one
application context: the Settings' console language, the Settings' records folder.
The event loop is replaced by a function that looks at the windows and returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from presenter.cli import main
from presenter.core import applog
from presenter.core.record.store import iter_session_folders, load_session
from presenter.support.i18n import set_console_language
from tests.test_entry_points import interrupted_session, write_settings

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "propagateSizeHints")


@pytest.fixture
def loop(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[list]:
    """Replace the event loop: each entry point's exec() runs the checks queued here."""
    checks: list[Callable[[], None]] = []

    def fake_exec(*_: object) -> int:
        for check in checks:
            check()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    yield checks
    applog.stop_logging()
    set_console_language(None)
    qapp.setQuitOnLastWindowClosed(True)
    for widget in QApplication.topLevelWidgets():
        widget.hide()
        widget.deleteLater()
    QApplication.processEvents()


def windows(kind: str) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if type(w).__name__ == kind and w.isVisible()]


@pytest.fixture
def french(non_portable: Path, tmp_path: Path, deck_file_ui: Path) -> Path:
    records = tmp_path / "records"
    write_settings(non_portable, console_language="fr", data_folder=str(records),
                   recent_decks=[str(deck_file_ui)])  # fmt: skip
    return records


@pytest.fixture
def deck_file_ui(tmp_path: Path) -> Path:
    from tests.conftest import write_deck
    from tests.test_entry_points import DECK

    return write_deck(tmp_path / "deck", DECK)


def test_run_speaks_the_settings_language_and_resumes_from_its_records(
    qtbot, loop, french: Path, deck_file_ui: Path
) -> None:
    session_id = interrupted_session(deck_file_ui, french)
    seen: dict[str, object] = {}

    def look() -> None:
        # This workshop's console (another test's windows may still be closing).
        console = next(w for w in windows("PresenterConsole") if "Entry point" in w.windowTitle())
        seen["title"] = console.windowTitle()
        seen["offered"] = console.resume_banner.isVisible()
        audience = windows("AudienceWindow")[0]
        qtbot.keyClick(audience, Qt.Key.Key_Right)  # one clicker press
        seen["after"] = console.resume_banner.isVisible()

    loop.append(look)
    assert main(["run", str(deck_file_ui)]) == 0
    assert "console d'animation" in str(seen["title"])
    assert seen["offered"] is True and seen["after"] is False
    folders = list(iter_session_folders(french))
    assert [f.name for f in folders] == [session_id]  # resumed: nothing new, nothing lost
    resumed = load_session(folders[0])
    assert (resumed.state.slide, resumed.state.attendees) == (1, 17)
    assert resumed.closed is None  # paused on exit, still resumable


def test_preview_speaks_the_settings_language(qtbot, loop, french: Path, deck_file_ui: Path):
    seen: list[str] = []
    loop.append(lambda: seen.extend(w.windowTitle() for w in windows("PreviewWindow")))
    assert main(["preview", str(deck_file_ui)]) == 0
    assert seen == ["Aperçu : Entry point deck"]


def test_home_lists_offers_and_reports_the_settings_records(
    qtbot, loop, french: Path, deck_file_ui: Path
) -> None:
    from presenter.ui.home import actions

    session_id = interrupted_session(deck_file_ui, french)
    seen: dict[str, object] = {}

    def look() -> None:
        home = windows("HomeWindow")[0]
        qtbot.waitUntil(home.all_checked, timeout=60000)
        home.select(str(deck_file_ui))
        seen["offered"] = home.details.buttons["resume"].isVisibleTo(home)
        dialog = actions.show_sessions(home)
        seen["listed"] = [dialog.tree.topLevelItem(i).text(1)
                          for i in range(dialog.tree.topLevelItemCount())]  # fmt: skip
        seen["report"] = dialog.viewer.toPlainText()
        seen["root"] = home.ctx.records_root()
        dialog.close()

    loop.append(look)
    assert main([]) == 0
    assert seen["offered"] is True
    assert seen["listed"] == ["Entry point deck"]
    assert "Entry point deck" in str(seen["report"]) and "17" in str(seen["report"])
    assert seen["root"] == french and session_id


def test_run_with_broken_settings_starts_on_defaults_and_says_so(
    qtbot, loop, non_portable: Path, deck_file_ui: Path, capsys
) -> None:
    non_portable.mkdir(parents=True)
    (non_portable / "settings.json").write_text('{"schema": 2, "note_font_size": "huge"', "utf-8")
    seen: list[str] = []
    loop.append(lambda: seen.append(windows("PresenterConsole")[0].banners.text("settings")))
    assert main(["run", str(deck_file_ui), "--no-record"]) == 0
    assert "settings.json" in seen[0] and "defaults" in seen[0]  # on the laptop
    assert "defaults are used" in capsys.readouterr().err  # and where the CLI says it
