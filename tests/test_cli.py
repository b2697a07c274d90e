"""End-to-end: the ``presenter`` command as a user runs it, in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def presenter(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presenter", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


GOOD = "---\ntitle: T\ncontent_warning: none\n---\n# Hello\n"
WARN = "---\ntitle: T\n---\n# Hello\n"
BAD = "---\ntitle: T\ncontent_warning: none\n---\n---\nkind: mith\n---\n# Hello\n"


@pytest.fixture
def decks(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in (("good", GOOD), ("warn", WARN), ("bad", BAD)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "deck.md").write_text(text, "utf-8")
        out[name] = folder
    return out


def test_version_and_help() -> None:
    assert presenter("--version").stdout.startswith("Workshop Presenter ")
    result = presenter("--help")
    assert result.returncode == 0
    assert "check" in result.stdout


def test_check_clean_deck_exits_0(decks) -> None:
    result = presenter("check", "--no-render", str(decks["good"]))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors, 0 warnings" in result.stderr


def test_check_warnings_exit_0_or_1_with_strict(decks) -> None:
    assert presenter("check", "--no-render", str(decks["warn"])).returncode == 0
    result = presenter("check", "--no-render", "--strict", str(decks["warn"]))
    assert result.returncode == 1
    assert "deck.md:1:1: warning: the deck has no content_warning" in result.stdout


def test_check_errors_exit_1_with_file_line(decks) -> None:
    result = presenter("check", "--no-render", str(decks["bad"]))
    assert result.returncode == 1
    expected = str(decks["bad"] / "deck.md") + ":6:1: error: unknown slide kind 'mith'"
    assert expected in result.stdout


def test_check_json(decks) -> None:
    result = presenter("check", "--no-render", "--json", str(decks["bad"]), str(decks["good"]))
    data = json.loads(result.stdout)
    assert data["errors"] == 1
    (error,) = [d for d in data["diagnostics"] if d["level"] == "error"]
    assert error["line"] == 6 and error["hint"] == "did you mean 'myth'?"


def test_check_missing_and_binary_files(tmp_path: Path) -> None:
    binary = tmp_path / "deck.md"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    result = presenter("check", str(tmp_path / "nope"), str(binary))
    assert result.returncode == 1
    assert "no such file or folder" in result.stdout
    assert "binary" in result.stdout


def test_wrong_usage_exits_2() -> None:
    assert presenter("check").returncode == 2
    assert presenter("no-such-command").returncode == 2


def test_every_command_speaks_the_settings_language(decks, data_dir: Path) -> None:
    from dataclasses import replace

    from presenter.core.settings import DEFAULTS, SettingsStore

    SettingsStore().save(replace(DEFAULTS, console_language="es"))
    result = presenter("check", "--no-render", str(decks["good"]))
    assert "Revisión de 1 presentación: 0 errores, 0 advertencias" in result.stderr
    SettingsStore().save(replace(DEFAULTS, console_language="ar"))
    result = presenter("check", "--no-render", str(decks["good"]))
    assert "عرض واحد" in result.stderr and "لا أخطاء" in result.stderr
