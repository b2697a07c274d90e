"""Moving through slides paints the audience frame first; the console follows in small
slices, one per turn of the event loop, and is right once they have run, whatever the
burst of presses before. Counts typed on the console show at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from presenter.core.session.view import Overlay
from presenter.render import fragments
from presenter.ui.presenting.console.agenda import slide_label
from presenter.ui.presenting.console.captions import now_view
from presenter.ui.presenting.console.previews import next_view, whole_seconds
from presenter.ui.presenting.presentation import Presentation

pytestmark = pytest.mark.qt_log_ignore("does not support raise")
K = Qt.Key


def settled(qtbot, p: Presentation) -> None:
    qtbot.waitUntil(lambda: not p.console.refreshing())


def assert_console_right(p: Presentation) -> None:
    """Everything the console shows matches the session, as a full refresh would."""
    c, console = p.controller, p.console
    s = c.state
    now, caption = now_view(c, console.decorate)
    assert (console.now.view, console.now.caption) == (now, caption)
    upcoming, next_caption = next_view(c)
    assert (console.next.view, console.next.caption) == (upcoming, next_caption)
    if c.audience_view().overlay is not Overlay.CONTENT_WARNING:
        assert console.now_label.text() == f"Now: {slide_label(c, s.slide)}"
    if upcoming is not None and upcoming.slide_index is not None:
        assert console.next_label.text() == f"Next: {slide_label(c, upcoming.slide_index)}"
    notes = console.notes.toPlainText()
    assert notes == QTextOf(fragments.console_notes(c.slide))
    assert console.status.position.value.text() == f"{c.position() + 1} of {len(c.visible)}"
    assert console.agenda._current == s.slide
    assert console.controls.myth.isVisibleTo(console) == (c.current_myth_item() is not None)


def QTextOf(html: str) -> str:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_a_burst_of_presses_moves_the_room_at_once_and_the_console_after(
    qtbot, make_presentation, deck_path
) -> None:
    p: Presentation = make_presentation(deck_path)
    p.controller.next()  # past the content warning
    settled(qtbot, p)
    before = p.console.now_label.text()
    for _ in range(4):
        p.controller.next()
        p.audience.refresh()
        assert p.audience.view == p.controller.audience_view()  # the room is never late
    assert p.console.now_label.text() == before  # the console has not caught up yet
    assert p.console.refreshing()
    settled(qtbot, p)
    assert p.console.now_label.text() != before
    assert_console_right(p)


def test_one_slice_per_turn_after_the_frame(qtbot, make_presentation, deck_path) -> None:
    p: Presentation = make_presentation(deck_path)
    p.controller.next()
    settled(qtbot, p)
    p.console.slices.timings.clear()
    p.controller.next()
    QApplication.sendPostedEvents()
    assert [name for name, _ in p.console.slices.timings] == []  # nothing before the frame
    QApplication.processEvents()
    run = [name for name, _ in p.console.slices.timings if name != "(waited)"]
    assert len(run) <= 1  # one slice at most in the frame's turn
    settled(qtbot, p)
    run = [name for name, _ in p.console.slices.timings if name != "(waited)"]
    # Then each, a turn each (a picture whose layout was slow takes two).
    assert set(run) == set(p.console.slices.names)
    assert len(run) <= len(p.console.slices.names) + 2
    assert_console_right(p)


def test_presses_while_slices_run_leave_the_console_right(
    qtbot, make_presentation, deck_path
) -> None:
    """Presses land between slices (one turn each): forward, back, a cover, a jump."""
    p: Presentation = make_presentation(deck_path)
    keys = [K.Key_PageDown] * 5 + [K.Key_PageUp, K.Key_B, K.Key_B, K.Key_PageDown, K.Key_Home]
    for key in keys:
        qtbot.keyClick(p.audience, key)
        QApplication.processEvents()  # one or two slices, never all of them
        # The room is never late, whatever the console still has to do.
        assert p.audience.view == whole_seconds(p.controller.audience_view())
        if not p.console.refreshing():
            assert_console_right(p)
    settled(qtbot, p)
    assert_console_right(p)
    p.controller.goto(p.controller.visible[-1])
    settled(qtbot, p)
    assert_console_right(p)
    p.controller.next()  # the end screen
    settled(qtbot, p)
    assert p.console.next.view is None
    assert "end screen" in p.console.next_label.text()


def test_after_a_press_now_is_the_picture_next_had(qtbot, make_presentation, deck_path) -> None:
    p: Presentation = make_presentation(deck_path)
    qtbot.keyClick(p.audience, K.Key_PageDown)
    settled(qtbot, p)
    thumbnails = p.console.thumbnails
    shown_next = p.console.next.view
    drawn = thumbnails.rendered
    qtbot.keyClick(p.audience, K.Key_PageDown)
    settled(qtbot, p)
    assert p.console.now.view == shown_next
    assert thumbnails.rendered == drawn + 1  # only the new Next was drawn
    # The cached picture is the renderer's own picture of the view, at the shown size.
    rect = p.console.now.slide_rect()
    size = p.console.now.shown_size(rect)
    cached = thumbnails.cached(p.console.now.view, size)
    assert cached is not None and cached.size() == size
    fresh = QImage(size, QImage.Format.Format_RGB32)
    fresh.fill(QColor("black"))
    assert cached != fresh  # something was painted


def test_a_slice_that_fails_does_not_stop_the_others(qtbot, make_presentation, deck_path) -> None:
    p: Presentation = make_presentation(deck_path)
    settled(qtbot, p)
    slices = p.console.slices

    def broken() -> None:
        raise RuntimeError("a slice failed")

    slices._jobs["labels"] = broken
    with qtbot.capture_exceptions() as raised:
        p.controller.next()
        settled(qtbot, p)
    assert [type(error) for _, error, _ in raised] == [RuntimeError]
    assert p.console.now.view == now_view(p.controller, p.console.decorate)[0]
    with pytest.raises(KeyError):
        slices.request("no such slice")


def test_console_actions_show_at_once(qtbot, make_presentation, deck_path) -> None:
    p: Presentation = make_presentation(deck_path)
    p.controller.next()
    settled(qtbot, p)
    p.controller.set_attendees(12)  # not a move: refreshed in the same turn
    assert not p.console.refreshing()
    assert p.console.record_form.attendees.text() == "12"


def test_the_overview_fills_a_few_per_turn_nearest_first(
    qtbot, make_presentation, deck_path, monkeypatch
) -> None:
    from presenter.ui.presenting.console import agenda

    monkeypatch.setattr(agenda, "FILL_SLICE_S", 0.0)  # one thumbnail per turn
    p: Presentation = make_presentation(deck_path)
    p.controller.next()
    p.controller.goto(p.controller.visible[3])
    settled(qtbot, p)
    grid = p.console.overview
    p.console.toggle_overview()
    shown = grid.viewport().rect()
    in_view = [i for i, item in grid._items.items() if grid.visualItemRect(item).intersects(shown)]
    here = p.controller.state.slide
    assert here in in_view and len(in_view) > 2
    assert grid.unfilled() == len(in_view) - 1  # the current slide's at once, the rest later
    assert not grid._items[here].icon().isNull()
    far = max(in_view, key=lambda index: abs(index - here))
    assert grid._items[far].icon().isNull()
    qtbot.keyClick(p.audience, K.Key_PageDown)  # the clicker is not held up meanwhile
    assert p.controller.state.slide != here
    qtbot.waitUntil(lambda: grid.unfilled() == 0)
    assert not grid._items[far].icon().isNull()


def test_a_running_countdown_redraws_now_alone(qtbot, make_presentation, deck_path, clock) -> None:
    """Now follows the countdown once a second; Next keeps its picture, however many
    countdown pictures go through the shared few."""
    p: Presentation = make_presentation(deck_path)
    p.controller.next()
    p.controller.goto(4)  # the discussion
    p.controller.timer_toggle()
    for _ in range(2):  # the windows' first layout: the pictures at their final sizes
        clock.advance(1)
        p.console._tick_refresh()
        settled(qtbot, p)
        qtbot.wait(20)
        p.console.repaint()
    thumbnails, upcoming = p.console.thumbnails, p.console.next.view
    drawn = thumbnails.rendered
    before = as_seconds(p.console.controls.countdown.remaining.text())
    seconds = thumbnails.kept + 3
    for _ in range(seconds):
        clock.advance(1)
        p.console._tick_refresh()
        settled(qtbot, p)
        assert p.console.now.view == now_view(p.controller, p.console.decorate)[0]
    p.console.repaint()
    assert p.console.next.view == upcoming
    assert thumbnails.rendered == drawn + seconds  # one Now a second, no Next again
    assert as_seconds(p.console.controls.countdown.remaining.text()) == before - seconds


def as_seconds(shown: str) -> int:
    minutes, seconds = shown.strip().split(":")
    return int(minutes) * 60 + int(seconds)
