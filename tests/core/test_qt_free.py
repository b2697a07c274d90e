"""The core must import without Qt: it is what keeps it testable, fast and reusable."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import presenter.core

ROOT = Path(__file__).resolve().parents[2]

BLOCKER = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name == "shiboken6":
            raise ImportError("Qt is not allowed in presenter.core: " + name)
        return None
sys.meta_path.insert(0, Block())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
assert not any(m.startswith("PySide6") for m in sys.modules), "Qt leaked in"
print("ok", len(sys.argv) - 1)
"""


def core_modules() -> list[str]:
    """Every module below presenter.core, its sub-packages included."""
    found = pkgutil.walk_packages(presenter.core.__path__, prefix="presenter.core.")
    return [info.name for info in found]


def test_core_has_modules() -> None:
    assert "presenter.core.deck.parser" in core_modules()


def test_every_core_module_imports_with_qt_blocked() -> None:
    modules = [
        "presenter.core",
        *core_modules(),
        "presenter.commands.check",
        "presenter.support",
        "presenter.support.i18n",
        "presenter.support.datadir",
        "presenter.support.resources",
        "presenter.support.safewrite",
    ]
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, *modules],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


def test_blocker_really_blocks() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, "PySide6.QtCore"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Qt is not allowed" in result.stderr
