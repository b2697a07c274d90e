"""The bundled fonts, loaded once, so slides never depend on the laptop's own fonts."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from presenter.pysidefix import guard_none_refcount
from presenter.resources import asset

log = logging.getLogger(__name__)

FAMILIES: tuple[str, ...] = ("Atkinson Hyperlegible", "DejaVu Sans")
_loaded: set[str] = set()
_failed: set[str] = set()


def ensure_fonts() -> list[str]:
    """Register every font in ``assets/fonts`` with Qt (idempotent).

    Starts Qt offscreen if it is not running. Returns the families now available.
    """
    guard_none_refcount()
    if QGuiApplication.instance() is None:
        from presenter.render.qtapp import ensure_gui_app

        ensure_gui_app()
    folder = asset("fonts")
    for path in sorted(folder.glob("*.ttf")):
        key = str(path)
        if key in _loaded:
            continue
        font_id = QFontDatabase.addApplicationFont(key)
        if font_id >= 0:
            _loaded.add(key)
        elif key not in _failed:
            _failed.add(key)
            log.warning("bundled font not loaded: %s", path.name)
    available = set(QFontDatabase.families())
    return [f for f in FAMILIES if f in available]


def slide_font(
    pixel_size: float, families: Sequence[str] = FAMILIES, *, bold: bool = False
) -> QFont:
    """A font for the canvas: bundled families first, Qt falls back per glyph."""
    font = QFont()
    font.setFamilies(list(families))
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    # Unhinted outlines scale identically, so the layout is the same at every size.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
