"""Window sizes that fit the laptop's screen.

A window asks for a comfortable size; on a 1024×768 laptop it gets the screen's
available area instead, less room for the title bar, so no button or pane is cut off
at the edge. Never below the window's own minimum (Qt keeps that anyway).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

TITLE_BAR = 32  # pixels a window manager's frame usually takes above the window


def fitting_size(window: QWidget, width: int, height: int) -> QSize:
    """``width``×``height``, or less: what fits the screen ``window`` will open on."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    area = screen.availableGeometry()
    fitted = QSize(min(width, area.width()), min(height, area.height() - TITLE_BAR))
    minimum = window.minimumSizeHint()
    fitted = fitted.expandedTo(minimum) if minimum.isValid() else fitted
    if fitted != QSize(width, height):
        log.info("%s sized %dx%d to fit the screen", window.objectName() or "window",
                 fitted.width(), fitted.height())  # fmt: skip
    return fitted
