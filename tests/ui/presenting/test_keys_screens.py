"""The key table and the choice of screens, without driving windows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from presenter.ui.presenting.keys import KeyAction, SlideNumberBuffer, action_for
from presenter.ui.presenting.screens import plan_screens

K = Qt.Key
NONE = Qt.KeyboardModifier.NoModifier


def test_clicker_and_powerpoint_keys() -> None:
    for key in (K.Key_PageDown, K.Key_Right, K.Key_Down, K.Key_Space, K.Key_Return):
        assert action_for(key, NONE) is KeyAction.NEXT
    for key in (K.Key_PageUp, K.Key_Left, K.Key_Up, K.Key_Backspace):
        assert action_for(key, NONE) is KeyAction.PREV
    assert action_for(K.Key_Period, NONE) is KeyAction.BLACK
    assert action_for(K.Key_B, NONE) is KeyAction.BLACK
    assert action_for(K.Key_Comma, NONE) is KeyAction.WHITE
    assert action_for(K.Key_F5, NONE) is KeyAction.START
    assert action_for(K.Key_F5, Qt.KeyboardModifier.ShiftModifier) is KeyAction.START_HERE
    assert action_for(K.Key_Escape, NONE) is KeyAction.LEAVE
    assert action_for(K.Key_Q, NONE) is None  # only Ctrl+Q quits, and it asks
    assert action_for(K.Key_Q, Qt.KeyboardModifier.ControlModifier) is KeyAction.QUIT
    assert action_for(K.Key_Enter, Qt.KeyboardModifier.KeypadModifier) is KeyAction.NEXT


def test_slide_number_buffer_times_out() -> None:
    now = [0.0]
    buffer = SlideNumberBuffer(lambda: now[0])
    buffer.add(1)
    buffer.add(2)
    assert buffer.take() == 12
    buffer.add(4)
    now[0] += 10
    assert buffer.take() is None  # a stale digit never jumps


def test_plan_two_screens_one_screen_override_and_swap(qapp) -> None:
    screens = QGuiApplication.screens()
    laptop, projector = screens
    plan = plan_screens(screens, laptop)
    assert (plan.audience, plan.console) == (projector, laptop)
    # A projector set as the primary display is still recognised by the laptop's name.
    plan = plan_screens(screens, projector)
    assert plan.audience is projector
    assert plan_screens(screens, laptop, audience_number=1).audience is laptop
    assert plan_screens(screens, laptop, swapped=True).audience is laptop
    single = plan_screens([laptop], laptop)
    assert single.audience is laptop and single.console is None and not single.two_screens
