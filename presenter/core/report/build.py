"""What a session record says, as numbers an organizer can report.

Everything comes from the record itself (the journal header's deck outline and the
replayed state), never from the deck file, so a report is right even after the deck
was edited or deleted. Reports hold no attendee names and no free text about
attendees: only counts, times, the facilitator's optional venue and initials, and
the facilitator's quick discussion notes.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from presenter.core.deck.kinds import kind_named
from presenter.core.record.store import LoadedSession
from presenter.core.session.view import Tally

log = logging.getLogger(__name__)

OPENING = "Opening"


@dataclass(frozen=True)
class SectionTime:
    title: str
    planned: float  # minutes
    actual: float  # minutes
    opening: bool = False  # the slides before the first section

    @property
    def difference(self) -> float:
        return self.actual - self.planned


@dataclass(frozen=True)
class MythResult:
    """One myth item: the show of hands on its myth slide and, if asked again, at the recap."""

    myth_id: str
    statement: str
    before: Tally | None
    after: Tally | None
    asked_again: bool  # a visible recap slide asks it again
    answer: str = "myth"  # "reality" for a statement that is true

    @property
    def shift(self) -> float | None:
        """Change in the share answering correctly, in percentage points."""
        if self.before is None or self.after is None:
            return None
        before, after = self.before.correct_share, self.after.correct_share
        if before is None or after is None:
            return None
        return 100.0 * (after - before)


@dataclass(frozen=True)
class Note:
    slide_title: str
    text: str
    t: float


@dataclass
class SessionReport:
    session_id: str
    started: float
    deck_title: str
    deck_version: str
    deck_hash: str
    variant: str | None
    venue: str
    initials: str
    attendees: int | None
    status: str  # finished / unfinished / continued / not resumed
    planned_minutes: float
    actual_minutes: float
    sections: list[SectionTime] = field(default_factory=list)
    myths: list[MythResult] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    continued_in: str | None = None
    continues: str | None = None

    @property
    def date(self) -> str:
        return time.strftime("%Y-%m-%d", time.localtime(self.started))

    @property
    def start_time(self) -> str:
        return time.strftime("%H:%M", time.localtime(self.started))

    @property
    def short_hash(self) -> str:
        return self.deck_hash[:12]


def session_status(session: LoadedSession) -> str:
    closed = session.closed or {}
    if session.state.finished is not None:
        return "finished"
    reason = closed.get("reason")
    if reason == "continued":
        return "continued"
    if reason == "not resumed":
        return "not resumed"
    if reason:
        return "finished"
    return "unfinished"


def build_report(session: LoadedSession) -> SessionReport:
    header = session.header
    state = session.state
    outline: list[dict[str, Any]] = list(header.get("outline") or [])
    end = state.finished if state.finished is not None else session.last_alive

    def minutes_on(index: int) -> float:
        return state.time_on_slide(index, end) / 60.0

    visible = [e for e in outline if e.get("visible", True)]
    sections: list[SectionTime] = []
    title, planned, actual, opening = OPENING, 0.0, 0.0, True
    started_any = False
    for entry in visible:
        if starts_part(entry):
            if started_any:
                sections.append(SectionTime(title, planned, actual, opening))
            title, planned, actual = str(entry.get("title") or "Section"), 0.0, 0.0
            opening = False
        started_any = True
        planned += float(entry.get("minutes") or 0.0)
        actual += minutes_on(int(entry["i"]))
    if started_any:
        sections.append(SectionTime(title, planned, actual, opening))

    titles = {int(e["i"]): str(e.get("title") or "") for e in outline}
    return SessionReport(
        session_id=session.session_id,
        started=float(header.get("started") or state.began or 0.0),
        deck_title=str(header.get("deck_title") or ""),
        deck_version=str(header.get("deck_version") or ""),
        deck_hash=str(header.get("deck_hash") or ""),
        variant=header.get("variant"),
        venue=state.venue,
        initials=state.initials,
        attendees=state.attendees,
        status=session_status(session),
        planned_minutes=sum(s.planned for s in sections),
        actual_minutes=state.elapsed(end) / 60.0,
        sections=sections,
        myths=myth_results(session, visible),
        notes=[Note(titles.get(n.slide, ""), n.text, n.t) for n in state.notes],
        problems=list(session.problems),
        continued_in=session.continued_in,
        continues=header.get("continues"),
    )


def starts_part(entry: dict[str, Any]) -> bool:
    """Whether an outline entry (which keeps only the kind's name) opens a part."""
    kind = kind_named(str(entry.get("kind") or ""))
    return kind is not None and kind.starts_part


def myth_results(session: LoadedSession, visible: list[dict[str, Any]]) -> list[MythResult]:
    state = session.state
    results: list[MythResult] = []
    # The outline keeps "myth" on myth slides and "recap" on recap slides (records.py).
    recaps = [e for e in visible if "recap" in e]
    for entry in visible:
        if "myth" not in entry:
            continue
        myth_id = str(entry.get("id") or "")
        answer = "reality" if entry.get("answer") == "reality" else "myth"
        before = state.tally(int(entry["i"]), 0, answer)
        after: Tally | None = None
        asked_again = False
        for recap in recaps:
            ids = list(recap.get("recap") or [])
            if myth_id and myth_id in ids:
                asked_again = True
                tally = state.tally(int(recap["i"]), ids.index(myth_id), answer)
                after = tally if tally is not None else after
        statement = str(entry.get("myth") or entry.get("title") or "")
        results.append(MythResult(myth_id, statement, before, after, asked_again, answer))
    return results
