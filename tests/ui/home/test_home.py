"""The home window: the samples with their status, every action reachable, first run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from presenter.core.appcontext import AppContext
from presenter.core.deck.scaffold import create_deck
from presenter.core.settings import DEFAULTS, Settings, SettingsStore
from presenter.support.resources import sample_decks_dir
from presenter.ui.home import actions
from presenter.ui.home.dialogs import CheckDialog
from presenter.ui.home.launch import Launcher
from presenter.ui.home.library import Source, Status, list_decks
from presenter.ui.home.reports import SessionsDialog
from presenter.ui.home.window import HomeWindow
from presenter.ui.preview.window import PreviewWindow
from presenter.ui.widgets.fit import fitting_size

# The offscreen platform cannot raise windows; the call is still right on real ones.
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


class RecordingLauncher(Launcher):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[Any, ...]] = []

    def present(self, deck_path: Path, variant: str | None, rehearse: bool, resume: bool,
                ctx: AppContext, parent: Any = None, how: str = "id") -> Any:  # fmt: skip
        self.calls.append(("present", deck_path, variant, rehearse, resume))
        self.how = how
        return "presentation"


def make_home(qtbot: QtBot, folder: Path, settings: Settings = DEFAULTS,
              launcher: Launcher | None = None) -> HomeWindow:  # fmt: skip
    store = SettingsStore(folder)
    ctx = AppContext.of(settings, store)
    window = HomeWindow(ctx, sample_decks_dir(), launcher or RecordingLauncher())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.all_checked, timeout=60000)
    return window


def rows(window: HomeWindow) -> dict[str, list[str]]:
    found = {}
    for path, item in window._items.items():
        found[path] = [item.text(c) for c in range(6)]
    return found


def test_lists_the_samples_with_their_check_status(qtbot: QtBot, data_dir: Path) -> None:
    window = make_home(qtbot, data_dir)
    samples = list_decks(DEFAULTS, sample_decks_dir())
    assert {e.source for e in samples} == {Source.SAMPLE}
    assert len(samples) >= 3
    shown = rows(window)
    assert set(shown) == {str(e.path) for e in samples}
    for entry in samples:
        summary = window.cache.summary(entry.path)
        assert summary.deck is not None
        row = shown[str(entry.path)]
        assert row[0] == summary.deck.meta.title
        assert row[1] == summary.deck.meta.audience
        assert row[2] == f"{summary.deck.meta.duration:g}"
        assert row[4] == summary.deck.meta.theme
        # The samples are shipped ready to present: never with errors.
        assert summary.status is not Status.ERRORS
        words = {"clean": "Ready", "warnings": "Warnings"}
        assert row[5] == words[summary.status.value]


def test_status_of_a_broken_and_a_warned_deck(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    create_deck(mine / "warned")  # help.yaml placeholders: warnings
    broken = create_deck(mine / "broken")
    broken.write_text(broken.read_text("utf-8").replace("kind: section", "kind: sektion"), "utf-8")
    window = make_home(qtbot, data_dir, DEFAULTS.updated(decks_folder=str(mine)))
    shown = rows(window)
    assert shown[str(mine / "warned" / "deck.md")][5] == "Warnings"
    assert shown[str(mine / "broken" / "deck.md")][5] == "Errors"
    window.select(str(mine / "broken" / "deck.md"))
    assert not window.details.buttons["present"].isEnabled()
    assert "error" in window.details.status.text()
    dialog = actions.check(window)
    assert isinstance(dialog, CheckDialog)
    texts = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    assert any(text.startswith("deck.md:") and "sektion" in text for text in texts)
    dialog.close()


def test_checks_are_cached_by_content(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    deck = create_deck(tmp_path / "decks" / "one")
    window = make_home(qtbot, data_dir, DEFAULTS.updated(decks_folder=str(tmp_path / "decks")))
    before = window.cache.checks_run
    window.refresh()
    qtbot.waitUntil(window.all_checked)
    assert window.cache.checks_run == before
    deck.write_text(deck.read_text("utf-8") + "\n---\n## One more slide\n", "utf-8")
    window.refresh()
    qtbot.waitUntil(window.all_checked)
    assert window.cache.checks_run == before + 1


def test_present_preview_check_folder_and_sessions_are_reachable(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    launcher = RecordingLauncher()
    window = make_home(qtbot, data_dir, launcher=launcher)
    youth = next(p for p in window._items if "online-safety-youth" in p)
    window.select(youth)
    for name in ("present", "preview", "check", "export", "folder"):
        assert window.details.buttons[name].isEnabled(), name

    def accept_first(dialog: QDialog) -> int:
        dialog.variant.setCurrentIndex(1)  # type: ignore[attr-defined]
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr("presenter.ui.home.dialogs.PresentDialog.exec", accept_first)
    window.details.buttons["present"].click()
    assert launcher.calls and launcher.calls[0][0] == "present"
    assert launcher.calls[0][1] == Path(youth)
    assert launcher.calls[0][2] == "youth" and launcher.calls[0][3] is True
    assert window.settings.recent_decks[0] == youth
    assert SettingsStore(data_dir).load().recent_decks[0] == youth

    opened: list[Path] = []
    monkeypatch.setattr(window, "open_local", opened.append)
    window.details.buttons["folder"].click()
    assert opened == [Path(youth).parent]

    window.details.buttons["preview"].click()
    previews = [w for w in launcher.open_windows if isinstance(w, PreviewWindow)]
    assert previews and previews[0].deck is not None
    assert previews[0].strip.count() == len(previews[0].deck.slides)
    previews[0].close()

    dialog = actions.show_sessions(window)
    assert isinstance(dialog, SessionsDialog)
    dialog.close()


def test_rehearsal_opens_the_real_presenting_windows(qtbot: QtBot, data_dir: Path) -> None:
    launcher = Launcher()
    window = make_home(qtbot, data_dir, launcher=launcher)
    path = next(p for p in window._items if "facilitator-briefing" in p)
    presentation = actions.start(window, Path(path), None, rehearse=True)
    assert presentation is not None
    assert presentation in launcher.open_windows
    assert presentation.console.isVisible()
    presentation._quit()
    assert presentation not in launcher.open_windows
    assert window.isVisible()


def test_first_run_shows_the_guide_once(qtbot: QtBot, data_dir: Path) -> None:
    window = make_home(qtbot, data_dir)
    assert window.guide.isVisible()
    assert "H" in window.guide.text.text() and "calm" in window.guide.text.text().lower()
    window.guide.close_button.click()
    assert not window.guide.isVisible()
    assert SettingsStore(data_dir).load().first_run_done
    again = make_home(qtbot, data_dir, SettingsStore(data_dir).load())
    assert not again.guide.isVisible()
    again.guide_button.click()
    assert again.guide.isVisible()


def test_resume_is_offered_for_an_unfinished_session(qtbot: QtBot, data_dir: Path) -> None:
    from presenter.core.deck.parser import load_deck
    from presenter.core.record.resume import open_session
    from presenter.core.session.clock import FakeClock

    deck_path = sample_decks_dir() / "facilitator-briefing" / "deck.md"
    opened = open_session(load_deck(deck_path), None, FakeClock(1_800_000_000.0), data_dir)
    assert opened.record is not None
    opened.record.stop()
    launcher = RecordingLauncher()
    window = make_home(qtbot, data_dir, launcher=launcher)
    window.select(str(deck_path))
    assert window.details.buttons["resume"].isVisibleTo(window)
    window.details.buttons["resume"].click()
    assert launcher.calls[-1][0] == "present" and launcher.calls[-1][4] is True


@pytest.mark.parametrize("language", ["en", "fr", "pt"])
def test_the_resume_buttons_read_whole_on_a_1024_by_768_laptop(
    qtbot: QtBot, data_dir: Path, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from presenter.core.deck.parser import load_deck
    from presenter.core.record.resume import open_session
    from presenter.core.session.clock import FakeClock

    deck_path = sample_decks_dir() / "facilitator-briefing" / "deck.md"
    opened = open_session(load_deck(deck_path), None, FakeClock(1_800_000_000.0), data_dir)
    assert opened.record is not None
    opened.record.stop()
    from presenter.support import i18n

    monkeypatch.setattr(i18n, "_console_language", i18n.normalise(language))
    window = make_home(qtbot, data_dir)
    window.resize(1024, 768)
    window.select(str(deck_path))
    qtbot.waitUntil(lambda: window.details.buttons["resume"].isVisibleTo(window))
    for name in ("resume", "end"):
        button = window.details.buttons[name]
        text = button.fontMetrics().horizontalAdvance(button.text())
        assert text + 16 <= button.width(), (language, button.text(), button.width())
    if language != "en":
        assert window.details.buttons["resume"].text() != "Resume the unfinished session"


def test_settings_dialog_round_trip(qtbot: QtBot) -> None:
    from presenter.core.deck.model import HelpContact
    from presenter.ui.home.settings_dialog import SettingsDialog

    start = DEFAULTS.updated(
        default_theme="dark", note_font_size=26, help_contacts=(HelpContact("Line", "Call 1", ""),)
    )
    dialog = SettingsDialog(start)
    qtbot.addWidget(dialog)
    assert dialog.result_settings() == start
    dialog.note_size.setValue(30)
    dialog.chime.setChecked(True)
    dialog.theme.setCurrentIndex(dialog.theme.findData("high-contrast"))
    dialog.screen_choice.setCurrentIndex(dialog.screen_choice.findData(2))
    result = dialog.result_settings()
    assert (result.note_font_size, result.default_theme, result.preferred_screen) == (
        30, "high-contrast", 2,
    )  # fmt: skip
    assert result.help_contacts == start.help_contacts
    assert result.countdown_sound is True
    assert QApplication.instance() is not None


def test_the_application_carries_the_app_icon(qtbot: QtBot) -> None:
    from presenter.ui.appsetup import APP_NAME, application

    app = application()
    assert app is QApplication.instance()
    assert app.applicationName() == APP_NAME
    assert not app.windowIcon().isNull()


def _interrupted_session(data_dir: Path) -> Path:
    from presenter.core.deck.parser import load_deck
    from presenter.core.record.resume import open_session
    from presenter.core.session.clock import FakeClock

    deck_path = sample_decks_dir() / "facilitator-briefing" / "deck.md"
    opened = open_session(load_deck(deck_path), None, FakeClock(1_800_000_000.0), data_dir)
    assert opened.record is not None
    opened.record.stop()
    return deck_path


def test_resume_passes_the_chosen_way_to_the_launcher(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from presenter.ui.home import actions

    deck_path = _interrupted_session(data_dir)
    asked: list[object] = []
    monkeypatch.setattr(
        actions, "ask_how_to_resume", lambda session, deck, parent: asked.append(deck) or "position"
    )
    launcher = RecordingLauncher()
    window = make_home(qtbot, data_dir, launcher=launcher)
    window.select(str(deck_path))
    window.details.buttons["resume"].click()
    assert asked, "the facilitator was not asked"
    assert launcher.calls[-1][4] is True and launcher.how == "position"


def test_start_fresh_sets_the_old_record_aside_and_presents_anew(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from presenter.core.record.store import find_unfinished
    from presenter.ui.home import actions
    from presenter.ui.home.dialogs import START_FRESH

    deck_path = _interrupted_session(data_dir)
    monkeypatch.setattr(actions, "ask_how_to_resume", lambda *args: START_FRESH)
    presented: list[dict[str, object]] = []
    monkeypatch.setattr(actions, "present", lambda window, **kw: presented.append(kw))
    window = make_home(qtbot, data_dir, launcher=RecordingLauncher())
    window.select(str(deck_path))
    window.details.buttons["resume"].click()
    assert presented == [{}]
    assert find_unfinished(deck_path, data_dir) is None  # no longer offered by itself
    kept = find_unfinished(deck_path, data_dir, set_aside=True)
    assert kept is not None and kept.set_aside  # but resumable from here until ended


def test_present_from_home_uses_the_one_start_path_and_end_closes_the_old_record(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from presenter.core.record.store import find_unfinished, load_session

    deck_path = _interrupted_session(data_dir)
    old = find_unfinished(deck_path, data_dir)
    launcher = Launcher()
    window = make_home(qtbot, data_dir, launcher=launcher)
    window.select(str(deck_path))
    presentation = actions.start(window, deck_path, None, rehearse=False)
    assert presentation is not None
    banner = presentation.console.resume_banner
    assert banner.isVisible()  # the same offer as presenter run, on the laptop
    assert "Next resumes" in banner.message.text()
    banner.fresh.click()  # explicit
    presentation.controller.finish()
    presentation._quit()  # the workshop ends: back to the home window
    assert presentation not in launcher.open_windows
    assert load_session(old.folder).closed is None  # not thrown away
    window.select(str(deck_path))
    assert window.details.buttons["resume"].isVisibleTo(window)
    assert window.details.buttons["end"].isVisibleTo(window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    window.details.buttons["end"].click()
    assert load_session(old.folder).closed is not None  # ended on purpose, still reported
    assert find_unfinished(deck_path, data_dir, set_aside=True) is None
    window.select(str(deck_path))
    assert not window.details.buttons["resume"].isVisibleTo(window)


def test_cancelling_the_question_does_nothing(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from presenter.core.record.store import find_unfinished
    from presenter.ui.home import actions

    deck_path = _interrupted_session(data_dir)
    monkeypatch.setattr(actions, "ask_how_to_resume", lambda *args: None)
    launcher = RecordingLauncher()
    window = make_home(qtbot, data_dir, launcher=launcher)
    window.select(str(deck_path))
    window.details.buttons["resume"].click()
    assert launcher.calls == []
    assert find_unfinished(deck_path, data_dir) is not None


def test_fits_a_1024_laptop_with_the_check_column_in_view(qtbot: QtBot, data_dir: Path) -> None:
    from presenter.render.fonts import ensure_fonts

    ensure_fonts()  # the bundled fonts the app uses: wider than the test machine's
    window = make_home(qtbot, data_dir)
    area = window.screen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
    asked = fitting_size(window, 9999, 9999)  # what the home window asks for, capped
    assert asked.width() <= area.width() and asked.height() < area.height()
    window.resize(1024, 736)
    qtbot.waitUntil(lambda: window.width() == 1024)
    header = window.tree.header()
    used = sum(header.sectionSize(c) for c in range(header.count()))
    assert used <= window.tree.viewport().width()  # no sideways scrolling to see "Ready"
    assert header.sectionSize(header.count() - 1) >= header.sectionSizeHint(header.count() - 1)
    viewport = window.details.parentWidget()
    assert window.details.width() <= viewport.width()  # Present and Check not cut at the edge


def test_in_french_with_the_guide_open_it_still_fits_a_1024x768_laptop(
    qtbot: QtBot, data_dir: Path
) -> None:
    from presenter.render.fonts import ensure_fonts
    from presenter.support import i18n

    ensure_fonts()
    i18n.set_console_language("fr")
    try:
        window = make_home(qtbot, data_dir)  # first run: the guide is open
        assert window.guide.isVisible()
        least = window.minimumSizeHint()
        assert least.width() <= 1024 and least.height() <= 768 - 32, least
    finally:
        i18n.set_console_language(None)
