"""On real file systems that are full or read-only: a small tmpfs mounted for the test.

Elsewhere the suite makes writes fail by replacing a function; here the kernel says no,
as a USB stick that fills up or is locked does in a hall. Needs root and the right to
mount (a CI machine or a container may have neither: then these skip).
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from presenter.core.deck.parser import load_deck
from presenter.core.record.resume import open_session
from presenter.core.record.store import find_unfinished, load_session
from presenter.core.session.clock import FakeClock
from presenter.core.session.controller import SessionController
from tests.conftest import write_deck
from tests.core.record.crash_driver import DECK

START = 1_800_000_000.0


def _mount(folder: Path, size_kb: int) -> None:
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a file system needs root on Linux")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0777", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")


def _unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def small_drive(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MB file system, empty."""
    folder = tmp_path / "stick"
    _mount(folder, 1024)
    yield folder
    _unmount(folder)


def fill(drive: Path) -> Path:
    """Fill ``drive`` to its last byte (as a stick full of photos); returns the filler."""
    filler = drive / "photos.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def lock(drive: Path) -> None:
    """Make ``drive`` read-only, as a stick's lock switch does."""
    done = subprocess.run(["mount", "-o", "remount,ro", str(drive)], capture_output=True)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    return write_deck(tmp_path / "deck", DECK)


def presenting(deck_file: Path, root: Path) -> tuple[SessionController, list[OSError], object]:
    deck = load_deck(deck_file)
    clock = FakeClock(START)
    opened = open_session(deck, None, clock, root)
    control = SessionController(deck, None, clock, opened.recorder, opened.state)
    opened.attach(control)
    errors: list[OSError] = []
    control.on_error(lambda error, action: errors.append(error))
    return control, errors, opened


def test_a_drive_that_fills_up_mid_workshop_is_told_and_presenting_goes_on(
    deck_file: Path, small_drive: Path
) -> None:
    control, errors, opened = presenting(deck_file, small_drive)
    assert opened.record is not None, opened.notice
    for n in range(5):
        control.set_attendees(n + 1)
    filler = fill(small_drive)
    for n in range(5, 40):  # the workshop goes on while the drive is full
        control.set_attendees(n + 1)
    assert control.state.attendees == 40
    opened.record.recorder.flush(timeout=10)
    control.set_attendees(41)  # a failure in the background is told at the next action
    assert errors and all(e.errno == errno.ENOSPC for e in errors)
    from presenter.core.record.faults import failed_while_presenting

    assert "disk is full" in failed_while_presenting(errors[0])

    filler.unlink()  # room again: the record catches up
    for n in range(41, 45):
        control.set_attendees(n + 1)
    assert opened.record.recorder.flush(timeout=10)
    opened.record.recorder.writer.close()
    session = load_session(opened.record.folder)
    # The first write that found room saved a snapshot of the whole state: nothing the
    # room saw is lost, and the line the full drive cut short is named on resuming.
    assert (session.state.seq, session.state.attendees) == (control.state.seq, 45)
    assert any("disk was full" in p for p in session.problems), session.problems


def test_a_locked_drive_records_nothing_and_says_so(deck_file: Path, small_drive: Path) -> None:
    control, _errors, first = presenting(deck_file, small_drive)
    assert first.record is not None
    control.set_attendees(12)
    first.record.recorder.flush(timeout=10)
    first.record.recorder.writer.close()  # the laptop went off; the stick is locked
    lock(small_drive)

    unfinished = find_unfinished(deck_file, small_drive)
    assert unfinished is not None and unfinished.state.attendees == 12  # still readable
    deck = load_deck(deck_file)
    opened = open_session(deck, None, FakeClock(START + 60), small_drive, resume=True)
    assert opened.record is None
    assert "not being recorded" in opened.notice and "read-only" in opened.notice
    fresh = open_session(deck, None, FakeClock(START + 60), small_drive)
    assert fresh.record is None and "read-only" in fresh.notice


def test_pysides_bytecode_on_a_full_or_locked_drive_costs_only_the_compiling(
    small_drive: Path,
) -> None:
    script = (
        "import builtins\n"
        "compiled = []\n"
        "_c = builtins.compile\n"
        "builtins.compile = lambda s, f, *a, **k: (compiled.append(f), _c(s, f, *a, **k))[1]\n"
        "from presenter.support.qtfix import lighten_import_hook\n"
        "lighten_import_hook()\n"
        "from PySide6.QtCore import QObject\n"
        "QObject().setObjectName('works')\n"
        "print(sum(f.startswith('shibokensupport/') for f in compiled))\n"
    )
    env = {**os.environ, "WORKSHOP_PRESENTER_CACHE": str(small_drive / "cache")}

    def start() -> int:
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return int(done.stdout.strip())

    filler = fill(small_drive)
    assert start() >= 10  # compiled, nothing kept
    assert not list(small_drive.rglob("*.tmp")) and not list(small_drive.rglob("*.code"))
    filler.unlink()
    assert start() >= 10  # room again: compiled once more, and kept
    lock(small_drive)
    assert start() == 0  # a locked drive still gives what it kept


def test_exports_onto_a_full_or_locked_drive_say_so_and_leave_nothing(
    small_drive: Path, tmp_path: Path
) -> None:
    deck = Path(__file__).resolve().parents[1] / "decks" / "understanding-trafficking"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def export(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "presenter", "export", str(deck), *args],
            capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip

    reference = tmp_path / "whole.pdf"
    assert export("--pdf", str(reference)).returncode == 0
    size = reference.stat().st_size
    slides, guide = small_drive / "slides.pdf", small_drive / "guide.pdf"
    filler = fill(small_drive)
    # Room for all but the PDF's last bytes (Qt's writer says nothing when its last
    # write fails: the cut-off file must not be taken for a PDF), then for a page or two.
    for room in (size - 50, 16_000):
        os.truncate(filler, filler.stat().st_size - room)
        done = export("--pdf", str(slides), "--guide", str(guide))
        assert done.returncode == 1, done.stdout
        assert f"{slides}: error:" in done.stderr and "the drive is full" in done.stderr
        assert sorted(p.name for p in small_drive.iterdir()) == ["photos.bin"]  # no half PDF
        filler.unlink()
        filler = fill(small_drive)

    os.truncate(filler, filler.stat().st_size - 200_000)  # a few pictures' worth
    done = export("--png", str(small_drive / "png"), "--size", "960x540")
    assert done.returncode == 1 and "the drive is full" in done.stderr
    from PySide6.QtGui import QImage

    written = sorted((small_drive / "png").iterdir())
    assert written and all(not QImage(str(p)).isNull() for p in written)  # none cut off

    filler.unlink()
    lock(small_drive)
    done = export("--pdf", str(slides))
    assert done.returncode == 1 and "Read-only file system" in done.stderr
