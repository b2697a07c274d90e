"""One serializable session state, changed only by applying actions.

An action is a plain JSON-able dict ``{"type": str, "t": wall time, "seq": int, ...}``.
Actions are *resolved*: a press of "next" is recorded as the slide and step it led to,
so :func:`apply` needs no deck and replaying a list of actions from
``SessionState()`` reproduces the state exactly, even on another machine. The session
journal appends each action before it is applied; resuming is replaying.

Timers are timestamps (seconds accumulated while paused plus the wall time they were
started at), never tick counters, so a timer is right whenever it is read and paused
time is excluded by construction.

Action types (unknown types are ignored; ``seq`` still advances):

=================  ==============================================================
``begin``          ``deck_hash``, ``variant``, ``slide``: a fresh session
``acknowledge``    the content warning was acknowledged; the talk clock starts
``goto``           ``slide``, ``step``; optional ``countdown`` (seconds, creates the
                   slide's countdown if it has none) and ``reveal`` (item number)
``overlay``        ``overlay`` (an :class:`Overlay` value or null), ``under`` (the
                   overlay to restore when this one is toggled off)
``talk_start`` /   the talk clock (elapsed workshop time)
``talk_pause``
``countdown_start`` / ``countdown_pause``: ``slide``;
``countdown_adjust``  ``slide``, ``seconds`` (added to the total, may be negative)
``tally``          ``slide``, ``item``, ``said_myth``, ``said_reality`` (hands counted)
``phone_tally``    ``slide``, ``item``, ``said_myth``, ``said_reality``: the totals of the
                   answers from phones so far (never who answered: no device appears)
``not_asked``      ``slide``, ``item``, ``value`` (bool)
``note``           ``text`` (the slide is the current one)
``attendees``      ``count``; ``venue`` ``text``; ``initials`` ``text``
``finish``         the workshop is over; clocks stop
=================  ==============================================================
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from presenter.core.session.results import ItemResult, QuickNote
from presenter.core.session.timers import Countdown, Stopwatch
from presenter.core.session.view import Overlay, Tally

log = logging.getLogger(__name__)

Plain = TypeVar("Plain", Stopwatch, ItemResult, QuickNote)


def _twin(value: Plain) -> Plain:
    """A shallow copy of a plain dataclass of values: every field, whatever fields it
    gains, at a twentieth of ``copy.copy`` (one stopwatch per slide seen, per action)."""
    twin = object.__new__(type(value))
    twin.__dict__.update(value.__dict__)
    return twin


FORMAT_VERSION = 1

Action = dict[str, Any]

__all__ = [
    "Action", "Countdown", "ItemResult", "QuickNote", "SessionState", "Stopwatch", "apply",
    "replay",
]  # fmt: skip


@dataclass
class SessionState:
    """Everything about a running workshop. ``slide`` indexes ``deck.slides``."""

    format_version: int = FORMAT_VERSION
    seq: int = 0
    deck_hash: str = ""
    variant: str | None = None
    began: float | None = None  # wall time of the ``begin`` action
    last_t: float | None = None  # wall time of the last action (for resuming)
    finished: float | None = None
    slide: int = 0
    step: int = 0
    overlay: Overlay | None = None
    overlay_under: Overlay | None = None
    started: bool = False  # the content warning was acknowledged
    talk: Stopwatch = field(default_factory=Stopwatch)
    slide_times: dict[int, Stopwatch] = field(default_factory=dict)
    countdowns: dict[int, Countdown] = field(default_factory=dict)
    results: dict[tuple[int, int], ItemResult] = field(default_factory=dict)
    revealed: set[tuple[int, int]] = field(default_factory=set)
    notes: list[QuickNote] = field(default_factory=list)
    attendees: int | None = None
    venue: str = ""
    initials: str = ""

    # -- reading ---------------------------------------------------------------------

    def elapsed(self, now: float) -> float:
        return self.talk.elapsed(now)

    def time_on_slide(self, slide: int, now: float) -> float:
        watch = self.slide_times.get(slide)
        return watch.elapsed(now) if watch else 0.0

    def result(self, slide: int, item: int) -> ItemResult | None:
        return self.results.get((slide, item))

    def tally(self, slide: int, item: int, answer: str = "myth") -> Tally | None:
        """The counts for one item, scored by the statement's ``answer``."""
        entry = self.results.get((slide, item))
        tally = entry.tally if entry else None
        return tally.answering(answer) if tally is not None else None

    def is_revealed(self, slide: int, item: int) -> bool:
        return (slide, item) in self.revealed

    # -- changing --------------------------------------------------------------------

    def copy(self) -> SessionState:
        """A deep copy, field by field (``copy.deepcopy`` of a late-workshop state cost
        milliseconds per action). The other fields are immutable values (numbers,
        strings, enums, tuples); a test holds every container field to being copied."""
        new = copy.copy(self)
        new.talk = _twin(self.talk)
        new.slide_times = {k: _twin(v) for k, v in self.slide_times.items()}
        new.countdowns = {k: Countdown(v.total, _twin(v.clock)) for k, v in self.countdowns.items()}
        new.results = {k: _twin(v) for k, v in self.results.items()}
        new.revealed = set(self.revealed)
        new.notes = [_twin(n) for n in self.notes]
        return new

    def apply(self, action: Mapping[str, Any]) -> None:
        """Apply one action in place. Bad or unknown actions never raise."""
        kind = action.get("type")
        handler = _HANDLERS.get(kind) if isinstance(kind, str) else None
        t = _number(action.get("t"), self.last_t or 0.0)
        if handler is not None:
            try:
                trial = self.copy()
                handler(trial, action, t)
            except (KeyError, TypeError, ValueError) as error:
                # The action stays in the journal; its fields (not their text) go to the log.
                log.warning("action %s dropped (fields %s): %s", kind, sorted(action), error)
                trial = None
            if trial is not None:
                self.__dict__.update(trial.__dict__)
        seq = action.get("seq")
        self.seq = seq if isinstance(seq, int) and seq > self.seq else self.seq + 1
        self.last_t = max(self.last_t or t, t)

    # -- serializing -----------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "format_version": self.format_version,
            "seq": self.seq,
            "deck_hash": self.deck_hash,
            "variant": self.variant,
            "began": self.began,
            "last_t": self.last_t,
            "finished": self.finished,
            "slide": self.slide,
            "step": self.step,
            "overlay": self.overlay.value if self.overlay else None,
            "overlay_under": self.overlay_under.value if self.overlay_under else None,
            "started": self.started,
            "talk": self.talk.to_dict(),
            "slide_times": {str(k): v.to_dict() for k, v in sorted(self.slide_times.items())},
            "countdowns": {str(k): v.to_dict() for k, v in sorted(self.countdowns.items())},
            "results": [
                {"slide": s, "item": i, **vars(r)} for (s, i), r in sorted(self.results.items())
            ],
            "revealed": [list(key) for key in sorted(self.revealed)],
            "notes": [vars(n).copy() for n in self.notes],
            "attendees": self.attendees,
            "venue": self.venue,
            "initials": self.initials,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SessionState:
        """Read what :meth:`to_dict` wrote (raises ValueError/KeyError/TypeError on junk)."""
        state = cls()
        state.format_version = int(data.get("format_version", FORMAT_VERSION))
        state.seq = int(data.get("seq", 0))
        state.deck_hash = str(data.get("deck_hash", ""))
        variant = data.get("variant")
        state.variant = None if variant is None else str(variant)
        state.began = _optional_float(data.get("began"))
        state.last_t = _optional_float(data.get("last_t"))
        state.finished = _optional_float(data.get("finished"))
        state.slide = int(data.get("slide", 0))
        state.step = int(data.get("step", 0))
        state.overlay = _overlay(data.get("overlay"))
        state.overlay_under = _overlay(data.get("overlay_under"))
        state.started = bool(data.get("started", False))
        state.talk = Stopwatch.from_dict(data.get("talk", {}))
        state.slide_times = {
            int(k): Stopwatch.from_dict(v) for k, v in data.get("slide_times", {}).items()
        }
        state.countdowns = {
            int(k): Countdown.from_dict(v) for k, v in data.get("countdowns", {}).items()
        }
        for entry in data.get("results", []):
            state.results[(int(entry["slide"]), int(entry["item"]))] = ItemResult(
                int(entry.get("said_myth", 0)),
                int(entry.get("said_reality", 0)),
                bool(entry.get("not_asked", False)),
                bool(entry.get("counted", False)),
                max(0, int(entry.get("phone_myth", 0))),
                max(0, int(entry.get("phone_reality", 0))),
            )
        state.revealed = {(int(s), int(i)) for s, i in data.get("revealed", [])}
        state.notes = [
            QuickNote(float(n["t"]), int(n["slide"]), str(n["text"])) for n in data.get("notes", [])
        ]
        attendees = data.get("attendees")
        state.attendees = None if attendees is None else int(attendees)
        state.venue = str(data.get("venue", ""))
        state.initials = str(data.get("initials", ""))
        return state


def apply(state: SessionState, action: Mapping[str, Any]) -> SessionState:
    """The pure reducer: a new state with ``action`` applied; ``state`` is untouched."""
    result = state.copy()
    result.apply(action)
    return result


def replay(actions: list[Mapping[str, Any]], state: SessionState | None = None) -> SessionState:
    """Apply ``actions`` in order to a copy of ``state`` (a fresh state by default)."""
    result = state.copy() if state is not None else SessionState()
    for action in actions:
        result.apply(action)
    return result


# -- handlers: (state, action, t) -> None, mutate a trial copy -------------------------


def _begin(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    s.deck_hash = str(a.get("deck_hash", ""))
    variant = a.get("variant")
    s.variant = None if variant is None else str(variant)
    s.began = t
    s.slide = int(a.get("slide", 0))
    s.step = 0


def _acknowledge(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    if not s.started:
        s.started = True
        _talk_start(s, a, t)


def _goto(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    slide, step = int(a["slide"]), max(0, int(a.get("step", 0)))
    if slide != s.slide:
        if s.slide in s.slide_times:
            s.slide_times[s.slide].pause(t)
        s.slide = slide
        if s.talk.running:
            s.slide_times.setdefault(slide, Stopwatch()).start(t)
    s.step = step
    if s.overlay is Overlay.END:
        s.overlay, s.overlay_under = None, None
    countdown = a.get("countdown")
    if countdown is not None and slide not in s.countdowns:
        s.countdowns[slide] = Countdown(max(0.0, float(countdown)))
    reveal = a.get("reveal")
    if reveal is not None:
        s.revealed.add((slide, int(reveal)))


def _overlay_action(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    s.overlay = _overlay(a.get("overlay"))
    s.overlay_under = _overlay(a.get("under"))
    if s.overlay_under == s.overlay:
        s.overlay_under = None


def _talk_start(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    if s.finished is None:
        s.talk.start(t)
        s.slide_times.setdefault(s.slide, Stopwatch()).start(t)


def _talk_pause(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    s.talk.pause(t)
    for watch in s.slide_times.values():
        watch.pause(t)


def _countdown(s: SessionState, a: Mapping[str, Any]) -> Countdown:
    return s.countdowns[int(a["slide"])]


def _countdown_start(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    _countdown(s, a).clock.start(t)


def _countdown_pause(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    _countdown(s, a).clock.pause(t)


def _countdown_adjust(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    countdown = _countdown(s, a)
    countdown.total = max(0.0, countdown.total + float(a["seconds"]))


def _entry(s: SessionState, a: Mapping[str, Any]) -> ItemResult:
    return s.results.setdefault((int(a["slide"]), int(a.get("item", 0))), ItemResult())


def _tally(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    entry = _entry(s, a)
    entry.said_myth = max(0, int(a.get("said_myth", 0)))
    entry.said_reality = max(0, int(a.get("said_reality", 0)))
    entry.counted, entry.not_asked = True, False


def _phone_tally(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    entry = _entry(s, a)
    entry.phone_myth = max(0, int(a.get("said_myth", 0)))
    entry.phone_reality = max(0, int(a.get("said_reality", 0)))
    if entry.phones:
        entry.not_asked = False


def _not_asked(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    _entry(s, a).not_asked = bool(a.get("value", True))


def _note(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    text = str(a.get("text", "")).strip()
    if text:
        s.notes.append(QuickNote(t, int(a.get("slide", s.slide)), text))


def _attendees(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    count = a.get("count")
    s.attendees = None if count is None else max(0, int(count))


def _venue(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    s.venue = str(a.get("text", "")).strip()


def _initials(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    s.initials = str(a.get("text", "")).strip()


def _finish(s: SessionState, a: Mapping[str, Any], t: float) -> None:
    _talk_pause(s, a, t)
    for countdown in s.countdowns.values():
        countdown.clock.pause(t)
    s.finished = t


_HANDLERS: dict[str, Callable[[SessionState, Mapping[str, Any], float], None]] = {
    "begin": _begin,
    "acknowledge": _acknowledge,
    "goto": _goto,
    "overlay": _overlay_action,
    "talk_start": _talk_start,
    "talk_pause": _talk_pause,
    "countdown_start": _countdown_start,
    "countdown_pause": _countdown_pause,
    "countdown_adjust": _countdown_adjust,
    "tally": _tally,
    "phone_tally": _phone_tally,
    "not_asked": _not_asked,
    "note": _note,
    "attendees": _attendees,
    "venue": _venue,
    "initials": _initials,
    "finish": _finish,
}


def _number(value: Any, default: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    return float(value)


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _overlay(value: Any) -> Overlay | None:
    if value is None:
        return None
    try:
        return Overlay(value)
    except ValueError:
        return None
