"""The session record from the console: attendee count, venue, initials, and resuming."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from presenter.core.record.store import find_unfinished, iter_session_folders, load_session
from presenter.core.session.view import Overlay
from presenter.ui.app import open_deck
from presenter.ui.presenting.presentation import Presentation
from presenter.ui.presenting.record import SessionRecordKeeper

K = Qt.Key
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


class ListRecorder:
    def __init__(self) -> None:
        self.actions: list[dict] = []

    def record(self, action: dict) -> None:
        self.actions.append(dict(action))


def type_into(qtbot, field, text: str) -> None:
    field.window().activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, K.Key_Return)
    qtbot.waitUntil(lambda: not field.hasFocus())


def test_record_form_saves_numbers_and_words_never_moves_slides(
    qtbot, make_presentation, deck_path
) -> None:
    recorder = ListRecorder()
    p: Presentation = make_presentation(deck_path, recorder=recorder)
    form = p.console.record_form
    p.console.tabs.setCurrentWidget(form)  # the Record tab, as a click would
    p.controller.next()  # past the content warning
    place = (p.controller.state.slide, p.controller.state.step)
    for field in (form.attendees, form.venue, form.initials):
        assert field.focusPolicy() == Qt.FocusPolicy.ClickFocus  # a clicker never types here
    assert form.attendees.placeholderText() == "Number of people"
    assert "no names" in form.hint.text()

    type_into(qtbot, form.attendees, "2b5.")  # letters and dots are refused, not keys
    assert p.controller.state.attendees == 25
    type_into(qtbot, form.venue, "Hall 3, b. w c")
    type_into(qtbot, form.initials, "ab")
    s = p.controller.state
    assert (s.attendees, s.venue, s.initials) == (25, "Hall 3, b. w c", "ab")
    assert (s.slide, s.step, s.overlay) == (*place, None)  # Return and B/W/C/. did nothing
    kinds = [a["type"] for a in recorder.actions]
    assert kinds.count("attendees") == 1 and kinds.count("venue") == 1
    # Saving again without a change records nothing more; clearing takes the count back.
    form.commit()
    assert [a["type"] for a in recorder.actions] == kinds
    form.attendees.clear()
    form.commit()
    assert p.controller.state.attendees is None
    # After the field lets go, the clicker works again.
    qtbot.keyClick(p.console, K.Key_PageDown)
    assert p.controller.state.slide != place[0] or p.controller.state.step != place[1]


def present(make_presentation, deck_path: Path, clock, root: Path, *, resume: bool = False):
    keeper = SessionRecordKeeper.open(open_deck(deck_path), "youth", clock, root, resume=resume)
    p = make_presentation(deck_path, recorder=keeper.recorder, state=keeper.state, on_quit=None)
    keeper.attach(p)
    return keeper, p


def unfinished_session(make_presentation, deck_path, clock, root) -> None:
    """A workshop stopped on slide 3 (the myth) without being ended."""
    keeper, p = present(make_presentation, deck_path, clock, root)
    assert not keeper.pending
    p.controller.next()
    p.controller.goto_number(3)
    p.controller.set_attendees(18)
    clock.advance(300)
    keeper.close()


def test_resume_offer_continues_where_it_stopped(
    qtbot, make_presentation, deck_path, clock, data_dir
):
    unfinished_session(make_presentation, deck_path, clock, data_dir)
    old = find_unfinished(deck_path, data_dir)
    keeper, p = present(make_presentation, deck_path, clock, data_dir)
    banner = p.console.resume_banner
    assert keeper.pending and banner.isVisible()
    assert banner.resume.text() == "Resume where you stopped (slide 3)"
    # On a 1024-wide laptop the line is cut: what Next does must come first.
    p.console.resize(1024, 768)
    qtbot.waitUntil(lambda: banner.message.width() < 700)
    assert banner.message.shown_text().startswith("Next resumes")
    assert p.audience.view.slide_index == 0  # nothing moved before the choice
    p.console.record_form.attendees.setText("20")  # typed while deciding: kept
    p.console.record_form.commit()
    banner.resume.click()
    assert not banner.isVisible() and not keeper.pending
    s = p.controller.state
    assert (s.slide, s.attendees) == (2, 20)
    assert p.audience.view.slide_index == 2
    assert "Resumed" in p.console.banners.text("record0")
    keeper.close()
    assert keeper.opened is not None and keeper.opened.record is not None
    assert keeper.opened.record.folder == old.folder  # the same journal goes on
    assert load_session(old.folder).state.attendees == 20


def test_start_fresh_sets_the_old_record_aside_still_resumable(
    make_presentation, deck_path, clock, data_dir
) -> None:
    unfinished_session(make_presentation, deck_path, clock, data_dir)
    old = find_unfinished(deck_path, data_dir)
    keeper, p = present(make_presentation, deck_path, clock, data_dir)
    p.console.resume_banner.fresh.click()
    assert not p.console.resume_banner.isVisible()
    assert p.controller.state.slide == 0 and p.controller.state.attendees is None
    p.controller.next()
    p.controller.finish()
    keeper.close()
    kept = load_session(old.folder)
    assert kept.closed is None and kept.set_aside  # not thrown away: set aside
    assert kept.state.attendees == 18
    # No longer offered by itself; still there for the home window's Resume.
    assert find_unfinished(deck_path, data_dir) is None
    assert find_unfinished(deck_path, data_dir, set_aside=True).folder == old.folder
    folders = list(iter_session_folders(data_dir))
    new = load_session(next(f for f in folders if f != old.folder))
    assert new.state.started  # the actions before the choice are in the new journal


def test_pressing_next_on_the_offer_resumes(
    qtbot, make_presentation, deck_path, clock, data_dir
) -> None:
    unfinished_session(make_presentation, deck_path, clock, data_dir)
    old = find_unfinished(deck_path, data_dir)
    keeper, p = present(make_presentation, deck_path, clock, data_dir)
    qtbot.keyClick(p.audience, K.Key_B)  # blanking while deciding is not an answer
    assert keeper.pending
    qtbot.keyClick(p.audience, K.Key_PageDown)  # the clicker
    assert not keeper.pending and not p.console.resume_banner.isVisible()
    s = p.controller.state
    assert (s.slide, s.step, s.attendees) == (2, 0, 18)  # where it stopped, nothing lost
    assert s.overlay is Overlay.BLACK  # and still blank, as the facilitator asked
    assert p.audience.view.slide_index == 2
    keeper.close()
    assert len(list(iter_session_folders(data_dir))) == 1  # the same journal goes on
    assert load_session(old.folder).state.overlay is Overlay.BLACK


def test_closing_without_choosing_leaves_the_session_resumable(
    make_presentation, deck_path, clock, data_dir
) -> None:
    unfinished_session(make_presentation, deck_path, clock, data_dir)
    old = find_unfinished(deck_path, data_dir)
    keeper, _ = present(make_presentation, deck_path, clock, data_dir)
    keeper.close()
    assert find_unfinished(deck_path, data_dir).folder == old.folder
    assert len(list(iter_session_folders(data_dir))) == 1


def test_changed_deck_says_so(make_presentation, deck_path, clock, data_dir) -> None:
    unfinished_session(make_presentation, deck_path, clock, data_dir)
    text = deck_path.read_text("utf-8").replace("## Three parts", "## The three parts")
    deck_path.write_text(text, "utf-8")
    keeper, p = present(make_presentation, deck_path, clock, data_dir)
    assert "changed" in p.console.resume_banner.message.text()
    p.console.resume_banner.resume.click()
    assert "changed" in p.console.banners.text("record0")
    assert p.controller.state.slide == 2
    keeper.close()


def test_resume_flag_skips_the_offer(make_presentation, deck_path, clock, data_dir) -> None:
    unfinished_session(make_presentation, deck_path, clock, data_dir)
    keeper, p = present(make_presentation, deck_path, clock, data_dir, resume=True)
    assert not keeper.pending and not p.console.resume_banner.isVisible()
    assert p.controller.state.slide == 2
    keeper.close()
