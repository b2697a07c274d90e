"""The console says when the session record lags behind the screen (a slow USB stick),
and stops saying it once the device has caught up."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from presenter.core.record import sync as journal_sync
from presenter.core.record.journal import (
    FORMAT_VERSION,
    JOURNAL_NAME,
    JournalWriter,
    SessionRecorder,
)
from presenter.support import safewrite
from presenter.ui.presenting.console.record_lag import KEY
from presenter.ui.presenting.presentation import Presentation

pytestmark = pytest.mark.qt_log_ignore("does not support raise")


def test_a_held_device_is_shown_then_cleared(
    qtbot, make_presentation, deck_path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real = safewrite.full_fsync

    def slow_device(fd: int) -> None:
        release.wait(10)
        real(fd)

    monkeypatch.setattr(journal_sync, "full_fsync", slow_device)
    folder = tmp_path / "session"
    folder.mkdir()
    writer = JournalWriter(folder / JOURNAL_NAME)
    writer.append({"journal": FORMAT_VERSION, "session": "s", "started": 1.0})
    recorder = SessionRecorder(folder, writer)
    p: Presentation = make_presentation(deck_path, recorder=recorder)
    before = p.controller.state.to_dict()
    p.controller.next()
    p.controller.next()
    assert p.controller.state.to_dict() != before  # the screen did not wait for the disk
    banners = p.console.banners
    qtbot.waitUntil(lambda: banners.text(KEY) != "", timeout=5000)
    assert "action(s) not yet on the disk" in banners.text(KEY)
    release.set()
    qtbot.waitUntil(lambda: banners.text(KEY) == "", timeout=5000)
    assert recorder.lag() == (0, 0.0)
    recorder.close(2.0)


def test_a_fast_device_shows_nothing(qtbot, make_presentation, deck_path, tmp_path: Path) -> None:
    folder = tmp_path / "session"
    folder.mkdir()
    writer = JournalWriter(folder / JOURNAL_NAME)
    recorder = SessionRecorder(folder, writer)
    p: Presentation = make_presentation(deck_path, recorder=recorder)
    p.controller.next()
    assert recorder.flush(timeout=10)
    p.console.record_lag.check()
    assert p.console.banners.text(KEY) == ""
    recorder.close(2.0)
