"""Layout checks for ``presenter check``: text that does not fit even at the floor size.

``presenter/commands/check.py`` imports this module when it exists and asks it for its
checks, so the Qt-free core never imports Qt. Each slide is laid out by the real
renderer in its worst case (countdown shown, results bars shown), at every step that
adds text.
"""

from __future__ import annotations

from collections.abc import Callable

from presenter.core.diagnostics import DiagnosticSink
from presenter.core.model import Deck, Slide
from presenter.render.context import LayoutFlags

_app: object | None = None


def ensure_gui_app() -> None:
    """Text layout needs a QGuiApplication: make an offscreen one if there is none."""
    global _app
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["presenter-check", "-platform", "offscreen"])


def provide_checks() -> list[Callable[[Deck, DiagnosticSink], None]]:
    return [check_overflow]


def worst_case(slide: Slide) -> list[tuple[int, LayoutFlags]]:
    """The steps and live parts that leave the least room on this slide."""
    if slide.kind == "myth":
        return [(0, LayoutFlags()), (1, LayoutFlags(tally=True))]
    if slide.kind == "recap":
        both = LayoutFlags(tally=True, before_tally=True)
        return [(k, both if k % 2 else LayoutFlags()) for k in range(slide.step_count)]
    if slide.kind in ("discussion", "break"):
        return [(slide.step_count - 1, LayoutFlags(countdown=True))]
    return [(slide.step_count - 1, LayoutFlags())]


def overflowing_slides(deck: Deck) -> list[Slide]:
    ensure_gui_app()
    from presenter.render.renderer import SlideRenderer

    renderer = SlideRenderer(deck)
    found = []
    for slide in deck.slides:
        if any(
            renderer.slide_frame(slide, step, flags).overflow for step, flags in worst_case(slide)
        ):
            found.append(slide)
    return found


def check_overflow(deck: Deck, sink: DiagnosticSink) -> None:
    for slide in overflowing_slides(deck):
        sink.warning(
            slide.line,
            "text overflows the slide, even at the smallest text size",
            "shorten it, or split it into two slides",
            code="overflow",
        )
