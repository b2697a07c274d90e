"""Slides in every bundled script, and emoji, on a machine with no fonts of its own.

The drawing runs in a child process whose fontconfig lists no font folders, so the
bundled fonts are all there is: any box (a character no font draws), any Qt font
warning, or a slide identical to the same slide drawn with boxes fails the test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DRIVER = ROOT / "tests" / "render" / "scripts_driver.py"
NO_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def run_driver(tmp_path: Path, *args: str) -> dict[str, object]:
    conf = tmp_path / "fonts.conf"
    conf.write_text(NO_FONTS.format(cache=tmp_path / "fc-cache"), "utf-8")
    env = {
        **os.environ,
        "FONTCONFIG_FILE": str(conf),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("FONTCONFIG_PATH", None)
    done = subprocess.run(
        [sys.executable, str(DRIVER), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    tmp = tmp_path_factory.mktemp("scripts")
    return run_driver(tmp, str(tmp))


def test_every_script_renders_without_boxes_or_font_warnings(drawn: dict[str, object]) -> None:
    samples = drawn["samples"]
    assert isinstance(samples, dict)
    assert {"devanagari", "bengali", "thai", "khmer", "myanmar", "ethiopic", "arabic"} <= set(
        samples
    ) and {"hebrew", "emoji", "mixed"} <= set(samples)
    boxes = {name: s["undrawable"] for name, s in samples.items() if s["undrawable"]}
    assert not boxes, f"characters no bundled font draws: {boxes}"
    same = [name for name, s in samples.items() if not s["differs_from_boxes"]]
    assert not same, f"drawn as boxes: {same}"
    assert drawn["warnings"] == []


def test_without_system_fonts_cjk_is_reported_not_hidden(tmp_path: Path) -> None:
    """The check can fail: with no system fonts, Chinese has no face and is named."""
    script = (
        "import json\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(['x', '-platform', 'offscreen'])\n"
        "from presenter.render.fonts import undrawable\n"
        "print(json.dumps(undrawable('中文 हिन्दी 📱 \\ue000')))\n"
    )
    (tmp_path / "cjk.py").write_text(script, "utf-8")
    conf = tmp_path / "fonts.conf"
    conf.write_text(NO_FONTS.format(cache=tmp_path / "fc-cache"), "utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(tmp_path / "cjk.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == ["中", "文", "\ue000"]


def test_a_font_pack_in_the_data_folder_is_loaded(tmp_path: Path, monkeypatch) -> None:
    from presenter.render import fonts

    pack = tmp_path / "fonts"
    pack.mkdir()
    (pack / "MyCJK.ttf").write_bytes(b"")  # only listed here, not loaded
    (pack / "notes.txt").write_text("not a font")
    monkeypatch.setenv("WORKSHOP_PRESENTER_PORTABLE", str(tmp_path))
    files = fonts.font_files()
    assert str(pack / "MyCJK.ttf") in files and str(pack / "notes.txt") not in files
    assert files.index(str(pack / "MyCJK.ttf")) > files.index(
        str(fonts.asset("fonts", "NotoEmoji-Regular.ttf"))
    )  # bundled faces first
