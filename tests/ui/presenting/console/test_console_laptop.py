"""The console's rough edges, driven with real key presses: counts, banners, previews,
the countdown's button, pacing words, the overview grid."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from presenter.core.session.controller import Pacing
from presenter.core.session.view import Overlay
from presenter.ui.presenting.console import banners as banners_module
from presenter.ui.presenting.console.banners import Banners
from presenter.ui.presenting.console.status import pacing_text
from presenter.ui.presenting.presentation import Presentation

K = Qt.Key
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


def goto_myth(qtbot, p: Presentation) -> None:
    qtbot.keyClick(p.audience, K.Key_PageDown)  # past the content warning
    p.controller.goto(2)  # the myth
    qtbot.waitUntil(p.console.controls.myth.isVisible)  # the console follows the clicker


def type_into(qtbot, widget, text: str) -> None:
    for char in text:
        qtbot.keyClick(QApplication.focusWidget() or widget, char)


def test_tab_moves_between_the_counts_and_return_saves_both(qtbot, presentation) -> None:
    p = presentation
    goto_myth(qtbot, p)
    panel = p.console.controls.myth
    qtbot.mouseClick(panel.said_myth.lineEdit(), Qt.MouseButton.LeftButton)
    panel.said_myth.setFocus()
    panel.said_myth.selectAll()
    type_into(qtbot, panel.said_myth, "14")
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Tab)
    assert panel.said_reality.hasFocus(), "Tab goes to the reality count"
    type_into(qtbot, panel.said_reality, "6")
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Backtab)
    assert panel.said_myth.hasFocus(), "Shift+Tab comes back"
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Return)
    entry = p.controller.state.result(2, 0)
    assert entry is not None and (entry.said_myth, entry.said_reality) == (14, 6)
    assert "Saved: 14" in panel.saved_label.text() and "6" in panel.saved_label.text()
    qtbot.waitUntil(lambda: not panel.said_reality.hasFocus())  # the clicker is free again
    assert p.audience.view.overlay is None and p.audience.view.step == 0  # not revealed


def test_counts_above_the_room_are_questioned(qtbot, presentation) -> None:
    p = presentation
    p.controller.set_attendees(12)
    goto_myth(qtbot, p)
    panel = p.console.controls.myth
    panel.said_myth.setValue(14)
    panel.said_reality.setValue(6)
    panel.commit()
    assert "more than the 12 attendees" in panel.saved_label.text()
    assert panel.saved_label.objectName() == "mythWarning"
    panel.said_myth.setValue(7)
    panel.said_reality.setValue(5)
    panel.commit()
    assert "more than" not in panel.saved_label.text()


def test_revealing_without_counts_is_hinted(qtbot, presentation) -> None:
    p = presentation
    goto_myth(qtbot, p)
    panel = p.console.controls.myth
    assert "No counts yet" in panel.state_label.text()
    panel.not_asked.setChecked(True)
    p.console.refresh()
    assert "No counts yet" not in panel.state_label.text()
    assert "Not asked" in panel.saved_label.text()


def test_next_preview_tells_the_truth(qtbot, presentation) -> None:
    p = presentation
    c = p.controller
    # On the content warning, Next shows the first slide, not the second.
    view, caption = p.console._next_view()
    assert view is not None and (view.slide_index, view.step) == (0, 0)
    assert "starts" in caption
    assert p.console.now_label.text() == "Now: Content warning"
    qtbot.keyClick(p.audience, K.Key_PageDown)
    qtbot.keyClick(p.audience, K.Key_B)  # covered: Next only uncovers
    view, caption = p.console._next_view()
    assert view is not None and view.slide_index == c.state.slide and "uncovers" in caption
    qtbot.keyClick(p.audience, K.Key_B)
    c.last()
    c.next()  # the end screen
    assert c.state.overlay is Overlay.END
    assert p.console._next_view() == (None, "")
    qtbot.waitUntil(lambda: not p.console.refreshing())  # the console follows the room
    assert "end screen" in p.console.next_label.text()


def test_countdown_button_says_start_pause_resume(qtbot, presentation, clock) -> None:
    p = presentation
    qtbot.keyClick(p.audience, K.Key_PageDown)
    p.controller.goto(4)  # the discussion
    panel = p.console.controls.countdown
    panel.refresh()
    assert panel.start.text() == "Start"
    p.controller.timer_toggle()
    panel.refresh()
    assert panel.start.text() == "Pause"
    clock.advance(10)
    p.controller.timer_toggle()
    panel.refresh()
    assert panel.start.text() == "Resume"
    assert p.controller.slide_view().countdown_remaining == pytest.approx(170)
    p.controller.timer_toggle()
    clock.advance(600)
    panel.refresh()
    assert panel.remaining.text() == "Time's up"
    assert not panel.start.isVisibleTo(panel) and panel.plus.isVisibleTo(panel)


@pytest.mark.parametrize(
    ("behind", "text"),
    [(0.4, "On time"), (1.5, "1 min behind"), (2.0, "2 min behind"), (-4.9, "4 min ahead"),
     (-5.0, "5 min ahead")],
)  # fmt: skip
def test_pacing_words_match_the_colour_thresholds(behind: float, text: str) -> None:
    assert pacing_text(Pacing(10.0, 10.0 + behind, "green")) == text


def test_banners_one_line_closable_and_information_times_out(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(banners_module, "INFO_TIMEOUT_MS", 50)
    banners = Banners()
    qtbot.addWidget(banners)
    banners.resize(600, 40)
    banners.show()
    banners.warning("help", "No help contacts were found. " * 10)
    banners.info("goto", "There is no slide 99.")
    assert banners.shown_key() == "goto"  # the newest answers what was just done
    assert banners.more.isVisibleTo(banners) and "+1" in banners.more.text()
    height = banners.sizeHint().height()
    assert height < 48, "one line, however long the text"
    qtbot.waitUntil(lambda: banners.shown_key() == "help", timeout=2000)
    assert banners.text("goto") == ""
    banners.error("record", "The session record could not be saved.")
    banners.info("later", "An information after the error")
    assert banners.shown_key() == "record", "an error is never hidden by newer news"
    qtbot.mouseClick(banners.close_button, Qt.MouseButton.LeftButton)
    assert banners.text("record") == ""
    done = []
    banners.warning("screens", "Unplugged", action=("Show the room's view", lambda: done.append(1)))
    assert banners.action.isVisibleTo(banners) and banners.action.text() == "Show the room's view"
    qtbot.mouseClick(banners.action, Qt.MouseButton.LeftButton)
    assert done == [1] and banners.text("screens") == ""
    with pytest.raises(ValueError):
        banners.show_message("x", "y", "shouting")


def test_banner_text_is_never_rich_text(qtbot) -> None:
    banners = Banners()
    qtbot.addWidget(banners)
    banners.warning("deck", "<b>bold</b> <img src='x'>")
    assert banners.label.textFormat() == Qt.TextFormat.PlainText
    assert "&lt;b&gt;" in banners.label.toolTip()


def test_question_banners_leave_one_line(qtbot, presentation) -> None:
    p = presentation
    p.console.resize(1024, 768)
    p.console.banners.warning("help", "No help contacts")
    p.console.report_banner.show()
    qtbot.waitUntil(lambda: not p.console.banners.isVisibleTo(p.console))
    p.console.report_banner.hide()
    qtbot.waitUntil(lambda: p.console.banners.isVisibleTo(p.console))


def test_typed_number_shows_without_widening_the_console(qtbot, presentation) -> None:
    p = presentation
    p.console.resize(1024, 768)
    width = p.console.width()
    qtbot.keyClick(p.audience, K.Key_PageDown)
    qtbot.keyClick(p.audience, K.Key_1)
    qtbot.keyClick(p.audience, K.Key_9)
    assert "Go to slide 19" in p.console.hints.text()
    assert p.console.width() == width
    qtbot.keyClick(p.audience, K.Key_Escape)
    qtbot.waitUntil(lambda: p.console.banners.shown_key() == "windowed")
    assert "F5" in p.console.status.room.text()


def test_overview_key_shows_a_grid_over_the_console(qtbot, presentation) -> None:
    p = presentation
    qtbot.keyClick(p.audience, K.Key_PageDown)
    qtbot.keyClick(p.console, K.Key_O)
    assert p.console.overview_shown()
    grid = p.console.overview
    assert grid.viewMode() == grid.ViewMode.IconMode
    qtbot.waitUntil(lambda: grid.unfilled() == 0)  # drawn a few per turn
    for item in grid._items.values():
        shown = item.icon().pixmap(grid.THUMB).toImage()
        blank = QImage(shown.size(), shown.format())
        blank.fill(QColor("black"))
        assert not item.icon().isNull() and shown != blank  # the slide was painted
    assert p.controller.state.slide == 0  # selecting is not showing
    item = grid._items[4]
    grid.setCurrentItem(item)
    assert p.controller.state.slide == 0
    grid.itemActivated.emit(item)
    assert p.controller.state.slide == 4
    qtbot.keyClick(p.console, K.Key_O)
    assert not p.console.overview_shown()
    assert "Overview: O" in p.console.hints.text() and "Esc" in p.console.hints.text()
