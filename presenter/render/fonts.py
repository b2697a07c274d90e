"""The bundled fonts, loaded once, so slides never depend on the laptop's own fonts."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from presenter.pysidefix import guard_none_refcount
from presenter.resources import asset

FAMILIES: tuple[str, ...] = ("Atkinson Hyperlegible", "DejaVu Sans")
log = logging.getLogger(__name__)

_loaded: set[str] = set()
_available: list[str] | None = None  # the bundled families Qt has, once registered


def ensure_fonts() -> list[str]:
    """Register every font in ``assets/fonts`` with Qt (idempotent).

    Needs a QGuiApplication. Returns the families that are now available.
    """
    global _available
    guard_none_refcount()
    if _available is not None:  # registered once per process: every renderer asks
        return list(_available)
    if QGuiApplication.instance() is None:
        raise RuntimeError("ensure_fonts() needs a QGuiApplication")
    folder = asset("fonts")
    for path in sorted(folder.glob("*.ttf")):
        key = str(path)
        if key in _loaded:
            continue
        font_id = QFontDatabase.addApplicationFont(key)
        if font_id >= 0:
            _loaded.add(key)
    available = set(QFontDatabase.families())
    _available = [f for f in FAMILIES if f in available]
    log.debug("fonts registered: %s", ", ".join(_available))
    return list(_available)


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
