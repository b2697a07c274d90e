"""The layering contracts in pyproject.toml hold (``lint-imports``), and the check can
fail: a contract the code breaks on purpose is reported broken."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BROKEN = """
[tool.importlinter]
root_package = "presenter"

[[tool.importlinter.contracts]]
name = "The GUI may not use the core (false: it must)"
type = "forbidden"
source_modules = ["presenter.ui"]
forbidden_modules = ["presenter.core"]
"""


def lint_imports(config: Path) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("importlinter")
    found = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [found, "--config", str(config), "--no-cache"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_contracts_are_kept() -> None:
    result = lint_imports(ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    declared = (ROOT / "pyproject.toml").read_text("utf-8").count("[[tool.importlinter.contracts]]")
    assert declared >= 6 and f"{declared} kept, 0 broken" in result.stdout


def test_a_broken_contract_is_reported(tmp_path: Path) -> None:
    config = tmp_path / "broken.toml"
    config.write_text(BROKEN, "utf-8")
    result = lint_imports(config)
    assert result.returncode != 0 and "BROKEN" in result.stdout
