"""Reports: the right numbers for a scripted session, CSV that parses back cleanly."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from presenter.cli import main
from presenter.core.deck.parser import load_deck
from presenter.core.record.resume import open_session
from presenter.core.record.store import load_session
from presenter.core.report.build import build_report
from presenter.core.report.formats import CSV_FIELDS, csv_rows, to_csv, to_markdown
from presenter.core.session.clock import FakeClock
from presenter.core.session.controller import SessionController
from tests.conftest import write_deck
from tests.core.record.crash_driver import DECK

START = 1_800_000_000.0


def scripted_session(
    deck_path: Path, root: Path, *, start: float = START, venue: str = "Hall B"
) -> Path:
    """A 20-attendee workshop with known timings and show-of-hands counts."""
    deck = load_deck(deck_path)
    clock = FakeClock(start)
    opened = open_session(deck, "adults", clock, root)
    control = SessionController(deck, "adults", clock, opened.recorder)
    opened.attach(control)
    control.set_attendees(20)
    control.set_venue(venue)
    control.set_initials("JB")
    control.next()  # acknowledge the content warning: the talk clock starts on slide 1
    minutes_on = {"title": 2, "section": 1, "content": 4, "myth": 3, "discussion": 6,
                  "recap": 5}  # fmt: skip
    while not control.at_end():
        slide = control.slide
        if control.state.step == 0:
            clock.advance(60 * minutes_on[slide.kind])
        if slide.kind == "myth" and control.state.step == 1:
            said_myth = {"stranger": 5, "border": 10}[slide.id or ""]
            control.set_tally(said_myth, 20 - said_myth)
        if slide.kind == "recap" and control.state.step % 2 == 1:
            said_myth = {0: 15, 1: 12}[control.state.step // 2]
            control.set_tally(said_myth, 20 - said_myth)
        if slide.kind == "discussion":
            control.note("Pairs named apps where strangers start chats.")
        control.next()
    control.finish()
    assert opened.record is not None
    opened.record.close(clock.now())
    return opened.record.folder


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    return write_deck(tmp_path / "deck", DECK)


def test_report_numbers_for_a_scripted_session(deck_file: Path, data_dir: Path) -> None:
    report = build_report(load_session(scripted_session(deck_file, data_dir)))
    assert report.status == "finished"
    assert (report.attendees, report.venue, report.initials) == (20, "Hall B", "JB")
    assert report.deck_title == "Crash test workshop" and report.deck_version == "3"
    assert report.variant == "adults"
    # Sections: the title slide opens, then "Part one" and "Part two".
    assert [s.title for s in report.sections] == ["Opening", "Part one", "Part two"]
    assert [s.planned for s in report.sections] == [1, 11, 7]
    # title 2; section 1 + steps 4 + myth 3 + discussion 6; section 1 + myth 3 + recap 5
    # + thank-you ("content") 4.
    assert [round(s.actual, 6) for s in report.sections] == [2, 14, 13]
    assert report.planned_minutes == 19
    assert report.actual_minutes == pytest.approx(29)
    stranger, border = report.myths
    assert (stranger.myth_id, stranger.before.said_myth, stranger.after.said_myth) == (
        "stranger", 5, 15,
    )  # fmt: skip
    assert stranger.shift == pytest.approx(50.0)  # 25 % -> 75 % answered "myth"
    assert border.shift == pytest.approx(10.0)  # 50 % -> 60 %
    assert [n.text for n in report.notes] == ["Pairs named apps where strangers start chats."]
    text = to_markdown(report)
    assert "| Part one | 11 min | 14.0 min | +3.0 min |" in text
    assert "+50 points" in text and "25 % correct" in text and "75 % correct" in text


def test_single_session_csv_has_every_record_type(deck_file: Path, data_dir: Path) -> None:
    report = build_report(load_session(scripted_session(deck_file, data_dir)))
    rows = list(csv.DictReader(io.StringIO(to_csv(csv_rows(report)))))
    assert [r["record_type"] for r in rows] == [
        "session", "section", "section", "section", "myth", "myth", "note",
    ]  # fmt: skip
    assert rows[0]["attendees"] == "20" and rows[0]["actual_minutes"] == "29.0"
    assert rows[4]["before_correct_pct"] == "25.0" and rows[4]["shift_pct_points"] == "50.0"
    assert all(r["session_id"] == report.session_id for r in rows)


def test_aggregate_csv_parses_back_and_opens_cleanly(
    deck_file: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    venues = ["Hall B", "Salle Été", '=HYPERLINK("x")']
    for n, venue in enumerate(venues):
        scripted_session(deck_file, data_dir, start=START + n * 86400, venue=venue)
    out = tmp_path / "all.csv"
    assert main(["report", "--all", "--csv", "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    assert b"\r\n" in raw and b"\r\r\n" not in raw
    with out.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == CSV_FIELDS
        rows = list(reader)
    sessions = [r for r in rows if r["record_type"] == "session"]
    myths = [r for r in rows if r["record_type"] == "myth"]
    assert len(sessions) == 3 and len(myths) == 6 and len(rows) == 9
    assert [r["venue"] for r in sessions] == ["Hall B", "Salle Été", '\'=HYPERLINK("x")']
    assert {r["record_type"] for r in rows} == {"session", "myth"}  # no notes in aggregates
    assert all(r["note"] == "" for r in rows)
    assert sorted({r["date"] for r in sessions}) == [r["date"] for r in sessions]


def test_report_command_list_and_one_session(
    deck_file: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = scripted_session(deck_file, data_dir)
    assert main(["report", "--list"]) == 0
    listing = capsys.readouterr().out
    assert folder.name in listing and "finished" in listing and "20 attendees" in listing
    assert main(["report", folder.name[:15]]) == 0
    assert "# Session report: Crash test workshop" in capsys.readouterr().out
    assert main(["report", str(folder), "--csv"]) == 0
    assert capsys.readouterr().out.startswith("record_type,session_id")
    assert main(["report", "nope"]) == 1
    assert main(["report"]) == 2


def test_reports_survive_the_deck_being_deleted(deck_file: Path, data_dir: Path) -> None:
    folder = scripted_session(deck_file, data_dir)
    deck_file.unlink()
    report = build_report(load_session(folder))
    assert report.deck_title == "Crash test workshop" and len(report.myths) == 2


def test_records_hold_no_attendee_fields(deck_file: Path, data_dir: Path) -> None:
    folder = scripted_session(deck_file, data_dir)
    fields = set()
    for line in (folder / "journal.jsonl").read_text("utf-8").splitlines():
        fields |= set(json.loads(line.split(" ", 1)[1]))
    assert not {"name", "names", "attendee_names", "email", "age"} & fields


def test_labels_are_translated_but_csv_stays_english(
    deck_file: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from presenter.support import i18n

    report = build_report(load_session(scripted_session(deck_file, data_dir)))
    monkeypatch.setattr(i18n, "_console_language", "fr")
    text = to_markdown(report)
    assert "# Compte rendu de séance : Crash test workshop" in text
    assert "| Participants | 20 |" in text and "| État | terminée |" in text
    assert "| Ouverture | 1 min | 2.0 min | +1.0 min |" in text
    assert "5 mythe / 15 réalité (25 % de bonnes réponses)" in text and "+50 points" in text
    rows = list(csv.DictReader(io.StringIO(to_csv(csv_rows(report)))))
    assert list(rows[0]) == CSV_FIELDS
    assert rows[0]["status"] == "finished" and rows[1]["section"] == "Opening"
