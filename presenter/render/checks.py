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
    from presenter.render.glyphcheck import check_glyphs

    return [check_overflow, check_help_contacts, check_images, check_glyphs]


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
        if slide.kind == "help" and hidden_contacts(deck, help_slide=slide):
            continue  # said once, by check_help_contacts
        sink.warning(
            slide.line,
            "text overflows the slide, even at the smallest text size",
            "shorten it, or split it into two slides",
            code="overflow",
        )


def hidden_contacts(deck: Deck, help_slide: Slide | None = None) -> int:
    """How many of the deck's help contacts the help screen (or ``help_slide``) leaves out."""
    ensure_gui_app()
    from presenter.render.helpslide import help_frame
    from presenter.render.renderer import SlideRenderer

    renderer = SlideRenderer(deck)
    if help_slide is not None:
        return renderer.slide_frame(help_slide, help_slide.step_count - 1).hidden_contacts
    return help_frame(renderer.context, "").hidden_contacts


def check_help_contacts(deck: Deck, sink: DiagnosticSink) -> None:
    """A help list too long for the screen: the room sees only part of it."""
    if not deck.meta.help:
        return
    total = len(deck.meta.help)
    places = [(front_matter_line(deck, "help"), hidden_contacts(deck), "the help screen (H)")]
    for slide in deck.slides:
        if slide.kind == "help":
            places.append((slide.line, hidden_contacts(deck, slide), "this help slide"))
    for line, hidden, where in places:
        if hidden:
            sink.warning(
                line,
                f"{hidden} of {total} help contacts do not fit on {where}, even at the "
                "smallest text size; the room is told to ask the facilitator for the rest",
                "shorten the names and times, or list fewer contacts",
                code="overflow",
            )


def check_images(deck: Deck, sink: DiagnosticSink) -> None:
    """Images the renderer refuses to decode because they are far too large."""
    from presenter.render.document import safe_image_path
    from presenter.render.images import MAX_PIXELS, STORE

    for slide in deck.slides:
        for ref in slide.images:
            path = safe_image_path(deck.folder, ref)
            info = STORE.info(path) if path is not None else None
            if info is not None and info.refused == "too large":
                size = f"{info.size.width()}×{info.size.height()}"
                sink.warning(
                    slide.line,
                    f"image {ref} is too large to show ({size} pixels; "
                    f"the limit is {MAX_PIXELS // 1_000_000} megapixels)",
                    "save it smaller: 1920 pixels wide is plenty for a projector",
                    code="image-too-large",
                )


def front_matter_line(deck: Deck, key: str) -> int:
    """The line of ``key:`` in the deck's front matter, or 1."""
    try:
        lines = deck.path.read_text("utf-8").splitlines() if deck.path else []
    except OSError:
        return 1
    for number, text in enumerate(lines[1:], start=2):
        if text.strip() == "---":
            break
        if text.startswith(f"{key}:"):
            return number
    return 1
