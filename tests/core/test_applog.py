"""The log file: set up once, crashes go into it after a rotation too, nothing lost
silently (a snapshot that cannot be written is logged)."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from presenter.core import applog
from presenter.core.deck.parser import load_deck
from presenter.core.record.resume import start_session
from presenter.core.session.clock import FakeClock
from presenter.core.session.controller import SessionController
from tests.conftest import write_deck

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def logs(tmp_path: Path):
    path = applog.setup_logging(tmp_path / "logs")
    yield path
    applog.stop_logging()


def test_setup_is_idempotent_and_writes_the_file(logs: Path, tmp_path: Path) -> None:
    assert logs == tmp_path / "logs" / "presenter.log"
    assert applog.setup_logging(tmp_path / "logs") == logs
    logging.getLogger("presenter.test").warning("hello from the test")
    text = logs.read_text("utf-8")
    assert text.count("starting: version") == 1 and "hello from the test" in text
    assert "hello from the test" in applog.tail(logs, 5)


def test_an_unwritable_folder_falls_back_to_stderr(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    try:
        assert applog.setup_logging(blocker / "logs") is None
    finally:
        applog.stop_logging()
    assert "no log file" in capsys.readouterr().err


def test_a_snapshot_that_fails_is_logged(logs: Path, tmp_path: Path, monkeypatch) -> None:
    deck = load_deck(write_deck(tmp_path / "d", "---\ntitle: T\ncontent_warning: none\n---\n# A\n"))
    clock = FakeClock(1_800_000_000.0)
    opened = start_session(deck, None, clock, tmp_path / "data")
    assert opened.record is not None
    opened.attach(SessionController(deck, None, clock, opened.recorder))

    def full_disk(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(opened.record.recorder, "snapshot", full_disk)
    opened.record.stop()
    assert "last snapshot not written" in logs.read_text("utf-8")


CRASH_AFTER_ROTATION = r"""
import ctypes, logging, sys
from pathlib import Path
from presenter.core import applog
path = applog.setup_logging(Path(sys.argv[1]))
handler = logging.getLogger().handlers[-1]
handler.doRollover()
ctypes.string_at(0)  # a segfault
"""


def test_a_segfault_after_rotation_still_lands_in_the_log(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", CRASH_AFTER_ROTATION, str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode != 0
    text = (tmp_path / "presenter.log").read_text("utf-8")
    assert "Fatal Python error: Segmentation fault" in text and "<string>" in text
