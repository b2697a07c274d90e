"""The bundled fonts, loaded once, so slides never depend on the laptop's own fonts.

Every text the app draws asks for one fallback chain (``font_chain``): the theme's
families, then a Noto face for each script the field needs (Devanagari, Bengali, Thai,
Khmer, Myanmar, Ethiopic, Arabic, Hebrew), DejaVu Sans for Greek, Cyrillic and symbols,
and monochrome Noto Emoji. Qt walks that list per character, then the system's fonts
(Chinese, Japanese and Korean come from the system, or from an optional font pack: any
``.ttf``/``.otf``/``.ttc`` in a ``fonts`` folder of the app's data folder, or in
``assets/fonts/extra`` of a build; see ``assets/fonts/README.md``).

``undrawable`` answers, for ``presenter check``, which characters no bundled or system
font can draw, so an organizer hears about it before the room sees a box.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QRawFont,
    QTextLayout,
    QTextOption,
)

from presenter.support.qtfix import guard_none_refcount
from presenter.support.resources import asset

log = logging.getLogger(__name__)

FAMILIES: tuple[str, ...] = ("Atkinson Hyperlegible", "DejaVu Sans")
SCRIPT_FAMILIES: tuple[str, ...] = (
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans Thai",
    "Noto Sans Khmer",
    "Noto Sans Myanmar",
    "Noto Sans Ethiopic",
)
EMOJI_FAMILY = "Noto Emoji"
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
# QChar::Script numbers Qt checks for OpenType tables that a bundled face answers for:
# Devanagari, Bengali, Khmer. Qt warns about each family of the chain it passes over on
# the way to the right face; for these scripts that is the chain working, not a box.
CHAIN_SCRIPTS = frozenset({11, 12, 32})
_PASSED_OVER = re.compile(r'OpenType support missing for "[^"]*", script (\d+)')
_loaded: set[str] = set()
_app_font_set = False
_previous_handler: object = None
_filter_installed = False


def _qt_messages(kind: QtMsgType, context: object, message: str) -> None:
    """Qt's messages, less the fallback chain's expected "OpenType support missing"."""
    passed = _PASSED_OVER.search(message)
    if passed and int(passed.group(1)) in CHAIN_SCRIPTS:
        log.debug("font fallback: %s", message.strip())
        return
    if callable(_previous_handler):
        _previous_handler(kind, context, message)
    elif kind == QtMsgType.QtDebugMsg or kind == QtMsgType.QtInfoMsg:
        log.debug("Qt: %s", message)
    else:
        log.warning("Qt: %s", message)


def install_message_filter() -> None:
    """Chain a Qt message handler that drops only the fallback chain's expected notices."""
    global _previous_handler, _filter_installed
    if not _filter_installed:
        _previous_handler = qInstallMessageHandler(_qt_messages)
        _filter_installed = True


def font_pack_dirs() -> list[Path]:
    """Where an optional font pack may sit: inside the build, and in the user's data."""
    from presenter.support.datadir import data_dir

    folders = [asset("fonts", "extra")]
    try:
        folders.append(data_dir() / "fonts")
    except (OSError, RuntimeError) as exc:  # no home folder: the bundled fonts still load
        log.info("no data folder for a font pack: %s", exc)
    return folders


def font_files() -> list[str]:
    """The bundled font files, then those of the optional font pack."""
    found = []
    for folder in [asset("fonts"), *font_pack_dirs()]:
        try:
            entries = sorted(folder.iterdir()) if folder.is_dir() else []
        except OSError as exc:
            log.warning("cannot read the font folder %s: %s", folder, exc)
            continue
        found += [str(p) for p in entries if p.suffix.lower() in FONT_SUFFIXES and p.is_file()]
    return found


_failed: set[str] = set()
_available: list[str] | None = None  # the bundled families Qt has, once registered
_registered_files: list[str] = []  # the font files ensure_fonts gave Qt, in order


def ensure_fonts() -> list[str]:
    """Register every bundled font with Qt (idempotent) and give widgets the chain too.

    Starts Qt offscreen if it is not running. Returns the bundled families that are now
    available, in the order of the fallback chain.
    """
    global _app_font_set, _available
    guard_none_refcount()
    if _available is not None:  # registered once per process: every renderer asks
        return list(_available)
    app = QGuiApplication.instance()
    if app is None:
        from presenter.render.qtapp import ensure_gui_app

        ensure_gui_app()
        app = QGuiApplication.instance()
    install_message_filter()
    _registered_files[:] = font_files()
    for key in _registered_files:
        if key in _loaded:
            continue
        if QFontDatabase.addApplicationFont(key) >= 0:
            _loaded.add(key)
        elif key not in _failed:
            _failed.add(key)
            log.warning("bundled font not loaded: %s", key)
    available = set(QFontDatabase.families())
    if EMOJI_FAMILY in available:
        QFontDatabase.setApplicationEmojiFontFamilies([EMOJI_FAMILY])
    if not _app_font_set and isinstance(app, QGuiApplication):
        # Widgets (console, home, dialogs) keep the system face for Latin text and fall
        # back to the bundled scripts, so a Hindi or Thai deck title is never boxes.
        font = QGuiApplication.font()
        font.setFamilies(font_chain((font.family(),)))
        QGuiApplication.setFont(font)
        _app_font_set = True
    _available = [f for f in font_chain() if f in available]
    log.debug("fonts registered: %s", ", ".join(_available))
    return list(_available)


def font_chain(families: Sequence[str] = FAMILIES) -> list[str]:
    """``families`` (a theme's, or the defaults) followed by every bundled fallback.

    The script faces come right after the first family, so they win over DejaVu Sans
    (whose Arabic and Hebrew are rougher) but never over the theme's own Latin face.
    """
    given = [f for f in families if f]
    head, rest = given[:1], given[1:]
    chain = [*head, *SCRIPT_FAMILIES, *rest, *FAMILIES, EMOJI_FAMILY]
    return list(dict.fromkeys(chain))


def slide_font(
    pixel_size: float, families: Sequence[str] = FAMILIES, *, bold: bool = False
) -> QFont:
    """A font for the canvas: the theme's families, then the bundled fallback chain."""
    font = QFont()
    font.setFamilies(font_chain(families))
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    # Unhinted outlines scale identically, so the layout is the same at every size.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


_raw_fonts: dict[str, QRawFont | None] = {}  # by file: its character map, once read


def _bundled_raw_fonts() -> Iterator[QRawFont]:
    """The bundled faces' character maps, each read from its file when first needed:
    most characters are found in the first face or two, so reading all 26 (about 25 ms)
    is left to the rare character only the last ones have."""
    for path in _registered_files or font_files():
        if path not in _raw_fonts:
            font = QRawFont(path, 24)
            _raw_fonts[path] = font if font.isValid() else None
        found = _raw_fonts[path]
        if found is not None:
            yield found


def _ignorable(char: str) -> bool:
    """Spaces, controls, joiners, bidi marks and variation selectors draw nothing."""
    return (
        char.isspace()
        or unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp")
        or (0xFE00 <= ord(char) <= 0xFE0F or 0xE0100 <= ord(char) <= 0xE01EF)
    )


@cache
def bundled_covers(char: str) -> bool:
    return any(f.supportsCharacter(ord(char)) for f in _bundled_raw_fonts())


@cache
def _drawable_by_qt(char: str) -> bool:
    """Lay the character out as a slide would: does Qt find any font with a glyph for it?"""
    layout = QTextLayout(char, slide_font(24))
    layout.setTextOption(QTextOption())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    return bool(runs) and all(0 not in run.glyphIndexes() for run in runs)


def undrawable(chars: Iterable[str]) -> list[str]:
    """The characters of ``chars`` that neither a bundled nor a system font can draw.

    Needs a QGuiApplication. Cheap: most characters are answered from the bundled
    fonts' character maps; only the rest are laid out, once each.
    """
    ensure_fonts()
    missing = []
    for char in dict.fromkeys(chars):
        if _ignorable(char) or bundled_covers(char):
            continue
        if not _drawable_by_qt(char):
            missing.append(char)
    return missing
