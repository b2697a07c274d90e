"""The running application: the settings, decided once, and what follows from them.

Qt-free. ``cli.main`` builds one :class:`AppContext` at start-up and hands it to every
command (``run(args, ctx)``) and every window (home, launcher, presentation, preview).
Nothing else reads the settings file or works out a folder: every entry point asks
the context, so ``presenter report``, ``presenter run`` and the home window agree on
where the records are, which language the console speaks, which help contacts a deck
shows and which theme it is painted with.

A settings file that cannot be used (unreadable, wrong types, nested too deeply, from
a newer version) never stops the app: the context starts on the defaults for what it
could not read and keeps the reason in :attr:`AppContext.problem`, which every entry
point reports the same way (:meth:`AppContext.problem_text`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from presenter.core.deck.helpcontacts import HelpResolution, resolve_help
from presenter.core.deck.model import Deck
from presenter.core.settings import Settings, SettingsStore
from presenter.support.datadir import SESSIONS, data_dir
from presenter.support.i18n import t
from presenter.support.resources import portable_dir

log = logging.getLogger(__name__)

LOGS = "logs"
PRINT_THEME = "print"  # the paper theme unless asked otherwise
DECK_THEME = "deck"  # on paper: the deck's own screen theme


def paper_theme_name(deck: Deck, override: str | None = None) -> str:
    """The theme for paper: ``override``, else the print theme; ``deck`` means the
    deck's own screen theme. (The one rule, for the exporters and the context.)"""
    chosen = (override or PRINT_THEME).strip()
    return deck.meta.theme if chosen == DECK_THEME else chosen


class Surface(Enum):
    """Where a deck is painted: a screen (projector, console, PNG) or paper (PDF)."""

    SCREEN = "screen"
    PAPER = "paper"


@dataclass(frozen=True)
class AppContext:
    """The settings and the decisions drawn from them, for one run of the app."""

    settings: Settings
    store: SettingsStore = field(compare=False)
    problem: str = ""  # why (part of) the settings could not be used; "" when fine

    @classmethod
    def load(cls, store: SettingsStore | None = None) -> AppContext:
        """Read the settings once. Never raises: a bad file gives the defaults."""
        store = store if store is not None else SettingsStore()
        settings = store.load()
        return cls(settings, store, store.problem)

    @classmethod
    def of(cls, settings: Settings, store: SettingsStore | None = None) -> AppContext:
        """A context for given settings (tests, tools), reading nothing."""
        return cls(settings, store if store is not None else SettingsStore())

    def with_settings(self, settings: Settings) -> AppContext:
        """The context after the facilitator saved new settings (the store is kept)."""
        return AppContext(settings, self.store)

    # -- folders -----------------------------------------------------------------------

    @property
    def portable(self) -> bool:
        return portable_dir() is not None

    @property
    def data_root(self) -> Path:
        """Where records and logs go: portable folder > Settings > the platform's."""
        return data_dir(self.settings.data_folder or None)

    def records_root(self) -> Path:
        """The data root that holds ``sessions/`` (what ``core.records`` takes as root)."""
        return self.data_root

    @property
    def sessions_folder(self) -> Path:
        return self.records_root() / SESSIONS

    @property
    def logs_folder(self) -> Path:
        return self.data_root / LOGS

    # -- what a deck is shown with -----------------------------------------------------

    @property
    def language(self) -> str:
        """The console's language from Settings ("" follows the system)."""
        return self.settings.console_language

    def help_for(self, deck: Deck) -> HelpResolution:
        """The deck's help contacts: its own, a help.yaml beside it, else Settings'."""
        return resolve_help(deck, self.settings.help_contacts)

    def theme_for(
        self, deck: Deck, override: str | None = None, surface: Surface = Surface.SCREEN
    ) -> str:
        """The theme name (or file beside the deck) to load for ``deck`` on ``surface``.

        Screen: the command line's ``--theme``, else Settings' default theme, else the
        deck's own. Paper: ``--theme``, else the print theme; ``deck`` asks for the
        deck's own screen theme on paper too."""
        if surface is Surface.PAPER:
            return paper_theme_name(deck, override)
        return override or self.settings.default_theme or deck.meta.theme

    # -- reporting ---------------------------------------------------------------------

    def problem_text(self) -> str:
        """The one sentence every entry point shows when the settings were not usable."""
        if not self.problem:
            return ""
        return t("Your settings could not be read, so the defaults are used for now:\n"
                 "{problem}", problem=self.problem)  # fmt: skip


__all__ = ["DECK_THEME", "PRINT_THEME", "AppContext", "Surface", "paper_theme_name"]
