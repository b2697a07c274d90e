"""Settings: declared once, round-trip through JSON, migrate, never trust the file."""

from __future__ import annotations

import json
from pathlib import Path

from presenter.core.deck.model import HelpContact
from presenter.core.settings import (
    DEFAULTS,
    SCHEMA_VERSION,
    Settings,
    SettingsStore,
    from_dict,
    migrate,
)


def test_defaults_when_no_file(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    assert store.load() == DEFAULTS
    assert store.problem == ""


def test_round_trip_every_field(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    settings = Settings(
        default_theme="high-contrast",
        note_font_size=28,
        pacing_amber_minutes=3.0,
        pacing_red_minutes=8.0,
        preferred_screen=2,
        data_folder=str(tmp_path / "data"),
        decks_folder=str(tmp_path / "decks"),
        recent_decks=("a/deck.md", "b/deck.md"),
        console_language="fr",
        help_contacts=(HelpContact("Local line", "Call 123", "Any time"),),
        first_run_done=True,
        countdown_sound=True,
    )
    store.save(settings)
    stored = json.loads(store.path.read_text("utf-8"))
    assert stored["schema"] == SCHEMA_VERSION
    assert SettingsStore(tmp_path).load() == settings


def test_window_state_is_kept_apart(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.save(DEFAULTS.updated(note_font_size=30))
    store.save_window_state({"home": "abc"})
    assert "home" not in store.path.read_text("utf-8")
    assert store.load_window_state() == {"home": "abc"}
    store.window_state_path.write_text("not json", "utf-8")
    assert store.load_window_state() == {}
    assert store.load().note_font_size == 30


def test_migrates_version_1(tmp_path: Path) -> None:
    old = {"schema": 1, "pacing_warn_minutes": 4, "user_decks": "/decks", "note_font_size": 22}
    assert migrate(old)["schema"] == SCHEMA_VERSION
    (tmp_path / "settings.json").write_text(json.dumps(old), "utf-8")
    loaded = SettingsStore(tmp_path).load()
    assert loaded.pacing_amber_minutes == 4.0
    assert loaded.decks_folder == "/decks"
    assert loaded.note_font_size == 22


def test_file_without_schema_is_version_1() -> None:
    assert from_dict({"user_decks": "/x"}).decks_folder == "/x"


def test_bad_values_fall_back_per_key() -> None:
    loaded = from_dict(
        {
            "schema": SCHEMA_VERSION,
            "note_font_size": "huge",
            "pacing_amber_minutes": True,
            "recent_decks": "not a list",
            "default_theme": "dark",
            "unknown_key": 1,
        }
    )
    assert loaded.note_font_size == DEFAULTS.note_font_size
    assert loaded.pacing_amber_minutes == DEFAULTS.pacing_amber_minutes
    assert loaded.recent_decks == ()
    assert loaded.default_theme == "dark"


def test_values_are_clamped() -> None:
    loaded = from_dict({"note_font_size": 400, "pacing_amber_minutes": 6, "pacing_red_minutes": 2})
    assert loaded.note_font_size == 48
    assert loaded.pacing_red_minutes >= loaded.pacing_amber_minutes


def test_broken_or_newer_file_gives_defaults_and_says_why(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.path.write_text("{broken", "utf-8")
    assert store.load() == DEFAULTS
    assert "settings.json" in store.problem
    store.path.write_text(json.dumps({"schema": SCHEMA_VERSION + 1}), "utf-8")
    assert store.load() == DEFAULTS
    assert "newer" in store.problem


def test_save_is_atomic_and_leaves_no_temp_file(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "new")
    store.save(DEFAULTS)
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == ["settings.json"]


def test_recent_decks_most_recent_first_without_duplicates() -> None:
    settings = DEFAULTS.with_recent("a").with_recent("b").with_recent("a")
    assert settings.recent_decks == ("a", "b")
    for n in range(20):
        settings = settings.with_recent(str(n))
    assert len(settings.recent_decks) == 10


def test_countdown_sound_is_off_by_default_and_only_a_flag() -> None:
    assert DEFAULTS.countdown_sound is False
    # A file from before the setting existed keeps the quiet default.
    assert from_dict({"schema": SCHEMA_VERSION}).countdown_sound is False
    assert from_dict({"countdown_sound": True}).countdown_sound is True
    assert from_dict({"countdown_sound": "yes"}).countdown_sound is False
