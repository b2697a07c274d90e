"""Session state: actions, replay, timers as timestamps, overlays, variants, myths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presenter.core.deck.parser import parse_deck
from presenter.core.session.clock import FakeClock
from presenter.core.session.controller import SessionController
from presenter.core.session.state import (
    FORMAT_VERSION,
    SessionState,
    apply,
    replay,
)
from presenter.core.session.view import Overlay, Tally

DECK = """\
---
title: Test workshop
language: en
duration: 20
content_warning: This session talks about exploitation. You may step out at any time.
variants: [youth, adults]
---
kind: title
minutes: 1
---
# Test workshop

???
Welcome notes.

---
minutes: 3
---
## Three parts

- Act
--
- Means
--
- Purpose

---
kind: myth
id: border
minutes: 3
myth: Trafficking always means crossing a border.
reality: Many people are exploited in their own country.
source: UNODC 2024
---

---
minutes: 2
only: [adults]
---
## Adults only

---
kind: discussion
minutes: 5
format: pairs
---
## What surprised you?

---
kind: recap
myths: [border]
minutes: 2
---

---
kind: help
minutes: 2
---
## Support is here
"""


class ListRecorder:
    def __init__(self) -> None:
        self.actions: list[dict] = []

    def record(self, action: dict) -> None:
        self.actions.append(json.loads(json.dumps(action)))


@pytest.fixture
def deck():
    return parse_deck(DECK, Path("deck.md"))


def make(deck, variant="youth", recorder=None):
    clock = FakeClock(1_800_000_000.0)
    return SessionController(deck, variant, clock, recorder or ListRecorder()), clock


def titles(deck, control):
    return deck.slides[control.state.slide].title


def test_content_warning_first_then_slides(deck) -> None:
    control, _ = make(deck)
    view = control.audience_view()
    assert view.overlay is Overlay.CONTENT_WARNING
    control.next()
    view = control.audience_view()
    assert view.overlay is None and view.slide_index == 0
    assert view.slide_number == 1 and view.slide_total == 6


def test_steps_myth_reveal_and_variant_skipping(deck) -> None:
    control, _ = make(deck, "youth")
    seen = []
    control.next()  # acknowledge
    for _ in range(30):
        view = control.audience_view()
        seen.append((view.slide_index, view.step, view.overlay))
        control.next()
    slides = [i for i, _, o in seen if o is None]
    assert 3 not in slides  # "Adults only" hidden for youth
    assert [(i, st) for i, st, o in seen if i == 1 and o is None] == [(1, 0), (1, 1), (1, 2)]
    assert [(i, st) for i, st, o in seen if i == 2 and o is None] == [(2, 0), (2, 1)]
    assert seen[-1][2] is Overlay.END
    # adults see it
    adults, _ = make(deck, "adults")
    adults.next()
    shown = set()
    for _ in range(30):
        shown.add(adults.audience_view().slide_index)
        adults.next()
    assert 3 in shown


def test_hidden_slides_are_never_shown_even_by_goto(deck) -> None:
    control, _ = make(deck, "youth")
    control.next()
    assert control.goto(3) is False
    assert control.state.slide == 0
    control.last()
    for _ in range(20):
        control.prev()
        assert control.audience_view().slide_index != 3


def test_overlays_return_to_the_exact_slide_and_step(deck) -> None:
    control, _ = make(deck)
    control.next()
    control.next()
    control.next()  # slide 1 step 1
    assert (control.state.slide, control.state.step) == (1, 1)
    for overlay in (Overlay.CALM, Overlay.HELP, Overlay.BLACK, Overlay.WHITE):
        control.toggle_overlay(overlay)
        assert control.audience_view().overlay is overlay
        control.toggle_overlay(overlay)
        view = control.audience_view()
        assert (view.slide_index, view.step, view.overlay) == (1, 1, None)
    # help over calm returns to calm, then calm returns to the slide
    control.toggle_overlay(Overlay.CALM)
    control.toggle_overlay(Overlay.HELP)
    control.toggle_overlay(Overlay.HELP)
    assert control.audience_view().overlay is Overlay.CALM
    control.toggle_overlay(Overlay.CALM)
    assert (control.state.slide, control.state.step, control.state.overlay) == (1, 1, None)
    # next while blanked only un-blanks: nothing is skipped
    control.toggle_overlay(Overlay.BLACK)
    control.next()
    assert (control.state.slide, control.state.step, control.state.overlay) == (1, 1, None)


def test_jump_under_black_does_not_unblank(deck) -> None:
    control, _ = make(deck)
    control.next()
    control.toggle_overlay(Overlay.BLACK)
    control.goto(4)
    assert control.audience_view().overlay is Overlay.BLACK
    control.toggle_overlay(Overlay.BLACK)
    assert control.audience_view().slide_index == 4


def test_talk_timer_and_slide_time_exclude_paused_time(deck) -> None:
    control, clock = make(deck)
    clock.advance(100)  # before the warning is acknowledged: not counted
    control.next()
    clock.advance(60)
    control.talk_pause()
    clock.advance(600)
    control.talk_start()
    clock.advance(30)
    now = clock.now()
    assert control.state.elapsed(now) == pytest.approx(90)
    assert control.state.time_on_slide(0, now) == pytest.approx(90)
    control.next()
    clock.advance(15)
    assert control.state.time_on_slide(0, clock.now()) == pytest.approx(90)
    assert control.state.time_on_slide(1, clock.now()) == pytest.approx(15)


def test_discussion_countdown(deck) -> None:
    control, clock = make(deck)
    control.next()
    control.goto(4)
    view = control.audience_view()
    assert view.countdown_total == 300 and view.countdown_remaining == 300
    assert not view.countdown_running
    control.timer_start()
    clock.advance(100)
    control.timer_pause()
    clock.advance(1000)
    control.timer_adjust(60)
    view = control.audience_view()
    assert view.countdown_remaining == pytest.approx(260)
    control.timer_start()
    clock.advance(500)
    assert control.audience_view().countdown_remaining == 0  # never negative on screen
    # leaving and coming back keeps the same countdown
    control.goto(0)
    control.goto(4)
    assert control.state.countdowns[4].total == 360


def test_myth_tally_only_after_reveal_and_before_after(deck) -> None:
    control, _ = make(deck)
    control.next()
    control.goto(2)
    control.set_tally(7, 5)
    assert control.audience_view().tally is None  # counts never shown before the reveal
    assert not control.state.is_revealed(2, 0)
    control.next()
    assert control.state.is_revealed(2, 0)
    assert control.audience_view().tally == Tally(7, 5)
    control.goto(5)  # recap
    assert control.audience_view().tally is None
    control.set_tally(11, 1)
    control.next()
    view = control.audience_view()
    assert view.tally == Tally(11, 1) and view.before_tally == Tally(7, 5)
    assert recap_pairs(control) == [("border", Tally(7, 5), Tally(11, 1))]


def test_not_asked_hides_results(deck) -> None:
    control, _ = make(deck)
    control.next()
    control.goto(2)
    control.set_tally(3, 3)
    control.mark_not_asked()
    control.next()
    assert control.audience_view().tally is None


def test_going_back_into_an_unrevealed_myth_does_not_reveal_it(deck) -> None:
    control, _ = make(deck)
    control.next()
    control.goto(4)
    control.prev()  # into the myth slide (2) never revealed: statement only
    assert (control.state.slide, control.state.step) == (2, 0)


def test_replay_reproduces_the_state_exactly(deck) -> None:
    recorder = ListRecorder()
    control, clock = make(deck, "adults", recorder)
    script = [
        control.next, control.next, control.next,
        lambda: control.toggle_overlay(Overlay.CALM), control.next, control.next,
        lambda: control.set_tally(4, 9), control.next,
        lambda: control.goto(4), control.timer_start, lambda: control.timer_adjust(-60),
        lambda: control.note("Group 2 asked about apps"), control.timer_pause,
        lambda: control.set_attendees(23), lambda: control.set_venue("Hall"),
        lambda: control.set_initials("AB"), control.talk_pause, control.talk_start,
        control.next, lambda: control.toggle_overlay(Overlay.HELP), control.last,
        control.finish,
    ]  # fmt: skip
    for step in script:
        clock.advance(37.5)
        step()
    replayed = replay(recorder.actions)
    assert replayed.to_dict() == control.state.to_dict()
    assert replayed == control.state
    # and through JSON, as the journal will store it
    dumped = json.loads(json.dumps(control.state.to_dict()))
    assert SessionState.from_dict(dumped) == control.state
    assert dumped["format_version"] == FORMAT_VERSION
    assert [a["seq"] for a in recorder.actions] == list(range(1, len(recorder.actions) + 1))
    # a prefix replays to an earlier, consistent state
    half = replay(recorder.actions[: len(recorder.actions) // 2])
    assert half.seq == len(recorder.actions) // 2


def test_unknown_and_malformed_actions_are_ignored(deck) -> None:
    state = SessionState()
    after = apply(state, {"type": "laser_pointer", "t": 5.0})
    assert after.seq == 1 and after.slide == 0
    after = apply(after, {"type": "goto", "t": 6.0})  # no slide: ignored
    assert after.slide == 0 and after.seq == 2
    after = apply(after, {"type": "countdown_start", "t": 7.0, "slide": 99})
    assert after.countdowns == {}
    after = apply(after, {"no": "type"})
    assert after.seq == 4
    assert state.seq == 0  # apply is pure


class FailingRecorder:
    def record(self, action: dict) -> None:
        raise OSError(28, "No space left on device")


def test_disk_errors_never_stop_presenting(deck) -> None:
    clock = FakeClock()
    control = SessionController(deck, None, clock, FailingRecorder())
    errors = []
    control.on_error(lambda error, action: errors.append((error.errno, action["type"])))
    control.next()
    control.next()
    assert control.state.slide == 1
    assert errors and errors[0] == (28, "acknowledge")


def test_subscribers_see_applied_state(deck) -> None:
    control, _ = make(deck)
    seen = []
    unsubscribe = control.subscribe(
        lambda state, action: seen.append((action["type"], state.slide))
    )
    control.next()
    control.next()
    unsubscribe()
    control.next()
    assert seen == [("acknowledge", 0), ("goto", 1)]


def test_pacing_levels(deck) -> None:
    control, clock = make(deck, "youth")
    control.next()
    clock.advance(60)  # title: 1 min planned
    assert control.pacing().level == "green"
    clock.advance(60 * 3)  # 3 min on a 1 min slide: 3 behind
    pacing = control.pacing()
    assert pacing.behind == pytest.approx(3) and pacing.level == "amber"
    clock.advance(60 * 3)
    assert control.pacing().level == "red"
    control.goto(4)  # discussion: planned before = 1 + 3 + 3 = 7 min; elapsed 7
    assert control.pacing().behind == pytest.approx(0)
    assert control.pacing().level == "green"


def recap_pairs(control: SessionController) -> list[tuple[str, Tally | None, Tally | None]]:
    """Every myth asked again on a visible recap: (id, before, after)."""
    pairs = []
    for index in control.visible:
        for k, _ in enumerate(control.deck.slides[index].recap_ids):
            item = control.myth_item(index, 2 * k)
            if item is not None and item.myth_id is not None:
                pairs.append((item.myth_id, *control.before_after(item)))
    return pairs
