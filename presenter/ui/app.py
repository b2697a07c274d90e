"""Starting a presentation: the deck, the renderer, the session record, the windows.

``build_presentation`` wires the pieces (tests call it with a fake clock);
``presenter.ui.presenting.launch.start_presentation`` adds the session record and is the one start
path of both ``presenter run`` (``run`` here) and the home window.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication

from presenter.core.appcontext import AppContext
from presenter.core.deck.diagnostics import DeckError
from presenter.core.deck.locate import find_deck_file
from presenter.core.deck.model import Deck
from presenter.core.deck.parser import load_deck
from presenter.core.session.clock import Clock, SystemClock
from presenter.core.session.controller import PacingThresholds, Recorder, SessionController
from presenter.core.session.state import SessionState
from presenter.core.settings import DEFAULTS
from presenter.support.i18n import t
from presenter.ui.presenting.chime import play_chime
from presenter.ui.presenting.presentation import Presentation

log = logging.getLogger(__name__)


@dataclass
class RunOptions:
    deck: str
    variant: str | None = None
    rehearse: bool = False
    screen: int | None = None
    theme: str | None = None
    resume: bool = False
    record: bool = True
    phones: bool = False  # open the answers room at once
    phones_address: str | None = None  # None: this laptop's own, asked when several
    phones_port: int | None = None


class DeckProblem(Exception):
    """The deck cannot be presented; the message lists ``file:line`` problems."""


def open_deck(given: str | Path) -> Deck:
    try:
        deck = load_deck(find_deck_file(given), lazy=True)
    except FileNotFoundError as exc:
        raise DeckProblem(str(exc)) from exc
    except DeckError as err:
        raise DeckProblem(err.diagnostic.format()) from err
    if not deck.ok:
        raise DeckProblem("\n".join(d.format() for d in deck.errors))
    if not deck.slides:
        raise DeckProblem(f"{deck.file_label}:1: error: the deck has no slides")
    return deck


def check_variant(deck: Deck, variant: str | None) -> None:
    if variant is not None and variant not in deck.meta.variants:
        known = ", ".join(deck.meta.variants) or t("none declared")
        raise DeckProblem(
            f"{deck.file_label}:{deck.meta.lines.get('variants', 1)}: error: "
            f"unknown variant {variant!r} (this deck's variants: {known})"
        )


def build_presentation(
    deck: Deck,
    variant: str | None,
    clock: Clock,
    *,
    theme: str | None = None,
    recorder: Recorder | None = None,
    state: SessionState | None = None,
    audience_screen: int | None = None,
    rehearse: bool = False,
    confirm_quit: object = None,
    ctx: AppContext | None = None,
    on_quit: Callable[[], None] | None = QApplication.quit,
    sound: Callable[[], None] = play_chime,
    show_audience_first: bool = False,
) -> Presentation:
    """The windows for one session (a QApplication must exist).

    ``ctx`` gives the theme, the help contacts, the notes size, the pacing thresholds
    and whether the end of a countdown chimes (``sound`` plays it); ``theme`` is the
    command line's choice. ``on_quit`` runs once the facilitator has confirmed the end
    of the workshop and the windows are closed."""
    from presenter.render import SlideRenderer, load_theme
    from presenter.render.fonts import ensure_fonts
    from presenter.ui.presenting.console.options import ConsoleOptions

    ctx = ctx if ctx is not None else AppContext.of(DEFAULTS)
    settings = ctx.settings
    ensure_fonts()
    resolution = ctx.help_for(deck)
    renderer = SlideRenderer(
        deck, theme=load_theme(ctx.theme_for(deck, theme), deck.folder),
        help_contacts=resolution.contacts,
    )  # fmt: skip
    thresholds = PacingThresholds(
        amber=settings.pacing_amber_minutes, red=settings.pacing_red_minutes
    )
    controller = SessionController(deck, variant, clock, recorder, state, thresholds)
    presentation = Presentation(
        controller,
        renderer,
        audience_screen=audience_screen,
        rehearse=rehearse,
        confirm_quit=confirm_quit if callable(confirm_quit) else None,
        on_quit=on_quit,
        console_options=ConsoleOptions(
            notes_size=settings.note_font_size,
            countdown_sound=settings.countdown_sound,
            sound=sound,
        ),
        show_audience_first=show_audience_first,
    )
    from presenter.phones.service import PhonesService
    from presenter.ui.presenting.console.phones_panel import attach_phones

    phones = PhonesService(controller)  # closed by presentation.shutdown()
    presentation.phones = phones
    presentation.phones_panel = attach_phones(presentation, phones)
    if not resolution.found:
        presentation.console.banners.show_message(
            "help",
            t("No help contacts were found for this deck. The help screen (H) will only "
              "say to ask the facilitator. Add a help.yaml beside your decks before "
              "the workshop."),
        )  # fmt: skip
    if ctx.problem:
        presentation.console.banners.show_message("settings", ctx.problem_text(), "info")
    from presenter.ui.presenting.console.crashbanner import show_errors_on

    show_errors_on(presentation)
    return presentation


def start_phones(presentation: Presentation, options: RunOptions) -> bool:
    """``run --phones``: open the answers room and print where phones go."""
    panel, phones = presentation.phones_panel, presentation.phones
    assert panel is not None and phones is not None
    if options.phones_address:
        panel.address = options.phones_address
    if options.phones_port is not None:
        panel.port = options.phones_port
    if not panel.switch_on():
        print(panel.info.text() or t("Phones could not start."), file=sys.stderr)
        return False
    print(phones.status_line(), flush=True)
    return True


def run(options: RunOptions, ctx: AppContext) -> int:
    """``presenter run``: open the deck, present it, keep its record; the event loop."""
    try:
        deck = open_deck(options.deck)
        check_variant(deck, options.variant)
    except DeckProblem as problem:
        print(problem, file=sys.stderr)
        return 1
    from presenter.ui.appsetup import application
    from presenter.ui.presenting.launch import StartOptions, start_presentation

    app = application()
    app.setQuitOnLastWindowClosed(False)
    started = start_presentation(
        ctx,
        deck,
        StartOptions(
            variant=options.variant,
            rehearse=options.rehearse,
            record=options.record,
            resume=options.resume,
            theme=options.theme,
            screen=options.screen,
            audience_first=True,
        ),
        SystemClock(),
        on_quit=QApplication.quit,
    )
    presentation = started.presentation
    if options.phones and not start_phones(presentation, options):
        started.close()
        return 1
    code = app.exec()
    if presentation.phones is not None:
        presentation.phones.close()
    closing_problem = started.close()
    if closing_problem:
        print(closing_problem, file=sys.stderr)
    return int(code)
