"""Moving through slides paints the audience frame first; the console follows a moment
later, once for a burst of clicker presses. Counts and timers show at once."""

from __future__ import annotations

import pytest

from presenter.ui.presenting.presentation import Presentation

pytestmark = pytest.mark.qt_log_ignore("does not support raise")


def test_a_burst_of_presses_moves_the_room_at_once_and_the_console_after(
    qtbot, make_presentation, deck_path
) -> None:
    p: Presentation = make_presentation(deck_path)
    p.controller.next()  # past the content warning
    qtbot.waitUntil(lambda: not p.console._deferred.isActive())
    before = p.console.now_label.text()
    for _ in range(4):
        p.controller.next()
        p.audience.refresh()
        assert p.audience.view == p.controller.audience_view()  # the room is never late
    assert p.console.now_label.text() == before  # the console has not caught up yet
    assert p.console._deferred.isActive()
    qtbot.waitUntil(lambda: p.console.now_label.text() != before)
    assert not p.console._deferred.isActive()


def test_console_actions_show_at_once(qtbot, make_presentation, deck_path) -> None:
    p: Presentation = make_presentation(deck_path)
    p.controller.next()
    qtbot.waitUntil(lambda: not p.console._deferred.isActive())
    p.controller.set_attendees(12)  # not a move: refreshed in the same turn
    assert not p.console._deferred.isActive()
    assert p.console.record_form.attendees.text() == "12"
