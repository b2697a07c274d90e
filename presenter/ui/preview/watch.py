"""Watching a deck file while an organizer edits it, and reading it back.

Editors save in different ways: some write the file in place, some write a new file and
rename it over the old one (which drops a file watch), some delete and recreate it. So
the watcher follows the file *and* its folder, re-adds the file watch whenever it comes
back, waits for saves to settle (debounce), and only reloads when the bytes changed. A
slow poll backs this up on file systems that send no notifications.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from presenter.core.deck.checker import ExtraCheck, check_deck
from presenter.core.deck.diagnostics import DeckError, Diagnostic, Level
from presenter.core.deck.helpcontacts import deck_signature
from presenter.core.deck.model import Deck, HelpContact
from presenter.core.deck.parser import load_deck

log = logging.getLogger(__name__)

DEBOUNCE_MS = 250
POLL_MS = 1500


@dataclass(frozen=True)
class DeckLoad:
    """One reading of the deck file: the parsed deck (if any) and everything to fix."""

    deck: Deck | None
    diagnostics: tuple[Diagnostic, ...] = field(default=())

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.level is Level.ERROR)

    @property
    def usable(self) -> bool:
        """Good enough to replace what the preview shows."""
        return self.deck is not None and not self.errors and bool(self.deck.slides)


def read_deck(
    path: Path,
    settings_contacts: Sequence[HelpContact] = (),
    extra: Sequence[ExtraCheck] = (),
) -> DeckLoad:
    """Parse and check ``path``; never raises (an unreadable file is a diagnostic)."""
    try:
        deck = load_deck(path)
    except DeckError as error:
        return DeckLoad(None, (error.diagnostic,))
    try:
        found = check_deck(deck, settings_contacts=settings_contacts, extra=extra)
    except Exception as error:  # a failing check must not take the preview down
        log.exception("checking %s failed", path)
        found = [*deck.diagnostics, Diagnostic(str(path), 1, 1, Level.WARNING, str(error))]
    return DeckLoad(deck, tuple(found))


class DeckWatcher(QObject):
    """Emits ``loaded(DeckLoad)`` after each settled save of the deck file."""

    loaded = Signal(object)

    def __init__(
        self,
        path: Path,
        reader: Callable[[Path], DeckLoad],
        parent: QObject | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._reader = reader
        self._signature = ""
        self.reloads = 0
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._changed)
        self._watcher.directoryChanged.connect(self._changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.reload_if_changed)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._changed)
        self._watch()

    def start(self) -> DeckLoad:
        """Read the deck now and start watching; returns the first reading."""
        self._signature = deck_signature(self.path)
        first = self._reader(self.path)
        self.reloads += 1
        self._poll.start()
        return first

    def stop(self) -> None:
        self._poll.stop()
        self._debounce.stop()
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)

    def _watch(self) -> None:
        wanted = [str(self.path.parent)]
        if self.path.exists():
            wanted.append(str(self.path))
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        missing = [p for p in wanted if p not in watched and Path(p).exists()]
        if missing:
            self._watcher.addPaths(missing)

    def _changed(self, *_: object) -> None:
        self._watch()  # a save by rename dropped the file watch: add it back
        self._debounce.start()  # restarts: wait until saves settle

    def reload_if_changed(self) -> None:
        self._watch()
        signature = deck_signature(self.path)
        if signature == self._signature:
            return
        self._signature = signature
        self.reloads += 1
        self.loaded.emit(self._reader(self.path))
