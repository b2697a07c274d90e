"""The words of a session report, in the console language, shared by every format.

Markdown, the PDF and the home window's report viewer all say the same things in the
same words, so the labels live here once and go through ``t()``. CSV does not use
them: its column names and ``record_type`` values are stable English machine names,
so a spreadsheet built on last term's export still works when the app's language
changes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

from presenter.core.report.build import MythResult, SectionTime, SessionReport
from presenter.core.session.view import Tally
from presenter.support.i18n import t

log = logging.getLogger(__name__)


def status_word(status: str) -> str:
    return {
        "finished": t("finished"),
        "unfinished": t("unfinished"),
        "continued": t("continued"),
        "not resumed": t("not resumed"),
    }.get(status, status)


def status_text(report: SessionReport) -> str:
    if report.status == "continued" and report.continued_in:
        return t("continued in {session} (the deck changed)", session=report.continued_in)
    if report.continues:
        return t(
            "{status}; continues {session}",
            status=status_word(report.status),
            session=report.continues,
        )
    return status_word(report.status)


def correct_pct(tally: Tally | None) -> float | None:
    share = tally.correct_share if tally is not None else None
    return None if share is None else 100.0 * share


def tally_text(tally: Tally | None) -> str:
    """``5 myth / 15 reality (25 % correct)``, and ``· 12 by phone`` when phones answered."""
    if tally is None:
        return not_counted()
    pct = correct_pct(tally)
    share = "–" if pct is None else t("{pct} % correct", pct=f"{pct:.0f}")
    text = t(
        "{myth} myth / {reality} reality ({share})",
        myth=tally.said_myth,
        reality=tally.said_reality,
        share=share,
    )
    if tally.phones:
        text += " " + t("· {n} by phone", n=tally.phones)
    return text


def not_counted() -> str:
    """One word for a show of hands with no counts, in every view of the report (the
    window, PDF, Markdown and CSV): it was skipped, ticked "Not asked" or not entered."""
    return t("not counted")


def after_missing(myth: MythResult) -> str:
    return not_counted() if myth.asked_again else t("not asked again")


def after_text(myth: MythResult) -> str:
    return tally_text(myth.after) if myth.after is not None else after_missing(myth)


def shift_text(myth: MythResult) -> str:
    return "" if myth.shift is None else t("{n} points", n=f"{myth.shift:+.0f}")


def section_title(section: SectionTime) -> str:
    """The slides before the first section are the (translated) "Opening"."""
    return t("Opening") if section.opening else section.title


def minutes(value: float, digits: int | None = None) -> str:
    """``35 min``; a plan with half minutes keeps them (``3.5 min``, not a rounded
    ``4 min`` beside a difference of ``-3.5 min``)."""
    if digits is None:
        digits = 0 if round(value, 1).is_integer() else 1
    return t("{n} min", n=f"{value:.{digits}f}")


def signed_minutes(value: float) -> str:
    return t("{n} min", n=f"{value:+.1f}")


def report_title(report: SessionReport) -> str:
    return t("Session report: {title}", title=report.deck_title or t("workshop"))


def deck_text(report: SessionReport) -> str:
    if report.deck_version:
        return t(
            "{title} (version {version}, content {hash})",
            title=report.deck_title,
            version=report.deck_version,
            hash=report.short_hash,
        )
    return t("{title} (content {hash})", title=report.deck_title, hash=report.short_hash)


def facts(report: SessionReport) -> list[tuple[str, str]]:
    """The session at a glance, as (label, value) rows; "–" where nothing was given."""
    time_value = t(
        "{actual} (planned {planned})",
        actual=minutes(report.actual_minutes),
        planned=minutes(report.planned_minutes),
    )
    return [
        (t("Date"), t("{date} at {time}", date=report.date, time=report.start_time)),
        (t("Deck"), deck_text(report)),
        (t("Audience"), report.variant or t("everyone")),
        (t("Venue"), report.venue or "–"),
        (t("Facilitator"), report.initials or "–"),
        (t("Attendees"), "–" if report.attendees is None else str(report.attendees)),
        (t("Time"), time_value),
        (t("Status"), status_text(report)),
        (t("Record"), report.session_id),
    ]


def note_time(t_value: float) -> str:
    return time.strftime("%H:%M", time.localtime(t_value))


def myths_intro(myths: Sequence[MythResult] = ()) -> str:
    """What the show-of-hands table means; one text for every report format."""
    if any(m.answer == "reality" for m in myths):
        first = t(
            'Some statements are true: for those marked "(reality)", answering "reality" '
            'is correct; for the others, "myth" is.'
        )
    else:
        first = t('Every statement is a myth: answering "myth" is correct.')
    return " ".join(
        (
            first,
            t(
                "Before is the show of hands on the statement's slide, after is the same "
                "question at the recap; the percentages are the share of the room answering "
                "correctly."
            ),
        )
    )


def statement_text(myth: MythResult) -> str:
    """The statement as reports list it, marked when it is true."""
    if myth.answer == "reality":
        return t("{statement} (reality)", statement=myth.statement)
    return myth.statement


def privacy_line() -> str:
    return t(
        "This report holds no attendee names: only counts, times, the optional venue "
        "and facilitator initials, and the facilitator's notes."
    )


def notes_heading() -> str:
    """The quick notes are the facilitator's own, about any slide, not only discussions."""
    return t("Facilitator's notes")
