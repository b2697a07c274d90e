"""The user's settings: declared once here, with defaults and a schema version.

Qt-free. Settings live as JSON in the data folder (the portable folder, else the
platform's), written atomically so a crash never leaves half a file. Window state
(geometry, splitter positions) is kept apart in ``window-state.json``: throwing it away
never loses a preference. Unknown keys are dropped, wrong types fall back to the
default, and older files are migrated step by step to :data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from presenter.core.deck.model import HelpContact
from presenter.support.datadir import data_dir
from presenter.support.safewrite import atomic_write_text

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2
SETTINGS_FILE = "settings.json"
WINDOW_STATE_FILE = "window-state.json"
MAX_RECENT = 10
NOTE_SIZES = (14, 48)


@dataclass(frozen=True)
class Settings:
    """Every preference, with its default. Immutable: change with :meth:`updated`."""

    default_theme: str = ""  # "" keeps each deck's own theme
    note_font_size: int = 20
    pacing_amber_minutes: float = 2.0  # behind plan by this much: amber
    pacing_red_minutes: float = 5.0  # behind plan by this much: red
    preferred_screen: int = 0  # 0: choose automatically; 1, 2, ...: that screen
    data_folder: str = ""  # "" uses the standard folder
    decks_folder: str = ""  # the organizer's own decks
    recent_decks: tuple[str, ...] = ()
    console_language: str = ""  # "" follows the system
    help_contacts: tuple[HelpContact, ...] = ()
    first_run_done: bool = False
    countdown_sound: bool = False  # a soft chime when a discussion countdown runs out

    def updated(self, **changes: Any) -> Settings:
        return normalised(replace(self, **changes))

    def with_recent(self, deck_path: str | Path) -> Settings:
        """``deck_path`` first in the recent list, without duplicates."""
        key = str(deck_path)
        recent = (key, *(p for p in self.recent_decks if p != key))
        return replace(self, recent_decks=recent[:MAX_RECENT])

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"schema": SCHEMA_VERSION}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "help_contacts":
                value = [{"name": c.name, "reach": c.reach, "when": c.when} for c in value]
            elif isinstance(value, tuple):
                value = list(value)
            data[f.name] = value
        return data


DEFAULTS = Settings()


def _contacts(value: object) -> tuple[HelpContact, ...]:
    if not isinstance(value, list):
        raise TypeError("help_contacts must be a list")
    found = []
    for item in value:
        if isinstance(item, Mapping) and str(item.get("name", "")).strip():
            found.append(
                HelpContact(
                    name=str(item.get("name", "")).strip(),
                    reach=str(item.get("reach", "")).strip(),
                    when=str(item.get("when", "")).strip(),
                )
            )
    return tuple(found)


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return tuple(str(v) for v in value if isinstance(v, str) and v)


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("expected a number")
    return float(value)


def _integer(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("expected a whole number")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError("expected true or false")
    return value


CONVERTERS: dict[str, Callable[[object], Any]] = {
    "default_theme": _text,
    "note_font_size": _integer,
    "pacing_amber_minutes": _number,
    "pacing_red_minutes": _number,
    "preferred_screen": _integer,
    "data_folder": _text,
    "decks_folder": _text,
    "recent_decks": _strings,
    "console_language": _text,
    "help_contacts": _contacts,
    "first_run_done": _flag,
    "countdown_sound": _flag,
}


def normalised(settings: Settings) -> Settings:
    """Values pulled back into range, so the rest of the app can trust them."""
    low, high = NOTE_SIZES
    amber = min(max(settings.pacing_amber_minutes, 0.5), 60.0)
    red = min(max(settings.pacing_red_minutes, amber), 120.0)
    return replace(
        settings,
        note_font_size=min(max(settings.note_font_size, low), high),
        pacing_amber_minutes=amber,
        pacing_red_minutes=red,
        preferred_screen=max(settings.preferred_screen, 0),
        recent_decks=settings.recent_decks[:MAX_RECENT],
    )


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older settings mapping up to :data:`SCHEMA_VERSION`."""
    version = data.get("schema", 1)
    if not isinstance(version, int) or version < 1:
        version = 1
    data = dict(data)
    if version < 2:
        # Version 1 kept one "pacing_warn_minutes" and called the decks folder "user_decks".
        if "pacing_warn_minutes" in data:
            data["pacing_amber_minutes"] = data.pop("pacing_warn_minutes")
        if "user_decks" in data:
            data["decks_folder"] = data.pop("user_decks")
        version = 2
    data["schema"] = version
    return data


def from_dict(data: Mapping[str, Any], problems: list[str] | None = None) -> Settings:
    """Settings from a stored mapping: unknown keys dropped, bad values defaulted.

    Each value that had to be replaced by its default is described in ``problems``."""
    data = migrate(dict(data))
    values: dict[str, Any] = {}
    for name, convert in CONVERTERS.items():
        if name in data:
            try:
                values[name] = convert(data[name])
            except (TypeError, ValueError) as error:
                if problems is not None:
                    problems.append(f"{name}: {error}; the default is used")
                continue
    return normalised(Settings(**values))


@dataclass
class SettingsStore:
    """Reads and writes the settings file (and the window state beside it)."""

    folder: Path = field(default_factory=data_dir)
    problem: str = ""  # why the last load fell back to the defaults, if it did

    @property
    def path(self) -> Path:
        return self.folder / SETTINGS_FILE

    @property
    def window_state_path(self) -> Path:
        return self.folder / WINDOW_STATE_FILE

    def load(self) -> Settings:
        self.problem = ""
        try:
            raw = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return DEFAULTS
        except RecursionError:
            self.problem = f"{self.path}: nested too deeply to be a settings file"
            return DEFAULTS
        except (OSError, ValueError) as error:
            self.problem = f"{self.path}: {error}"
            return DEFAULTS
        if not isinstance(raw, dict):
            self.problem = f"{self.path}: not a settings file"
            return DEFAULTS
        if isinstance(raw.get("schema"), int) and raw["schema"] > SCHEMA_VERSION:
            self.problem = f"{self.path}: written by a newer version; using defaults"
            return DEFAULTS
        problems: list[str] = []
        settings = from_dict(raw, problems)
        if problems:
            self.problem = f"{self.path}: " + "; ".join(problems)
        return settings

    def save(self, settings: Settings) -> None:
        """Write atomically. Raises OSError if the folder cannot be written."""
        self.folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(settings.to_dict(), indent=2, ensure_ascii=False)
        atomic_write_text(self.path, text + "\n")

    def load_window_state(self) -> dict[str, str]:
        try:
            raw = json.loads(self.window_state_path.read_text("utf-8"))
        except (OSError, ValueError, RecursionError):
            return {}
        if not isinstance(raw, dict):
            return {}
        return {str(k): str(v) for k, v in raw.items() if isinstance(v, str)}

    def save_window_state(self, state: Mapping[str, str]) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.window_state_path, json.dumps(dict(state), indent=2))
        except OSError as error:  # losing a window position is never worth a message
            log.warning("window state not saved to %s: %s", self.window_state_path, error)
