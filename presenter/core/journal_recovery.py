"""Recovery: a session folder read back as a baseline plus the actions after it.

Recovery = the newest valid snapshot + replay of the actions with ``seq`` above it,
stopping at the first missing ``seq``. The journal is never truncated: the full history
is what the report's timings use.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presenter.core.journal_codec import check_format, later
from presenter.core.journal_file import JOURNAL_NAME, read_journal, read_snapshot


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
    first = read_journal(path, 0)
    check_format(first.header)
    header = first.header
    assert header is not None
    base = header.get("base") if isinstance(header.get("base"), dict) else None
    base_seq = int(base.get("seq", 0)) if base is not None else 0
    contents = read_journal(path, base_seq) if base_seq else first
    snapshot = read_snapshot(folder)
    last_alive = later(contents.last_alive, header.get("started"))
    if snapshot is not None and snapshot["seq"] >= max(contents.last_seq, base_seq):
        # The snapshot holds every contiguous action (and maybe ones whose line was lost).
        after = read_journal(path, snapshot["seq"])
        return Recovered(
            folder,
            header,
            snapshot["state"],
            snapshot["seq"],
            after.actions,
            max(after.last_seq, snapshot["seq"]),
            later(last_alive, snapshot.get("t")),
            after.closed,
            after.problems,
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
        contents.problems,
    )
