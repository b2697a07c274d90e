"""Each command pays only for what it uses: checked by the modules a real process loads
(never by timings, which a shared machine makes noisy)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from presenter import cli

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "understanding-trafficking"

PROBE = """
import json, sys
from presenter.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
"""


def loaded(*args: str, tmp_path: Path) -> set[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["WORKSHOP_PRESENTER_PORTABLE"] = str(tmp_path / "data")
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    line = [x for x in out.stderr.splitlines() if x.startswith("MODULES ")][-1]
    return set(json.loads(line.removeprefix("MODULES ")))


def heavy(modules: set[str], *prefixes: str) -> list[str]:
    return sorted(m for m in modules if m.startswith(prefixes))


@pytest.mark.parametrize("words", [["--version"], ["--help"], ["check", "--help"]])
def test_help_and_version_import_no_qt_no_markdown(words: list[str], tmp_path: Path) -> None:
    modules = loaded(*words, tmp_path=tmp_path)
    assert heavy(modules, "PySide6", "presenter.export", "presenter.render", "presenter.ui") == []
    if words[0].startswith("-"):
        assert heavy(modules, "markdown", "yaml", "presenter.commands", "presenter.core") == []


def test_check_without_render_imports_no_qt(tmp_path: Path) -> None:
    modules = loaded("check", "--no-render", str(DECK), tmp_path=tmp_path)
    assert "presenter.core.deck.checker" in modules  # it did check
    assert heavy(modules, "PySide6", "presenter.export", "presenter.ui") == []


def test_check_with_layout_needs_only_qtgui(tmp_path: Path) -> None:
    modules = loaded("check", str(DECK), tmp_path=tmp_path)
    assert "presenter.render.checks" in modules
    assert heavy(modules, "PySide6.QtWidgets", "presenter.export", "presenter.ui") == []


def test_pdf_export_imports_no_widgets(tmp_path: Path) -> None:
    out = tmp_path / "slides.pdf"
    modules = loaded("export", str(DECK), "--pdf", str(out), tmp_path=tmp_path)
    assert out.is_file() and out.stat().st_size > 1000
    assert heavy(modules, "PySide6.QtWidgets", "presenter.ui", "presenter.core.report.build") == []


def test_listed_help_is_each_commands_own() -> None:
    parser = cli.build_parser()  # every command in full
    actions = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    listed = {choice.dest: choice.help for choice in actions[0]._choices_actions}
    assert listed == {name: help_text for name, (_, help_text) in cli.COMMANDS.items()}


def test_a_deck_named_like_a_command_is_still_a_deck() -> None:
    assert cli.chosen_command(["check", "run"]) == "check"
    assert cli.chosen_command(["--version"]) is None
    assert cli.chosen_command(["nonsense"]) is None


def test_parsing_a_deck_never_scans_installed_packages(tmp_path: Path) -> None:
    modules = loaded("check", "--no-render", str(DECK), tmp_path=tmp_path)
    assert "markdown.extensions.tables" in modules  # the deck was parsed
    assert "importlib.metadata" not in modules  # Markdown looks extensions up by name there


def test_markdown_comes_without_pygments(tmp_path: Path) -> None:
    # Python-Markdown's fenced code imports Pygments for highlighting slides never use.
    modules = loaded("check", str(DECK), tmp_path=tmp_path)
    assert "markdown.extensions.fenced_code" in modules
    assert heavy(modules, "pygments") == []


def test_pygments_hidden_only_for_that_import(tmp_path: Path) -> None:
    code = (
        "from presenter.core.deck.mdown import SlideMarkdown\n"
        "html = SlideMarkdown(None).convert('```py\\nx = 1 < 2\\n```')\n"
        "assert html == '<pre><code>x = 1 &lt; 2</code></pre>', html\n"
        "import pygments\n"  # anyone else still gets it
        "print('ok')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.stdout.strip() == "ok", out.stderr
