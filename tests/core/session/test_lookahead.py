"""Looking ahead never changes the session, and predicts exactly what next/prev show."""

from __future__ import annotations

from presenter.core import parse_deck
from presenter.core.session.clock import FakeClock
from presenter.core.session.controller import SessionController
from presenter.core.session.lookahead import neighbour_views, view_after

DECK = """---
title: T
content_warning: Careful.
---
# One
---
## Two
--
more
---
kind: myth
myth: M
reality: R
source: S
---

---
kind: discussion
minutes: 2
---
## Talk
"""


class Recorder:
    def __init__(self) -> None:
        self.actions: list[dict] = []

    def record(self, action: dict) -> None:
        self.actions.append(action)


def make() -> tuple[SessionController, Recorder]:
    recorder = Recorder()
    controller = SessionController(parse_deck(DECK), None, FakeClock(1000.0), recorder)
    return controller, recorder


def test_prediction_matches_the_real_press_all_the_way_through() -> None:
    controller, _ = make()
    for _ in range(12):
        predicted = view_after(controller, SessionController.next)
        before = controller.audience_view()
        controller.next()
        actual = controller.audience_view()
        assert predicted == (None if actual == before else actual)
    for _ in range(12):
        predicted = view_after(controller, SessionController.prev)
        before = controller.audience_view()
        controller.prev()
        actual = controller.audience_view()
        assert predicted == (None if actual == before else actual)


def test_looking_ahead_records_nothing_and_changes_nothing() -> None:
    controller, recorder = make()
    controller.next()
    controller.next()
    state = controller.state.to_dict()
    count = len(recorder.actions)
    views = neighbour_views(controller)
    assert len(views) == 2
    assert controller.state.to_dict() == state
    assert len(recorder.actions) == count


def test_the_content_warning_has_only_a_next() -> None:
    controller, _ = make()
    (only,) = neighbour_views(controller)
    assert only.overlay is None and only.slide_index == 0
