"""The journal's background fsync: the line is written before ``record`` returns, the
device catches up on a helper thread, and the lag and any failure are told, never lost.

A slow device is simulated by holding fsync on an event, so nothing here depends on
timing: every assertion is about order and counts."""

from __future__ import annotations

import errno
import threading
from pathlib import Path
from typing import Any

import pytest

from presenter.core.record import sync as journal_sync
from presenter.core.record.journal import (
    FORMAT_VERSION,
    JOURNAL_NAME,
    JournalWriter,
    SessionRecorder,
    read_journal,
    read_snapshot,
    recover,
)
from presenter.support import safewrite

HEADER = {"journal": FORMAT_VERSION, "session": "s", "started": 100.0}


class State:
    def __init__(self) -> None:
        self.seq = 0

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq}


class HeldDevice:
    """fsync that waits until released, counting calls: a USB stick at its worst."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.release = threading.Event()
        self.calls = 0
        self.fail_with: OSError | None = None
        real = safewrite.full_fsync

        def held(fd: int) -> None:
            self.calls += 1
            if not self.release.wait(10):
                raise AssertionError("the test never released the device")
            if self.fail_with is not None:
                error, self.fail_with = self.fail_with, None
                raise error
            real(fd)

        monkeypatch.setattr(journal_sync, "full_fsync", held)


def recorder_on(tmp_path: Path, **options: Any) -> tuple[SessionRecorder, State]:
    writer = JournalWriter(tmp_path / JOURNAL_NAME)
    writer.append(HEADER)
    recorder = SessionRecorder(tmp_path, writer, **options)
    state = State()
    recorder.attach(lambda: state)
    return recorder, state


def test_a_slow_device_never_holds_the_action_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = HeldDevice(monkeypatch)
    recorder, state = recorder_on(tmp_path)
    for seq in (1, 2, 3):
        recorder.record({"type": "next", "t": 100.0 + seq})  # returns with fsync held
        state.seq = seq
    # Written already: a crash of the app now loses none of the three.
    written = read_journal(tmp_path / JOURNAL_NAME)
    assert [a["seq"] for a in written.actions] == [1, 2, 3]
    behind, waited = recorder.lag()
    assert behind == 3 and waited >= 0.0
    device.release.set()
    assert recorder.flush(timeout=10)
    assert recorder.lag() == (0, 0.0)
    assert 1 <= device.calls <= 2  # one fsync covers the lines written meanwhile
    recorder.close(200.0)


def test_inline_mode_fsyncs_before_record_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = safewrite.full_fsync
    monkeypatch.setattr(
        "presenter.core.record.file.full_fsync", lambda fd: (calls.append(fd), real(fd))
    )
    recorder, _ = recorder_on(tmp_path, background=False)
    before = len(calls)
    recorder.record({"type": "next", "t": 101.0})
    assert len(calls) == before + 1
    assert recorder.lag() == (0, 0.0)


def test_a_failed_fsync_is_reported_at_the_next_action_and_a_snapshot_follows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = HeldDevice(monkeypatch)
    device.release.set()
    device.fail_with = OSError(errno.EIO, "Input/output error")
    recorder, state = recorder_on(tmp_path, snapshot_every=1000)
    recorder.record({"type": "a", "t": 101.0})
    state.seq = 1
    assert recorder.flush(timeout=10)  # the fsync of "a" failed on the thread
    with pytest.raises(OSError, match="Input/output"):
        recorder.record({"type": "b", "t": 102.0})
    state.seq = 2  # the controller applies it anyway
    recorder.record({"type": "c", "t": 103.0})  # snapshots first, so recovery needs no "a"
    state.seq = 3
    assert recorder.flush(timeout=10)
    snap = read_snapshot(tmp_path)
    assert snap is not None and snap["seq"] == 2
    assert recover(tmp_path).actions[-1]["type"] == "c"


def test_a_snapshot_is_written_after_the_lines_it_follows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = HeldDevice(monkeypatch)
    recorder, state = recorder_on(tmp_path, snapshot_every=2)
    for seq in (1, 2, 3):
        recorder.record({"type": "next", "t": 100.0 + seq})
        state.seq = seq
    assert read_snapshot(tmp_path) is None  # queued behind the fsync of lines 1 and 2
    device.release.set()
    assert recorder.flush(timeout=10)
    snap = read_snapshot(tmp_path)
    assert snap is not None and snap["seq"] == 2


def test_closing_waits_for_the_device_and_the_end_mark_is_durable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = HeldDevice(monkeypatch)
    recorder, state = recorder_on(tmp_path)
    recorder.record({"type": "next", "t": 101.0})
    state.seq = 1
    closer = threading.Thread(target=recorder.close, args=(150.0,))
    closer.start()
    closer.join(0.2)
    assert closer.is_alive()  # still waiting for the held device
    device.release.set()
    closer.join(10)
    assert not closer.is_alive() and recorder.closed
    assert recorder.lag() == (0, 0.0)
    contents = read_journal(tmp_path / JOURNAL_NAME)
    assert contents.closed is not None and contents.closed["closed"] == 150.0
    with pytest.raises(OSError, match="closed"):
        recorder.writer.append({"type": "late"})


def test_a_new_session_waits_for_no_fsync_before_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The header line is written at once and pushed to the device by the helper thread,
    then its copy is written: on a held device, opening returns, the header counts as
    unsaved, and everything is on disk once the device answers."""
    from presenter.core.deck.parser import parse_deck
    from presenter.core.record.recovery import HEADER_COPY
    from presenter.core.record.store import create_record

    device = HeldDevice(monkeypatch)
    deck = parse_deck("---\ntitle: T\n---\n# One\n", tmp_path / "deck.md")
    record = create_record(deck, None, 100.0, tmp_path / "data")
    journal = record.folder / JOURNAL_NAME
    assert journal.read_bytes().count(b"\n") == 1  # the header line, written
    assert not (record.folder / HEADER_COPY).exists()  # its copy waits for the device
    assert record.recorder.writer.lag()[0] == 1
    device.release.set()
    assert record.recorder.writer.flush(timeout=10)
    record.recorder.writer.close()  # the helper's queued jobs (the copy) are done first
    assert (record.folder / HEADER_COPY).read_bytes() == journal.read_bytes()
    assert device.calls >= 1
