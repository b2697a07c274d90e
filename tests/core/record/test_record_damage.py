"""Damaged and crafted session records: lose at most the damaged line, and say so.

The cases of the reliability review: a journal cut mid-file (with and without a newer
snapshot), one flipped byte in a line or in the header, an empty journal, a torn line
after a full disk, records from another laptop with deep nesting or wrong types, and
``--resume`` on a folder that cannot be written.
"""

from __future__ import annotations

import errno
import json
import time
from pathlib import Path
from typing import Any

import pytest

from presenter.core.deck.parser import load_deck
from presenter.core.record.faults import failed_while_presenting, not_recorded
from presenter.core.record.journal import JOURNAL_NAME, encode_line
from presenter.core.record.recovery import HEADER_COPY
from presenter.core.record.resume import describe, open_session
from presenter.core.record.store import find_unfinished, list_sessions, load_session
from presenter.core.session.clock import FakeClock
from presenter.core.session.controller import SessionController
from tests.conftest import write_deck
from tests.core.record.crash_driver import DECK

START = 1_800_000_000.0


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    return write_deck(tmp_path / "deck", DECK)


def walked(deck_file: Path, root: Path, steps: int) -> tuple[Path, dict[str, Any]]:
    """A session of ``steps`` actions left unfinished (a crash): its folder and state."""
    clock = FakeClock(START)
    deck = load_deck(deck_file)
    opened = open_session(deck, None, clock, root)
    control = SessionController(deck, None, clock, opened.recorder, opened.state)
    opened.attach(control)
    for n in range(steps):
        clock.advance(1)
        control.set_attendees(n + 1)  # one action each, every one visible in the state
    opened.record.recorder.writer.close()
    return opened.record.folder, control.state.to_dict()


def lines_of(folder: Path) -> list[bytes]:
    return (folder / JOURNAL_NAME).read_bytes().splitlines(keepends=True)


def test_one_damaged_line_loses_only_that_action(deck_file: Path, data_dir: Path) -> None:
    folder, _ = walked(deck_file, data_dir, 30)
    (folder / "snapshot.json").unlink(missing_ok=True)
    lines = lines_of(folder)
    lines[10] = lines[10].replace(b'"attendees"', b'"attendeez"', 1)  # CRC now wrong
    (folder / JOURNAL_NAME).write_bytes(b"".join(lines))
    session = load_session(folder)
    assert session.state.attendees == 30  # the actions after the damage were replayed
    assert any("checksum mismatch" in p for p in session.problems)
    assert any("is missing; the actions after it were kept" in p for p in session.problems)


def test_cut_mid_file_before_the_snapshot_is_told(deck_file: Path, data_dir: Path) -> None:
    folder, _state = walked(deck_file, data_dir, 60)
    snapshot = json.loads((folder / "snapshot.json").read_bytes()[9:])
    assert snapshot["seq"] >= 30
    lines = lines_of(folder)
    cut = b"".join(lines[:15]) + lines[15][:20]  # a cut-off copy, mid-line
    (folder / JOURNAL_NAME).write_bytes(cut)
    session = load_session(folder)
    assert session.state.seq == snapshot["seq"]  # the snapshot is used
    told = " ".join(session.problems)
    assert "its end was lost" in told and f"action {snapshot['seq']}" in told


def test_cut_mid_file_without_a_snapshot_says_when_the_record_ends(
    deck_file: Path, data_dir: Path
) -> None:
    # Without a snapshot a cut-off copy reads like a power cut just after its last whole
    # line; the resume question says when that was, so a facilitator who presented on
    # for half an hour more sees the record is short.
    folder, _state = walked(deck_file, data_dir, 40)
    (folder / "snapshot.json").unlink(missing_ok=True)
    lines = lines_of(folder)
    whole = lines[:15]
    (folder / JOURNAL_NAME).write_bytes(b"".join(whole) + lines[15][:20])
    session = load_session(folder)
    last = max(json.loads(line[9:]).get("t", 0) for line in whole)
    assert session.last_alive == last < START + 40
    told = describe(session)
    assert told.endswith(f"its record ends at {time.strftime('%H:%M', time.localtime(last))}")


def test_flipped_header_byte_uses_the_copy(deck_file: Path, data_dir: Path) -> None:
    folder, _state = walked(deck_file, data_dir, 8)
    lines = lines_of(folder)
    lines[0] = b"X" + lines[0][1:]  # the checksum itself is damaged
    (folder / JOURNAL_NAME).write_bytes(b"".join(lines))
    session = find_unfinished(deck_file, data_dir)
    assert session is not None and session.state.attendees == 8
    assert any("saved copy was used" in p for p in session.problems)


def test_flipped_header_byte_without_copy_is_read_as_it_stands(
    deck_file: Path, data_dir: Path
) -> None:
    folder, _ = walked(deck_file, data_dir, 8)
    (folder / HEADER_COPY).unlink()
    lines = lines_of(folder)
    lines[0] = lines[0].replace(b'"deck_title":"', b'"deck_title":"~', 1)
    (folder / JOURNAL_NAME).write_bytes(b"".join(lines))
    session = load_session(folder)
    assert session.state.attendees == 8
    assert any("read as it stands" in p for p in session.problems)


def test_empty_journal_resumes_from_copy_and_snapshot(deck_file: Path, data_dir: Path) -> None:
    folder, _state = walked(deck_file, data_dir, 55)
    (folder / JOURNAL_NAME).write_bytes(b"")
    session = find_unfinished(deck_file, data_dir)
    assert session is not None
    assert session.state.seq >= 30 and session.state.attendees >= 30


def test_torn_line_after_a_full_disk_is_not_called_damage(deck_file: Path, data_dir: Path) -> None:
    folder, _ = walked(deck_file, data_dir, 5)
    lines = lines_of(folder)
    torn = lines[3][: len(lines[3]) // 2] + b"\n"  # what a full disk leaves mid-file
    (folder / JOURNAL_NAME).write_bytes(b"".join([*lines[:3], torn, *lines[4:]]))
    session = load_session(folder)
    told = " ".join(session.problems)
    assert "disk was full" in told and "checksum" not in told


@pytest.mark.parametrize(
    ("name", "header", "line"),
    [
        ("deep-json-line", None, "[" * 100_000 + "]" * 100_000),
        ("deep-json-header", "[" * 100_000 + "]" * 100_000, None),
        ("header-wrong-types", {"journal": 1, "started": "yesterday"}, None),
        ("header-outline-junk", {"journal": 1, "started": 1.0, "outline": [1, 2]}, None),
        ("header-base-junk", {"journal": 1, "started": 1.0, "base": {"seq": "x"}}, None),
        ("not-json", b"garbage\x00\xff\n", None),
    ],
)
def test_crafted_records_are_listed_as_unreadable(
    deck_file: Path, data_dir: Path, name: str, header: Any, line: Any
) -> None:
    walked(deck_file, data_dir, 3)  # one good session beside the crafted one
    folder = data_dir / "sessions" / f"20300101-000000-{name}"
    folder.mkdir(parents=True)

    def raw(value: Any) -> bytes:
        if isinstance(value, bytes):
            return value
        if isinstance(value, str):  # already JSON text: a valid checksum over it
            import zlib

            return b"%08x %s\n" % (zlib.crc32(value.encode()), value.encode())
        return encode_line(value)

    good = {"journal": 1, "started": START, "deck_path": "x"}
    content = raw(header if header is not None else good)
    if line is not None:
        content += raw(line)
    (folder / JOURNAL_NAME).write_bytes(content)
    sessions, unreadable = list_sessions(data_dir)
    assert len(sessions) == 1 + (name == "deep-json-line")
    if name != "deep-json-line":
        assert [f.name for f, _ in unreadable] == [folder.name]
        assert unreadable[0][1]


def test_report_data_lists_the_rest(deck_file: Path, data_dir: Path, capsys) -> None:
    from presenter.cli import main

    walked(deck_file, data_dir, 3)
    bad = data_dir / "sessions" / "20300101-000000-bad"
    bad.mkdir(parents=True)
    (bad / JOURNAL_NAME).write_bytes(encode_line({"journal": 1, "started": "yesterday"}))
    code = main(["report", "--list", "--data", str(data_dir)])
    out = capsys.readouterr()
    assert code in (0, 1)
    assert "20300101-000000-bad" in out.out + out.err
    assert "Traceback" not in out.err


def test_resume_on_an_unwritable_folder_says_nothing_is_recorded(
    deck_file: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    deck = load_deck(deck_file)
    opened = open_session(deck, None, FakeClock(START), blocker, resume=True)
    assert opened.record is None
    assert "not being recorded" in opened.notice
    assert any("No unfinished session" in m for m in opened.messages)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "disk is full"),
        (errno.EIO, "read or write error"),
        (errno.EROFS, "read-only drive"),
        (errno.EACCES, "not allowed to write"),
    ],
)
def test_each_failure_has_its_own_words(code: int, words: str) -> None:
    error = OSError(code, "x")
    assert words in failed_while_presenting(error)
    assert words in not_recorded(error)
    others = [c for c in (errno.ENOSPC, errno.EIO, errno.EROFS, errno.EACCES) if c != code]
    assert not any(words in failed_while_presenting(OSError(c, "x")) for c in others)


def test_a_lone_surrogate_in_a_record_round_trips() -> None:
    from presenter.core.record.codec import decode_line

    record = {"journal": 1, "deck_title": "Workshop \ud800"}
    assert decode_line(encode_line(record)) == record
