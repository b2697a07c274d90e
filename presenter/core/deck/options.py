"""Typed options for front matter and slide option blocks.

YAML gives us strings, lists and mappings only (see :mod:`safeyaml`); each option
declares the type it wants and is coerced here, so ``minutes: 5`` and ``minutes: "5"``
mean the same and ``minutes: five`` is an error on its own line.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

NUMBER = "number"
TEXT = "text"
LIST = "list"  # a list of short texts; a single text is accepted as a list of one
CHOICE = "choice"


class OptionError(ValueError):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class OptionSpec:
    name: str
    type: str
    summary: str
    choices: tuple[str, ...] = ()

    def coerce(self, value: Any) -> Any:
        if self.type == NUMBER:
            return to_number(self.name, value)
        if self.type == TEXT:
            return to_text(self.name, value)
        if self.type == LIST:
            return to_list(self.name, value)
        if self.type == CHOICE:
            text = to_text(self.name, value).strip().lower()
            text = {"whole-room": "whole room", "group": "groups", "pair": "pairs"}.get(text, text)
            if text not in self.choices:
                raise OptionError(
                    f"'{self.name}' must be one of: {', '.join(self.choices)}",
                    did_you_mean(text, self.choices),
                )
            return text
        return value


def to_number(name: str, value: Any) -> float:
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            raise OptionError(
                f"'{name}' must be a number, not '{value}'", "e.g.  minutes: 5"
            ) from None
        if math.isfinite(number) and 0 <= number <= 10_000:
            return number
    raise OptionError(f"'{name}' must be a number between 0 and 10000", "e.g.  minutes: 5")


def to_text(name: str, value: Any) -> str:
    if isinstance(value, str):
        return value
    raise OptionError(f"'{name}' must be plain text", "put the text on the same line, in quotes")


def to_list(name: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v for v in value if v.strip())
    raise OptionError(f"'{name}' must be a text or a list of texts", "e.g.  only: [youth]")


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'?" if matches else ""
