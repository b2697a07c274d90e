"""Past sessions as a report viewer: the right numbers on screen, files from each button,
and the choice offered when an interrupted session's deck has changed."""

from __future__ import annotations

import csv
from pathlib import Path

import pypdf
import pytest
from pytestqt.qtbot import QtBot

from presenter.core.deck.parser import load_deck
from presenter.core.record.resume import RESUME_BY_ID, RESUME_BY_POSITION, open_session
from presenter.core.record.store import find_unfinished, list_sessions
from presenter.core.session.clock import FakeClock
from presenter.core.session.controller import SessionController
from presenter.ui.home import reports
from presenter.ui.home.dialogs import START_FRESH, ResumeDialog, ask_how_to_resume
from presenter.ui.home.reports import SessionsDialog
from tests.conftest import write_deck
from tests.core.record.crash_driver import DECK
from tests.core.report.test_report import START, scripted_session
from tests.export.conftest import pdf_text


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    return write_deck(tmp_path / "deck", DECK)


def viewer(qtbot: QtBot, data_dir: Path) -> SessionsDialog:
    sessions, unreadable = list_sessions(data_dir)
    dialog = SessionsDialog(sessions, len(unreadable))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def shown(dialog: SessionsDialog) -> str:
    return " ".join(dialog.viewer.toPlainText().split())


def test_the_viewer_shows_the_scripted_numbers(
    qtbot: QtBot, data_dir: Path, deck_file: Path
) -> None:
    scripted_session(deck_file, data_dir, venue="Hall B")
    scripted_session(deck_file, data_dir, start=START + 86400, venue="Salle Été")
    dialog = viewer(qtbot, data_dir)
    assert dialog.tree.topLevelItemCount() == 2
    assert not dialog.viewer.openLinks() and not dialog.viewer.openExternalLinks()
    assert dialog.viewer.isReadOnly()
    text = shown(dialog)  # newest first
    assert "Salle Été" in text and "Hall B" not in text
    for expected in ("Crash test workshop", "Attendees 20", "29 min (planned 19 min)",
                     "Part one 11 min 14.0 min +3.0 min", "+50 points", "+10 points",
                     "25 %", "75 %", "Pairs named apps where strangers start chats."):  # fmt: skip
        assert expected in text, expected
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(1))
    assert "Hall B" in shown(dialog)
    assert dialog.tree.topLevelItem(1).text(3) == "20"


def test_each_button_writes_its_file(
    qtbot: QtBot, data_dir: Path, deck_file: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    scripted_session(deck_file, data_dir)
    scripted_session(deck_file, data_dir, start=START + 86400)
    dialog = viewer(qtbot, data_dir)
    out = tmp_path / "out"
    out.mkdir()
    answers: list[Path] = []

    def save_as(*_: object) -> tuple[str, str]:
        return str(answers.pop(0)), ""

    monkeypatch.setattr(reports.QFileDialog, "getSaveFileName", save_as)
    files = {
        dialog.pdf_button: out / "one.pdf",
        dialog.markdown_button: out / "one.md",
        dialog.csv_button: out / "one.csv",
        dialog.all_button: out / "all.csv",
    }
    dialog.paper.setCurrentText("Letter")
    for button, path in files.items():
        answers.append(path)
        button.click()
        assert path.exists(), path
        assert str(path) in dialog.saved.text()
    pdf = pypdf.PdfReader(str(out / "one.pdf"))
    assert float(pdf.pages[0].mediabox.width) == 612.0
    assert "+50 points" in pdf_text(out / "one.pdf")
    assert "| Part one | 11 min | 14.0 min | +3.0 min |" in (out / "one.md").read_text("utf-8")
    for name, types in (("one.csv", 7), ("all.csv", 6)):
        raw = (out / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        with (out / name).open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == types
    with (out / "all.csv").open(encoding="utf-8-sig", newline="") as handle:
        sessions = [r for r in csv.DictReader(handle) if r["record_type"] == "session"]
    assert [r["attendees"] for r in sessions] == ["20", "20"]
    # Cancelling the file dialog writes nothing.
    monkeypatch.setattr(reports.QFileDialog, "getSaveFileName", lambda *_: ("", ""))
    assert dialog.save_markdown() is None


def test_a_failed_save_is_said_not_raised(
    qtbot: QtBot, data_dir: Path, deck_file: Path, tmp_path: Path
) -> None:
    scripted_session(deck_file, data_dir)
    dialog = viewer(qtbot, data_dir)
    assert dialog.save_csv(tmp_path / "missing" / "a.csv") is None
    assert dialog.save_pdf(tmp_path / "missing" / "a.pdf") is None
    assert "Could not save" in dialog.saved.text()


def test_no_sessions_yet(qtbot: QtBot, data_dir: Path) -> None:
    dialog = viewer(qtbot, data_dir)
    assert not dialog.pdf_button.isEnabled() and not dialog.all_button.isEnabled()
    assert "Choose a session" in shown(dialog)


def test_a_changed_deck_offers_position_id_or_fresh(
    qtbot: QtBot, data_dir: Path, deck_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = load_deck(deck_file)
    clock = FakeClock(START)
    opened = open_session(deck, None, clock, data_dir)
    control = SessionController(deck, None, clock, opened.recorder)
    opened.attach(control)
    control.next()
    control.next()
    assert opened.record is not None
    opened.record.stop()
    session = find_unfinished(deck_file, data_dir)
    assert session is not None
    assert ask_how_to_resume(session, deck) == RESUME_BY_ID  # same deck: no question
    deck_file.write_text(DECK.replace("Part one", "Part 1"), "utf-8")
    changed = load_deck(deck_file)
    dialog = ResumeDialog(session, changed)
    qtbot.addWidget(dialog)
    assert "has changed" in dialog.notice.text() and "slide 2 of 9" in dialog.notice.text()
    assert dialog.choice == RESUME_BY_ID
    dialog.by_position.click()
    assert dialog.choice == RESUME_BY_POSITION
    dialog.fresh.click()
    assert dialog.choice == START_FRESH
    monkeypatch.setattr(ResumeDialog, "exec", lambda self: ResumeDialog.DialogCode.Rejected)
    assert ask_how_to_resume(session, changed) is None


def test_reached_is_the_furthest_slide_not_the_last_shown() -> None:
    from types import SimpleNamespace

    from presenter.core.record.store import LoadedSession
    from presenter.core.session.state import SessionState
    from presenter.core.session.timers import Stopwatch
    from presenter.ui.home.reports import session_row

    state = SessionState()
    state.slide_times = {0: Stopwatch(), 1: Stopwatch(), 5: Stopwatch()}
    state.slide = 2  # went back from slide 6 to slide 3
    outline = [{"i": i} for i in range(8)]
    header = {"outline": outline, "deck_title": "Small", "started": 1_800_000_000.0}
    recovered = SimpleNamespace(closed=None)
    session = LoadedSession(Path("x"), header, state, recovered)  # type: ignore[arg-type]
    assert session_row(session)[4] == "6 of 8"
