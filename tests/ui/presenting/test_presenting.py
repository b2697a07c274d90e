"""Whole workshops driven by key presses, on a laptop screen and a projector."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from presenter.core.session.view import Overlay
from presenter.ui.presenting.presentation import Presentation, screen_key

K = Qt.Key
# The offscreen platform cannot raise windows; the call is still right on real ones.
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


def press(qtbot, widget: QWidget, key: Qt.Key, times: int = 1, mod=Qt.KeyboardModifier.NoModifier):
    for _ in range(times):
        qtbot.keyClick(widget, key, mod)


def where(p: Presentation) -> tuple[int | None, int, Overlay | None]:
    view = p.audience.view
    return view.slide_index, view.step, view.overlay


def all_text(widget: QWidget) -> str:
    """Every string any widget inside ``widget`` could show."""
    parts = [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
    for child in widget.findChildren(QWidget):
        for getter in ("text", "toPlainText", "placeholderText", "title", "windowTitle"):
            value = getattr(child, getter, None)
            if callable(value):
                try:
                    result = value()
                except TypeError:
                    continue
                if isinstance(result, str):
                    parts.append(result)
    return "\n".join(parts)


def test_audience_on_projector_console_on_laptop(presentation: Presentation) -> None:
    p = presentation
    assert p.audience.screen().name() == "Projector"
    assert p.audience.isFullScreen()
    assert p.audience.geometry() == p.audience.screen().geometry()
    assert p.console.isVisible() and p.console.screen().name() == "Laptop"


def test_whole_workshop_with_keys_never_shows_notes(qtbot, presentation: Presentation) -> None:
    p = presentation
    deck = p.controller.deck
    assert where(p)[2] is Overlay.CONTENT_WARNING
    seen = []
    for key in [K.Key_PageDown, K.Key_Right, K.Key_Space, K.Key_Down, K.Key_Return] * 4:
        target = p.console if len(seen) % 2 else p.audience  # keys work from either window
        press(qtbot, target, key)
        seen.append(where(p))
        # The audience window has no widgets of its own: no text can leak onto it.
        assert p.audience.findChildren(QLabel) == []
        assert "SECRET" not in all_text(p.audience)
    shown = [index for index, _, overlay in seen if overlay is None]
    assert 3 not in shown  # the adults-only slide is hidden for youth
    assert seen[-1][2] is Overlay.END
    # Each slide went step by step: the myth showed its statement before the reality.
    assert (2, 0, None) in seen and seen.index((2, 0, None)) < seen.index((2, 1, None))
    # The console has the notes, the audience never did.
    p.controller.goto(0)
    qtbot.waitUntil(lambda: "SECRET-NOTE-TITLE" in p.console.notes.toPlainText())
    assert deck.slides[0].notes


def test_auto_repeat_is_ignored(qtbot, presentation: Presentation) -> None:
    p = presentation
    press(qtbot, p.audience, K.Key_PageDown)
    start = where(p)
    qtbot.keyPress(p.audience, K.Key_PageDown)  # the real press
    for _ in range(10):
        event = QKeyEvent(QEvent.Type.KeyPress, K.Key_PageDown, Qt.KeyboardModifier.NoModifier,
                          "", True)  # fmt: skip
        QApplication.sendEvent(p.audience, event)
    assert where(p) == (1, 0, None) != start


def test_myth_is_revealed_only_when_asked(qtbot, presentation: Presentation) -> None:
    p = presentation
    press(qtbot, p.audience, K.Key_PageDown)  # warning acknowledged
    press(qtbot, p.audience, K.Key_3)
    press(qtbot, p.audience, K.Key_Return)  # "3 Return": go to slide 3, the myth
    assert where(p) == (2, 0, None)
    panel = p.console.controls.myth
    qtbot.waitUntil(panel.isVisible)  # the console follows the audience frame
    qtbot.waitUntil(lambda: True)
    panel.said_myth.setValue(9)
    panel.said_reality.setValue(4)
    assert p.audience.view.tally is None  # nothing about the answers before the reveal
    press(qtbot, p.console, K.Key_PageDown)  # the clicker reveals; typed counts are kept
    assert where(p) == (2, 1, None)
    assert p.audience.view.tally is not None and p.audience.view.tally.said_myth == 9
    # The recap asks again; after the reveal the room sees before and after.
    p.controller.goto(5)
    panel.said_myth.setValue(12)
    panel.said_reality.setValue(1)
    press(qtbot, p.audience, K.Key_Space)
    view = p.audience.view
    assert view.before_tally is not None and view.before_tally.said_myth == 9
    assert view.tally is not None and view.tally.said_myth == 12
    assert "Before" in panel.before_after.text()


def test_calm_help_black_return_to_the_same_place(qtbot, presentation: Presentation) -> None:
    p = presentation
    press(qtbot, p.audience, K.Key_PageDown, 3)  # warning, title, parts step 0 -> step 1
    place = where(p)
    assert place == (1, 1, None)
    for key, overlay in [(K.Key_C, Overlay.CALM), (K.Key_H, Overlay.HELP),
                         (K.Key_B, Overlay.BLACK), (K.Key_Period, Overlay.BLACK),
                         (K.Key_W, Overlay.WHITE), (K.Key_Comma, Overlay.WHITE)]:  # fmt: skip
        press(qtbot, p.console, key)
        assert where(p)[2] is overlay
        assert "Room sees" in p.console.status.room.text()
        press(qtbot, p.audience, key)
        assert where(p) == place
    # help from the calm screen, then back through both
    press(qtbot, p.audience, K.Key_C)
    press(qtbot, p.audience, K.Key_H)
    press(qtbot, p.audience, K.Key_H)
    assert where(p)[2] is Overlay.CALM
    press(qtbot, p.audience, K.Key_C)
    assert where(p) == place


def test_countdown_on_the_audience_screen(qtbot, presentation: Presentation, clock) -> None:
    p = presentation
    press(qtbot, p.audience, K.Key_PageDown)
    press(qtbot, p.audience, K.Key_4)
    press(qtbot, p.audience, K.Key_Return)  # slide 4 of the youth variant: the discussion
    assert p.controller.slide.kind == "discussion"
    assert p.audience.view.countdown_remaining == 180
    press(qtbot, p.console, K.Key_T)
    clock.advance(61.5)
    p.audience.refresh()
    assert p.audience.view.countdown_remaining == 119
    assert p.audience.view.countdown_running
    press(qtbot, p.console, K.Key_Plus)
    p.audience.refresh()
    assert p.audience.view.countdown_remaining == 179
    press(qtbot, p.console, K.Key_T)  # pause: time stops
    clock.advance(500)
    p.audience.refresh()
    assert p.audience.view.countdown_remaining == 179
    qtbot.waitUntil(lambda: "2:59" in p.console.controls.countdown.remaining.text())


def test_jumping_never_flashes_intermediate_slides(qtbot, presentation: Presentation) -> None:
    p = presentation
    press(qtbot, p.audience, K.Key_PageDown)
    painted = []
    p.controller.subscribe(lambda state, action: painted.append(p.controller.audience_view()))
    item = p.console.agenda._items[5]  # the recap
    p.console.agenda.itemActivated.emit(item, 0)
    assert [v.slide_index for v in painted] == [5]
    press(qtbot, p.audience, K.Key_Home)
    assert where(p)[0] == 0


def test_f5_and_esc_are_safe_to_press_repeatedly(qtbot, presentation: Presentation) -> None:
    p = presentation
    press(qtbot, p.audience, K.Key_PageDown, 4)
    place = where(p)
    for _ in range(3):
        press(qtbot, p.audience, K.Key_Escape)
        assert not p.audience.isFullScreen()
        assert where(p) == place
        press(qtbot, p.audience, K.Key_F5)
        assert p.audience.isFullScreen()
        assert where(p) == place  # a clicker's F5/Esc button never loses the place
    press(qtbot, p.audience, K.Key_F5, mod=Qt.KeyboardModifier.ShiftModifier)
    assert where(p) == place and p.audience.isFullScreen()
    # Esc and closing never quit without asking
    press(qtbot, p.console, K.Key_Escape)
    p.console.close()
    assert p.console.isVisible() and p.controller.state.finished is None


def test_projector_unplugged_and_plugged_back(qtbot, presentation: Presentation) -> None:
    p = presentation
    app = QGuiApplication.instance()
    press(qtbot, p.audience, K.Key_PageDown, 3)
    place = where(p)
    projector = next(s for s in QGuiApplication.screens() if s.name() == "Projector")
    app.screenRemoved.emit(projector)
    # The notes and timers stay on the laptop, with the way to the room's view.
    qtbot.waitUntil(lambda: p.plan is not None and not p.plan.two_screens)
    assert p.console.isVisible() and p.console.screen().name() == "Laptop"
    assert p.console.banners.shown_key() == "screens"
    assert where(p) == place
    press(qtbot, p.console, K.Key_P)  # the room's view here, if wanted
    qtbot.waitUntil(lambda: p.audience.screen().name() == "Laptop" and p.audience.isFullScreen())
    assert not p.console.isVisible()
    press(qtbot, p.audience, K.Key_PageDown)
    app.screenAdded.emit(projector)
    qtbot.waitUntil(lambda: p.audience.screen().name() == "Projector")
    qtbot.waitUntil(lambda: p.console.isVisible() and p.console.screen().name() == "Laptop")
    assert where(p) == (2, 0, None)
    assert p.controller.state.started


def test_swap_screens(qtbot, presentation: Presentation) -> None:
    p = presentation
    press(qtbot, p.console, K.Key_S)
    qtbot.waitUntil(lambda: p.audience.screen().name() == "Laptop")
    assert p.console.screen().name() == "Projector"
    press(qtbot, p.console, K.Key_S)
    qtbot.waitUntil(lambda: p.audience.screen().name() == "Projector")


def test_screen_option_chooses_the_audience_screen(make_presentation, deck_path) -> None:
    p = make_presentation(deck_path, audience_screen=1)
    assert p.audience.screen().name() == "Laptop"
    assert p.console.screen().name() == "Projector"


def test_one_screen_keeps_the_console_off_until_asked(qtbot, presentation: Presentation) -> None:
    p = presentation
    projector = next(s for s in QGuiApplication.screens() if s.name() == "Projector")
    p._removed.add(screen_key(projector))  # as if only the laptop (or a mirrored display) existed
    p.place()
    assert not p.console.isVisible()
    assert p.audience.isFullScreen() and p.audience.screen().name() == "Laptop"
    press(qtbot, p.audience, K.Key_P)
    assert p.console.isVisible()
    press(qtbot, p.console, K.Key_P)
    assert not p.console.isVisible()
    press(qtbot, p.audience, K.Key_PageDown)
    assert where(p) == (0, 0, None)


def test_rehearse_shows_both_windows_side_by_side(make_presentation, deck_path) -> None:
    p = make_presentation(deck_path, rehearse=True)
    assert not p.audience.isFullScreen()
    assert p.console.isVisible() and p.audience.isVisible()
    assert not p.console.geometry().intersects(p.audience.geometry())


def test_typing_a_note_does_not_move_slides(qtbot, presentation: Presentation) -> None:
    p = presentation
    press(qtbot, p.audience, K.Key_PageDown)
    field = p.console.quick_note
    p.console.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "back row quiet. b w c h")
    assert where(p) == (0, 0, None)
    qtbot.keyClick(field, K.Key_Return)
    assert p.controller.state.notes[-1].text == "back row quiet. b w c h"
    qtbot.waitUntil(lambda: not field.hasFocus())
    press(qtbot, p.console, K.Key_PageDown)
    assert where(p) == (1, 0, None)


def test_missing_help_contacts_tell_the_facilitator(make_presentation, deck_path) -> None:
    with_help = make_presentation(deck_path)
    assert with_help.console.banners.text("help") == ""
    (deck_path.parent / "help.yaml").unlink()
    p = make_presentation(deck_path)
    assert "help contacts" in p.console.banners.text("help")


def test_disk_error_is_shown_and_presenting_goes_on(make_presentation, deck_path) -> None:
    class FullDisk:
        def record(self, action: dict) -> None:
            raise OSError(28, "No space left on device")

    p = make_presentation(deck_path, recorder=FullDisk())
    p.controller.next()
    p.controller.next()
    assert where(p) == (1, 0, None)
    assert "the disk is full" in p.console.banners.text("record")
    assert "free some disk space" in p.console.banners.text("record")


def test_each_write_failure_gets_its_own_words(make_presentation, deck_path) -> None:
    import errno

    seen = {}
    for code in (errno.EIO, errno.EROFS, errno.EACCES):

        class Failing:
            def record(self, action: dict, code: int = code) -> None:
                raise OSError(code, os.strerror(code))

        p = make_presentation(deck_path, recorder=Failing())
        p.controller.next()
        seen[code] = p.console.banners.text("record")
    assert "read or write error" in seen[errno.EIO]
    assert "read-only drive" in seen[errno.EROFS]
    assert "not allowed to write" in seen[errno.EACCES]
    assert not any("free some disk space" in text for text in seen.values())


def test_the_agenda_shows_every_column_in_a_laptop_sized_pane(
    qtbot, presentation: Presentation
) -> None:
    from presenter.render.fonts import ensure_fonts

    ensure_fonts()
    agenda = presentation.console.agenda
    agenda.resize(250, 400)  # about what a 1024-pixel console gives it
    qtbot.waitUntil(lambda: agenda.viewport().width() > 0)
    header = agenda.header()
    used = sum(header.sectionSize(c) for c in range(header.count()))
    assert used <= agenda.viewport().width()  # "Starts" is not scrolled out of view
