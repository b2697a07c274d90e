"""The guard against PySide6 dropping references to None (see presenter/support/qtfix.py)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
{guard}
from PySide6.QtCore import QObject
probe = QObject()
for _ in range(20000):
    probe.setObjectName("probe")
print("survived")
"""


def run(guard: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT.format(guard=guard)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_many_void_qt_calls_survive_with_the_guard() -> None:
    result = run("from presenter.support.qtfix import guard_none_refcount; guard_none_refcount()")
    assert result.returncode == 0, result.stderr
    assert "survived" in result.stdout


def test_the_cli_applies_the_guard_first() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from presenter.cli import main; "
            "sys.argv=['presenter','--version']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sys.getrefcount(None) > 1 << 40)",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    expected = "True" if sys.version_info < (3, 12) else "False"
    assert result.stdout.strip().endswith(expected), result.stdout + result.stderr


def test_true_and_false_are_guarded_too() -> None:
    code = (
        "import sys\nfrom presenter.support.qtfix import guard_none_refcount\n"
        "guard_none_refcount()\n"
        "print(all(sys.getrefcount(x) > 1 << 40 for x in (None, True, False)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    expected = "True" if sys.version_info < (3, 12) else "False"
    assert result.stdout.strip() == expected, result.stderr
