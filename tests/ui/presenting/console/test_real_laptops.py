"""The console on real windows: laptops from 1024x768 up beside a 1920x1080 projector.

Qt's offscreen platform lays windows out but does not stop them growing past a screen,
which is how the console once spilled onto the projector. These tests start Xvfb with
two RandR monitors, run the sample workshop through every slide kind in a real X11
window (``laptop_driver.py`` beside this file, its own process), and check where the
windows are.
Screenshots go to ``$PRESENTER_SHOTS`` (or a temporary folder) to be looked at.

They skip, saying why, without Xvfb and xrandr (``apt-get install xvfb
x11-xserver-utils``) or Qt's xcb libraries. ``PRESENTER_TEST_DISPLAY=11`` picks the
display number; otherwise Xvfb chooses a free one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]
DRIVER = Path(__file__).with_name("laptop_driver.py")
PROJECTOR = (1920, 1080)
LAPTOPS = [(1024, 768), (1280, 800), (1366, 768), (1920, 1080)]

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xrandr")),
    reason="needs Xvfb and xrandr (apt-get install xvfb x11-xserver-utils)",
)


class Display:
    """One Xvfb server, wide enough for the largest laptop and the projector."""

    def __init__(self) -> None:
        width = max(w for w, _ in LAPTOPS) + PROJECTOR[0]
        height = max(max(h for _, h in LAPTOPS), PROJECTOR[1])
        wanted = os.environ.get("PRESENTER_TEST_DISPLAY")
        command = ["Xvfb", "-screen", "0", f"{width}x{height}x24", "+extension", "RANDR"]
        command += ["-noreset", "-nolisten", "tcp"]  # monitors survive client exits
        read, write = os.pipe()
        if wanted:
            command.insert(1, f":{wanted.lstrip(':')}")
        # Xvfb writes the display it took (the one asked for, or a free one) once ready.
        command += ["-displayfd", str(write)]
        self.process = subprocess.Popen(
            command, pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number.isdigit():
            self.close()
            pytest.skip("Xvfb did not start")
        self.name = f":{number}"
        self.env = {**os.environ, "DISPLAY": self.name, "QT_QPA_PLATFORM": "xcb"}
        for _ in range(50):
            if self.xrandr("--listmonitors", check=False).returncode == 0:
                break
            time.sleep(0.1)
        else:
            self.close()
            pytest.skip("Xvfb did not start")
        outputs = self.xrandr("--listmonitors").stdout
        self.output = outputs.split()[-1] if outputs.strip() else "screen"

    def xrandr(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["xrandr", *args], env=self.env, capture_output=True, text=True, check=check,
            timeout=20,
        )  # fmt: skip

    def monitors(self, laptop: tuple[int, int], projector: bool = True) -> None:
        """A laptop panel at the left and (optionally) the projector to its right."""
        for name in ("Laptop", "Projector"):
            self.xrandr("--delmonitor", name, check=False)
        w, h = laptop
        self.xrandr("--setmonitor", "Laptop", f"{w}/270x{h}/203+0+0", self.output)
        if projector:
            pw, ph = PROJECTOR
            self.xrandr("--setmonitor", "Projector", f"{pw}/508x{ph}/286+{w}+0", "none")

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="module")
def display() -> Iterator[Display]:
    server = Display()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def shots() -> Path:
    folder = os.environ.get("PRESENTER_SHOTS")
    path = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="presenter-shots-"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def drive(display: Display, out: Path, *flags: str) -> list[dict]:
    env = {**display.env, "PYTHONPATH": str(ROOT)}
    env.pop("QT_QPA_FONTDIR", None)  # the app registers its own bundled fonts
    result = subprocess.run(
        [sys.executable, str(DRIVER), str(out), *flags],
        env=env, capture_output=True, text=True, timeout=300, cwd=ROOT,
    )  # fmt: skip
    if "could not load the Qt platform plugin" in result.stderr:
        pytest.skip("Qt's xcb platform plugin cannot load here (missing xcb libraries)")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert records, result.stderr[-3000:]
    return records


@pytest.mark.parametrize("laptop", LAPTOPS, ids=[f"{w}x{h}" for w, h in LAPTOPS])
def test_console_fits_the_laptop_on_every_slide_kind(
    display: Display, shots: Path, laptop: tuple[int, int]
) -> None:
    display.monitors(laptop)
    records = drive(display, shots / f"{laptop[0]}x{laptop[1]}")
    kinds = {r["state"] for r in records}
    assert {"warning", "myth-ask", "discussion", "recap", "help", "end", "banners"} <= kinds
    for r in records:
        where = f"{r['state']} at {laptop}: console {r['console']}"
        assert r["console_fits"], f"the console leaves the laptop: {where}"
        assert not r["overlap"], f"the console covers the room's view: {where}"
        assert r["audience_screen"] == "Projector", where
        if r["state"] != "escaped":
            assert r["audience"] == r["screens"]["Projector"], where
            assert r["audience_fullscreen"], where
    # The layout does not jump between slide kinds: the columns keep their widths.
    assert len({tuple(r["columns"]) for r in records}) == 1, [r["columns"] for r in records]
    escaped = next(r for r in records if r["state"] == "escaped")
    assert escaped["banner_shown"] == "windowed"


@pytest.mark.parametrize("laptop", [(1024, 768), (1366, 768), (1920, 1080)])
def test_rehearsal_preview_never_covers_the_console(
    display: Display, shots: Path, laptop: tuple[int, int]
) -> None:
    display.monitors(laptop, projector=False)
    records = drive(display, shots / f"rehearse-{laptop[0]}x{laptop[1]}", "--rehearse")
    for r in records:
        where = f"{r['state']} at {laptop}: console {r['console']}, room {r['audience']}"
        assert r["console_visible"] and r["console_fits"], where
        assert not r["overlap"], where
    beside = records[0]["audience_visible"]
    assert beside == (laptop[0] >= 1280), "the room's view sits beside when there is room"


def test_unplugged_projector_keeps_the_console_and_the_blank(display: Display, shots: Path) -> None:
    display.monitors((1366, 768))
    records = {r["state"]: r for r in drive(display, shots / "unplug", "--unplug")}
    gone = records["unplugged"]
    assert gone["console_visible"] and gone["console_fits"], gone
    assert gone["banner_shown"] == "screens"
    assert gone["overlay"] == "black"
    room = records["unplugged-room-view"]
    assert room["audience_visible"] and room["room_view"] == "black", room
    assert not room["console_visible"]
    again = records["unplugged-console-again"]
    assert again["console_visible"] and again["console_fits"], again
    back = records["replugged"]
    assert back["audience_screen"] == "Projector" and back["audience_fullscreen"], back
    assert back["room_view"] == "black", "a blanked room stays blank through a replug"
    assert back["console_fits"], back
