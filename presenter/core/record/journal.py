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

This module holds the recorder the controller writes through and is the one place to
import from; the parts live beside it by concern: ``journal_codec`` (one line and the
format version), ``journal_file`` (appending, reading, snapshots) and
``journal_recovery`` (a session folder read back).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from presenter.core.record.codec import (
    FORMAT_VERSION,
    JournalFormatError,
    check_format,
    decode_line,
    encode_line,
    later,
)
from presenter.core.record.file import (
    JOURNAL_NAME,
    SNAPSHOT_NAME,
    JournalContents,
    JournalWriter,
    encode_snapshot,
    read_journal,
    read_snapshot,
    write_snapshot,
    write_snapshot_bytes,
)
from presenter.core.record.recovery import Recovered, recover

log = logging.getLogger(__name__)

SNAPSHOT_EVERY_ACTIONS = 50
SNAPSHOT_EVERY_SECONDS = 30.0
HEARTBEAT_SECONDS = 3.0  # with the 2 s poll: a running timer resumes within 5 s

__all__ = [
    "FORMAT_VERSION",
    "HEARTBEAT_SECONDS",
    "JOURNAL_NAME",
    "SNAPSHOT_EVERY_ACTIONS",
    "SNAPSHOT_EVERY_SECONDS",
    "SNAPSHOT_NAME",
    "JournalContents",
    "JournalFormatError",
    "JournalWriter",
    "Recovered",
    "SessionRecorder",
    "StateSource",
    "check_format",
    "decode_line",
    "encode_line",
    "read_journal",
    "read_snapshot",
    "recover",
    "write_snapshot",
]


class StateSource(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


class SessionRecorder:
    """The controller's recorder: ``record(action)`` returns once the line is written.

    Every action is its own line, written before the action is applied, so a crash of
    the app never loses what the screen showed. With ``background=True`` (the default)
    a helper thread fsyncs the lines, many in one go, so a slow USB stick never delays
    the next slide; ``lag()`` tells the console how far the device is behind, and it
    says so when that lasts. With ``background=False`` every line is fsynced before
    ``record`` returns (3 ms on an SSD, 20-50 ms on a cheap stick).
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
        background: bool = True,
    ) -> None:
        self.folder = folder
        self.writer = writer
        if background:
            writer.sync_in_background()
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
            try:
                self._snapshot_soon(int(action["seq"]) - 1, t)
            except OSError as error:  # the journal alone replays; the next one retries
                log.warning("snapshot not written to %s: %s", self.folder, error)
        try:
            with self._lock:
                self.writer.append(action)
        except OSError:
            self._needs_snapshot = True
            raise
        self._since_snapshot += 1
        self._last_written_t = later(self._last_written_t, t)
        late = self.writer.take_sync_error()
        if late is not None:
            # An earlier line or snapshot did not reach the device: say so now, and
            # snapshot at the next action so that recovery does not depend on it.
            self._needs_snapshot = True
            raise late

    def lag(self) -> tuple[int, float]:
        """(actions and marks written but not yet on the device, seconds the oldest
        has waited). Always (0, 0.0) when every line is fsynced before ``record`` returns."""
        return self.writer.lag()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything recorded is on the device. False on timeout."""
        return self.writer.flush(timeout)

    def _snapshot_soon(self, seq: int, t: Any) -> None:
        """A snapshot taken now, written after the lines before it are on disk."""
        if self._state is None:
            return
        payload = self._state().to_dict()
        if isinstance(payload.get("seq"), int):
            seq = payload["seq"]
        data = encode_snapshot(seq, t, payload)  # here: the state may change after
        self._since_snapshot = 0
        self._last_snapshot_t = t
        self._needs_snapshot = False

        def write() -> None:
            try:
                write_snapshot_bytes(self.folder, data)
            except OSError:
                self._needs_snapshot = True
                raise

        self.writer.after_sync(write)

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
        self.writer.flush(timeout=10.0)  # no background snapshot may write at the same time
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
        self.writer.flush(timeout=10.0)
        try:
            self.snapshot(t=now)
        except OSError as error:  # the closing line below matters more
            log.warning("last snapshot not written to %s: %s", self.folder, error)
        with self._lock:
            self.writer.append({"closed": now, "reason": reason, **extra}, durable_now=True)
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
