"""The one translation helper every user-visible string goes through.

``t("Next slide")`` translates into the console language (the system locale, or the
settings' choice); ``t("Myth or reality?", lang=deck.meta.language)`` into the deck's
language, for what the audience sees. Catalogues are JSON files in ``presenter/locale``
mapping the English text to the translation; a missing entry falls back to English.
Placeholders use ``str.format``: ``t("Slide {n} of {total}", n=3, total=20)``.
"""

from __future__ import annotations

import json
import locale
import logging
import os
import re
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
_CODE = re.compile(r"[a-z]{2,3}")  # a language is a code, never a path
_console_language: str | None = None


def available_languages() -> list[str]:
    return ["en", *sorted(p.stem for p in LOCALE_DIR.glob("*.json"))]


@cache
def catalogue(language: str) -> dict[str, str]:
    if not _CODE.fullmatch(language) or language not in available_languages():
        return {}
    path = LOCALE_DIR / f"{language}.json"
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str) and v}


def normalise(language: str | None) -> str:
    if not language:
        return "en"
    return language.replace("-", "_").split("_")[0].lower() or "en"


def system_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return normalise(value)
    try:
        code = locale.getlocale()[0]
    except ValueError:
        code = None
    return normalise(code)


def set_console_language(language: str | None) -> None:
    global _console_language
    _console_language = normalise(language) if language else None


def console_language() -> str:
    return _console_language or system_language()


def t(text: str, /, lang: str | None = None, **fields: object) -> str:
    language = normalise(lang) if lang else console_language()
    translated = catalogue(language).get(text, text) if language != "en" else text
    if fields:
        try:
            return translated.format(**fields)
        except (KeyError, IndexError, ValueError):
            return text.format(**fields)
    return translated
