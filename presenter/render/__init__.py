"""The one renderer: a slide at a reveal step (or an overlay) onto any QPainter.

    from presenter.render import SlideRenderer, load_theme
    renderer = SlideRenderer(deck, load_theme(deck.meta.theme, deck.folder), contacts)
    renderer.paint(painter, target_rect, view)      # any surface
    image = renderer.image(view, QSize(1920, 1080))  # cached

Needs a QGuiApplication (fonts are loaded on first use).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from presenter.support.qtfix import guard_none_refcount, lighten_when_imported

guard_none_refcount()  # before any PySide6 call: see support/qtfix.py
lighten_when_imported()  # before the renderer's modules are imported: see support/qtfix.py

# The public names load their modules when first asked for, so a window that needs only
# the fonts (the home window before its first paint) does not import the whole renderer.
_LAZY = {
    "SlideRenderer": "presenter.render.renderer",
    "canvas_transform": "presenter.render.renderer",
    "Theme": "presenter.render.theme",
    "available_themes": "presenter.render.theme",
    "contrast_ratio": "presenter.render.theme",
    "load_theme": "presenter.render.theme",
}

if TYPE_CHECKING:
    from presenter.render.renderer import SlideRenderer, canvas_transform
    from presenter.render.theme import Theme, available_themes, contrast_ratio, load_theme


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # asked once
    return value


__all__ = [
    "SlideRenderer",
    "Theme",
    "available_themes",
    "canvas_transform",
    "contrast_ratio",
    "load_theme",
]
