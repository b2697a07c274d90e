"""Layout checks for ``presenter check``: text that does not fit even at the floor size.

``presenter check`` and the windows get these through :func:`extra_checks`, so the
Qt-free core never imports Qt. Each slide is laid out by the real
renderer in its worst case (countdown shown, results bars shown), at every step that
adds text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from presenter.core.deck.checker import ExtraCheck
from presenter.core.deck.diagnostics import Diagnostic, DiagnosticSink, Level
from presenter.core.deck.kinds import kind_of
from presenter.core.deck.model import Deck, HelpContact, Slide
from presenter.core.deck.paths import printable
from presenter.render.context import LayoutFlags
from presenter.render.qtapp import ensure_gui_app
from presenter.render.surefit import surely_fits, within_bundled_themes

log = logging.getLogger(__name__)


def provide_checks() -> list[Callable[[Deck, DiagnosticSink], None]]:
    from presenter.render.glyphcheck import check_glyphs

    return [check_overflow, check_help_contacts, check_images, check_theme, check_glyphs]


def extra_checks(enabled: bool = True) -> list[ExtraCheck]:
    """The checks that need the renderer, for ``check_deck(extra=...)``: the CLI's
    ``presenter check``, the home window's library and the preview window."""
    return list(provide_checks()) if enabled else []


def worst_case(slide: Slide) -> list[tuple[int, LayoutFlags]]:
    """The steps and live parts that leave the least room on this slide (the kind says)."""
    return [
        (
            case.step,
            LayoutFlags(countdown=case.countdown, tally=case.tally, before_tally=case.before_tally),
        )
        for case in kind_of(slide).worst_case(slide)
    ]


def overflowing_slides(deck: Deck) -> list[Slide]:
    ensure_gui_app()
    from presenter.render.renderer import SlideRenderer
    from presenter.render.textfit import verdict_only

    renderer = SlideRenderer(deck)
    proven = within_bundled_themes(renderer.context.theme)
    found = []
    with verdict_only():  # whether text fits, not at which size: two layouts, not eight
        for slide in deck.slides:
            if proven and surely_fits(slide):
                continue
            if any(
                renderer.slide_frame(slide, step, flags).overflow
                for step, flags in worst_case(slide)
            ):
                found.append(slide)
    return found


def check_overflow(deck: Deck, sink: DiagnosticSink) -> None:
    for slide in overflowing_slides(deck):
        if kind_of(slide).shows_contacts and hidden_contacts(deck, help_slide=slide):
            continue  # said once, by check_help_contacts
        sink.warning(
            slide.line,
            "text overflows the slide, even at the smallest text size",
            "shorten it, or split it into two slides",
            code="overflow",
        )


def hidden_contacts(
    deck: Deck, help_slide: Slide | None = None, contacts: tuple[HelpContact, ...] = ()
) -> int:
    """How many help contacts the help screen (or ``help_slide``) leaves out: the deck's,
    or ``contacts`` (from a help.yaml beside it), laid out as the room would see them."""
    ensure_gui_app()
    from presenter.render.layouts.helpslide import help_frame
    from presenter.render.renderer import SlideRenderer

    renderer = SlideRenderer(deck, help_contacts=contacts)
    if help_slide is not None:
        return renderer.slide_frame(help_slide, help_slide.step_count - 1).hidden_contacts
    return help_frame(renderer.context, "").hidden_contacts


def check_help_contacts(deck: Deck, sink: DiagnosticSink) -> None:
    """A help list too long for the screen: the room sees only part of it."""
    from presenter.core.deck.helpcontacts import resolve_help

    resolution = resolve_help(deck)
    if not resolution.contacts or resolution.origin not in ("deck", "folder"):
        return
    contacts = resolution.contacts if resolution.origin == "folder" else ()
    total = len(resolution.contacts)
    first = front_matter_line(deck, "help") if resolution.origin == "deck" else resolution.line
    places = [(first, hidden_contacts(deck, contacts=contacts), "the help screen (H)", True)]
    for slide in deck.slides:
        if kind_of(slide).shows_contacts:
            hidden = hidden_contacts(deck, slide, contacts)
            places.append((slide.line, hidden, "this help slide", False))
    for line, hidden, where, in_help_file in places:
        if not hidden:
            continue
        message = (
            f"{hidden} of {total} help contacts do not fit on {where}, even at the "
            "smallest text size; the room is told to ask the facilitator for the rest"
        )
        hint = "shorten the names and times, or list fewer contacts"
        if in_help_file and resolution.origin == "folder":
            sink.items.append(
                Diagnostic(resolution.file, line, 1, Level.WARNING, message, hint, "overflow")
            )
        else:
            sink.warning(line, message, hint, code="overflow")


def check_images(deck: Deck, sink: DiagnosticSink) -> None:
    """Images the renderer would not show: damaged, unsafe, mislabelled or far too large."""
    from presenter.render.document import safe_image_path
    from presenter.render.images import MAX_PIXELS, STORE

    for slide in deck.slides:
        for ref in slide.images:
            path = safe_image_path(deck.folder, ref)
            info = STORE.info(path) if path is not None else None
            if info is None:
                continue
            name = printable(ref)
            if info.refused == "too large":
                size = f"{info.size.width()}×{info.size.height()}"
                limit = info.why or f"the limit is {MAX_PIXELS // 1_000_000} megapixels"
                sink.warning(
                    slide.line,
                    f"image {name} is too large to show ({size} pixels; {limit})",
                    "save it smaller: 1920 pixels wide is plenty for a projector",
                    code="image-too-large",
                )
            elif info.refused == "unsafe svg":
                sink.error(
                    slide.line,
                    f"image {name} is not shown: {info.why}",
                    "embed the pictures in the SVG, or export it as PNG",
                    code="image-unsafe",
                )
            elif info.refused:
                sink.error(
                    slide.line,
                    f"image {name} cannot be shown: {info.why or info.refused}",
                    "open it in an image editor and save it again as PNG or JPEG",
                    code="image-unreadable",
                )
            if info.mislabelled and info.refused != "unsafe svg":
                sink.warning(
                    slide.line,
                    f"image {name} is really a {info.mislabelled.upper()} file",
                    "rename it with the right ending, or save it again in the named format",
                    code="image-mislabelled",
                )


def check_theme(deck: Deck, sink: DiagnosticSink) -> None:
    """A theme the deck names but cannot have: a typo, a refused or broken file."""
    from presenter.render.theme import theme_problem

    problem = theme_problem(deck.meta.theme, deck.folder)
    if problem is not None:
        message, hint = problem
        sink.warning(deck.meta.lines.get("theme", 1), message, hint, code="theme")


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
