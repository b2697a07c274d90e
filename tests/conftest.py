"""Test setup shared by every test: offscreen Qt with two screens, isolated user data.

Qt's offscreen platform reads a JSON file of screens, which gives the tests a laptop
screen and a projector, so two-screen placement is tested without hardware.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
DECKS = ROOT / "decks"

SCREENS = {
    "screens": [
        {
            "name": "Laptop",
            "x": 0,
            "y": 0,
            "width": 1366,
            "height": 768,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
        {
            "name": "Projector",
            "x": 1366,
            "y": 0,
            "width": 1920,
            "height": 1080,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
    ]
}

_screens_file = Path(tempfile.gettempdir()) / f"presenter-test-screens-{os.getpid()}.json"
_screens_file.write_text(json.dumps(SCREENS), "utf-8")
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screens_file}"
os.environ.setdefault("QT_QPA_FONTDIR", str(ROOT / "assets" / "fonts"))

# User data never touches the real profile: settings and journals go to a temp folder.
_data_root = Path(tempfile.mkdtemp(prefix="presenter-test-data-"))
os.environ["WORKSHOP_PRESENTER_PORTABLE"] = str(_data_root)
os.environ["XDG_CONFIG_HOME"] = str(_data_root / "config")
os.environ["XDG_DATA_HOME"] = str(_data_root / "data")
os.environ["LANG"] = "en_GB.UTF-8"
os.environ.pop("LC_ALL", None)
os.environ.pop("LC_MESSAGES", None)
os.environ.pop("LANGUAGE", None)  # the console language follows LANG in tests

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Hypothesis: quick for developers, thorough in CI (CI=true), or as HYPOTHESIS_PROFILE says.
_FUZZ = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "derandomize": True,
}
settings.register_profile("dev", max_examples=150, **_FUZZ)
settings.register_profile("thorough", max_examples=2000, **_FUZZ)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE")
    or ("thorough" if os.environ.get("CI", "").lower() == "true" else "dev")
)

from presenter.support.qtfix import guard_none_refcount  # noqa: E402 (after sys.path is set)

guard_none_refcount()  # before any Qt call in any test; see presenter/support/qtfix.py


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty user-data folder for one test."""
    folder = tmp_path / "userdata"
    folder.mkdir()
    monkeypatch.setenv("WORKSHOP_PRESENTER_PORTABLE", str(folder))
    return folder


@pytest.fixture
def sample_decks() -> list[Path]:
    from presenter.core.deck.locate import find_decks

    return find_decks(DECKS)


def write_deck(folder: Path, text: str, name: str = "deck.md") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def non_portable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app as installed, not portable: no WORKSHOP_PRESENTER_PORTABLE, and HOME and
    the XDG folders in a temporary folder. Returns the platform data folder (where the
    settings file lives); the rest of the suite runs in portable mode, which always wins
    over the Settings' data folder and so would hide every bug of that folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.delenv("WORKSHOP_PRESENTER_PORTABLE", raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("WORKSHOP_PRESENTER_CACHE", raising=False)
    from presenter.support.datadir import platform_data_dir

    folder = platform_data_dir()
    assert str(folder).startswith(str(home))
    return folder


@pytest.fixture(autouse=True)
def _crashes_name_their_test(request: pytest.FixtureRequest) -> None:
    """Point Python's fault handler back at pytest's copy of the real stderr before each
    test. Tests that run ``cli.main`` in-process point it at the app's log file, or at
    file descriptor 2, which pytest captures per test: a crash in a later test then
    vanished with that test's capture, and CI saw only the signal."""
    import faulthandler

    try:  # pytest's own plugin keeps the copy; without it, leave things as they are
        from _pytest.faulthandler import fault_handler_stderr_fd_key
    except ImportError:
        return
    fd = request.config.stash.get(fault_handler_stderr_fd_key, None)
    if fd is not None:
        faulthandler.enable(file=fd, all_threads=True)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Should the process still crash on its way out, say where: pytest's own fault
    handler is off by now."""
    import faulthandler

    faulthandler.enable(file=sys.__stderr__, all_threads=True)
