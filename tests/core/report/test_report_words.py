"""One vocabulary in every view of a report: the window and PDF (HTML), Markdown, CSV."""

from __future__ import annotations

from presenter.core.report import html as reporthtml
from presenter.core.report import text as reporttext
from presenter.core.report.build import MythResult
from presenter.core.session.view import Tally


def myth(before: Tally | None, after: Tally | None, again: bool) -> MythResult:
    return MythResult("stranger", "Trafficking starts with a stranger.", before, after, again)


def test_a_show_of_hands_without_counts_reads_the_same_everywhere() -> None:
    skipped = myth(None, None, again=True)
    html_row = " ".join(reporthtml._myth_row(skipped))
    assert reporttext.tally_text(skipped.before) == "not counted"
    assert reporttext.after_text(skipped) == "not counted"
    assert html_row.count("not counted") == 2 and "not asked" not in html_row
    once = myth(Tally(14, 6), None, again=False)
    assert reporttext.after_text(once) == "not asked again"
    assert "not asked again" in " ".join(reporthtml._myth_row(once))
    counted = myth(Tally(14, 6), Tally(3, 17), again=True)
    assert "14 myth / 6 reality" in reporttext.after_text(myth(None, Tally(14, 6), True))
    assert reporttext.shift_text(counted) == "-55 points"


def test_notes_heading_is_the_facilitators() -> None:
    assert reporttext.notes_heading() == "Facilitator's notes"


def test_planned_half_minutes_are_not_rounded_away() -> None:
    # "4 min" planned, "0.0 min" actual and "-3.5 min" difference did not add up.
    assert reporttext.minutes(3.5) == "3.5 min"
    assert reporttext.minutes(35.0) == "35 min"
    assert reporttext.minutes(0.04, 1) == "0.0 min"
