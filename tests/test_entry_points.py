"""Every command, run as installed (not portable), agrees with the Settings.

A record written to the Settings' records folder is listed and reported by
``presenter report``, and offered by ``presenter run``; the Settings' help contacts
reach the handout, the guide and ``presenter check``. (The windows' side of the same
promise is in tests/ui/test_entry_points_ui.py.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from presenter.core.deck.model import HelpContact
from presenter.core.deck.parser import load_deck
from presenter.core.record.resume import start_session
from presenter.core.session.clock import FakeClock
from presenter.core.session.controller import SessionController
from presenter.core.settings import Settings
from tests.conftest import write_deck

ROOT = Path(__file__).resolve().parent.parent
START = 1_800_000_000.0
HELPLINE = HelpContact("Settings Helpline Zeta", "Phone 0800 000 111", "Every day")
DECK = """---
title: Entry point deck
content_warning: This session talks about exploitation. You may step out.
---
# Hello
???
Say hello.
---
## Second
---
kind: help
---
## Support is here
"""


def presenter(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "presenter", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def write_settings(folder: Path, **values: object) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = {**Settings().to_dict(), **values}
    (folder / "settings.json").write_text(json.dumps(data), "utf-8")


@pytest.fixture
def records(non_portable: Path, tmp_path: Path) -> Path:
    """Settings that keep session records in a folder of their own."""
    folder = tmp_path / "chosen records"
    write_settings(non_portable, data_folder=str(folder))
    return folder


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    return write_deck(tmp_path / "deck", DECK)


def interrupted_session(deck_file: Path, root: Path) -> str:
    """A workshop recorded in ``root``, stopped on slide 2 without being ended."""
    deck = load_deck(deck_file)
    clock = FakeClock(START)
    opened = start_session(deck, None, clock, root)
    assert opened.record is not None
    controller = SessionController(deck, None, clock, opened.recorder)
    opened.attach(controller)
    controller.next()
    controller.next()
    controller.set_attendees(17)
    opened.record.stop()
    return opened.record.session_id


def test_report_lists_and_reports_the_settings_records(records: Path, deck_file: Path) -> None:
    session_id = interrupted_session(deck_file, records)
    listed = presenter("report", "--list")
    assert listed.returncode == 0, listed.stderr
    assert str(records / "sessions") in listed.stdout
    assert session_id in listed.stdout and "(none yet)" not in listed.stdout
    reported = presenter("report", session_id)
    assert reported.returncode == 0, reported.stderr
    assert "Entry point deck" in reported.stdout and "17" in reported.stdout


def test_run_offers_the_settings_records(records: Path, deck_file: Path) -> None:
    import argparse

    from presenter.cli import start_up
    from presenter.commands.run import unfinished_offer
    from presenter.core import applog

    interrupted_session(deck_file, records)
    args = argparse.Namespace(deck=str(deck_file), resume=False, no_record=False, rehearse=False)
    try:
        offer = unfinished_offer(args, start_up())
    finally:
        applog.stop_logging()
    assert offer is not None and "stopped on slide 2 of 3" in offer
    assert (records / "logs" / "presenter.log").is_file()  # the log sits beside the records


def test_settings_help_contacts_reach_handout_guide_and_check(
    non_portable: Path, deck_file: Path, tmp_path: Path
) -> None:
    from tests.export.conftest import pdf_text

    before = presenter("check", str(deck_file))
    assert "no help contacts" in before.stdout  # the control: this deck has none
    contact = {"name": HELPLINE.name, "reach": HELPLINE.reach, "when": HELPLINE.when}
    write_settings(non_portable, help_contacts=[contact])
    checked = presenter("check", str(deck_file))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "no help contacts" not in checked.stdout
    handout, guide = tmp_path / "handout.pdf", tmp_path / "guide.pdf"
    made = presenter("export", str(deck_file), "--handout", str(handout), "--guide", str(guide))
    assert made.returncode == 0, made.stderr
    for pdf in (handout, guide):
        text = pdf_text(pdf)
        assert HELPLINE.name in text and HELPLINE.reach in text, pdf.name


def test_every_command_reports_bad_settings_the_same_way(
    non_portable: Path, deck_file: Path, tmp_path: Path
) -> None:
    non_portable.mkdir(parents=True)
    (non_portable / "settings.json").write_text("{broken", "utf-8")
    runs = [
        presenter("check", "--no-render", str(deck_file)),
        presenter("report", "--list"),
        presenter("export", str(deck_file), "--png", str(tmp_path / "png"), "--size", "64x36"),
    ]
    for run in runs:
        assert run.returncode == 0, run.stderr
        lines = [line for line in run.stderr.splitlines() if "settings" in line.lower()]
        assert lines and "defaults are used" in lines[0], run.args
        assert str(non_portable / "settings.json") in run.stderr
