"""Which screen is the projector, and putting a window fullscreen on it reliably.

The laptop's own panel is the console's; the other screen is the room's. Qt names
internal panels eDP/LVDS/DSI (Linux) or reports them as primary, so: a screen with an
internal-panel name is the laptop; failing that, the primary screen is. With one screen
(or a mirrored display, which Qt reports as one) the audience view takes it and the
console stays off it until the facilitator asks.

Placement follows the recipe that survives window managers and late-plugged projectors:
showNormal, setScreen, setGeometry(screen.geometry()), showFullScreen.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

INTERNAL_PANEL = re.compile(r"^(eDP|LVDS|DSI)|built-?in|internal|laptop", re.IGNORECASE)


@dataclass(frozen=True)
class ScreenPlan:
    audience: QScreen
    console: QScreen | None  # None: one screen; the console is a window on demand

    @property
    def two_screens(self) -> bool:
        return self.console is not None


def laptop_screen(screens: Sequence[QScreen], primary: QScreen | None) -> QScreen:
    for screen in screens:
        if INTERNAL_PANEL.search(screen.name() or ""):
            return screen
    if primary is not None and primary in screens:
        return primary
    return screens[0]


def plan_screens(
    screens: Sequence[QScreen],
    primary: QScreen | None,
    audience_number: int | None = None,
    swapped: bool = False,
) -> ScreenPlan:
    """Choose the audience and console screens.

    ``audience_number`` (1-based, from ``--screen``) names the audience screen when it
    exists; ``swapped`` exchanges the two (the S key)."""
    screens = list(screens)
    if not screens:
        raise RuntimeError("no screens")
    if len(screens) == 1:
        return ScreenPlan(screens[0], None)
    laptop = laptop_screen(screens, primary)
    if audience_number is not None and 1 <= audience_number <= len(screens):
        audience = screens[audience_number - 1]
        if audience is laptop:
            laptop = next(s for s in screens if s is not audience)
    else:
        others = [s for s in screens if s is not laptop]
        audience = max(others, key=lambda s: s.geometry().width() * s.geometry().height())
    if swapped:
        audience, laptop = laptop, audience
    return ScreenPlan(audience, laptop)


def current_plan(audience_number: int | None = None, swapped: bool = False) -> ScreenPlan:
    return plan_screens(
        QGuiApplication.screens(), QGuiApplication.primaryScreen(), audience_number, swapped
    )


def place_fullscreen(window: QWidget, screen: QScreen) -> None:
    """Fullscreen on ``screen``, whatever screen the window was on before."""
    window.showNormal()
    handle = window.windowHandle()
    if handle is not None:
        handle.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.showFullScreen()


def place_window(
    window: QWidget, screen: QScreen, fraction: tuple[float, float, float, float]
) -> None:
    """A normal window over part of ``screen``'s available area (x, y, w, h fractions)."""
    area = screen.availableGeometry()
    x, y, w, h = fraction
    window.showNormal()
    handle = window.windowHandle()
    if handle is not None:
        handle.setScreen(screen)
    window.setGeometry(
        area.x() + round(area.width() * x),
        area.y() + round(area.height() * y),
        round(area.width() * w),
        round(area.height() * h),
    )
    window.show()


def place_console(window: QWidget, screen: QScreen, width: int | None = None) -> None:
    """The console over ``screen``'s available area (or its left ``width`` pixels),
    and never larger than it: its maximum size is the screen's, so no banner, title
    or panel can widen it onto the projector."""
    area = screen.availableGeometry()
    width = area.width() if width is None else min(width, area.width())
    window.setMaximumSize(width, area.height())
    window.setMinimumSize(
        min(window.minimumWidth(), width), min(window.minimumHeight(), area.height())
    )
    place_window(window, screen, (0.0, 0.0, width / area.width(), 1.0))
    if width == area.width():
        window.showMaximized()
    log.info("console on %s at %s", screen_label(screen), window.geometry().getRect())


def screen_label(screen: QScreen) -> str:
    geometry = screen.geometry()
    return f"{screen.name() or '?'} ({geometry.width()}×{geometry.height()})"
