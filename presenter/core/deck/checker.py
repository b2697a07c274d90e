"""``presenter check``: everything an organizer should fix before a workshop.

Parse problems come from the parser; this module adds the checks that need the whole
deck (ids, recaps, minutes, variants) and the care-for-the-room checks (content
warning, help contacts, sources for figures, wording that blames victims).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence

from presenter.core.deck.diagnostics import Diagnostic, DiagnosticSink, Level
from presenter.core.deck.helpcontacts import HelpResolution, is_placeholder, resolve_help
from presenter.core.deck.kinds import kind_of
from presenter.core.deck.model import Deck, HelpContact, Slide
from presenter.core.deck.rawhtml import check_raw_html
from presenter.core.deck.splitter import OPTION_LINE

log = logging.getLogger(__name__)

DURATION_TOLERANCE = 0.10

STATISTIC = re.compile(
    r"\d[\d,.]*\s*(%|per ?cent\b|percent\b|million\b|billion\b|bn\b|\bM\b)"
    r"|\b(one|two|three|four|five|\d+) in (every )?"
    r"(\d+|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)
REMOTE_LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(\s*<?(https?:|ftp:|mailto:|//)", re.IGNORECASE)

# Wording that blames or sensationalises, with what to say instead.
LANGUAGE = (
    (
        re.compile(r"\bself[- ]trafficking\b", re.I),
        "'self-trafficking' blames the victim",
        "describe what the trafficker did",
    ),
    (
        re.compile(r"\b(child|teen|underage|juvenile) prostitut\w*", re.I),
        "children cannot consent: this wording blames them",
        "say 'child who has been sexually exploited'",
    ),
    (
        re.compile(r"\bchild porn\w*", re.I),
        "this wording hides the abuse",
        "say 'child sexual abuse material'",
    ),
)
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|'[^'\n]*'|‘[^’\n]*’")

ExtraCheck = Callable[[Deck, DiagnosticSink], None]


def check_deck(
    deck: Deck,
    *,
    help_resolution: HelpResolution | None = None,
    settings_contacts: Sequence[HelpContact] = (),
    extra: Iterable[ExtraCheck] = (),
) -> list[Diagnostic]:
    """All diagnostics for a deck, parse problems included, in file order."""
    sink = DiagnosticSink(deck.file_label)
    _check_meta(deck, sink)
    resolution = help_resolution or resolve_help(deck, settings_contacts)
    _check_help(deck, resolution, sink)
    _check_slides(deck, sink)
    _check_ids(deck, sink)
    _check_minutes(deck, sink)
    check_raw_html(deck, sink)
    _check_answers(deck, sink)
    for check in extra:
        check(deck, sink)
    found = list(deck.diagnostics) + list(resolution.diagnostics) + sink.items
    return sorted(found, key=lambda d: (d.file != deck.file_label, d.file, d.line, d.column))


def _check_meta(deck: Deck, sink: DiagnosticSink) -> None:
    meta = deck.meta
    if not meta.parsed:
        return  # the front matter error says it all
    if meta.content_warning is None:
        sink.warning(
            1,
            "the deck has no content_warning",
            "add  content_warning: <what the workshop covers>  (or  none  on purpose)",
        )
    if "title" not in meta.lines:
        sink.warning(1, "the deck has no title", "add  title: ...  to the front matter")


def _check_help(deck: Deck, resolution: HelpResolution, sink: DiagnosticSink) -> None:
    if not resolution.found:
        sink.info(
            1,
            "no help contacts found: the help slide will be empty",
            "add them in help.yaml beside the decks or in the app's settings",
        )
        return
    for number, contact in enumerate(resolution.contacts):
        if is_placeholder(contact):
            where = {"folder": resolution.file, "settings": "the app's settings"}.get(
                resolution.origin, "the deck"
            )
            line = resolution.line
            if number < len(resolution.contact_lines):
                line = resolution.contact_lines[number]
            message = f"help contact '{contact.name}' is still a placeholder"
            hint = f"fill in your area's real contact in {where}"
            if resolution.origin == "deck":
                sink.warning(line, message, hint)
            else:
                sink.items.append(
                    Diagnostic(resolution.file, line, 1, Level.WARNING, message, hint)
                )


def _slide_text(slide: Slide) -> str:
    parts = [slide.body]
    if slide.myth is not None:
        parts += [slide.myth.statement, slide.myth.reality]
    return "\n".join(parts)


def _check_slides(deck: Deck, sink: DiagnosticSink) -> None:
    declared = set(deck.meta.variants)
    for slide in deck.slides:
        line = slide.line
        lines = slide.option_lines
        text = _slide_text(slide)
        if slide.myth is not None:
            if not slide.myth.statement:
                sink.error(line, "myth slide without the myth", "add  myth: <the statement>")
            if not slide.myth.reality:
                sink.error(line, "myth slide without the reality", "add  reality: <what is true>")
            if not slide.myth.sources:
                sink.error(line, "myth slide without a source", "add  source: <who, year>")
        if slide.discussion is not None and slide.minutes is None:
            sink.warning(
                line, "discussion without minutes", "add  minutes: N  so the room sees a countdown"
            )
        kind_of(slide).check(slide, sink)
        for name in (*slide.only, *slide.except_):
            if name not in declared:
                key = "only" if name in slide.only else "except"
                sink.error(
                    lines.get(key, line),
                    f"variant '{name}' is not declared",
                    "add it to  variants:  in the front matter "
                    f"({', '.join(sorted(declared)) or 'none yet'})",
                )
        if not slide.sources and slide.myth is None:
            match = STATISTIC.search(text)
            if match:
                sink.warning(
                    line,
                    f"a figure ('{match.group(0).strip()}') without a source",
                    "add  source: <who, year>  to the slide's options",
                )
        if REMOTE_LINK.search(slide.body):
            sink.warning(
                line,
                "a web link on a slide: it cannot be opened while presenting",
                "write the address as plain text if the room needs it",
            )
        _check_language(text, line, sink)
        first = slide.body.lstrip("\n").split("\n", 1)[0]
        if OPTION_LINE.match(first) and first.split(":", 1)[0] in slide.options.keys() | {
            "kind",
            "id",
            "minutes",
            "myth",
            "reality",
            "answer",
            "source",
            "title",
        }:
            sink.warning(
                line,
                "this slide's text looks like options",
                "each slide's options need their own --- line before and after",
            )


MIXED_FROM = 3  # this many myth-or-reality statements, all myths: suggest a true one


def _check_answers(deck: Deck, sink: DiagnosticSink) -> None:
    """When every statement is a myth, the room learns to answer "myth" by the third."""
    myths = [s for s in deck.slides if s.myth is not None]
    if len(myths) >= MIXED_FROM and all(s.myth is not None and s.myth.is_myth for s in myths):
        sink.info(
            myths[0].line,
            f"all {len(myths)} myth-or-reality statements are myths: the room soon learns "
            "to answer 'myth' without thinking",
            "mix in a true statement:  answer: reality",
        )


def _check_language(text: str, line: int, sink: DiagnosticSink) -> None:
    unquoted = _QUOTED.sub("", text)
    for pattern, message, hint in LANGUAGE:
        if pattern.search(unquoted):
            sink.warning(line, message, hint)


def _check_ids(deck: Deck, sink: DiagnosticSink) -> None:
    seen: dict[str, Slide] = {}
    myth_ids: set[str] = set()
    for slide in deck.slides:
        if slide.id:
            if slide.id in seen:
                sink.error(
                    slide.option_lines.get("id", slide.line),
                    f"id '{slide.id}' is used twice",
                    f"it is already used on line {seen[slide.id].line}",
                )
            else:
                seen[slide.id] = slide
            if slide.myth is not None:
                myth_ids.add(slide.id)
    if any(d.code == "yaml" for d in deck.diagnostics):
        return  # a slide's options were lost to a YAML mistake: that error says it all
    for slide in deck.slides:
        for myth_id in slide.recap_ids:
            if myth_id not in myth_ids:
                hint = (
                    "that id is not a myth slide"
                    if myth_id in seen
                    else f"myth ids: {', '.join(sorted(myth_ids)) or 'none'}"
                )
                sink.error(
                    slide.option_lines.get("myths", slide.line),
                    f"recap asks for unknown myth '{myth_id}'",
                    hint,
                )


def _check_minutes(deck: Deck, sink: DiagnosticSink) -> None:
    duration = deck.meta.duration
    if duration is None or duration <= 0:
        return
    variants: list[str | None] = list(deck.meta.variants) or [None]
    for variant in variants:
        planned = deck.planned_minutes(variant)
        if abs(planned - duration) > duration * DURATION_TOLERANCE:
            label = f" for variant '{variant}'" if variant else ""
            sink.warning(
                deck.meta.lines.get("duration", 1),
                f"slides plan {planned:g} minutes{label}, but the duration is {duration:g}",
                "adjust  minutes:  on slides or the deck's  duration:",
            )
