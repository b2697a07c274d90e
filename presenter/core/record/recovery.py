"""Recovery: a session folder read back as a baseline plus the actions after it.

Recovery = the newest valid snapshot + replay of the actions with ``seq`` above it. A
damaged line loses that one action: the actions after it are still replayed, and the
facilitator is told which were lost. A damaged header is read from its copy
(``header.json``), or as far as it can be read; a journal that ends before the
snapshot (a cut-off copy) resumes from the snapshot, and says so. The journal is never
truncated: the full history is what the report's timings use.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presenter.core.record.codec import (
    JournalFormatError,
    check_format,
    decode_line,
    decode_unchecked,
    later,
)
from presenter.core.record.file import JOURNAL_NAME, read_journal, read_snapshot

log = logging.getLogger(__name__)

HEADER_COPY = "header.json"
MAX_JOURNAL_BYTES = 64 * 1024 * 1024  # a day of workshops is well under 10 MB
_NUMBER = (int, float)
_HEADER_TYPES: dict[str, tuple[type, ...]] = {
    "started": _NUMBER,
    "session": (str,),
    "deck_path": (str,),
    "deck_hash": (str,),
    "deck_title": (str,),
    "deck_version": (str,),
    "variant": (str, type(None)),
    "planned_minutes": (*_NUMBER, type(None)),
    "outline": (list,),
    "base": (dict, type(None)),
}


@dataclass
class Recovered:
    """A session as far as its files can be trusted: a baseline plus the actions after it.

    The baseline is the newest usable snapshot, else the state the header started from
    (a session continued after the deck changed), else None (a fresh ``SessionState``).
    """

    folder: Path
    header: dict[str, Any]
    base_state: dict[str, Any] | None
    base_seq: int
    actions: list[dict[str, Any]]
    last_seq: int
    last_alive: float | None
    closed: dict[str, Any] | None
    problems: list[str]


def recover(folder: Path) -> Recovered:
    """Read a session folder. Raises :class:`JournalFormatError` if it cannot be used."""
    path = folder / JOURNAL_NAME
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        size = 0
    if size > MAX_JOURNAL_BYTES:
        raise JournalFormatError("the session record is too large to be a workshop's record")
    first = read_journal(path, 0, stop_at_gap=False)
    header, header_problems = _trusted_header(folder, first.header)
    check_format(header)
    assert header is not None
    check_header(header)
    base = header.get("base") if isinstance(header.get("base"), dict) else None
    base_seq = _seq(base.get("seq", 0)) if base is not None else 0
    contents = read_journal(path, base_seq, stop_at_gap=False) if base_seq else first
    snapshot = read_snapshot(folder)
    last_alive = later(contents.last_alive, header.get("started"))
    problems = header_problems + _shown(contents.problems)
    # Up to the first missing action the lines are exact; a snapshot at or past that
    # point has everything the lines have there.
    contiguous = read_journal(path, base_seq, stop_at_gap=True).last_seq
    if snapshot is not None and snapshot["seq"] >= max(contiguous, base_seq):
        # The snapshot holds every contiguous action (and maybe ones whose line was lost).
        after = read_journal(path, snapshot["seq"], stop_at_gap=False)
        problems = header_problems + _shown(after.problems)
        if snapshot["seq"] > contents.last_seq:
            problems.append(
                f"the record ends at action {contents.last_seq}, before the saved state "
                f"(action {snapshot['seq']}): its end was lost, so the workshop resumes from "
                "the saved state; anything done after it may be missing"
            )
        return Recovered(
            folder,
            header,
            snapshot["state"],
            snapshot["seq"],
            after.actions,
            max(after.last_seq, snapshot["seq"]),
            later(last_alive, snapshot.get("t")),
            after.closed,
            problems,
        )
    # Otherwise replaying the lines from the baseline is exact; an older snapshot is
    # only a shortcut, and the lines are the record.
    return Recovered(
        folder,
        header,
        base,
        base_seq,
        contents.actions,
        max(contents.last_seq, base_seq),
        later(last_alive, snapshot.get("t") if snapshot else None),
        contents.closed,
        problems,
    )


def _shown(problems: list[str]) -> list[str]:
    """The problems worth telling: a torn last line is the normal trace of a power cut
    (that action was never confirmed), and is left out unless something else is wrong."""
    torn = [p for p in problems if "incomplete last line" in p]
    others = [p for p in problems if p not in torn]
    return others + torn if others else others


def _trusted_header(
    folder: Path, found: dict[str, Any] | None
) -> tuple[dict[str, Any] | None, list[str]]:
    """The journal's header; when its line is damaged, the copy, or the line as read."""
    if found is not None:
        return found, []
    copy = read_header_copy(folder)
    if copy is not None:
        return copy, ["the record's first line was damaged; its saved copy was used"]
    try:
        with (folder / JOURNAL_NAME).open("rb") as handle:
            line = handle.readline(1024 * 1024)
    except OSError:
        return None, []
    record = decode_unchecked(line)
    if record is not None and "journal" in record:
        return record, ["the record's first line was damaged; it was read as it stands"]
    return None, []


def read_header_copy(folder: Path) -> dict[str, Any] | None:
    try:
        with (folder / HEADER_COPY).open("rb") as handle:
            record = decode_line(handle.read(4 * 1024 * 1024))
    except OSError:
        return None
    return record if record is not None and "journal" in record else None


def check_header(header: dict[str, Any]) -> None:
    """Refuse a header whose fields have the wrong types (a crafted or foreign record)."""
    for key, types in _HEADER_TYPES.items():
        if key in header and (not isinstance(header[key], types) or isinstance(header[key], bool)):
            raise JournalFormatError(f"the session record's header is damaged ('{key}')")
    if "started" not in header:
        raise JournalFormatError("the session record's header has no start time")
    for entry in header.get("outline", ()):
        if not isinstance(entry, dict):
            raise JournalFormatError("the session record's outline is damaged")


def _seq(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise JournalFormatError("the session record's starting point is damaged")
