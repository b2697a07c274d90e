"""Starting and resuming the session record of a workshop.

The app's flow (the console and ``presenter run`` do this)::

    unfinished = find_unfinished(deck.path)          # offer to resume if not None
    opened = resume_session(unfinished, deck, clock)  # or start_session(...)
    controller = SessionController(deck, opened.variant, clock,
                                   recorder=opened.recorder, state=opened.state)
    opened.attach(controller)   # snapshots; clocks skip the time the app was dead

``open_session(deck, variant, clock, resume=True)`` does all of it for
``presenter run --resume``. A session record that cannot be created never blocks the
workshop: ``opened.record`` is then None and ``opened.notice`` says why.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presenter.core.deck.model import Deck
from presenter.core.record.faults import not_recorded
from presenter.core.record.journal import SessionRecorder
from presenter.core.record.store import (
    UNREADABLE,
    LoadedSession,
    SessionRecord,
    create_record,
    find_unfinished,
    mark_set_aside,
)
from presenter.core.session.clock import Clock
from presenter.core.session.controller import SessionController
from presenter.core.session.state import Countdown, SessionState, Stopwatch

log = logging.getLogger(__name__)

RESUME_BY_ID = "id"  # slides found by their id, else by position
RESUME_BY_POSITION = "position"


@dataclass
class OpenedSession:
    """What the presenting code needs: a recorder (or None) and a state (or None: fresh)."""

    record: SessionRecord | None
    state: SessionState | None
    variant: str | None
    notice: str = ""
    resumed_from: LoadedSession | None = None
    messages: list[str] = field(default_factory=list)

    @property
    def recorder(self) -> SessionRecorder | None:
        return self.record.recorder if self.record is not None else None

    def attach(self, controller: SessionController, clock: Clock | None = None) -> None:
        """Connect the record to the controller; after a resume, skip the dead time."""
        if self.record is not None:
            self.record.attach(lambda: controller.state)
        if self.resumed_from is not None:
            exclude_downtime(controller, self.resumed_from.last_alive)
        if self.record is not None and clock is not None:
            self.record.start_heartbeat(clock)


def deck_changed(session: LoadedSession, deck: Deck) -> bool:
    return session.header.get("deck_hash") != deck.content_hash


def describe(session: LoadedSession) -> str:
    """One line for the resume question: when it started, where it stopped, and when the
    record ends. That last time tells a cut-off record from the power cut just now: a
    journal cut mid-file (a damaged copy) reads like one that stopped then."""
    started = session.header.get("started")
    when = time.strftime("%H:%M on %d %b", time.localtime(started)) if started else "?"
    entry = session.slide_entry(session.state.slide) or {}
    title = entry.get("title") or "?"
    total = len(session.visible_outline)
    line = f"started at {when}, stopped on slide {session.stopped_at} of {total} ({title})"
    last = session.last_alive
    if last is None or started is None:
        return line
    same_day = time.localtime(last)[:3] == time.localtime(started)[:3]
    ended = time.strftime("%H:%M" if same_day else "%H:%M on %d %b", time.localtime(last))
    return f"{line}; its record ends at {ended}"


def start_session(
    deck: Deck, variant: str | None, clock: Clock, root: Path | None = None
) -> OpenedSession:
    try:
        record = create_record(deck, variant, clock.now(), root)
    except OSError as error:
        return OpenedSession(None, None, variant, _no_record_notice(error))
    return OpenedSession(record, None, variant)


def resume_session(
    session: LoadedSession,
    deck: Deck,
    clock: Clock,
    root: Path | None = None,
    how: str = RESUME_BY_ID,
) -> OpenedSession:
    """Continue ``session`` with ``deck``. Same deck: the same journal goes on.

    A changed deck: the state is carried over by slide id (else position) into a new
    session folder whose header starts from it, and the old record is closed as
    "continued", so every journal keeps indexing one version of the deck.
    """
    variant = session.header.get("variant")
    messages = list(session.problems)
    if not deck_changed(session, deck):
        try:
            record = reopen_record(session)
        except OSError as error:
            return OpenedSession(None, session.state, variant, _no_record_notice(error))
        notice = f"Resumed the workshop {describe(session)}."
        return OpenedSession(record, session.state, variant, notice, session, messages)
    state, how_used = carry_over(session, deck, variant, how)
    notice = (
        f"The deck has changed since this workshop {describe(session)}. "
        f"Resumed {how_used}; tallies, notes and times were carried over where the "
        "slides still match."
    )
    try:
        record = create_record(
            deck, variant, clock.now(), root, base=state, continues=session.session_id
        )
    except OSError as error:
        return OpenedSession(None, state, variant, _no_record_notice(error), session, messages)
    try:
        old = reopen_record(session)
        old.close(clock.now(), "continued", continued_in=record.session_id)
    except OSError as error:  # the new record holds everything; the old one stays open
        log.warning("old record %s not closed as continued: %s", session.folder, error)
    return OpenedSession(record, state, variant, notice, session, messages)


def reopen_record(session: LoadedSession) -> SessionRecord:
    from presenter.core.record.journal import JOURNAL_NAME, JournalWriter

    writer = JournalWriter(session.folder / JOURNAL_NAME)
    recorder = SessionRecorder(session.folder, writer, next_seq=session.state.seq + 1)
    return SessionRecord(session.folder, recorder, session.header)


def discard_unfinished(session: LoadedSession, now: float) -> bool:
    """The facilitator ended the interrupted session without resuming it: its record is
    kept (reports show it) and closed as "not resumed"."""
    try:
        reopen_record(session).close(now, "not resumed")
    except OSError as error:
        log.warning("record %s not closed: %s", session.folder, error)
        return False
    return True


def set_aside(session: LoadedSession, now: float) -> None:
    """The facilitator chose to start fresh: the interrupted record is left as it is
    (resumable from the home window until ended) and no longer offered by itself."""
    mark_set_aside(session.folder, now)


def open_session(
    deck: Deck,
    variant: str | None,
    clock: Clock,
    root: Path | None = None,
    *,
    resume: bool = False,
    how: str = RESUME_BY_ID,
) -> OpenedSession:
    """Start a record, or with ``resume`` continue this deck's unfinished one if any."""
    if resume and deck.path is not None:
        try:
            session = find_unfinished(deck.path, root, set_aside=True)
        except UNREADABLE as error:
            log.warning("unfinished sessions of %s not read: %s", deck.path, error)
            session = None
        if session is not None:
            opened = resume_session(session, deck, clock, root, how)
            if variant is not None and variant != opened.variant:
                opened.messages.append(
                    f"The session was started for the {opened.variant or 'full'} audience; "
                    "it continues with that variant."
                )
            return opened
        started = start_session(deck, variant, clock, root)
        if started.record is not None:
            started.notice = "No unfinished session of this deck to resume; starting a new one."
        else:  # never hide that nothing is being recorded
            started.messages.append("No unfinished session of this deck was found to resume.")
        return started
    return start_session(deck, variant, clock, root)


def exclude_downtime(controller: SessionController, last_alive: float) -> None:
    """Clocks that ran when the app died stop at its last sign of life and run again now.

    Done with ordinary recorded actions (pause at ``last_alive``, start now), so the
    journal alone still replays to the same timers.
    """
    state = controller.state
    now = controller.clock.now()
    if now <= last_alive:
        return
    if state.talk.running:
        controller.dispatch({"type": "talk_pause", "t": last_alive})
        controller.dispatch({"type": "talk_start"})
    for index, countdown in sorted(state.countdowns.items()):
        if countdown.clock.running:
            controller.dispatch({"type": "countdown_pause", "slide": index, "t": last_alive})
            controller.dispatch({"type": "countdown_start", "slide": index})


def carry_over(
    session: LoadedSession, deck: Deck, variant: str | None, how: str
) -> tuple[SessionState, str]:
    """The session's state with slide indexes moved onto the changed deck."""
    old_outline: list[dict[str, Any]] = list(session.header.get("outline") or [])
    old_visible = [e["i"] for e in old_outline if e.get("visible", True)]
    new_visible = [s.index for s in deck.slides_for(variant)] or [0]
    by_id = {s.id: s.index for s in deck.slides if s.id and s.index in new_visible}

    def moved(old: int, *, strict: bool = False) -> int | None:
        entry = old_outline[old] if 0 <= old < len(old_outline) else {}
        if how == RESUME_BY_ID and entry.get("id") in by_id:
            return by_id[entry["id"]]
        position = old_visible.index(old) if old in old_visible else len(old_visible)
        target = new_visible[min(position, len(new_visible) - 1)]
        if strict and entry.get("kind") != deck.slides[target].kind:
            return None
        return target

    old = session.state
    state = SessionState.from_dict(old.to_dict())
    state.deck_hash = deck.content_hash
    current = moved(old.slide)
    state.slide = current if current is not None else new_visible[0]
    state.step = max(0, min(old.step, deck.slides[state.slide].step_count - 1))
    state.slide_times = {}
    for index, watch in old.slide_times.items():
        target = moved(index)
        if target is None:
            continue
        merged = state.slide_times.setdefault(target, Stopwatch())
        merged.accumulated += watch.accumulated
        if merged.running_since is None:
            merged.running_since = watch.running_since
    state.countdowns = {}
    for index, countdown in old.countdowns.items():
        target = moved(index, strict=True)
        if target is not None:
            state.countdowns[target] = Countdown(countdown.total, countdown.clock)
    state.results = {}
    for (index, item), result in old.results.items():
        target = moved(index, strict=True)
        if target is not None and item < max(1, len(deck.slides[target].recap_ids)):
            state.results[(target, item)] = result
    state.revealed = set()
    for index, item in old.revealed:
        target = moved(index, strict=True)
        if target is not None:
            state.revealed.add((target, item))
    for note in state.notes:
        target = moved(note.slide)
        note.slide = target if target is not None else note.slide
    entry = deck.slides[state.slide]
    how_used = (
        f"at slide '{entry.id}'"
        if how == RESUME_BY_ID and entry.id
        else f"at the same position (slide {new_visible.index(state.slide) + 1})"
    )
    return state, how_used


def _no_record_notice(error: OSError) -> str:
    log.warning("no session record: %s", error)
    return not_recorded(error)
