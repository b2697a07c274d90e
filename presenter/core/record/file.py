"""The journal and snapshot files: appending fsynced lines, reading back what is trusted.

Reading keeps the actions with contiguous ``seq`` after a starting point and stops at
the first gap (what follows a gap is not a prefix of what the facilitator did).
Snapshots are single lines in the same format, written atomically.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presenter.core.record.codec import (
    FORMAT_VERSION,
    damage,
    decode_line,
    encode_line,
    later,
)
from presenter.core.record.sync import BackgroundSync, Job
from presenter.support.safewrite import atomic_write_bytes, fsync_dir, full_fsync, leftover_temps

log = logging.getLogger(__name__)

JOURNAL_NAME = "journal.jsonl"
SNAPSHOT_NAME = "snapshot.json"


class JournalWriter:
    """Appends records with one ``write`` each, then fsync. Raises OSError on failure.

    After a failed write the file may end with half a line; the next record then starts
    with a newline so the damage stays confined to that one (skipped) line.

    After ``sync_in_background()`` the line is still written before ``append`` returns
    (a crash of the app loses nothing), and a helper thread fsyncs it (a power cut may
    lose what ``lag()`` still counts). ``close()`` waits for that thread first.
    """

    def __init__(self, path: Path, *, background: bool = False) -> None:
        """``background``: fsync on the helper thread from the first line on (a new
        session's header too: nothing on screen waits for it, see ``create_record``)."""
        self.path = path
        existed = path.exists()
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
        self._fd: int | None = os.open(path, flags, 0o600)
        self._needs_newline = existed and not _ends_with_newline(path)
        self._sync: BackgroundSync | None = None
        if background:
            self.sync_in_background()
        if not existed:
            self.after_sync(lambda: fsync_dir(path.parent))  # the new file's name too

    def sync_in_background(self) -> None:
        if self._sync is None and self._fd is not None:
            self._sync = BackgroundSync(self._fd)

    @property
    def background(self) -> bool:
        return self._sync is not None

    def lag(self) -> tuple[int, float]:
        """(lines written but not yet on the device, seconds the oldest has waited)."""
        return self._sync.lag() if self._sync is not None else (0, 0.0)

    def take_sync_error(self) -> OSError | None:
        return self._sync.take_error() if self._sync is not None else None

    def after_sync(self, job: Job) -> None:
        """Run ``job`` once the lines written so far are on disk (now, without a thread)."""
        if self._sync is None:
            job()
        else:
            self._sync.submit(job)

    def flush(self, timeout: float | None = None) -> bool:
        return self._sync.flush(timeout) if self._sync is not None else True

    def append(self, record: dict[str, Any], *, durable_now: bool = False) -> None:
        """Write one record; fsync it now, or (in the background mode) soon.
        ``durable_now`` fsyncs before returning whatever the mode (headers, the end)."""
        if self._fd is None:
            raise OSError("the session journal is closed")
        data = encode_line(record)
        if self._needs_newline:
            data = b"\n" + data
        self._needs_newline = True  # until the whole line is known to be on disk
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        if self._sync is None:
            full_fsync(self._fd)
            self._needs_newline = False
            return
        self._needs_newline = False  # the whole line is written; the thread syncs it
        if durable_now:
            self._sync.written()
            if not self._sync.flush(timeout=10.0):
                raise OSError("the session record could not be pushed to disk in time")
        else:
            self._sync.written()

    def close(self) -> None:
        if self._sync is not None:
            if not self._sync.stop():
                log.warning("closing the session record before its last lines were on disk")
            self._sync = None
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


def _ends_with_newline(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            if handle.tell() == 0:
                return True
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) == b"\n"
    except OSError:
        return True


@dataclass
class JournalContents:
    """What a journal holds, as far as it can be trusted."""

    header: dict[str, Any] | None
    actions: list[dict[str, Any]]  # contiguous seq, starting after ``after_seq``
    last_seq: int
    last_alive: float | None  # latest wall time known to have been recorded
    closed: dict[str, Any] | None
    problems: list[str] = field(default_factory=list)


def read_journal(path: Path, after_seq: int = 0, *, stop_at_gap: bool = True) -> JournalContents:
    """Read a journal; keep the actions with ``seq > after_seq`` up to the first gap.

    With ``stop_at_gap=False`` every valid action is kept in ``seq`` order (for reports,
    which want all timings even when one line was lost).
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        data = b""
    header: dict[str, Any] | None = None
    actions: list[dict[str, Any]] = []
    expected = after_seq + 1
    last_alive: float | None = None
    closed: dict[str, Any] | None = None
    problems: list[str] = []
    stopped = False
    lines = data.splitlines(keepends=True)
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        record = decode_line(raw)
        if record is None:
            problems.append(f"line {number}: {damage(raw, last=number == len(lines))}")
            continue
        if "journal" in record:
            if header is None:
                header = record
            continue
        last_alive = later(last_alive, record.get("t"))
        if "heartbeat" in record:
            last_alive = later(last_alive, record.get("heartbeat"))
            continue
        if "closed" in record:
            closed = record
            last_alive = later(last_alive, record.get("closed"))
            continue
        seq = record.get("seq")
        if not isinstance(seq, int) or stopped:
            continue
        if seq < expected:
            continue  # already in the snapshot, or a duplicate
        if seq > expected and stop_at_gap:
            problems.append(
                f"line {number}: action {expected} is missing; "
                f"the {len(lines) - number + 1} line(s) after it were not replayed"
            )
            stopped = True
            continue
        if seq > expected:
            missing = f"{expected}" if seq == expected + 1 else f"{expected} to {seq - 1}"
            problems.append(
                f"line {number}: action {missing} is missing; the actions after it were kept"
            )
        actions.append(record)
        expected = seq + 1
    return JournalContents(header, actions, expected - 1, last_alive, closed, problems)


def encode_snapshot(seq: int, t: float | None, state: dict[str, Any]) -> bytes:
    return encode_line({"snapshot": FORMAT_VERSION, "seq": seq, "t": t, "state": state})


def write_snapshot(folder: Path, seq: int, t: float | None, state: dict[str, Any]) -> None:
    atomic_write_bytes(folder / SNAPSHOT_NAME, encode_snapshot(seq, t, state))


def write_snapshot_bytes(folder: Path, data: bytes) -> None:
    atomic_write_bytes(folder / SNAPSHOT_NAME, data)


def read_snapshot(folder: Path) -> dict[str, Any] | None:
    """The newest valid snapshot: the file itself, or a complete temp left by a failed rename."""
    best: dict[str, Any] | None = None
    for path in (folder / SNAPSHOT_NAME, *leftover_temps(folder / SNAPSHOT_NAME)):
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        record = decode_line(raw)
        if record is None or not isinstance(record.get("seq"), int):
            continue
        if not isinstance(record.get("state"), dict):
            continue
        if best is None or record["seq"] > best["seq"]:
            best = record
    return best
