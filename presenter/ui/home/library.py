"""The decks the home window lists, and their check status (cached by content hash).

Plain Python (no widgets): the window asks for the entries and for each deck's status;
the check runs once per version of a deck file, however often the list is refreshed.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from presenter.core.deck.diagnostics import DeckError, Diagnostic, Level
from presenter.core.deck.helpcontacts import deck_signature
from presenter.core.deck.locate import find_deck_file, find_decks
from presenter.core.deck.model import Deck, HelpContact
from presenter.core.deck.parser import load_deck
from presenter.core.settings import Settings

if TYPE_CHECKING:
    from presenter.core.deck.checker import ExtraCheck

log = logging.getLogger(__name__)


class Source(enum.StrEnum):
    SAMPLE = "sample"
    MINE = "mine"
    RECENT = "recent"


class Status(enum.StrEnum):
    PENDING = "pending"
    CLEAN = "clean"
    WARNINGS = "warnings"
    ERRORS = "errors"


@dataclass(frozen=True)
class DeckEntry:
    """One row of the library: where a deck is and why it is listed."""

    path: Path
    source: Source


@dataclass(frozen=True)
class DeckSummary:
    """What the home window shows about one deck, from one version of its file."""

    path: Path
    content_hash: str
    deck: Deck | None
    diagnostics: tuple[Diagnostic, ...] = field(default=())

    @property
    def status(self) -> Status:
        if any(d.level is Level.ERROR for d in self.diagnostics) or self.deck is None:
            return Status.ERRORS
        if any(d.level is Level.WARNING for d in self.diagnostics):
            return Status.WARNINGS
        return Status.CLEAN

    def count(self, level: Level) -> int:
        return sum(d.level is level for d in self.diagnostics)

    @property
    def title(self) -> str:
        if self.deck is not None and self.deck.meta.title:
            return self.deck.meta.title
        return self.path.parent.name


def list_decks(settings: Settings, samples: Path) -> list[DeckEntry]:
    """Samples, then the organizer's decks folder, then recently opened decks elsewhere."""
    entries: list[DeckEntry] = []
    seen: set[Path] = set()

    def add(path: Path, source: Source) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            entries.append(DeckEntry(path, source))

    for path in find_decks(samples):
        add(path, Source.SAMPLE)
    if settings.decks_folder:
        for path in find_decks(settings.decks_folder):
            add(path, Source.MINE)
    for recent in settings.recent_decks:
        try:
            add(find_deck_file(recent), Source.RECENT)
        except (FileNotFoundError, OSError):
            continue
    return entries


class CheckCache:
    """Deck summaries keyed by file content, so an unchanged deck is never checked twice."""

    def __init__(
        self,
        settings_contacts: Sequence[HelpContact] = (),
        extra: Callable[[], Sequence[ExtraCheck]] = lambda: (),
    ) -> None:
        self.settings_contacts = tuple(settings_contacts)
        self.extra = extra
        self._extra_checks: Sequence[ExtraCheck] | None = None
        self._by_hash: dict[tuple[str, str], DeckSummary] = {}
        self.checks_run = 0

    def cached(self, path: Path) -> DeckSummary | None:
        return self._by_hash.get((str(path), deck_signature(path)))

    def summary(self, path: Path) -> DeckSummary:
        """The deck's summary, checking it only if this version was not checked yet."""
        digest = deck_signature(path)
        key = (str(path), digest)
        found = self._by_hash.get(key)
        if found is not None:
            return found
        if self._extra_checks is None:
            self._extra_checks = tuple(self.extra())
        self.checks_run += 1
        try:
            deck = load_deck(path, lazy=True)
        except DeckError as error:
            found = DeckSummary(path, digest, None, (error.diagnostic,))
        else:
            try:
                from presenter.core.deck.checker import check_deck  # after the first paint

                diagnostics = check_deck(
                    deck, settings_contacts=self.settings_contacts, extra=self._extra_checks
                )
            except Exception as error:  # one broken check must not hide the deck
                log.exception("checking %s failed", path)
                diagnostics = [
                    *deck.diagnostics,
                    Diagnostic(str(path), 1, 1, Level.WARNING, f"check failed: {error}"),
                ]
            found = DeckSummary(path, digest, deck, tuple(diagnostics))
        self._by_hash[key] = found
        return found
