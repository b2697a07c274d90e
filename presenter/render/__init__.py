"""The one renderer: a slide at a reveal step (or an overlay) onto any QPainter.

    from presenter.render import SlideRenderer, load_theme
    renderer = SlideRenderer(deck, load_theme(deck.meta.theme, deck.folder), contacts)
    renderer.paint(painter, target_rect, view)      # any surface
    image = renderer.image(view, QSize(1920, 1080))  # cached

Needs a QGuiApplication (fonts are loaded on first use).
"""

from __future__ import annotations

from presenter.support.qtfix import guard_none_refcount, spare_linecache

guard_none_refcount()  # before any PySide6 call: see support/qtfix.py
spare_linecache()  # before the renderer's modules are imported: see support/qtfix.py

from presenter.render.renderer import SlideRenderer, canvas_transform  # noqa: E402
from presenter.render.theme import (  # noqa: E402
    Theme,
    available_themes,
    contrast_ratio,
    load_theme,
)

__all__ = [
    "SlideRenderer",
    "Theme",
    "available_themes",
    "canvas_transform",
    "contrast_ratio",
    "load_theme",
]
