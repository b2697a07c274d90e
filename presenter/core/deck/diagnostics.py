"""Diagnostics: the one error type, printed like a compiler would.

Every problem found in a deck becomes a :class:`Diagnostic` with the file, line and
column it concerns, a plain-language message and, where useful, a hint. Fatal problems
(the file cannot be read at all) are raised as :class:`DeckError`, which carries one.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import asdict, dataclass

from presenter.core.deck.paths import printable

log = logging.getLogger(__name__)


class Level(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Diagnostic:
    file: str
    line: int
    column: int
    level: Level
    message: str
    hint: str = ""
    code: str = ""

    def format(self) -> str:
        """One line, whatever the deck put in its names: control characters (newlines,
        terminal escapes) are shown as escapes, so nothing can fake another line."""
        text = f"{printable(self.file)}:{self.line}:{self.column}: {self.level.value}: "
        text += printable(self.message)
        if self.hint:
            text += f" ({printable(self.hint)})"
        return text

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["level"] = self.level.value
        for key in ("file", "message", "hint"):
            data[key] = printable(data[key])
        return data

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR


class DeckError(Exception):
    """A deck that cannot be read at all. The only exception the parser raises."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic


class DiagnosticSink:
    """Collects diagnostics for one file, so callers need only give line and message."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Diagnostic] = []

    def add(
        self,
        level: Level,
        line: int,
        message: str,
        hint: str = "",
        *,
        column: int = 1,
        code: str = "",
    ) -> None:
        self.items.append(
            Diagnostic(self.file, max(1, line), max(1, column), level, message, hint, code)
        )

    def error(self, line: int, message: str, hint: str = "", **kw: object) -> None:
        self.add(Level.ERROR, line, message, hint, **kw)  # type: ignore[arg-type]

    def warning(self, line: int, message: str, hint: str = "", **kw: object) -> None:
        self.add(Level.WARNING, line, message, hint, **kw)  # type: ignore[arg-type]

    def info(self, line: int, message: str, hint: str = "", **kw: object) -> None:
        self.add(Level.INFO, line, message, hint, **kw)  # type: ignore[arg-type]
