"""Session records end to end: start, crash, find, resume, changed decks, full disks."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from presenter.core.deck.parser import load_deck
from presenter.core.record import store as records
from presenter.core.record.journal import JOURNAL_NAME, encode_line
from presenter.core.record.resume import (
    RESUME_BY_POSITION,
    discard_unfinished,
    open_session,
    resume_session,
)
from presenter.core.record.store import find_unfinished, list_sessions, load_session
from presenter.core.session.clock import FakeClock
from presenter.core.session.controller import SessionController
from tests.conftest import write_deck
from tests.core.record.crash_driver import DECK

START = 1_800_000_000.0


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    return write_deck(tmp_path / "deck", DECK)


def present(deck_path: Path, root: Path, clock: FakeClock, *, resume: bool = False) -> Any:
    deck = load_deck(deck_path)
    opened = open_session(deck, "adults", clock, root, resume=resume)
    control = SessionController(deck, opened.variant, clock, opened.recorder, opened.state)
    opened.attach(control)
    return opened, control


def test_a_crashed_session_resumes_exactly(deck_file: Path, data_dir: Path) -> None:
    clock = FakeClock(START)
    opened, control = present(deck_file, data_dir, clock)
    control.next()  # content warning acknowledged: the talk clock runs
    for _ in range(4):
        clock.advance(60)
        control.next()
    control.set_tally(4, 8)
    control.set_attendees(12)
    control.note("pairs talked about gaming chats")
    clock.advance(5)
    before = control.state.to_dict()
    elapsed = control.state.elapsed(clock.now())
    on_slide = control.state.time_on_slide(control.state.slide, clock.now())
    assert opened.record.heartbeat(clock.now(), force=True)
    # The power goes; nothing is closed. Ten minutes later the laptop is back.
    clock.advance(600)
    unfinished = find_unfinished(deck_file, data_dir)
    assert unfinished is not None and unfinished.session_id == opened.record.session_id
    assert unfinished.state.to_dict() == before

    again, resumed = present(deck_file, data_dir, clock, resume=True)
    assert "Resumed the workshop" in again.notice
    assert resumed.state.slide == before["slide"] and resumed.state.step == before["step"]
    assert resumed.state.tally(resumed.state.slide, 0) is not None
    assert resumed.state.attendees == 12 and resumed.state.notes[0].text.startswith("pairs")
    # The ten minutes while the app was dead are not counted.
    assert resumed.state.elapsed(clock.now()) == pytest.approx(elapsed)
    assert resumed.state.time_on_slide(resumed.state.slide, clock.now()) == pytest.approx(on_slide)
    clock.advance(30)
    assert resumed.state.elapsed(clock.now()) == pytest.approx(elapsed + 30)
    # The record replays to what is on screen, including the downtime adjustment.
    assert load_session(again.record.folder).state.to_dict() == resumed.state.to_dict()


def test_a_running_countdown_resumes_where_it_was(deck_file: Path, data_dir: Path) -> None:
    clock = FakeClock(START)
    opened, control = present(deck_file, data_dir, clock)
    control.next()
    while control.slide.kind != "discussion":
        control.next()
    control.timer_start()
    clock.advance(95)
    opened.record.heartbeat(clock.now())  # the helper thread does this every few seconds
    remaining = control.state.countdowns[control.state.slide].remaining(clock.now())
    clock.advance(3)  # dies 3 s after the last heartbeat: at most that is lost
    clock.advance(300)
    _, resumed = present(deck_file, data_dir, clock, resume=True)
    countdown = resumed.state.countdowns[resumed.state.slide]
    assert countdown.clock.running
    assert countdown.remaining(clock.now()) == pytest.approx(remaining)


def test_finished_and_discarded_sessions_are_not_offered(deck_file: Path, data_dir: Path) -> None:
    clock = FakeClock(START)
    _, control = present(deck_file, data_dir, clock)
    control.next()
    control.finish()
    assert find_unfinished(deck_file, data_dir) is None
    clock.advance(100)
    _, control = present(deck_file, data_dir, clock)
    unfinished = find_unfinished(deck_file, data_dir)
    assert unfinished is not None
    discard_unfinished(unfinished, clock.now())
    assert find_unfinished(deck_file, data_dir) is None
    assert find_unfinished(deck_file.parent / "other.md", data_dir) is None


def test_resume_against_a_changed_deck_moves_by_id(deck_file: Path, data_dir: Path) -> None:
    clock = FakeClock(START)
    opened, control = present(deck_file, data_dir, clock)
    control.next()
    while not (control.slide.kind == "myth" and control.slide.id == "border"):
        clock.advance(30)
        control.next()
    control.next()  # reveal
    control.set_tally(5, 7)
    old_id = opened.record.session_id
    # The organizer adds a slide near the start before the laptop comes back.
    text = DECK.replace("## Part one\n", "## Part one\n\n---\n## A new slide\n", 1)
    deck_file.write_text(text, "utf-8")
    deck = load_deck(deck_file)
    clock.advance(120)
    unfinished = find_unfinished(deck_file, data_dir)
    assert unfinished is not None
    again = resume_session(unfinished, deck, clock, data_dir)
    assert "deck has changed" in again.notice and "border" in again.notice
    new_control = SessionController(deck, again.variant, clock, again.recorder, again.state)
    again.attach(new_control)
    slide = new_control.slide
    assert slide.id == "border" and new_control.state.step == 1
    assert new_control.state.tally(slide.index, 0).said_reality == 7
    assert again.record.session_id != old_id
    # The old record is closed as continued; the new one replays on its own.
    old = load_session(data_dir / "sessions" / old_id)
    assert old.continued_in == again.record.session_id and old.finished
    new_control.next()
    assert load_session(again.record.folder).state.to_dict() == new_control.state.to_dict()
    assert find_unfinished(deck_file, data_dir).session_id == again.record.session_id


def test_resume_by_position_when_asked(deck_file: Path, data_dir: Path) -> None:
    clock = FakeClock(START)
    _, control = present(deck_file, data_dir, clock)
    control.next()
    for _ in range(3):
        control.next()
    position = control.position()
    deck_file.write_text(DECK.replace("## Steps", "## Steps, renamed"), "utf-8")
    deck = load_deck(deck_file)
    unfinished = find_unfinished(deck_file, data_dir)
    again = resume_session(unfinished, deck, clock, data_dir, how=RESUME_BY_POSITION)
    new_control = SessionController(deck, again.variant, clock, again.recorder, again.state)
    assert new_control.position() == position
    assert "same position" in again.notice


def test_a_full_disk_is_reported_and_presenting_goes_on(
    deck_file: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(START)
    opened, control = present(deck_file, data_dir, clock)
    errors: list[OSError] = []
    control.on_error(lambda error, action: errors.append(error))
    control.next()
    real_write = os.write

    def no_space(fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", no_space)
    control.next()
    control.next()
    assert [e.errno for e in errors] == [errno.ENOSPC, errno.ENOSPC]
    assert control.state.seq == 4  # the screen moved on regardless
    monkeypatch.setattr(os, "write", real_write)
    control.next()  # space again: a snapshot bridges the two lost lines
    assert opened.recorder is not None and opened.recorder.flush(timeout=10)
    assert load_session(opened.record.folder).state.to_dict() == control.state.to_dict()


def test_no_record_when_the_data_folder_cannot_be_written(deck_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    deck = load_deck(deck_file)
    opened = open_session(deck, None, FakeClock(START), blocker)
    assert opened.record is None and opened.recorder is None
    assert "not being recorded" in opened.notice
    control = SessionController(deck, None, FakeClock(START), opened.recorder, opened.state)
    control.next()  # presenting works without a record


def test_older_and_newer_records_are_listed_with_a_reason(deck_file: Path, data_dir: Path) -> None:
    clock = FakeClock(START)
    present(deck_file, data_dir, clock)
    for name, version in (("19990101-000000-aaaa", 0), ("29990101-000000-bbbb", 99)):
        folder = data_dir / "sessions" / name
        folder.mkdir(parents=True)
        (folder / JOURNAL_NAME).write_bytes(
            encode_line({"journal": version, "deck_path": str(deck_file.resolve())})
        )
    sessions, unreadable = list_sessions(data_dir)
    assert len(sessions) == 1
    reasons = {folder.name: reason for folder, reason in unreadable}
    assert "older format" in reasons["19990101-000000-aaaa"]
    assert "newer version" in reasons["29990101-000000-bbbb"]
    assert find_unfinished(deck_file, data_dir).session_id == sessions[0].session_id


def test_data_folder_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from presenter.support import datadir

    monkeypatch.setenv("WORKSHOP_PRESENTER_PORTABLE", str(tmp_path / "portable"))
    assert datadir.data_dir("/ignored") == tmp_path / "portable"
    monkeypatch.delenv("WORKSHOP_PRESENTER_PORTABLE")
    assert datadir.data_dir(tmp_path / "qt") == tmp_path / "qt"
    monkeypatch.setattr(datadir.sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert datadir.data_dir() == tmp_path / "xdg" / "workshop-presenter"
    monkeypatch.setattr(datadir.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert datadir.data_dir() == tmp_path / "local" / "Workshop Presenter"
    assert records.sessions_dir(tmp_path) == tmp_path / "sessions"


def test_presenter_run_offers_the_unfinished_session(deck_file: Path, data_dir: Path) -> None:
    import argparse

    from presenter.commands.run import unfinished_offer
    from presenter.core.appcontext import AppContext

    ctx = AppContext.load()
    args = argparse.Namespace(deck=str(deck_file), resume=False, no_record=False, rehearse=False)
    assert unfinished_offer(args, ctx) is None
    present(deck_file, data_dir, FakeClock(START))
    offer = unfinished_offer(args, ctx)
    assert offer is not None and "presenter run --resume" in offer
    assert unfinished_offer(argparse.Namespace(**{**vars(args), "resume": True}), ctx) is None
