"""The session journal: one fsynced line per facilitator action, plus atomic snapshots.

Line format (UTF-8)::

    <crc32 of the JSON, 8 hex digits> <compact JSON object>\\n

The first line is the header (``"journal"`` key: format version, deck, variant, start).
Action lines carry ``seq`` (1, 2, 3, ...). Lines without ``seq`` are bookkeeping:
heartbeats (``"heartbeat"``: wall time while a timer runs) and the closing mark
(``"closed"``). A line is trusted only when its CRC matches, so a torn last line after a
power cut, or a line damaged on disk, is skipped and reported, never fatal.

Recovery = the newest valid snapshot + replay of the actions with ``seq`` above it,
stopping at the first missing ``seq`` (what follows a gap is not a prefix of what the
facilitator did, so it is not replayed). The journal is never truncated: a workshop
writes a few hundred lines, and the full history is what the report's timings use.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from presenter.core.safewrite import atomic_write_bytes, fsync_dir, full_fsync

FORMAT_VERSION = 1
JOURNAL_NAME = "journal.jsonl"
SNAPSHOT_NAME = "snapshot.json"
SNAPSHOT_EVERY_ACTIONS = 50
SNAPSHOT_EVERY_SECONDS = 30.0
HEARTBEAT_SECONDS = 10.0


class JournalFormatError(Exception):
    """The journal exists but cannot be used (unknown format version, no header)."""


def encode_line(record: dict[str, Any]) -> bytes:
    payload = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    data = payload.encode("utf-8")
    return b"%08x %s\n" % (zlib.crc32(data), data)


def decode_line(raw: bytes) -> dict[str, Any] | None:
    """The record on one line, or None if the line is torn, damaged or not ours."""
    if not raw.endswith(b"\n"):
        return None
    raw = raw.rstrip(b"\r\n")
    if len(raw) < 10 or raw[8:9] != b" ":
        return None
    try:
        crc = int(raw[:8], 16)
    except ValueError:
        return None
    data = raw[9:]
    if zlib.crc32(data) != crc:
        return None
    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return record if isinstance(record, dict) else None


class JournalWriter:
    """Appends records with one ``write`` each, then fsync. Raises OSError on failure.

    After a failed write the file may end with half a line; the next record then starts
    with a newline so the damage stays confined to that one (skipped) line.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        existed = path.exists()
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
        self._fd: int | None = os.open(path, flags, 0o600)
        self._needs_newline = existed and not _ends_with_newline(path)
        if not existed:
            fsync_dir(path.parent)

    def append(self, record: dict[str, Any]) -> None:
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
        full_fsync(self._fd)
        self._needs_newline = False

    def close(self) -> None:
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
            if number == len(lines) and not raw.endswith(b"\n"):
                problems.append(f"line {number}: incomplete last line skipped (cut off)")
            else:
                problems.append(f"line {number}: damaged line skipped (checksum mismatch)")
            continue
        if "journal" in record:
            if header is None:
                header = record
            continue
        last_alive = _later(last_alive, record.get("t"))
        if "heartbeat" in record:
            last_alive = _later(last_alive, record.get("heartbeat"))
            continue
        if "closed" in record:
            closed = record
            last_alive = _later(last_alive, record.get("closed"))
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
        actions.append(record)
        expected = seq + 1
    return JournalContents(header, actions, expected - 1, last_alive, closed, problems)


def _later(current: float | None, value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) if current is None else max(current, float(value))
    return current


def check_format(header: dict[str, Any] | None) -> None:
    """Raise :class:`JournalFormatError` with a message a facilitator can act on."""
    if header is None:
        raise JournalFormatError("the session record has no readable header")
    version = header.get("journal")
    if not isinstance(version, int):
        raise JournalFormatError("the session record has no format version")
    if version > FORMAT_VERSION:
        raise JournalFormatError(
            f"this session was recorded by a newer version of the app (record format "
            f"{version}, this app reads up to {FORMAT_VERSION}); update the app to open it"
        )
    if version < FORMAT_VERSION:
        raise JournalFormatError(
            f"this session was recorded in an older format ({version}) that this version "
            f"cannot resume; its folder is kept as it is"
        )


def write_snapshot(folder: Path, seq: int, t: float | None, state: dict[str, Any]) -> None:
    record = {"snapshot": FORMAT_VERSION, "seq": seq, "t": t, "state": state}
    atomic_write_bytes(folder / SNAPSHOT_NAME, encode_line(record))


def read_snapshot(folder: Path) -> dict[str, Any] | None:
    """The newest valid snapshot: the file itself, or a complete temp left by a failed rename."""
    best: dict[str, Any] | None = None
    for name in (SNAPSHOT_NAME, SNAPSHOT_NAME + ".tmp"):
        try:
            raw = (folder / name).read_bytes()
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


class StateSource(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


class SessionRecorder:
    """The controller's recorder: ``record(action)`` returns only once the line is on disk.

    Every action is its own fsynced line, so anything the screen has confirmed is on disk
    (no coalescing: a few hundred fsyncs per workshop cost well under a second).
    Snapshots are written every ``snapshot_every`` actions or ``snapshot_seconds``, and
    after a failed write, so that recovery can step over the action that was lost.
    """

    def __init__(
        self,
        folder: Path,
        writer: JournalWriter,
        *,
        next_seq: int = 1,
        snapshot_every: int = SNAPSHOT_EVERY_ACTIONS,
        snapshot_seconds: float = SNAPSHOT_EVERY_SECONDS,
        heartbeat_seconds: float = HEARTBEAT_SECONDS,
    ) -> None:
        self.folder = folder
        self.writer = writer
        self.next_seq = next_seq
        self.snapshot_every = snapshot_every
        self.snapshot_seconds = snapshot_seconds
        self.heartbeat_seconds = heartbeat_seconds
        self._state: Callable[[], StateSource] | None = None
        self._since_snapshot = 0
        self._last_snapshot_t: float | None = None
        self._last_written_t: float | None = None
        self._needs_snapshot = False
        self._lock = threading.Lock()  # heartbeats may come from a helper thread
        self.closed = False

    @property
    def session_id(self) -> str:
        return self.folder.name

    def attach(self, state: Callable[[], StateSource]) -> None:
        """Give the recorder a way to read the current state, for snapshots."""
        self._state = state

    def record(self, action: dict[str, Any]) -> None:
        """Append one action (called before it is applied). Raises OSError if not stored."""
        if not isinstance(action.get("seq"), int):
            action["seq"] = self.next_seq
        self.next_seq = int(action["seq"]) + 1
        t = action.get("t")
        if self._snapshot_due(t):
            # The state now holds every action before this one: a consistent snapshot.
            with contextlib.suppress(OSError):
                self.snapshot(seq=int(action["seq"]) - 1, t=t)
        try:
            with self._lock:
                self.writer.append(action)
        except OSError:
            self._needs_snapshot = True
            raise
        self._since_snapshot += 1
        self._last_written_t = _later(self._last_written_t, t)

    def heartbeat(self, now: float, *, force: bool = False) -> bool:
        """Note that the session is alive (call while a timer runs). True if written.

        At most one line per ``heartbeat_seconds``, so after a power cut the running
        timers resume with at most that many seconds missing.
        """
        with self._lock:
            last = self._last_written_t
            if self.closed:
                return False
            if not force and last is not None and now - last < self.heartbeat_seconds:
                return False
            self.writer.append({"heartbeat": now})
            self._last_written_t = now
            return True

    def snapshot(self, *, seq: int | None = None, t: float | None = None) -> bool:
        """Write the current state atomically. False when no state is attached."""
        if self._state is None:
            return False
        payload = self._state().to_dict()
        if isinstance(payload.get("seq"), int):
            seq = payload["seq"]  # the state knows which actions it holds
        elif seq is None:
            seq = self.next_seq - 1
        write_snapshot(self.folder, seq, t, payload)
        self._since_snapshot = 0
        self._last_snapshot_t = t
        self._needs_snapshot = False
        return True

    def close(self, now: float, reason: str = "ended", **extra: Any) -> None:
        """Mark the session finished (it is no longer offered for resume)."""
        if self.closed:
            return
        with contextlib.suppress(OSError):
            self.snapshot(t=now)
        with self._lock:
            self.writer.append({"closed": now, "reason": reason, **extra})
            self.closed = True
            self.writer.close()

    def _snapshot_due(self, t: Any) -> bool:
        if self._state is None:
            return False
        if self._needs_snapshot or self._since_snapshot >= self.snapshot_every:
            return True
        if not isinstance(t, int | float):
            return False
        if self._last_snapshot_t is None:
            self._last_snapshot_t = float(t)  # the clock for snapshots starts now
            return False
        return (
            self._since_snapshot > 0 and float(t) - self._last_snapshot_t >= self.snapshot_seconds
        )


@dataclass
class Recovered:
    """A session as far as its files can be trusted: a baseline plus the actions after it.

    The baseline is the newest usable snapshot, else the state the header started from
    (a session continued after the deck changed), else None (a fresh ``SessionState``).
    """

    folder: Path
    header: dict[str, Any]
    base_state: dict[str, Any] | None
    base_seq: int
    actions: list[dict[str, Any]]
    last_seq: int
    last_alive: float | None
    closed: dict[str, Any] | None
    problems: list[str]


def recover(folder: Path) -> Recovered:
    """Read a session folder. Raises :class:`JournalFormatError` if it cannot be used."""
    path = folder / JOURNAL_NAME
    first = read_journal(path, 0)
    check_format(first.header)
    header = first.header
    assert header is not None
    base = header.get("base") if isinstance(header.get("base"), dict) else None
    base_seq = int(base.get("seq", 0)) if base is not None else 0
    contents = read_journal(path, base_seq) if base_seq else first
    snapshot = read_snapshot(folder)
    last_alive = _later(contents.last_alive, header.get("started"))
    if snapshot is not None and snapshot["seq"] >= max(contents.last_seq, base_seq):
        # The snapshot holds every contiguous action (and maybe ones whose line was lost).
        after = read_journal(path, snapshot["seq"])
        return Recovered(
            folder,
            header,
            snapshot["state"],
            snapshot["seq"],
            after.actions,
            max(after.last_seq, snapshot["seq"]),
            _later(last_alive, snapshot.get("t")),
            after.closed,
            after.problems,
        )
    # Otherwise replaying the lines from the baseline is exact; an older snapshot is
    # only a shortcut, and the lines are the record.
    return Recovered(
        folder,
        header,
        base,
        base_seq,
        contents.actions,
        max(contents.last_seq, base_seq),
        _later(last_alive, snapshot.get("t") if snapshot else None),
        contents.closed,
        contents.problems,
    )
