""" "End the workshop?" is asked on the laptop, never on the projector."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from presenter.ui.presenting.presentation import Presentation, screen_key

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


def answer_when_asked(qtbot, p: Presentation, seen: dict, yes: bool = False) -> None:
    """Look at the question while it is up, then answer it."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        seen["screen"] = box.screen().name()
        seen["centre_on"] = QGuiApplication.screenAt(box.frameGeometry().center()).name()
        seen["parent"] = box.parentWidget()
        seen["text"] = box.text()
        seen["covered"] = p.audience.covered
        image = p.audience.grab().toImage()
        points = [(x, y) for x in range(0, image.width(), 97) for y in range(0, image.height(), 89)]
        seen["audience_black"] = all(
            QColor(image.pixel(x, y)) == QColor("black") for x, y in points
        )
        seen["in_audience"] = box in p.audience.findChildren(QMessageBox)
        button = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
        box.button(button).click()

    QTimer.singleShot(0, look)


def test_two_screens_the_question_is_on_the_laptop(qtbot, make_presentation, deck_path) -> None:
    ended: list[bool] = []
    p = make_presentation(deck_path, confirm_quit=None, on_quit=lambda: ended.append(True))
    p.controller.next()
    seen: dict = {}
    answer_when_asked(qtbot, p, seen)
    qtbot.keyClick(p.audience, K.Key_Q, CTRL)  # from the projector window, even
    assert seen["text"] == "End this workshop and close the presentation?"
    assert seen["screen"] == "Laptop" and seen["centre_on"] == "Laptop"
    assert seen["parent"] is p.console and not seen["in_audience"]
    assert not seen["covered"]  # two screens: the room keeps its slide
    assert ended == [] and p.controller.state.finished is None  # "No" keeps going
    assert p.audience.isVisible()
    # Screens swapped (the projector is the primary display): it follows the console.
    qtbot.keyClick(p.console, K.Key_S)
    qtbot.waitUntil(lambda: p.audience.screen().name() == "Laptop")
    answer_when_asked(qtbot, p, seen)
    p.console.close()
    assert seen["screen"] == p.console.screen().name() == "Projector"
    assert seen["screen"] != p.audience.screen().name()

    answer_when_asked(qtbot, p, seen, yes=True)
    p.console.close()
    assert ended == [True] and p.controller.state.finished is not None


def test_one_screen_the_room_sees_black_not_the_question(
    qtbot, make_presentation, deck_path
) -> None:
    p = make_presentation(deck_path, confirm_quit=None, on_quit=None)
    projector = next(s for s in QGuiApplication.screens() if s.name() == "Projector")
    p._removed.add(screen_key(projector))  # one screen, or a mirrored display
    p.place()
    p.controller.next()
    assert not p.console.isVisible()
    place = p.audience.view
    seen: dict = {}
    answer_when_asked(qtbot, p, seen)
    qtbot.keyClick(p.audience, K.Key_Q, CTRL)
    assert seen["covered"] and seen["audience_black"]
    assert seen["parent"] is p.console and not seen["in_audience"]
    assert seen["screen"] == "Laptop"
    # Answered "No": the slide is back, and the session record never saw a black screen.
    assert not p.audience.covered and p.audience.view == place
    assert p.controller.state.overlay is None


@pytest.mark.parametrize(
    ("language", "end", "keep"),
    [("en", "End the workshop", "Keep presenting"), ("ar", "إنهاء الورشة", "متابعة العرض")],
)
def test_the_buttons_say_what_they_do_in_the_console_language(
    qtbot, make_presentation, deck_path, language: str, end: str, keep: str
) -> None:
    from presenter.support import i18n

    i18n.set_console_language(language)
    try:
        p = make_presentation(deck_path)
        box = p.quit_box()
        assert box.button(QMessageBox.StandardButton.Yes).text() == end
        assert box.button(QMessageBox.StandardButton.No).text() == keep
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        box.deleteLater()
    finally:
        i18n.set_console_language(None)
