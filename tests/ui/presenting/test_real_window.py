"""A real window under Xvfb: the app is killed mid-workshop, restarted, and one clicker
press continues the same session; nothing is thrown away.

Runs the app as a facilitator does (``presenter run``, X11, two monitors: a laptop and
a projector) and drives it with xdotool. Skips when Xvfb or xdotool is missing; CI
installs both (.ci/run). ``PRESENTER_XVFB_DISPLAY`` picks the display number (else
Xvfb picks a free one); ``PRESENTER_SCREENSHOTS`` names a folder to keep the shots in.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from presenter.core.record.journal import JournalFormatError
from presenter.core.record.store import LoadedSession, iter_session_folders, load_session
from tests.test_entry_points import DECK, ROOT, write_settings

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (apt-get install xvfb xdotool)",
)
LAPTOP = "1024/271x768/203+0+0"
PROJECTOR = "1920/508x1080/286+1024+0"


def wait_for(condition: Callable[[], object], what: str, timeout: float = 60.0) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def display() -> Iterator[str]:
    size = ["-screen", "0", "2944x1080x24", "+extension", "RANDR", "-noreset", "-nolisten", "tcp"]
    chosen = os.environ.get("PRESENTER_XVFB_DISPLAY")
    if chosen:
        server = subprocess.Popen(["Xvfb", chosen, *size], stderr=subprocess.DEVNULL)
        name = chosen
    else:
        read, write = os.pipe()
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write), *size],
                                  pass_fds=(write,), stderr=subprocess.DEVNULL)  # fmt: skip
        os.close(write)
        with os.fdopen(read) as pipe:
            name = ":" + pipe.readline().strip()
    env = {**os.environ, "DISPLAY": name}
    try:
        wait_for(lambda: subprocess.run(["xdotool", "getdisplaygeometry"], env=env,
                                        capture_output=True).returncode == 0, "Xvfb")  # fmt: skip
        if shutil.which("xrandr"):
            for monitor, geometry, output in (("Laptop", LAPTOP, "screen"),
                                              ("Projector", PROJECTOR, "none")):  # fmt: skip
                subprocess.run(["xrandr", "--setmonitor", monitor, geometry, output],
                               env=env, capture_output=True)  # fmt: skip
        yield name
    finally:
        server.terminate()
        server.wait(timeout=10)


class App:
    """``presenter run`` under X11, and the keys a clicker sends."""

    def __init__(self, deck: Path, env: dict[str, str], shots: Path) -> None:
        self.env, self.shots = env, shots
        self.process = subprocess.Popen(
            [sys.executable, "-m", "presenter", "run", str(deck)], cwd=ROOT, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip

    def window(self, name: str) -> str:
        def search() -> str:
            assert self.process.poll() is None, self.process.communicate()
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name],
                                   env=self.env, capture_output=True, text=True)  # fmt: skip
            return found.stdout.split()[0] if found.stdout.split() else ""

        return str(wait_for(search, f"the window {name!r}"))

    def press(self, window: str, key: str) -> None:
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=self.env, check=True)
        subprocess.run(["xdotool", "key", key], env=self.env, check=True)

    def shot(self, name: str) -> Path:
        path = self.shots / f"{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], env=self.env,
                       capture_output=True)  # fmt: skip
        return path

    def stop(self, sig: int) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        self.process.communicate(timeout=30)


def session_at(records: Path, slide: int) -> Callable[[], LoadedSession | None]:
    def check() -> LoadedSession | None:
        folders = list(iter_session_folders(records))
        try:
            sessions = [load_session(f) for f in folders]
        except (OSError, JournalFormatError):
            return None
        return sessions[0] if len(sessions) == 1 and sessions[0].state.slide == slide else None

    return check


def test_kill_9_restart_and_one_next_resumes(display: str, non_portable: Path, tmp_path: Path):
    records = tmp_path / "records"
    write_settings(non_portable, data_folder=str(records))
    deck = tmp_path / "deck"
    deck.mkdir()
    (deck / "deck.md").write_text(DECK, "utf-8")
    shots = Path(os.environ.get("PRESENTER_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}

    first = App(deck, env, shots)
    try:
        console = first.window("facilitator console")
        first.press(console, "Right")  # past the content warning
        first.press(console, "Right")  # slide 2
        before = wait_for(session_at(records, 1), "the journal at slide 2")
        first.shot("1-before-kill")
    finally:
        first.stop(signal.SIGKILL)  # the power cut
    assert isinstance(before, LoadedSession) and before.closed is None

    again = App(deck, env, shots)
    try:
        audience = again.window("(audience)")
        again.window("facilitator console")
        time.sleep(1.0)  # let both windows settle on their screens
        again.shot("2-offer-after-restart")
        again.press(audience, "Right")  # the one clicker press
        time.sleep(1.0)
        again.shot("3-after-one-next")
        resumed = session_at(records, 1)()
        assert resumed is not None, "one press must not throw the session away"
        assert resumed.folder == before.folder and not resumed.set_aside
        again.press(audience, "Right")  # presenting goes on in the same record
        wait_for(session_at(records, 2), "the same journal at slide 3")
        again.shot("4-next-slide")
    finally:
        again.stop(signal.SIGTERM)
    assert [f.name for f in iter_session_folders(records)] == [before.folder.name]
