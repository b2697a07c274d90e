"""Where the help slide's contacts come from: the deck, the decks folder, or settings.

Help lines are local. A deck may carry its own ``help``; usually an organizer sets
their area's contacts once in a ``help.yaml`` beside the decks (in the deck's folder or
the folder that holds the deck folders), or in the app's settings.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from presenter.core.deck.diagnostics import Diagnostic, DiagnosticSink
from presenter.core.deck.frontmatter import parse_contacts
from presenter.core.deck.model import Deck, HelpContact
from presenter.core.deck.paths import PathRefused, contained_file
from presenter.core.deck.safeyaml import YamlProblem, load_mapping
from presenter.support.digest import sha256

log = logging.getLogger(__name__)

HELP_FILE = "help.yaml"
MAX_HELP_BYTES = 64 * 1024
PLACEHOLDER = re.compile(
    r"<[^>]*>|\[[^\]]*\]|\bTODO\b|\bTBD\b|XXX|fill (this )?in|placeholder|replace (this|me)"
    r"|example\.(org|com|net)|\b0{3,}\b|555-",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class HelpResolution:
    contacts: tuple[HelpContact, ...]
    origin: str  # "deck", "folder", "settings" or "none"
    file: str = ""  # where they were read from
    line: int = 1
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    contact_lines: tuple[int, ...] = ()  # each contact's own line in ``file``, when known

    @property
    def found(self) -> bool:
        return bool(self.contacts)


def read_help_file(
    path: Path, lines_out: list[int] | None = None
) -> tuple[tuple[HelpContact, ...], tuple[Diagnostic, ...], int]:
    sink = DiagnosticSink(str(path))
    try:
        real = contained_file(path, path.parent, what="help.yaml", max_bytes=1 << 62)
        if real.stat().st_size > MAX_HELP_BYTES:
            sink.error(1, "help.yaml is too large", "keep the few contacts the room needs")
            return (), tuple(sink.items), 1
        text = real.read_bytes().decode("utf-8-sig")
    except PathRefused as refused:
        sink.error(1, f"help contacts not read: {refused.reason}", refused.hint)
        return (), tuple(sink.items), 1
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8 text"
        sink.error(1, f"cannot read help contacts: {reason}", "save help.yaml as UTF-8 text")
        return (), tuple(sink.items), 1
    try:
        parsed = load_mapping(text)
    except YamlProblem as problem:
        sink.error(problem.line + 1, problem.message, problem.hint, column=problem.column + 1)
        return (), tuple(sink.items), 1
    line = parsed.lines.get("help", 0) + 1
    items = [n + 1 for n in parsed.item_lines.get("help", ())]
    contacts = parse_contacts(parsed.values.get("help", []), line, sink, items, lines_out)
    return contacts, tuple(sink.items), line


def help_file_candidates(deck: Deck) -> list[Path]:
    folder = deck.folder
    if folder is None:
        return []
    return [folder / HELP_FILE, folder.parent / HELP_FILE]


def resolve_help(deck: Deck, settings_contacts: Sequence[HelpContact] = ()) -> HelpResolution:
    """The contacts the help slide shows, in order: the deck's, the folder's, settings'."""
    if deck.meta.help:
        return HelpResolution(
            deck.meta.help, "deck", deck.file_label, deck.meta.lines.get("help", 1)
        )
    for candidate in help_file_candidates(deck):
        if os.path.lexists(candidate):
            found: list[int] = []
            contacts, diags, line = read_help_file(candidate, found)
            if contacts or diags:
                return HelpResolution(contacts, "folder", str(candidate), line, diags, tuple(found))
    if settings_contacts:
        return HelpResolution(tuple(settings_contacts), "settings", "settings")
    return HelpResolution((), "none")


def is_placeholder(contact: HelpContact) -> bool:
    return any(PLACEHOLDER.search(text) for text in (contact.name, contact.reach, contact.when))


def deck_signature(path: Path) -> str:
    """What a deck's check depends on, as one digest: the deck's bytes and those of the
    help files beside it (the deck folder's ``help.yaml``, then the decks folder's). A
    link or anything that is not a plain file counts as missing, so finding out never
    reads a file outside the folders a deck may use."""
    digest = sha256()
    for candidate in (path, path.parent / HELP_FILE, path.parent.parent / HELP_FILE):
        try:
            if candidate.is_symlink() or not candidate.is_file():
                raise FileNotFoundError(candidate)
            digest.update(candidate.read_bytes())
        except OSError:
            digest.update(b"\x00missing")
    return digest.hexdigest()
