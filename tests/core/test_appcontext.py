"""The application context: settings read once, folders, help and theme decided once."""

from __future__ import annotations

import json
from pathlib import Path

from presenter.core.appcontext import AppContext, Surface
from presenter.core.deck.model import HelpContact
from presenter.core.deck.parser import load_deck
from presenter.core.settings import DEFAULTS, Settings, SettingsStore
from tests.conftest import write_deck

DECK = """---
title: Context deck
theme: dark
---
# Hello
---
kind: help
---
## Support
"""
CONTACT = HelpContact("Settings helpline", "Phone 0800 000 111", "Always")


def write_settings(folder: Path, **values: object) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = {**Settings().to_dict(), **values}
    (folder / "settings.json").write_text(json.dumps(data), "utf-8")


def test_data_root_order_portable_then_settings_then_platform(
    non_portable: Path, tmp_path: Path, monkeypatch
) -> None:
    assert AppContext.load().data_root == non_portable  # nothing set: the platform's
    chosen = tmp_path / "records"
    write_settings(non_portable, data_folder=str(chosen))
    ctx = AppContext.load()
    assert ctx.data_root == chosen and ctx.sessions_folder == chosen / "sessions"
    assert ctx.logs_folder == chosen / "logs"
    assert not ctx.portable
    stick = tmp_path / "stick"
    monkeypatch.setenv("WORKSHOP_PRESENTER_PORTABLE", str(stick))
    ctx = AppContext.load(SettingsStore(non_portable))
    assert ctx.portable and ctx.data_root == stick  # portable always wins


def test_help_contacts_deck_first_then_settings(tmp_path: Path) -> None:
    deck = load_deck(write_deck(tmp_path / "d", DECK))
    ctx = AppContext.of(DEFAULTS.updated(help_contacts=(CONTACT,)))
    assert ctx.help_for(deck).contacts == (CONTACT,)
    assert ctx.help_for(deck).origin == "settings"
    (tmp_path / "d" / "help.yaml").write_text(
        "help:\n  - name: Beside the deck\n    reach: Desk\n", "utf-8"
    )
    assert ctx.help_for(deck).contacts[0].name == "Beside the deck"
    assert not AppContext.of(DEFAULTS).help_for(load_deck(write_deck(tmp_path / "e", DECK))).found


def test_theme_for_screen_and_paper(tmp_path: Path) -> None:
    deck = load_deck(write_deck(tmp_path / "d", DECK))
    plain = AppContext.of(DEFAULTS)
    chosen = AppContext.of(DEFAULTS.updated(default_theme="high-contrast"))
    assert plain.theme_for(deck) == "dark"
    assert chosen.theme_for(deck) == "high-contrast"
    assert chosen.theme_for(deck, "light") == "light"
    assert chosen.theme_for(deck, surface=Surface.PAPER) == "print"
    assert chosen.theme_for(deck, "deck", Surface.PAPER) == "dark"


def test_bad_settings_start_on_defaults_and_say_why(non_portable: Path) -> None:
    non_portable.mkdir(parents=True)
    path = non_portable / "settings.json"
    cases = {
        "wrong types": json.dumps({"schema": 2, "note_font_size": "big", "help_contacts": 3}),
        "nested": "[" * 100_000 + "]" * 100_000,
        "unreadable": "{not json",
        "not a mapping": "[1, 2]",
    }
    for name, text in cases.items():
        path.write_text(text, "utf-8")
        ctx = AppContext.load()
        assert ctx.settings.note_font_size == DEFAULTS.note_font_size, name
        assert ctx.problem and "settings.json" in ctx.problem, name
        assert ctx.problem in ctx.problem_text(), name
    path.write_text(json.dumps({"schema": 2, "note_font_size": "big", "decks_folder": "/x"}))
    ctx = AppContext.load()
    assert ctx.settings.decks_folder == "/x"  # what could be read is kept
    assert "note_font_size" in ctx.problem


def test_with_settings_keeps_the_store(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    ctx = AppContext.of(DEFAULTS, store)
    changed = ctx.with_settings(DEFAULTS.updated(console_language="fr"))
    assert changed.store is store and changed.language == "fr" and ctx.language == ""
