"""Session records on disk: one folder per workshop under ``<data>/sessions/<id>/``.

A folder holds ``journal.jsonl`` (see :mod:`presenter.core.record.journal`) and
``snapshot.json``. The header line carries what a report needs about the deck (its
title, version, content hash and an outline of the slides), so a record still makes
sense after the deck file is edited, moved or deleted.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presenter import __version__
from presenter.core.deck.model import Deck
from presenter.core.record.codec import encode_line
from presenter.core.record.journal import (
    FORMAT_VERSION,
    JOURNAL_NAME,
    JournalFormatError,
    JournalWriter,
    Recovered,
    SessionRecorder,
    decode_line,
    recover,
)
from presenter.core.record.recovery import HEADER_COPY, read_header_copy
from presenter.core.session.clock import Clock
from presenter.core.session.state import SessionState, replay
from presenter.support.datadir import sessions_dir
from presenter.support.safewrite import atomic_write_bytes

log = logging.getLogger(__name__)

HEARTBEAT_POLL_SECONDS = 2.0
SET_ASIDE = "set-aside"  # a file in a session folder: the facilitator started fresh instead
StateSource = Callable[[], SessionState]
# What reading a record from another laptop can raise: it is then listed as unreadable.
UNREADABLE = (JournalFormatError, OSError, ValueError, TypeError, KeyError, RecursionError)


def new_session_id(now: float) -> str:
    """Sortable by start time, unique without coordination: ``20261122-1432-a3f9``."""
    # os.urandom is what secrets.token_hex reads; importing secrets would load OpenSSL.
    return time.strftime("%Y%m%d-%H%M%S", time.localtime(now)) + "-" + os.urandom(2).hex()


def deck_path_key(path: str | Path | None) -> str:
    if path is None:
        return ""
    with contextlib.suppress(OSError):
        return str(Path(path).resolve())
    return str(Path(path).absolute())


def deck_outline(deck: Deck, variant: str | None) -> list[dict[str, Any]]:
    """What reports and resume need about each slide, without the slide text."""
    outline = []
    for slide in deck.slides:
        entry: dict[str, Any] = {
            "i": slide.index,
            "kind": slide.kind,
            "title": slide.title,
            "minutes": slide.minutes,
            "visible": slide.visible_for(variant),
            "steps": slide.step_count,
        }
        if slide.id:
            entry["id"] = slide.id
        if slide.myth is not None:
            entry["myth"] = slide.myth.statement
            if not slide.myth.is_myth:
                entry["answer"] = slide.myth.answer
        if slide.recap_ids:
            entry["recap"] = list(slide.recap_ids)
        outline.append(entry)
    return outline


def make_header(
    deck: Deck,
    variant: str | None,
    session_id: str,
    now: float,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "journal": FORMAT_VERSION,
        "session": session_id,
        "app": __version__,
        "started": now,
        "deck_path": deck_path_key(deck.path),
        "deck_hash": deck.content_hash,
        "deck_title": deck.meta.title,
        "deck_version": deck.meta.version,
        "variant": variant,
        "planned_minutes": deck.planned_minutes(variant),
        "outline": deck_outline(deck, variant),
        **extra,
    }


class SessionRecord:
    """The live record of one workshop: hand ``recorder`` to the controller, then attach.

    ``attach`` gives the record where to read the live state (for snapshots). ``start_heartbeat``
    runs a small helper thread that notes every few seconds that the session is alive
    while a clock runs, so a resume after a crash loses only seconds of timer time.
    """

    def __init__(self, folder: Path, recorder: SessionRecorder, header: dict[str, Any]) -> None:
        self.folder = folder
        self.recorder = recorder
        self.header = header
        self.state_source: StateSource | None = None
        self.last_error: OSError | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def session_id(self) -> str:
        return self.folder.name

    def attach(self, state_source: StateSource) -> None:
        """Read the live state through ``state_source`` (the controller's ``state``)."""
        self.state_source = state_source
        self.recorder.attach(state_source)

    def heartbeat(self, now: float, *, force: bool = False) -> bool:
        """Note the session is alive if a clock is running (throttled). Never raises."""
        source = self.state_source
        if source is None or (not force and not clocks_running(source())):
            return False
        try:
            return self.recorder.heartbeat(now, force=force)
        except OSError as error:
            if self.last_error is None:
                log.warning("heartbeat not written to %s: %s", self.folder, error)
            self.last_error = error
            return False

    def start_heartbeat(self, clock: Clock, poll: float = HEARTBEAT_POLL_SECONDS) -> None:
        if self._thread is not None:
            return

        def run() -> None:
            while not self._stop.wait(poll):
                self.heartbeat(clock.now())

        self._thread = threading.Thread(target=run, name="session-heartbeat", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop writing (the app is closing). The session stays resumable if unfinished."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if not self.recorder.closed:
            try:
                self.recorder.snapshot()
            except OSError as error:  # the journal alone still replays to the same state
                log.warning("last snapshot not written to %s: %s", self.folder, error)
            self.recorder.writer.close()

    def close(self, now: float, reason: str = "ended", **extra: Any) -> None:
        """Mark the session done: it is no longer offered for resume."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self.recorder.close(now, reason, **extra)


def clocks_running(state: SessionState) -> bool:
    return state.talk.running or any(c.clock.running for c in state.countdowns.values())


def _write_header_copy(folder: Path, header: dict[str, Any]) -> None:
    """A second copy of the header: one damaged first line must not lose the session."""
    try:
        atomic_write_bytes(folder / HEADER_COPY, encode_line(header))
    except OSError as error:
        log.warning("header copy not written in %s: %s", folder, error)


def create_record(
    deck: Deck,
    variant: str | None,
    now: float,
    root: Path | None = None,
    *,
    base: SessionState | None = None,
    **extra: Any,
) -> SessionRecord:
    """A new session folder with its header on disk. Raises OSError if it cannot be made."""
    parent = sessions_dir(root)
    parent.mkdir(parents=True, exist_ok=True)
    session_id = new_session_id(now)
    folder = parent / session_id
    while folder.exists():
        session_id = new_session_id(now)
        folder = parent / session_id
    folder.mkdir()
    if base is not None:
        extra["base"] = base.to_dict()
    header = make_header(deck, variant, session_id, now, **extra)
    # The header is written now (an app crash loses nothing) and pushed to the device by
    # the journal's helper thread, like every line after it: the room's first frame is
    # painted while it goes (four fsyncs: 20-50 ms each on a cheap USB stick). No action
    # has been shown yet; the console counts the header as unsaved until it is on disk.
    writer = JournalWriter(folder / JOURNAL_NAME, background=True)
    try:
        writer.append(header)
    except OSError:
        writer.close()
        raise
    writer.after_sync(lambda: _write_header_copy(folder, header))
    next_seq = (base.seq if base is not None else 0) + 1
    return SessionRecord(folder, SessionRecorder(folder, writer, next_seq=next_seq), header)


@dataclass
class LoadedSession:
    """A session read back from disk and replayed."""

    folder: Path
    header: dict[str, Any]
    state: SessionState
    recovered: Recovered
    problems: list[str] = field(default_factory=list)

    @property
    def session_id(self) -> str:
        return self.folder.name

    @property
    def closed(self) -> dict[str, Any] | None:
        return self.recovered.closed

    @property
    def finished(self) -> bool:
        return self.state.finished is not None or self.closed is not None

    @property
    def last_alive(self) -> float:
        times = [self.recovered.last_alive, self.state.last_t, self.header.get("started")]
        known = [float(t) for t in times if isinstance(t, int | float) and not isinstance(t, bool)]
        return max(known, default=0.0)

    @property
    def set_aside(self) -> bool:
        """The facilitator started fresh instead: still resumable from the home window,
        but no longer offered by itself when the deck is presented."""
        return (self.folder / SET_ASIDE).exists()

    @property
    def continued_in(self) -> str | None:
        closed = self.closed or {}
        value = closed.get("continued_in")
        return str(value) if value else None

    def slide_entry(self, index: int) -> dict[str, Any] | None:
        outline = self.header.get("outline") or []
        return outline[index] if 0 <= index < len(outline) else None

    @property
    def visible_outline(self) -> list[dict[str, Any]]:
        """The slides of the variant presented, as the record's outline lists them."""
        outline = self.header.get("outline") or []
        return [e for e in outline if isinstance(e, dict) and e.get("visible", True)]

    def slide_number(self, index: int) -> int:
        """The 1-based number of ``deck.slides[index]`` among the slides the room saw
        (0 when it was not one of them): the one rule every "slide n of m" uses."""
        entry = self.slide_entry(index) or {}
        visible = self.visible_outline
        return next((n for n, e in enumerate(visible, 1) if e.get("i") == entry.get("i")), 0)

    @property
    def stopped_at(self) -> int:
        """The slide number where the session stopped (0 when unknown)."""
        return self.slide_number(self.state.slide)

    @property
    def reached(self) -> int:
        """The furthest slide number shown (a recap jumps back: not the last one)."""
        shown = set(self.state.slide_times) | {self.state.slide}
        visible = self.visible_outline
        return max((n for n, e in enumerate(visible, 1) if e.get("i") in shown), default=0)


def load_session(folder: Path) -> LoadedSession:
    """Read and replay one session. Raises :class:`JournalFormatError` if unusable."""
    recovered = recover(folder)
    try:
        base = SessionState.from_dict(recovered.base_state) if recovered.base_state else None
    except (KeyError, TypeError, ValueError) as error:
        raise JournalFormatError(f"the session's saved state cannot be read ({error})") from None
    actions: list[Mapping[str, Any]] = list(recovered.actions)
    try:
        state = replay(actions, base)
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as error:
        raise JournalFormatError(f"the session's actions cannot be replayed ({error})") from None
    return LoadedSession(folder, recovered.header, state, recovered, list(recovered.problems))


def iter_session_folders(root: Path | None = None) -> Iterator[Path]:
    parent = sessions_dir(root)
    if not parent.is_dir():
        return
    for folder in sorted(parent.iterdir()):
        if folder.is_dir() and (folder / JOURNAL_NAME).is_file():
            yield folder


def list_sessions(
    root: Path | None = None,
) -> tuple[list[LoadedSession], list[tuple[Path, str]]]:
    """Every readable session (oldest first) and the folders that could not be read."""
    sessions: list[LoadedSession] = []
    unreadable: list[tuple[Path, str]] = []
    for folder in iter_session_folders(root):
        try:
            sessions.append(load_session(folder))
        except UNREADABLE as error:
            unreadable.append((folder, str(error) or type(error).__name__))
    return sessions, unreadable


def find_session(key: str | Path, root: Path | None = None) -> Path | None:
    """A session folder from its id, a unique id prefix, or a path to it or its journal."""
    path = Path(key)
    if path.is_file() and path.name == JOURNAL_NAME:
        return path.parent
    if (path / JOURNAL_NAME).is_file():
        return path
    matches = [f for f in iter_session_folders(root) if f.name.startswith(str(key))]
    exact = [f for f in matches if f.name == str(key)]
    if exact:
        return exact[0]
    return matches[0] if len(matches) == 1 else None


def find_unfinished(
    deck_path: str | Path, root: Path | None = None, *, set_aside: bool = False
) -> LoadedSession | None:
    """The newest unfinished session of this deck file, if any. Sessions set aside
    (the facilitator chose to start fresh) count only with ``set_aside``."""
    key = deck_path_key(deck_path)
    for folder in reversed(list(iter_session_folders(root))):
        header = read_header(folder)
        if header is None or header.get("deck_path") != key:
            continue
        try:
            session = load_session(folder)
        except UNREADABLE:
            continue
        if not session.finished and (set_aside or not session.set_aside):
            return session
    return None


def mark_set_aside(folder: Path, now: float) -> None:
    """Note that a new session started instead of this one (it stays resumable)."""
    try:
        (folder / SET_ASIDE).write_text(time.strftime("%Y-%m-%d %H:%M\n", time.localtime(now)))
    except OSError as error:
        log.warning("could not mark %s as set aside: %s", folder, error)


def read_header(folder: Path) -> dict[str, Any] | None:
    """The journal's first line, cheaply (None if missing or damaged)."""
    try:
        with (folder / JOURNAL_NAME).open("rb") as handle:
            record = decode_line(handle.readline(1024 * 1024))
    except OSError:
        record = None
    if record is None or "journal" not in record:
        record = read_header_copy(folder)
    return record
