"""``SessionState.copy`` is written out field by field for speed; it must stay a deep
copy as fields are added: every field that holds something mutable is a new object."""

from __future__ import annotations

import copy
import dataclasses

from presenter.core.session.state import SessionState, replay

ACTIONS = [
    {"type": "begin", "deck_hash": "h", "variant": None, "slide": 0, "t": 1.0},
    {"type": "acknowledge", "t": 2.0},
    {"type": "goto", "slide": 3, "step": 0, "countdown": 300, "t": 3.0},
    {"type": "countdown_start", "slide": 3, "t": 4.0},
    {"type": "goto", "slide": 4, "step": 1, "reveal": 0, "t": 5.0},
    {"type": "tally", "slide": 4, "item": 0, "said_myth": 7, "said_reality": 3, "t": 6.0},
    {"type": "note", "text": "a question about the numbers", "t": 7.0},
    {"type": "attendees", "count": 23, "t": 8.0},
]

IMMUTABLE = (int, float, str, bool, tuple, type(None), frozenset)


def busy_state() -> SessionState:
    state = replay(ACTIONS)
    assert state.countdowns and state.results and state.notes and state.slide_times
    return state


def test_copy_equals_a_deepcopy_and_shares_nothing_mutable() -> None:
    state = busy_state()
    copied = state.copy()
    assert copied == copy.deepcopy(state)
    for field in dataclasses.fields(SessionState):
        mine, theirs = getattr(state, field.name), getattr(copied, field.name)
        if isinstance(mine, IMMUTABLE):  # Overlay is a str enum
            continue
        assert mine is not theirs, f"{field.name} is shared between copies"
        if isinstance(mine, dict):
            for key, value in mine.items():
                if not isinstance(value, IMMUTABLE):
                    assert value is not theirs[key], f"{field.name}[{key}] is shared"
                    if dataclasses.is_dataclass(value):
                        for inner in dataclasses.fields(value):
                            part = getattr(value, inner.name)
                            if not isinstance(part, IMMUTABLE):
                                assert part is not getattr(theirs[key], inner.name)


def test_changing_the_copy_leaves_the_original_alone() -> None:
    state = busy_state()
    before = copy.deepcopy(state)
    trial = state.copy()
    for action in [
        {"type": "countdown_pause", "slide": 3, "t": 9.0},
        {"type": "countdown_adjust", "slide": 3, "seconds": 60, "t": 9.5},
        {"type": "tally", "slide": 4, "item": 0, "said_myth": 1, "said_reality": 1, "t": 10.0},
        {"type": "goto", "slide": 6, "step": 0, "t": 11.0},
        {"type": "note", "text": "another", "t": 12.0},
        {"type": "finish", "t": 13.0},
    ]:
        trial.apply(action)
    assert state == before
    assert trial != before
