"""The work-arounds of presenter/support/qtfix.py: the guard against PySide6 dropping
references to None, its import hook answered without reading sources, and the bytecode
of its embedded sources kept between starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
read = []
_update = linecache.updatecache
def updatecache(filename, *args):
    read.append(filename)
    return _update(filename, *args)
linecache.updatecache = updatecache
import PySide6.QtCore
{lighten}
import fresh_module
from shibokensupport import feature
print(fresh_module.__file__ in read, feature.pyside_feature_dict.get("fresh_module"))
print("kept:", fresh_module.__file__ in linecache.cache)
try:
    fresh_module.fail()
except ZeroDivisionError:
    import traceback
    print("line shown:", "1 / 0" in traceback.format_exc())
"""

LIGHTEN = "from presenter.support.qtfix import lighten_import_hook; lighten_import_hook()"


def sources_read(tmp_path, lighten: str) -> list[str]:  # type: ignore[no-untyped-def]
    (tmp_path / "fresh_module.py").write_text(
        "from PySide6.QtCore import QObject\n\n\ndef fail():\n    return 1 / 0\n", "utf-8"
    )
    script = SOURCES_SCRIPT.format(folder=str(tmp_path), lighten=lighten)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_pyside_import_hook_reads_no_module_source(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Without the fix the hook reads the module's whole source and linecache keeps it.
    assert sources_read(tmp_path, "")[:2] == ["True 0", "kept: True"]
    lightened = sources_read(tmp_path, LIGHTEN)
    assert lightened[0] == "False 0"  # not read, and marked as selecting no features
    assert lightened[1] == "kept: False"
    assert lightened[2] == "line shown: True"  # tracebacks still read the source


FEATURES_SCRIPT = """
import sys
sys.path.insert(0, {folder!r})
{lighten}
import snake, plain
print(snake.name(), plain.name())
"""


def test_a_module_selecting_pyside_features_still_gets_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A __feature__ import still selects for its own module, and the others keep Qt's
    # own names (with "not tracked" they would follow the last selection made).
    (tmp_path / "snake.py").write_text(
        "from __feature__ import snake_case\nfrom PySide6.QtCore import QObject\n\n\n"
        "def name():\n    o = QObject()\n    o.set_object_name('snake')\n"
        "    return o.object_name()\n",
        "utf-8",
    )
    (tmp_path / "plain.py").write_text(
        "from PySide6.QtCore import QObject\n\n\n"
        "def name():\n    o = QObject()\n    o.setObjectName('plain')\n"
        "    return o.objectName()\n",
        "utf-8",
    )
    script = FEATURES_SCRIPT.format(folder=str(tmp_path), lighten=LIGHTEN)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "snake plain"


def test_windows_and_renderer_packages_read_no_module_source() -> None:
    code = (
        "import linecache, PySide6.QtCore, presenter.render, presenter.ui.app\n"
        "from shibokensupport import feature\n"
        "print(sorted(f for f in linecache.cache if 'presenter' in f),"
        " feature.pyside_feature_dict.get('presenter.ui.presenting.audience'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[] 0"


KEPT_SCRIPT = """
import builtins, sys
compiled = []
_compile = builtins.compile
def counting(source, filename, *args, **kwargs):
    compiled.append(filename)
    return _compile(source, filename, *args, **kwargs)
builtins.compile = counting
from presenter.support.qtfix import lighten_import_hook
lighten_import_hook()
from PySide6.QtCore import QObject
try:  # the message is made by the embedded signature modules
    QObject().setObjectName(1)
except TypeError as error:
    signature = str(error)
kept = sum(f.startswith("shibokensupport/") for f in compiled)
print(kept, "setObjectName(name: str" in signature)
"""


def kept_run(cache: Path) -> tuple[int, bool]:
    env = {**os.environ, "WORKSHOP_PRESENTER_CACHE": str(cache)}
    result = subprocess.run(
        [sys.executable, "-c", KEPT_SCRIPT], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr
    compiled, signatures = result.stdout.split()
    return int(compiled), signatures == "True"


def test_pysides_embedded_sources_are_compiled_once_and_kept(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    compiled, signatures = kept_run(cache)
    assert compiled >= 10 and signatures  # the first start compiles them, as PySide does
    kept = sorted(cache.rglob("*.code"))
    assert len(kept) >= compiled - 1
    assert kept_run(cache) == (0, True)  # then reads them: signatures still work

    for path in kept[:3]:  # damaged (a full disk, a cut copy): compiled again
        path.write_bytes(path.read_bytes()[:20])
    assert kept_run(cache) == (3, True)
    assert kept_run(cache) == (0, True)


def test_a_cache_that_cannot_be_written_only_costs_the_compiling(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    compiled, signatures = kept_run(blocked / "cache")
    assert compiled >= 10 and signatures
    assert kept_run(blocked / "cache")[0] == compiled  # nothing kept, nothing broken


def test_the_packages_load_no_qt_until_something_needs_it(tmp_path: Path) -> None:
    # Whichever module imports PySide6 first (here an exporter, which imports it before
    # any of the renderer), the hook is answered and the bytecode kept from then on.
    code = (
        "import sys, linecache, presenter.render, presenter.ui, presenter.export\n"
        "print('shiboken6' in sys.modules, 'PySide6' in sys.modules)\n"
        "import presenter.export.pdf, presenter.render.renderer\n"
        "from shibokensupport import feature\n"
        "print(getattr(feature._mod_uses_pyside, '_presenter_reads_no_source', False),\n"
        "      sorted(f for f in linecache.cache if 'presenter' in f))"
    )
    env = {**os.environ, "WORKSHOP_PRESENTER_CACHE": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["False False", "True []"]
    assert len(list((tmp_path / "cache").rglob("*.code"))) >= 10


def test_no_cache_folder_at_all_only_costs_the_compiling(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from presenter.support import qtfix

    def nowhere() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(qtfix, "_bytecode_dir", nowhere)
    with qtfix._keeping_bytecode():
        code = compile("x = 1", "shibokensupport/probe.py", "exec")
    namespace: dict[str, object] = {}
    exec(code, namespace)
    assert namespace["x"] == 1


def test_the_frozen_app_arms_the_fixes_before_pysides_own_start() -> None:
    spec = (Path(__file__).resolve().parents[2] / "build.spec").read_text("utf-8")
    assert 'runtime_hooks=[str(ROOT / "presenter" / "support" / "frozen_start.py")]' in spec
    code = (
        "import runpy, sys; runpy.run_module('presenter.support.frozen_start'); "
        "print(any(type(f).__name__ == '_ShibokenWatch' for f in sys.meta_path))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.strip() == "True", result.stderr


def test_a_full_disk_leaves_no_half_written_entry(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from presenter.support import qtfix

    def full(self: Path, data: bytes) -> int:
        Path.write_text(self, "half")  # what a full disk leaves
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(qtfix, "_bytecode_dir", lambda: tmp_path / "cache")
    monkeypatch.setattr(Path, "write_bytes", full)
    with qtfix._keeping_bytecode():
        code = compile("x = 2", "shibokensupport/probe.py", "exec")
    assert isinstance(code, type(compile("", "", "exec")))
    assert list((tmp_path / "cache").iterdir()) == []
