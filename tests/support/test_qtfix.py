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


SOURCES_SCRIPT = """
import linecache, sys
sys.path.insert(0, {folder!r})
import PySide6.QtCore
{spare}
import fresh_module
from shibokensupport import feature
print(fresh_module.__file__ in linecache.cache, feature.pyside_feature_dict.get("fresh_module"))
try:
    fresh_module.fail()
except ZeroDivisionError:
    import traceback
    print("line shown:", "1 / 0" in traceback.format_exc())
"""


def sources_kept(tmp_path, spare: str) -> str:  # type: ignore[no-untyped-def]
    (tmp_path / "fresh_module.py").write_text(
        "from PySide6.QtCore import QObject\n\n\ndef fail():\n    return 1 / 0\n", "utf-8"
    )
    script = SOURCES_SCRIPT.format(folder=str(tmp_path), spare=spare)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_pyside_import_hook_leaves_no_module_source_in_linecache(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Without the fix the hook's inspect.getsource keeps every line of the module.
    assert sources_kept(tmp_path, "").splitlines()[0] == "True 0"
    spared = sources_kept(
        tmp_path, "from presenter.support.qtfix import spare_linecache; spare_linecache()"
    ).splitlines()
    assert spared[0] == "False 0"  # the hook's answer kept: the module uses PySide6
    assert spared[1] == "line shown: True"  # tracebacks still read the source


def test_windows_and_renderer_packages_spare_linecache() -> None:
    code = (
        "import linecache, PySide6.QtCore, presenter.render, presenter.ui.app\n"
        "print(sorted(f for f in linecache.cache if 'presenter' in f))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
