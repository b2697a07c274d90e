"""Themes: colours, fonts and type sizes for the 1920×1080 slide canvas, read from YAML.

A theme is a small YAML file (``assets/themes/NAME.yaml``, or a file beside a deck).
Every key is optional: what a theme leaves out comes from the default theme, and a
colour that is not ``#RRGGBB`` is ignored. Loading never raises: a missing or broken
theme falls back to the default, so a typo cannot stop a workshop.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from presenter.core.deck.paths import PathRefused, printable, resolve_inside
from presenter.core.deck.safeyaml import YamlProblem, load_mapping
from presenter.support.resources import asset

log = logging.getLogger(__name__)

MAX_THEME_BYTES = 64 * 1024
THEME_SUFFIXES = {".yaml", ".yml"}
DEFAULT_THEME = "default"
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Colors:
    background: str = "#F6F3EC"  # warm off-white: bright halls wash out pure white less
    text: str = "#1C2630"
    heading: str = "#173A5E"
    muted: str = "#4A5561"  # sources, slide numbers, secondary lines
    accent: str = "#2B6668"  # stripes and chips
    on_accent: str = "#FFFFFF"
    surface: str = "#E6E0D3"  # chips and cards on the background
    on_surface: str = "#1C2630"
    myth: str = "#8C3A1B"  # the "Myth" label
    reality: str = "#1E6440"  # the "Reality" label
    bar_myth: str = "#2B6668"  # said "myth" (the right answer)
    bar_reality: str = "#B9B2A3"  # said "reality"
    calm_background: str = "#DCE6E3"
    calm_text: str = "#1F3A3A"
    letterbox: str = "#000000"


@dataclass(frozen=True)
class Sizes:
    """Pixel sizes on the 1080-pixel-high canvas."""

    body: float = 54.0
    floor: float = 44.0  # text shrinks to fit down to this, then the check warns
    title: float = 104.0
    heading: float = 76.0
    statement: float = 72.0  # a myth statement or a discussion prompt
    source: float = 34.0  # 3% of the frame height: the back row of a hall reads it
    margin: float = 110.0


@dataclass(frozen=True)
class Theme:
    name: str = DEFAULT_THEME
    description: str = ""
    colors: Colors = field(default_factory=Colors)
    sizes: Sizes = field(default_factory=Sizes)
    families: tuple[str, ...] = ("Atkinson Hyperlegible", "DejaVu Sans")
    logo: Path | None = None
    path: Path | None = None

    @property
    def key(self) -> tuple[object, ...]:
        """Identity for caches: two themes with the same key paint the same."""
        return (self.name, self.colors, self.sizes, self.families, self.logo)


def themes_dir() -> Path:
    return asset("themes")


def available_themes() -> list[str]:
    """Names of the bundled themes, default first."""
    names = sorted(p.stem for p in themes_dir().glob("*.yaml"))
    if DEFAULT_THEME in names:
        names.remove(DEFAULT_THEME)
    return [DEFAULT_THEME, *names]


def load_theme(name_or_path: str, deck_folder: Path | None = None) -> Theme:
    """A bundled theme by name, or a ``.yaml`` theme file inside the deck's folder.

    Unknown names, refused paths and broken files give the default theme; never raises.
    """
    try:
        path = _find_theme_file((name_or_path or DEFAULT_THEME).strip(), deck_folder)
        if path is None:
            return _default()
        return theme_from_file(path, base=_default())
    except (OSError, ValueError, YamlProblem, PathRefused):
        return _default()


def theme_from_file(path: Path, base: Theme | None = None) -> Theme:
    """Read one theme file over ``base``. Raises OSError or YamlProblem."""
    if path.stat().st_size > MAX_THEME_BYTES:
        raise OSError("theme file too large")
    data = load_mapping(path.read_text("utf-8")).values
    return theme_from_mapping(data, base or Theme(), folder=path.parent, path=path)


def theme_from_mapping(
    data: dict[str, Any], base: Theme, folder: Path | None = None, path: Path | None = None
) -> Theme:
    colors = _merge(base.colors, data.get("colors"), _colour)
    sizes = _merge(base.sizes, data.get("sizes"), _size)
    families = base.families
    fonts = data.get("fonts")
    if isinstance(fonts, dict) and isinstance(fonts.get("families"), list):
        given = tuple(str(f).strip() for f in fonts["families"] if str(f).strip())
        # The bundled families stay as fallbacks so every script still has glyphs.
        families = tuple(dict.fromkeys((*given, *base.families)))
    logo = base.logo
    if isinstance(data.get("logo"), str) and data["logo"].strip() and folder is not None:
        try:
            logo = resolve_inside(folder, data["logo"], what="logo")
        except PathRefused:
            logo = base.logo
    name = str(data.get("name") or (path.stem if path else base.name))
    description = str(data.get("description") or "")
    return Theme(name, description, colors, sizes, families, logo, path)


def _merge(base: Any, given: object, convert: Any) -> Any:
    if not isinstance(given, dict):
        return base
    known = {f.name for f in fields(base)}
    changes = {}
    for key, value in given.items():
        if key in known:
            converted = convert(value)
            if converted is not None:
                changes[key] = converted
    return replace(base, **changes)


def _colour(value: object) -> str | None:
    text = str(value).strip()
    return text.upper() if _HEX.match(text) else None


def _size(value: object) -> float | None:
    try:
        number = float(str(value))
    except ValueError:
        return None
    return number if 8 <= number <= 400 else None


def _find_theme_file(name: str, deck_folder: Path | None) -> Path | None:
    """The theme file ``name`` means, or None; raises :class:`PathRefused` for a file
    the deck may not read (outside its folder, a link, a device...)."""
    if name.endswith((".yaml", ".yml")):
        if deck_folder is None:
            return None
        return _theme_beside(deck_folder, name)
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        bundled = themes_dir() / f"{name}.yaml"
        if bundled.is_file():
            return bundled
        if deck_folder is not None:
            try:
                return _theme_beside(deck_folder, f"{name}.yaml")
            except PathRefused as refused:
                if refused.reason.startswith("theme file not found"):
                    return None
                raise
    return None


def _theme_beside(folder: Path, ref: str) -> Path:
    return resolve_inside(
        folder, ref, what="theme file", max_bytes=MAX_THEME_BYTES, suffixes=THEME_SUFFIXES
    )


def theme_problem(name: str, deck_folder: Path | None) -> tuple[str, str] | None:
    """Why the deck's ``theme:`` falls back to the default, as (message, hint); or None."""
    name = (name or DEFAULT_THEME).strip()
    try:
        path = _find_theme_file(name, deck_folder)
    except PathRefused as refused:
        return f"theme not used: {refused.reason}", refused.hint or "the default theme is used"
    if path is None:
        from presenter.core.deck.options import did_you_mean

        names = available_themes()
        hint = did_you_mean(name, names) or f"themes: {', '.join(names)}"
        return f"unknown theme '{printable(name)}'; the default theme is used", hint
    try:
        theme_from_file(path, base=_default())
        logo = load_mapping(path.read_text("utf-8")).values.get("logo")
        if isinstance(logo, str) and logo.strip():
            resolve_inside(path.parent, logo, what="logo")
    except PathRefused as refused:
        return f"theme logo not used: {refused.reason}", refused.hint
    except YamlProblem as problem:
        return f"theme file {path.name}: {problem.message}", "the default theme is used"
    except (OSError, ValueError) as exc:
        return f"theme file {path.name} cannot be read: {exc}", "the default theme is used"
    return None


def _default() -> Theme:
    path = themes_dir() / f"{DEFAULT_THEME}.yaml"
    try:
        return theme_from_file(path, base=Theme())
    except (OSError, ValueError, YamlProblem):
        return Theme()


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of ``#RRGGBB``."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio between two ``#RRGGBB`` colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
