"""A running presentation: the two windows, the keys and the screens, around one session.

Two screens: the audience view fullscreen on the projector, the console on the laptop;
S swaps them; a projector plugged in or pulled out moves the audience view and the
session simply goes on. One screen (or a mirrored display): the audience view takes it
and the console stays off it until the facilitator presses P. Rehearsal: both as
windows side by side.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMessageBox

from presenter.core.session.controller import SessionController
from presenter.core.session.view import Overlay
from presenter.support.i18n import t
from presenter.ui.presenting.audience import AudienceWindow
from presenter.ui.presenting.bridge import Renderer, SessionSignals
from presenter.ui.presenting.keys import KeyAction, KeyRouter
from presenter.ui.presenting.screens import (
    ScreenPlan,
    laptop_screen,
    place_console,
    place_fullscreen,
    place_window,
    plan_screens,
)

if TYPE_CHECKING:
    from presenter.phones.service import PhonesService
    from presenter.ui.presenting.console.options import ConsoleOptions
    from presenter.ui.presenting.console.phones_panel import PhonesPanel

log = logging.getLogger(__name__)

REHEARSAL_PREVIEW_MIN = 360
OVERLAY_KEYS = {
    KeyAction.BLACK: Overlay.BLACK,
    KeyAction.WHITE: Overlay.WHITE,
    KeyAction.CALM: Overlay.CALM,
    KeyAction.HELP: Overlay.HELP,
}


class Presentation(QObject):
    def __init__(
        self,
        controller: SessionController,
        renderer: Renderer,
        *,
        audience_screen: int | None = None,
        rehearse: bool = False,
        confirm_quit: Callable[[], bool] | None = None,
        on_quit: Callable[[], None] | None = None,
        console_options: ConsoleOptions | None = None,
        show_audience_first: bool = False,
    ) -> None:
        """``show_audience_first`` puts the audience view on its screen and paints it
        before the console is built (``place`` then arranges both as usual)."""
        super().__init__()
        self.controller = controller
        self.audience_screen = audience_screen
        self.rehearse = rehearse
        self.swapped = False
        self.fullscreen = not rehearse  # the audience view is presenting fullscreen
        # One screen: True when the facilitator asked for the console (P, or the
        # projector was pulled out), False for the room's view, None: as the mode says.
        self.console_requested: bool | None = None
        # Screens reported gone, by name and place: the QScreen itself may be deleted
        # (or its wrapper stale) by the time the windows are placed again.
        self._removed: set[tuple[str, tuple[int, int, int, int]]] = set()
        self._on_quit = on_quit
        self._shut_down = False
        self.signals = SessionSignals(controller, self)
        self.audience = AudienceWindow(controller, self.signals, renderer)
        if show_audience_first:
            self._show_first_frame()
        # Imported here, after the room's first frame: the console is most of the
        # widgets, and the projector need not wait for them.
        from presenter.ui.presenting.console.window import PresenterConsole

        self.console = PresenterConsole(
            controller, self.signals, renderer, confirm_quit or self._ask_quit, console_options
        )
        self.console.quit_confirmed.connect(self._quit)
        room, console = self.audience, self.console  # the console's slices leave the room first
        console.slices.turn_cost = lambda: room.take_turn_cost() + console.take_repaint_cost()
        self.router = KeyRouter(self.perform, self.goto_number, self.console.show_number, self)
        self.router.watch(self.audience, self.console)
        self.router.install()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._screen_added)
            app.screenRemoved.connect(self._screen_removed)
        self.plan: ScreenPlan | None = None
        # The answers room (off until switched on); app.build_presentation sets these.
        self.phones: PhonesService | None = None
        self.phones_panel: PhonesPanel | None = None

    # -- screens ---------------------------------------------------------------------

    def screens(self) -> list[QScreen]:
        return [s for s in QGuiApplication.screens() if screen_key(s) not in self._removed]

    def place(self) -> None:
        """Put both windows where they belong for the current screens and mode."""
        screens = self.screens()
        if not screens:
            return
        plan = plan_screens(
            screens, QGuiApplication.primaryScreen(), self.audience_screen, self.swapped
        )
        self.plan = plan
        if self.rehearse:  # both windows on the laptop, whatever --screen says
            self._place_rehearsal(laptop_screen(screens, QGuiApplication.primaryScreen()))
            return
        if plan.console is not None:
            self._show_audience(plan.audience)
            place_console(self.console, plan.console)
        elif self.console_requested:  # one screen, the console in front of the room's view
            self._show_audience(plan.audience)
            place_console(self.console, plan.audience)
            self.console.raise_()
            self.console.activateWindow()
        else:
            self._show_audience(plan.audience)
            self.console.hide()
            self.audience.raise_()
            self.audience.activateWindow()
        self._say_windowed()

    def _show_audience(self, screen: QScreen) -> None:
        if self.fullscreen:
            place_fullscreen(self.audience, screen)
        else:
            place_window(self.audience, screen, (0.1, 0.1, 0.6, 0.6))

    def _show_first_frame(self) -> None:
        screens = self.screens()
        if self.rehearse or not screens:
            return
        plan = plan_screens(
            screens, QGuiApplication.primaryScreen(), self.audience_screen, self.swapped
        )
        place_fullscreen(self.audience, plan.audience)
        QCoreApplication.processEvents()  # the window is exposed: it can be painted
        self.audience.repaint()
        log.debug("first audience frame painted before the console was built")

    def _place_rehearsal(self, screen: QScreen) -> None:
        """The console on the left, the room's view in the space to its right, never
        over the console. On a screen too narrow for both, the console alone (its Now
        picture is the room's view), and P shows the room's view in its place."""
        area = screen.availableGeometry()
        preview_width = min(max(round(area.width() * 0.3), REHEARSAL_PREVIEW_MIN), 768)
        console_width = area.width() - preview_width
        from presenter.ui.presenting.console.window import CONSOLE_MIN_SIZE

        if console_width >= CONSOLE_MIN_SIZE.width():
            place_console(self.console, screen, console_width)
            x = self.console.frameGeometry().right() + 1 - area.x()
            spare = area.width() - x
            height = round(spare * 9 / 16)
            place_window(
                self.audience,
                screen,
                (x / area.width(), 0.1, spare / area.width(), height / area.height()),
            )
        elif self._console_in_front():
            place_console(self.console, screen)
            self.audience.hide()
        else:
            place_window(self.audience, screen, (0.0, 0.0, 1.0, 1.0))
            self.console.hide()

    def _console_in_front(self) -> bool:
        """One screen: is the console the window in front?"""
        if self.rehearse:
            return self.console_requested is not False
        return bool(self.console_requested)

    def beside(self) -> bool:
        """Both windows in view at once, side by side or on two screens."""
        if self.rehearse:
            return self.console.isVisible() and self.audience.isVisible()
        return self.plan is not None and self.plan.two_screens

    def _screen_added(self, screen: QScreen) -> None:
        self._removed.discard(screen_key(screen))
        self.console_requested = None
        self.console.banners.hide_message("screens")
        self.console.banners.info(
            "screens-added", t("A screen was connected: the room's view moved to it.")
        )
        QTimer.singleShot(0, self.place)

    def _screen_removed(self, screen: QScreen) -> None:
        """The projector went: the notes and timers stay on the laptop; the room's view
        is one button (or P) away. A blanked room stays blank when it comes back."""
        self._removed.add(screen_key(screen))
        if len(self.screens()) == 1 and self.plan is not None and self.plan.two_screens:
            self.console_requested = True
        self.console.banners.hide_message("screens-added")
        self.console.banners.warning(
            "screens",
            t("The projector was disconnected. The console stays here; the room's view "
              "comes back when it is plugged in again."),
            action=(t("Show the room's view here (P)"), self.toggle_console),
        )  # fmt: skip
        QTimer.singleShot(0, self.place)

    def _say_windowed(self) -> None:
        """After Esc the room sees a window, not the full screen: say so, and how back."""
        windowed = not self.rehearse and not self.fullscreen and self.audience.isVisible()
        self.console.status.windowed = windowed
        self.console.status.refresh()
        if windowed:
            self.console.banners.warning(
                "windowed",
                t("The room's view is a window, not full screen. Press F5 (or Shift+F5) "
                  "for full screen again."),
                action=(t("Full screen (F5)"), self.enter_fullscreen),
            )  # fmt: skip
        else:
            self.console.banners.hide_message("windowed")

    # -- keys ------------------------------------------------------------------------

    def perform(self, action: KeyAction) -> None:
        """Do what a presenting key asks: one table from action to what it does."""
        if action in OVERLAY_KEYS:
            self.controller.toggle_overlay(OVERLAY_KEYS[action])
        elif (handler := self._key_handlers().get(action)) is not None:
            handler()

    def _key_handlers(self) -> dict[KeyAction, Callable[[], object]]:
        c, console = self.controller, self.console
        return {
            KeyAction.NEXT: self._next, KeyAction.PREV: c.prev,
            KeyAction.FIRST: c.first, KeyAction.LAST: c.last,
            KeyAction.START: self.start_from_beginning, KeyAction.START_HERE: self.enter_fullscreen,
            KeyAction.LEAVE: self.leave_fullscreen, KeyAction.SWAP: self.swap_screens,
            KeyAction.CONSOLE: self.toggle_console, KeyAction.TIMER: c.timer_toggle,
            KeyAction.TIMER_PLUS: lambda: c.timer_adjust(60),
            KeyAction.TIMER_MINUS: lambda: c.timer_adjust(-60),
            KeyAction.NOTES_BIGGER: lambda: console.change_notes_size(1),
            KeyAction.NOTES_SMALLER: lambda: console.change_notes_size(-1),
            KeyAction.OVERVIEW: console.toggle_overview, KeyAction.QUIT: console.close,
        }  # fmt: skip

    def _next(self) -> None:
        self.console.controls.myth.commit()  # counts typed but not yet saved
        self.controller.next()

    def goto_number(self, number: int) -> None:
        if not self.controller.goto_number(number):
            self.console.banners.info(
                "goto",
                t("There is no slide {n} in this workshop (it has {total}).", n=number,
                  total=len(self.controller.visible)),
            )  # fmt: skip
        else:
            self.console.banners.hide_message("goto")

    def start_from_beginning(self) -> None:
        """F5. Goes back to the start only while nothing has been presented yet, so a
        clicker that alternates F5 and Esc on one button never loses the place."""
        c = self.controller
        early = not c.state.started or c.position() == 0
        if early:
            c.first()
        else:
            self.console.banners.info(
                "f5",
                t("Still on slide {n}: F5 does not restart a workshop under way. "
                  "Press Home to go to the first slide.", n=c.position() + 1),
            )  # fmt: skip
        self.enter_fullscreen()

    def enter_fullscreen(self) -> None:
        if self.rehearse:
            return
        if c_overlay_end(self.controller):
            self.controller.clear_overlay()
        if not self.fullscreen or not self.audience.isFullScreen():
            self.fullscreen = True
            self.place()

    def leave_fullscreen(self) -> None:
        if self.fullscreen and not self.rehearse:
            self.fullscreen = False
            self.place()

    def swap_screens(self) -> None:
        if self.plan is not None and self.plan.two_screens and not self.rehearse:
            self.swapped = not self.swapped
            self.place()

    def toggle_console(self) -> None:
        """P: on one screen, the console or the room's view in front; when both are in
        view already, bring the console forward."""
        if self.beside():
            self.console.raise_()
            self.console.activateWindow()
            return
        self.console_requested = not self._console_in_front()
        self.place()

    # -- ending ----------------------------------------------------------------------

    def facilitator_screen(self) -> QScreen:
        """The laptop's screen: where the console is, never the projector if there is one."""
        if self.plan is not None and self.plan.console is not None:
            return self.plan.console
        if self.console.isVisible() or self.plan is None:
            return self.console.screen()
        return self.plan.audience

    def quit_box(self) -> QMessageBox:
        """The "End the workshop?" question, owned by the console, centred on the laptop."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        box = QMessageBox(
            QMessageBox.Icon.Question,
            t("End the workshop?"),
            t("End this workshop and close the presentation?"),
            buttons,
            self.console,
        )
        box.setObjectName("quitQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        # Qt's own "Yes"/"No" stay English (its translations are not shipped): say what
        # each button does, in the console's language.
        box.button(QMessageBox.StandardButton.Yes).setText(t("End the workshop"))
        box.button(QMessageBox.StandardButton.No).setText(t("Keep presenting"))
        screen = self.facilitator_screen()
        box.adjustSize()
        box.winId()  # a native window now, so it can be put on a screen before showing
        handle = box.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        centre = screen.availableGeometry().center()
        box.move(centre.x() - box.width() // 2, centre.y() - box.height() // 2)
        return box

    def covers_audience_to_ask(self) -> bool:
        """One screen with the console hidden: the question would appear over the slide
        the room is looking at, so the audience view goes black while it is asked."""
        two = self.plan is not None and self.plan.two_screens
        return not (self.rehearse or two or self.console.isVisible())

    def _ask_quit(self) -> bool:
        box = self.quit_box()
        cover = self.covers_audience_to_ask()
        if cover:
            self.audience.set_covered(True)
        try:
            return box.exec() == QMessageBox.StandardButton.Yes
        finally:
            if cover:
                self.audience.set_covered(False)
            box.deleteLater()

    def shutdown(self) -> None:
        """Stop listening to keys and screens (the windows may then be deleted)."""
        if self._shut_down:
            return
        self._shut_down = True
        if self.phones is not None:
            self.phones.close()  # the answers room never outlives the presentation
        self.router.remove()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.disconnect(self._screen_added)
            app.screenRemoved.disconnect(self._screen_removed)
        self.signals.detach()

    def _quit(self) -> None:
        self.controller.finish()
        self.shutdown()
        self.audience.closable = True
        self.audience.close()
        if self._on_quit is not None:
            self._on_quit()


def screen_key(screen: QScreen) -> tuple[str, tuple[int, int, int, int]]:
    geometry = screen.geometry()
    return screen.name(), (geometry.x(), geometry.y(), geometry.width(), geometry.height())


def c_overlay_end(controller: SessionController) -> bool:
    return controller.state.overlay is Overlay.END
