"""Starting a presentation: the deck, the renderer, the session record, the windows.

``build_presentation`` wires the pieces (tests call it with a fake clock); ``run``
creates the QApplication, opens the deck and runs the event loop.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication

from presenter.core.clock import Clock, SystemClock
from presenter.core.diagnostics import DeckError
from presenter.core.helpcontacts import resolve_help
from presenter.core.locate import find_deck_file
from presenter.core.model import Deck, HelpContact
from presenter.core.parser import load_deck
from presenter.core.session import SessionState
from presenter.core.session_control import PacingThresholds, Recorder, SessionController
from presenter.core.settings import DEFAULTS, Settings, SettingsStore, user_data_dir
from presenter.i18n import t
from presenter.ui.chime import play_chime
from presenter.ui.presenting import Presentation

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


class DeckProblem(Exception):
    """The deck cannot be presented; the message lists ``file:line`` problems."""


def open_deck(given: str | Path) -> Deck:
    try:
        deck = load_deck(find_deck_file(given))
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
    settings_contacts: tuple[HelpContact, ...] = (),
    audience_screen: int | None = None,
    rehearse: bool = False,
    confirm_quit: object = None,
    settings: Settings = DEFAULTS,
    on_quit: Callable[[], None] | None = QApplication.quit,
    sound: Callable[[], None] = play_chime,
    show_audience_first: bool = False,
) -> Presentation:
    """The windows for one session (a QApplication must exist).

    ``settings`` gives the notes size, the pacing thresholds and whether the end of a
    countdown chimes (``sound`` plays it); ``on_quit`` runs once the facilitator has
    confirmed the end of the workshop and the windows are closed."""
    from presenter.render import SlideRenderer, load_theme
    from presenter.render.fonts import ensure_fonts
    from presenter.ui.console_options import ConsoleOptions

    ensure_fonts()
    resolution = resolve_help(deck, settings_contacts)
    renderer = SlideRenderer(
        deck, theme=load_theme(theme or deck.meta.theme, deck.folder),
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
    if not resolution.found:
        presentation.console.banners.show_message(
            "help",
            t("No help contacts were found for this deck. The help screen (H) will only "
              "say to ask the facilitator. Add a help.yaml beside your decks before "
              "the workshop."),
        )  # fmt: skip
    return presentation


def run(options: RunOptions) -> int:
    try:
        deck = open_deck(options.deck)
        check_variant(deck, options.variant)
    except DeckProblem as problem:
        print(problem, file=sys.stderr)
        return 1
    from presenter.ui.appsetup import application

    app = application()
    app.setQuitOnLastWindowClosed(False)
    clock = SystemClock()
    settings = SettingsStore().load()
    keeper = None
    variant = options.variant
    if options.record:
        from presenter.ui.session_record import SessionRecordKeeper

        root = user_data_dir(settings)
        keeper = SessionRecordKeeper.open(deck, variant, clock, root, resume=options.resume)
        variant = keeper.variant
    presentation = build_presentation(
        deck,
        variant,
        clock,
        theme=options.theme or settings.default_theme or None,
        recorder=keeper.recorder if keeper is not None else None,
        state=keeper.state if keeper is not None else None,
        settings_contacts=settings.help_contacts,
        audience_screen=options.screen or settings.preferred_screen or None,
        rehearse=options.rehearse,
        settings=settings,
        show_audience_first=True,
    )
    if keeper is not None:
        keeper.attach(presentation)
    presentation.place()
    code = app.exec()
    if keeper is not None:
        try:
            keeper.close()
        except OSError as error:
            print(t("The session record could not be closed: {error}", error=error),
                  file=sys.stderr)  # fmt: skip
    return int(code)
