"""The console's slices: one job per turn, in order, none starved, none delaying a turn
whose room's frame was slow, and every job up to date once they have run."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QApplication

from presenter.ui.presenting.console.slices import (
    MOST_TURNS_OVER_CEILING,
    MOST_TURNS_PASSED_OVER,
    MOST_TURNS_WITHOUT,
    TURN_BUDGET_S,
    TURN_CEILING_S,
    Slices,
)


def make(names: list[str], took: dict[str, float] | None = None) -> tuple[Slices, list[str]]:
    ran: list[str] = []
    took = took or {}

    def job(name: str) -> None:
        ran.append(name)
        time.sleep(took.get(name, 0.0))

    slices = Slices([(name, lambda n=name: job(n)) for name in names])
    return slices, ran


def turn() -> None:
    QApplication.processEvents()


def test_one_job_per_turn_in_order(qapp) -> None:
    slices, ran = make(["a", "b", "c"])
    slices.request()
    assert slices.pending() and ran == []  # nothing runs inside the request
    for expected in (["a"], ["a", "b"], ["a", "b", "c"]):
        turn()
        assert ran == expected
    assert not slices.pending()
    turn()
    assert ran == ["a", "b", "c"]  # and nothing more


def test_a_request_during_the_round_goes_on_where_it_was(qapp) -> None:
    """A burst of presses: each asks for everything again; the round goes on, so the
    last job is reached as soon as in a quiet room, never starved by the first."""
    slices, ran = make(["a", "b", "c"])
    for _ in range(6):
        slices.request()
        turn()
    assert ran == ["a", "b", "c", "a", "b", "c"]


def test_run_brings_everything_up_to_date_at_once(qapp) -> None:
    slices, ran = make(["a", "b"])
    slices.request()
    slices.run()
    assert ran == ["a", "b"] and not slices.pending()
    turn()
    assert ran == ["a", "b"]
    slices.request("b")
    turn()
    assert ran == ["a", "b", "b"]


def test_a_slow_frame_leaves_no_room_for_a_long_slice(qapp) -> None:
    long = TURN_BUDGET_S * 0.8
    slices, ran = make(["long", "short"], {"long": long})
    slices.run()  # each has run once: what they take is known
    ran.clear()
    frame = [TURN_BUDGET_S * 0.5]  # this turn's room's frame
    slices.turn_cost = lambda: frame[0]
    slices.request()
    turn()
    assert ran == ["short"]  # the short one fits beside the frame; the long one waits
    for _ in range(MOST_TURNS_WITHOUT):
        turn()
        assert ran == ["short"]
    turn()  # turns have gone by without any slice: it runs, even beside a slow frame
    assert ran == ["short", "long"]
    frame[0] = 0.0
    slices.request()
    turn()
    turn()
    assert sorted(ran[2:]) == ["long", "short"]  # quiet turns: both, one per turn


def test_a_long_slice_is_never_starved_by_short_ones(qapp) -> None:
    """A burst of presses on slow frames: the short slices fit every turn, and the
    long one still runs once it has been passed over often enough."""
    slices, ran = make(["long", "short"], {"long": TURN_BUDGET_S * 0.8})
    slices.run()
    ran.clear()
    slices.turn_cost = lambda: TURN_BUDGET_S * 0.5
    for _ in range(MOST_TURNS_PASSED_OVER + 1):
        slices.request()  # every press asks for everything again
        turn()
    assert ran.count("long") == 1 and ran[-1] == "long"
    assert ran.count("short") == MOST_TURNS_PASSED_OVER


def test_a_waiting_slice_goes_beside_a_cheaper_frame_not_a_slow_one(qapp) -> None:
    """A burst on slow slides: the long slice would take the turn past the ceiling, so
    it waits for the first cheaper frame, and past a long wait runs beside any frame."""
    long = TURN_BUDGET_S * 0.8
    slices, ran = make(["long"], {"long": long})
    slices.run()
    ran.clear()
    frame = [TURN_CEILING_S - long * 0.5]  # with the long slice: over the ceiling
    slices.turn_cost = lambda: frame[0]
    for _ in range(MOST_TURNS_PASSED_OVER + 2):
        slices.request()
        turn()
    assert ran == []  # overdue by the usual rules, but every turn was slow
    frame[0] = 0.0  # a cheap slide: room under the ceiling
    slices.request()
    turn()
    assert ran == ["long"]
    ran.clear()
    frame[0] = 1.0  # however slow: once waited this long, it runs
    for _ in range(MOST_TURNS_OVER_CEILING + 1):
        slices.request()
        turn()
    assert ran == ["long"]


def test_unknown_slices_are_refused(qapp) -> None:
    slices, _ = make(["a"])
    with pytest.raises(KeyError):
        slices.request("b")


def test_a_job_that_raises_leaves_the_round_going(qapp) -> None:
    ran: list[str] = []

    def broken() -> None:
        raise RuntimeError("broken slice")

    slices = Slices([("broken", broken), ("fine", lambda: ran.append("fine"))])
    slices.request()
    with pytest.raises(RuntimeError):
        slices._step()  # what the timer would call
    turn()
    assert ran == ["fine"] and not slices.pending()
    assert [name for name, _ in slices.timings] == ["broken", "fine"]


def test_frames_painted_before_the_request_do_not_count(qapp) -> None:
    """Minutes of countdown repaints before a press are not this turn's frame."""
    slices, ran = make(["a"])
    unasked = [1.0]  # seconds of frames nobody asked about yet

    def cost() -> float:
        spent, unasked[0] = unasked[0], 0.0
        return spent

    slices.turn_cost = cost
    slices.request()
    turn()
    assert ran == ["a"]


def test_what_a_slice_changed_is_painted_in_its_own_turn(qapp) -> None:
    """The repaint a job causes is part of its turn (and of what it is known to take),
    not left for the next turn, where the next press's frame is."""
    slices, ran = make(["a", "b"])
    flushed: list[list[str]] = []
    slices.flush = lambda: flushed.append(list(ran))
    slices.request()
    turn()
    assert flushed == [["a"]]
    turn()
    assert flushed == [["a"], ["a", "b"]]
    slices.run()  # all at once: the event loop paints once, after
    assert len(flushed) == 2


def test_a_job_in_parts_is_finished_by_run_and_never_loops(qapp) -> None:
    parts: list[int] = []

    def in_two_parts() -> bool:
        parts.append(len(parts))
        return len(parts) % 2 == 0  # False after the first part, True after the second

    def never_done() -> bool:
        return False

    slices = Slices([("two", in_two_parts), ("never", never_done)])
    slices.run("two")
    assert parts == [0, 1] and not slices.pending()
    slices.request("two")
    turn()
    assert parts == [0, 1, 2] and slices.pending()  # one part per turn
    turn()
    assert parts == [0, 1, 2, 3] and not slices.pending()
    slices.run("never")  # returns, and leaves the rest to the event loop
    assert slices.pending()
