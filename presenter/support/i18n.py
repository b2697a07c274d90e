"""The one translation helper every user-visible string goes through.

``t("Next slide")`` translates into the console language (the settings' choice, or the
laptop's locale); ``t("Myth or reality?", lang=deck.meta.language)`` into the deck's
language, for what the audience sees. ``tn("{n} note", "{n} notes", n)`` picks the plural
form the language needs (French counts 0 and 1 as singular; Arabic has six forms).

Catalogues are gettext files, ``presenter/locale/<lang>/LC_MESSAGES/presenter.po``, which
translators open in Poedit, Weblate or Lokalize; the compiled ``presenter.mo`` beside each
is what the app reads (``tests/tools/catalogues.py`` extracts, updates and compiles them).
A missing entry falls back to English. Placeholders use ``str.format``:
``t("Slide {n} of {total}", n=3, total=20)``.
"""

from __future__ import annotations

import contextlib
import gettext
import locale
import logging
import os
import re
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
_CODE = re.compile(r"[a-z]{2,3}")  # a language is a code, never a path
DOMAIN = "presenter"
# Each language in its own words, as the Settings list shows them.
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "pt": "Português",
    "ar": "العربية",
}
# Languages written right to left (slides and, for Arabic, the app itself).
RTL_LANGUAGES = frozenset({"ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ku", "ckb"})
_console_language: str | None = None


def available_languages() -> list[str]:
    """English and every language that has a compiled catalogue."""
    return ["en", *_catalogued(LOCALE_DIR)]


@cache
def _catalogued(folder: Path) -> tuple[str, ...]:
    """The catalogues bundled in ``folder``, looked for once: every ``t()`` that follows
    the laptop's language asks, and a glob of the folder per string cost the console
    about 0.4 ms a string (4 ms a refresh of its status strip)."""
    found = (p.parent.parent.name for p in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return tuple(sorted(found))


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``language``; English (no catalogue) translates to itself."""
    if language == "en" or not _CODE.fullmatch(language):
        return gettext.NullTranslations()  # a language is a code, never a path
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except FileNotFoundError:
        return gettext.NullTranslations()
    except (OSError, ValueError) as exc:  # a damaged catalogue must not stop a workshop
        log.warning("could not read the %s catalogue %s: %s", language, path, exc)
        return gettext.NullTranslations()


def normalise(language: str | None) -> str:
    if not language:
        return "en"
    return language.replace("-", "_").split("_")[0].split(".")[0].lower() or "en"


def system_language() -> str:
    """The laptop's language, if the app speaks it; else English."""
    spoken = set(available_languages())
    for candidate in _system_candidates():
        if normalise(candidate) in spoken:
            return normalise(candidate)
        named = _NAMES.get(normalise(candidate))
        if named in spoken:
            return named
    return "en"


# What Windows' locale.getlocale() gives ("Spanish_Mexico") for the languages we speak.
_NAMES = {"english": "en", "french": "fr", "spanish": "es", "portuguese": "pt", "arabic": "ar"}


def _system_candidates() -> list[str]:
    """The user's preferred languages, most wanted first, from every place an OS keeps them."""
    found: list[str] = []
    if os.environ.get("LC_ALL", "") not in ("C", "POSIX"):
        found += os.environ.get("LANGUAGE", "").split(":")  # "pt_BR:pt:en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            found.append(value)
    if os.name == "nt":
        found.append(_windows_ui_language())
    with contextlib.suppress(ValueError):
        found.append(locale.getlocale()[0] or "")
    return [c for c in found if c]


def _windows_ui_language() -> str:
    try:
        import ctypes

        lcid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return ""
    return locale.windows_locale.get(lcid, "")


def set_console_language(language: str | None) -> None:
    """The settings' choice; ``None`` or ``""`` follows the system."""
    global _console_language
    _console_language = normalise(language) if language else None


def console_language() -> str:
    return _console_language or system_language()


def is_rtl(language: str | None) -> bool:
    return normalise(language) in RTL_LANGUAGES


# First-strong isolate ... pop directional isolate (Unicode bidi, UAX #9).
FSI, PDI = "\u2068", "\u2069"


def isolate(text: str) -> str:
    """``text`` laid out in its own direction inside a sentence of another direction.

    An English deck title in an Arabic sentence keeps its word order and its trailing
    "(2024)" stays at its end; an Arabic title in an English sentence likewise.
    """
    return f"{FSI}{text}{PDI}" if text else text


RLM = "\u200f"
# Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms: strong right to left.
_RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def in_console_direction(lines: list[str]) -> str:
    """Lines for one plain-text label, each laid out in the console language's direction.

    Qt picks a plain-text label's direction from its first letter, so a label that opens
    with an English deck subtitle would lay the Arabic lines under it out left to right.
    """
    if not is_rtl(console_language()):
        return "\n".join(lines)
    return "\n".join(RLM + line for line in lines)


def _fill(translated: str, original: str, fields: dict[str, object], language: str = "en") -> str:
    if not fields:
        return translated
    # Deck titles, file names and other inserted text keep their own direction: all of
    # it in a right-to-left sentence, right-to-left text in a left-to-right one.
    rtl = is_rtl(language)
    fields = {
        k: isolate(v) if isinstance(v, str) and (rtl or _RTL_CHARS.search(v)) else v
        for k, v in fields.items()
    }
    try:
        return translated.format(**fields)
    except (KeyError, IndexError, ValueError):
        log.warning("translation %r does not fit its placeholders", translated)
        return original.format(**fields)


def t(text: str, /, lang: str | None = None, **fields: object) -> str:
    language = normalise(lang) if lang else console_language()
    return _fill(translations(language).gettext(text), text, fields, language)


def tn(singular: str, plural: str, n: int, /, lang: str | None = None, **fields: object) -> str:
    """``singular`` or ``plural`` (or the language's own form for ``n``), with ``{n}`` filled."""
    language = normalise(lang) if lang else console_language()
    translated = translations(language).ngettext(singular, plural, n)
    return _fill(translated, singular if n == 1 else plural, {"n": n, **fields}, language)
