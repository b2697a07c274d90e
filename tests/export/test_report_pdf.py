"""The PDF session report: the scripted session's numbers, and nothing but the report."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from presenter.cli import main
from presenter.core.record.store import load_session
from presenter.core.report.build import SessionReport, build_report
from presenter.core.report.formats import to_markdown
from presenter.export.pdf import LETTER
from presenter.export.report_pdf import export_report_pdf
from presenter.support import i18n
from tests.conftest import write_deck
from tests.core.record.crash_driver import DECK
from tests.core.report.test_report import scripted_session
from tests.export.conftest import page_sizes, pdf_pages, pdf_text

# Words the PDF adds to the Markdown's: its heading, the total row, the longer
# explanation above the myths table and the page footer.
PDF_ONLY = (
    "SESSION REPORT Total not counted Page of "
    "Before is the show of hands on the myth's slide, after is the same question at the "
    "recap; the percentages are the share of the room answering correctly."
)


@pytest.fixture
def report(tmp_path: Path, data_dir: Path, qapp: object) -> SessionReport:
    deck_file = write_deck(tmp_path / "deck", DECK)
    return build_report(load_session(scripted_session(deck_file, data_dir)))


def words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W_]+", text)}


def test_the_numbers_of_a_scripted_session_appear(report: SessionReport, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    pages = export_report_pdf(report, out)
    assert 1 <= pages <= 3 and len(pypdf.PdfReader(str(out)).pages) == pages
    text = pdf_text(out)
    for expected in (
        "Crash test workshop",
        f"{report.date} at {report.start_time}",
        "version 3",
        report.short_hash,
        "adults",
        "Hall B",
        "JB",
        "29 min (planned 19 min)",
        "Part one 11 min 14.0 min +3.0 min",
        "Part two 7 min 13.0 min +6.0 min",
        "Total 19 min 29.0 min +10.0 min",
        "It is always a stranger.",
        "25 % 5 myth / 15 reality",
        "75 % 15 myth / 5 reality",
        "+50 points",
        "+10 points",
        "Pairs named apps where strangers start chats.",
    ):
        assert expected in text, expected
    assert re.search(r"Attendees 20\b", text)


def test_the_pdf_holds_only_what_the_report_holds(report: SessionReport, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    export_report_pdf(report, out)
    text = pdf_text(out)
    extra = words(text) - words(to_markdown(report)) - words(PDF_ONLY)
    assert not extra, f"the PDF says more than the report: {sorted(extra)}"
    for absent in ("deck.md", str(tmp_path), "SECRET", "app_version"):
        assert absent not in text


def test_letter_paper_and_the_command(
    report: SessionReport, data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "letter.pdf"
    assert main(["report", report.session_id, "--pdf", str(out), "--paper", "Letter"]) == 0
    assert set(page_sizes(out)) == {(LETTER.width, LETTER.height)}
    assert "+50 points" in pdf_text(out)
    assert main(["report", report.session_id, "--pdf", str(out), "--paper", "B5"]) == 2
    assert main(["report", "--all", "--pdf", str(out)]) == 2
    assert main(["report", report.session_id, "--pdf", str(tmp_path / "no" / "x.pdf")]) == 1


def test_labels_follow_the_console_language(
    report: SessionReport, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "_console_language", "fr")
    out = tmp_path / "fr.pdf"
    export_report_pdf(report, out)
    text = pdf_text(out)
    assert "Durée par partie" in text and "Participants 20" in text
    assert "Ouverture" in text and "Time per section" not in text


def test_pages_end_between_table_rows(report: SessionReport, tmp_path: Path) -> None:
    report.myths = report.myths * 20  # 40 rows: the table runs over pages
    out = tmp_path / "long.pdf"
    assert export_report_pdf(report, out) >= 2
    rows = 0
    for page in pdf_pages(out):
        shares = len(re.findall(r"\d+ %", page))
        counts = len(re.findall(r"\d+ myth / \d+ reality", page))
        assert shares == counts  # each row's percentages stay with their counts
        rows += counts // 2
    assert rows == 40
