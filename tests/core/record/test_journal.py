"""The session journal: line format, damage handling, snapshots, recorder, formats."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from presenter.core.record import journal as journal_mod
from presenter.core.record.journal import (
    FORMAT_VERSION,
    JOURNAL_NAME,
    SNAPSHOT_NAME,
    JournalFormatError,
    JournalWriter,
    SessionRecorder,
    decode_line,
    encode_line,
    read_journal,
    read_snapshot,
    recover,
    write_snapshot,
)
from presenter.support import safewrite

HEADER = {"journal": FORMAT_VERSION, "session": "s", "started": 100.0}


def action(seq: int, **extra: Any) -> dict[str, Any]:
    return {"type": "goto", "t": 100.0 + seq, "seq": seq, "slide": seq, **extra}


def write_lines(path: Path, records: list[dict[str, Any]]) -> bytes:
    data = b"".join(encode_line(r) for r in records)
    path.write_bytes(data)
    return data


def test_line_round_trip_and_crc_format() -> None:
    record = {"type": "note", "text": "café — ünïcode", "seq": 3, "t": 1.5}
    line = encode_line(record)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    crc, _, payload = line.partition(b" ")
    assert len(crc) == 8 and int(crc, 16) >= 0
    assert json.loads(payload) == record
    assert decode_line(line) == record


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\n",
        b"0000000 {}\n",
        b"zzzzzzzz {}\n",
        b"12345678{}\n",
        b"00000000 [1]\n",
    ],
)
def test_junk_lines_are_rejected(raw: bytes) -> None:
    assert decode_line(raw) is None


def test_a_flipped_byte_fails_the_checksum() -> None:
    line = bytearray(encode_line(action(1)))
    line[20] ^= 0x01
    assert decode_line(bytes(line)) is None


def test_torn_last_line_is_skipped_and_never_fatal(tmp_path: Path) -> None:
    path = tmp_path / JOURNAL_NAME
    data = write_lines(path, [HEADER, action(1), action(2), action(3)])
    for cut in range(1, len(encode_line(action(3)))):
        path.write_bytes(data[:-cut])
        contents = read_journal(path)
        assert [a["seq"] for a in contents.actions] == [1, 2]
        assert contents.header == HEADER
        assert any("incomplete last line" in p for p in contents.problems)


def test_damaged_middle_line_stops_replay_at_the_gap(tmp_path: Path) -> None:
    path = tmp_path / JOURNAL_NAME
    lines = [encode_line(r) for r in [HEADER, action(1), action(2), action(3), action(4)]]
    lines[2] = lines[2].replace(b'"slide":2', b'"slide":9')  # CRC no longer matches
    path.write_bytes(b"".join(lines))
    contents = read_journal(path)
    assert [a["seq"] for a in contents.actions] == [1]
    assert any("checksum" in p for p in contents.problems)
    assert any("action 2 is missing" in p for p in contents.problems)


def test_seq_gap_stops_replay(tmp_path: Path) -> None:
    path = tmp_path / JOURNAL_NAME
    write_lines(path, [HEADER, action(1), action(2), action(4), action(5)])
    contents = read_journal(path)
    assert [a["seq"] for a in contents.actions] == [1, 2]
    assert contents.last_seq == 2
    every = read_journal(path, stop_at_gap=False)
    assert [a["seq"] for a in every.actions] == [1, 2, 4, 5]


def test_duplicates_and_bookkeeping_lines(tmp_path: Path) -> None:
    path = tmp_path / JOURNAL_NAME
    records = [HEADER, action(1), action(1), {"heartbeat": 500.0}, action(2), {"closed": 501.0}]
    write_lines(path, records)
    contents = read_journal(path)
    assert [a["seq"] for a in contents.actions] == [1, 2]
    assert contents.last_alive == 501.0
    assert contents.closed == {"closed": 501.0}


def test_writer_starts_a_fresh_line_after_a_torn_one(tmp_path: Path) -> None:
    path = tmp_path / JOURNAL_NAME
    data = write_lines(path, [HEADER, action(1)])
    path.write_bytes(data + encode_line(action(2))[:15])  # the power went mid-line
    writer = JournalWriter(path)
    writer.append(action(2))
    writer.close()
    assert [a["seq"] for a in read_journal(path).actions] == [1, 2]


def test_writer_recovers_after_a_failed_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / JOURNAL_NAME
    writer = JournalWriter(path)
    writer.append(HEADER)
    writer.append(action(1))
    real_write = os.write
    calls = {"n": 0}

    def half_then_fail(fd: int, data: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 1:
            return real_write(fd, bytes(data[:10]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", half_then_fail)
    with pytest.raises(OSError):
        writer.append(action(2))
    monkeypatch.setattr(os, "write", real_write)
    writer.append(action(2))
    writer.close()
    contents = read_journal(path)
    assert [a["seq"] for a in contents.actions] == [1, 2]
    assert any("disk was full" in p for p in contents.problems)


def test_snapshot_is_atomic_and_a_complete_temp_is_used(tmp_path: Path) -> None:
    write_snapshot(tmp_path, 5, 105.0, {"seq": 5})
    assert read_snapshot(tmp_path) == {"snapshot": 1, "seq": 5, "t": 105.0, "state": {"seq": 5}}
    assert not (tmp_path / (SNAPSHOT_NAME + ".tmp")).exists()
    # A rename that failed for good leaves a complete, newer temp file: use it.
    (tmp_path / (SNAPSHOT_NAME + ".tmp")).write_bytes(
        encode_line({"snapshot": 1, "seq": 9, "t": 1.0, "state": {"seq": 9}})
    )
    snap = read_snapshot(tmp_path)
    assert snap is not None and snap["seq"] == 9
    # ... also under the unique temporary names writes use now.
    (tmp_path / f".{SNAPSHOT_NAME}.k3j9x.tmp").write_bytes(
        encode_line({"snapshot": 1, "seq": 12, "t": 1.0, "state": {"seq": 12}})
    )
    snap = read_snapshot(tmp_path)
    assert snap is not None and snap["seq"] == 12
    (tmp_path / f".{SNAPSHOT_NAME}.k3j9x.tmp").unlink()
    (tmp_path / SNAPSHOT_NAME).write_bytes(b"garbage")
    (tmp_path / (SNAPSHOT_NAME + ".tmp")).write_bytes(b"half a snap")
    assert read_snapshot(tmp_path) is None


def test_windows_replace_retries_transient_errors_then_gives_up(tmp_path: Path) -> None:
    sleeps: list[float] = []
    attempts = {"n": 0}

    def busy_three_times(src: Path, dst: Path) -> None:
        attempts["n"] += 1
        if attempts["n"] <= 3:
            error = PermissionError(13, "in use")
            error.winerror = 32  # type: ignore[attr-defined]
            raise error

    safewrite.replace_with_retry(
        tmp_path / "a", tmp_path / "b", windows=True, sleep=sleeps.append,
        replace=busy_three_times,
    )  # fmt: skip
    assert attempts["n"] == 4
    assert sleeps == [0.01, 0.02, 0.04]

    def always_busy(src: Path, dst: Path) -> None:
        error = PermissionError(13, "in use")
        error.winerror = 5  # type: ignore[attr-defined]
        raise error

    sleeps.clear()
    with pytest.raises(PermissionError):
        safewrite.replace_with_retry(
            tmp_path / "a", tmp_path / "b", windows=True, sleep=sleeps.append,
            replace=always_busy,
        )  # fmt: skip
    assert max(sleeps) <= 0.4 and sum(sleeps) == pytest.approx(2.0)

    sleeps.clear()
    with pytest.raises(PermissionError):  # not Windows: no retry at all
        safewrite.replace_with_retry(
            tmp_path / "a", tmp_path / "b", windows=False, sleep=sleeps.append,
            replace=always_busy,
        )  # fmt: skip
    assert sleeps == []


def test_failed_rename_keeps_the_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: Path, dst: Path) -> None:
        raise PermissionError(13, "denied")

    monkeypatch.setattr(safewrite, "replace_with_retry", refuse)
    with pytest.raises(PermissionError):
        safewrite.atomic_write_text(tmp_path / "x.json", "data")
    kept = safewrite.leftover_temps(tmp_path / "x.json")
    assert [p.read_text() for p in kept] == ["data"] and kept[0].name.startswith(".x.json.")
    assert not (tmp_path / "x.json").exists()


def test_a_new_temp_name_for_each_write_and_the_mode_asked_for(tmp_path: Path) -> None:
    import os
    import stat

    target = tmp_path / "doc.md"
    safewrite.atomic_write_text(target, "private")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    mask = os.umask(0o022)
    try:
        safewrite.atomic_write_text(target, "shared", mode=safewrite.SHARED)
    finally:
        os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644 and target.read_text() == "shared"
    with safewrite.atomic_target(target) as first, safewrite.atomic_target(target) as second:
        assert first != second and first.parent == second.parent == tmp_path
        first.write_text("one")
        second.write_text("two")
    # Both writers finished cleanly; the last to finish (the outer one) wins.
    assert target.read_text() == "one" and safewrite.leftover_temps(target) == []
    try:
        with safewrite.atomic_target(target) as temp:
            temp.write_text("half")
            raise RuntimeError("the writer failed")
    except RuntimeError:
        pass
    assert target.read_text() == "one" and safewrite.leftover_temps(target) == []


@pytest.mark.parametrize(
    ("version", "words"), [(FORMAT_VERSION + 1, "newer"), (0, "older"), ("x", "no format")]
)
def test_other_format_versions_get_a_clear_message(
    tmp_path: Path, version: Any, words: str
) -> None:
    write_lines(tmp_path / JOURNAL_NAME, [{**HEADER, "journal": version}, action(1)])
    with pytest.raises(JournalFormatError, match=words):
        recover(tmp_path)


def test_missing_header_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / JOURNAL_NAME).write_bytes(b"torn hea")
    with pytest.raises(JournalFormatError, match="header"):
        recover(tmp_path)


class FakeState:
    def __init__(self) -> None:
        self.seq = 0

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq}


def test_recorder_snapshots_every_n_actions_and_recovery_uses_them(tmp_path: Path) -> None:
    writer = JournalWriter(tmp_path / JOURNAL_NAME)
    writer.append(HEADER)
    recorder = SessionRecorder(tmp_path, writer, snapshot_every=3)
    state = FakeState()
    recorder.attach(lambda: state)
    for seq in range(1, 8):
        recorder.record({"type": "goto", "t": 100.0 + seq, "slide": seq})
        state.seq = seq
    assert recorder.flush(timeout=10)  # snapshots are written by the sync thread
    snap = read_snapshot(tmp_path)
    assert snap is not None and snap["seq"] == 6
    # Lose the journal lines that the snapshot holds: recovery still gets everything.
    lines = (tmp_path / JOURNAL_NAME).read_bytes().splitlines(keepends=True)
    (tmp_path / JOURNAL_NAME).write_bytes(lines[0] + b"".join(lines[3:]))
    recovered = recover(tmp_path)
    assert recovered.base_seq == 6
    assert [a["seq"] for a in recovered.actions] == [7]


def test_recorder_snapshots_by_time(tmp_path: Path) -> None:
    writer = JournalWriter(tmp_path / JOURNAL_NAME)
    recorder = SessionRecorder(tmp_path, writer, snapshot_every=1000, snapshot_seconds=30)
    state = FakeState()
    recorder.attach(lambda: state)
    for seq, t in enumerate([0.0, 10.0, 20.0, 31.0, 32.0], start=1):
        recorder.record({"type": "x", "t": t})
        state.seq = seq
    assert recorder.flush(timeout=10)  # snapshots are written by the sync thread
    snap = read_snapshot(tmp_path)
    assert snap is not None and snap["seq"] == 3


def test_after_a_lost_line_a_snapshot_bridges_the_gap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = JournalWriter(tmp_path / JOURNAL_NAME)
    writer.append(HEADER)
    recorder = SessionRecorder(tmp_path, writer, snapshot_every=1000)
    state = FakeState()
    recorder.attach(lambda: state)
    recorder.record({"type": "a", "t": 1.0})
    state.seq = 1
    real = writer.append

    def full_disk(record: dict[str, Any]) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer, "append", full_disk)
    with pytest.raises(OSError):
        recorder.record({"type": "b", "t": 2.0})
    state.seq = 2  # the controller applies it anyway: presenting goes on
    monkeypatch.setattr(writer, "append", real)
    recorder.record({"type": "c", "t": 3.0})
    assert recorder.flush(timeout=10)
    recovered = recover(tmp_path)
    assert recovered.base_seq == 2
    assert [a["type"] for a in recovered.actions] == ["c"]


def test_heartbeat_is_throttled(tmp_path: Path) -> None:
    writer = JournalWriter(tmp_path / JOURNAL_NAME)
    recorder = SessionRecorder(tmp_path, writer, heartbeat_seconds=10)
    recorder.record({"type": "a", "t": 100.0})
    assert not recorder.heartbeat(105.0)
    assert recorder.heartbeat(111.0)
    assert not recorder.heartbeat(115.0)
    assert recorder.heartbeat(115.0, force=True)
    assert read_journal(tmp_path / JOURNAL_NAME).last_alive == 115.0


def test_journal_module_mentions_no_qt() -> None:
    assert "PySide6" not in Path(journal_mod.__file__).read_text("utf-8")
