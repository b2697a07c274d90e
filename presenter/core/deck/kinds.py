"""Slide kinds: small registered classes that declare their options, checks and behaviour.

Adding a kind means adding a class here with ``@register``. The parser, checker,
renderer, console, agenda and exporters ask the kind (``kind_of(slide)``) what it does:
its label, whether it is timed, whether it asks the room and then reveals an answer,
how many steps it has, which step to show when coming back to it, and which steps and
live parts leave the least room on the screen. Nothing else compares kind names.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from presenter.core.deck.options import CHOICE, LIST, NUMBER, TEXT, OptionSpec

if TYPE_CHECKING:
    from markupsafe import Markup

    from presenter.core.deck.diagnostics import DiagnosticSink
    from presenter.core.deck.model import Slide

log = logging.getLogger(__name__)

HANDOUT_CHOICES = ("first", "yes", "no")

COMMON_OPTIONS: dict[str, OptionSpec] = {
    spec.name: spec
    for spec in (
        OptionSpec("kind", TEXT, "what sort of slide this is (default: content)"),
        OptionSpec("id", TEXT, "a name other slides can refer to"),
        OptionSpec("title", TEXT, "the slide's name in the agenda (default: its first heading)"),
        OptionSpec("minutes", NUMBER, "planned time on this slide"),
        OptionSpec("only", LIST, "show only to these audience variants"),
        OptionSpec("except", LIST, "hide from these audience variants"),
        OptionSpec("source", LIST, "citations for facts and figures on this slide"),
        OptionSpec(
            "handout",
            CHOICE,
            "in the take-home handout: first (what to do), yes, or no",
            HANDOUT_CHOICES,
        ),
    )
}

DISCUSSION_FORMATS = ("solo", "pairs", "groups", "whole room")
ANSWERS = ("myth", "reality")  # what a myth-or-reality statement turns out to be


@dataclass(frozen=True)
class WorstCase:
    """One step of a slide and the live parts shown with it (for the overflow check)."""

    step: int
    countdown: bool = False
    tally: bool = False
    before_tally: bool = False


class SlideKind:
    """A slide kind. Subclasses only change class attributes and a few class methods."""

    name: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    label: ClassVar[str] = ""  # English; shown through i18n.t
    print_label: ClassVar[str] = ""  # in printed documents, when it differs from label
    tagged: ClassVar[bool] = True  # lists (agenda, preview strip) show the label by the title
    timed: ClassVar[bool] = False  # shows a countdown of its minutes
    reveals: ClassVar[bool] = False  # asks the room, then reveals the answer (two steps)
    starts_part: ClassVar[bool] = False  # opens a part of the workshop (agenda, guide groups)
    shows_contacts: ClassVar[bool] = False  # lays out the help contacts
    take_home: ClassVar[bool] = False  # its text belongs in the handout (prompts do not)
    body_only: ClassVar[bool] = False  # laid out as its body text alone (no boxes, no timers)
    own_part: ClassVar[bool] = False  # a part of its own in the agenda (a break)
    default_title: ClassVar[str] = ""
    options: ClassVar[dict[str, OptionSpec]] = {}

    @classmethod
    def all_options(cls) -> dict[str, OptionSpec]:
        return {**COMMON_OPTIONS, **cls.options}

    @classmethod
    def document_label(cls) -> str:
        return cls.print_label or cls.label

    @classmethod
    def step_count(cls, text_steps: int, options: Mapping[str, Any]) -> int:
        """How many reveal steps a slide has, given its ``+++`` text steps."""
        return text_steps

    @classmethod
    def answer_items(cls, slide: Slide) -> int:
        """How many answers the slide reveals (0: it asks nothing)."""
        return 0

    @classmethod
    def revealed_at(cls, step: int) -> int | None:
        """The answer item that ``step`` reveals, or None."""
        return step // 2 if cls.reveals and step % 2 == 1 else None

    @classmethod
    def asking_at(cls, step: int) -> bool:
        """Whether ``step`` asks the room (the next step gives the answer)."""
        return cls.reveals and step % 2 == 0

    @classmethod
    def entry_step(cls, slide: Slide, revealed: Callable[[int], bool]) -> int:
        """The step shown when going back into the slide from the one after it: the
        slide complete, unless that would reveal an answer the room was not asked yet."""
        items = cls.answer_items(slide)
        if items and not all(revealed(i) for i in range(items)):
            return 0
        return slide.step_count - 1

    @classmethod
    def overview_step(cls, slide: Slide) -> int:
        """The step for a thumbnail in the facilitator's lists: no answer given away."""
        return 0 if cls.reveals else slide.step_count - 1

    @classmethod
    def print_step(cls, slide: Slide) -> int:
        """The step a printed guide shows as the slide's picture."""
        return slide.step_count - 1

    @classmethod
    def worst_case(cls, slide: Slide) -> list[WorstCase]:
        """The steps and live parts that leave the least room on this slide."""
        return [WorstCase(slide.step_count - 1, countdown=cls.timed)]

    @classmethod
    def extras(cls, options: Mapping[str, Any], inline: Callable[[str], Markup]) -> dict[str, Any]:
        """Kind-specific fields of the parsed :class:`Slide` (``inline``: text to HTML)."""
        return {}

    @classmethod
    def check(cls, slide: Slide, sink: DiagnosticSink) -> None:
        """Problems particular to this kind, reported at the slide's line."""


KINDS: dict[str, type[SlideKind]] = {}


def register(cls: type[SlideKind]) -> type[SlideKind]:
    KINDS[cls.name] = cls
    return cls


def kind_named(name: str) -> type[SlideKind] | None:
    return KINDS.get(name)


def kind_of(slide: Slide) -> type[SlideKind]:
    """The kind of a parsed slide (an unknown name reads as content, as the parser does)."""
    return KINDS.get(slide.kind, ContentKind)


@register
class ContentKind(SlideKind):
    name = "content"
    summary = "text, lists, tables and images (the default)"
    label = "Content"
    print_label = "Slide"
    tagged = False
    take_home = True
    body_only = True

    @classmethod
    def check(cls, slide: Slide, sink: DiagnosticSink) -> None:
        if not slide.body.strip() and not slide.notes:
            sink.warning(slide.line, "empty slide", "remove the extra --- line")


@register
class TitleKind(SlideKind):
    name = "title"
    summary = "the opening slide: big title, subtitle"
    label = "Title"
    tagged = False


@register
class SectionKind(SlideKind):
    name = "section"
    summary = "starts a part of the workshop; shown in the agenda"
    label = "Section"
    tagged = False
    starts_part = True


@register
class DiscussionKind(SlideKind):
    name = "discussion"
    summary = "a prompt for the room, with a visible countdown"
    label = "Discussion"
    timed = True
    options: ClassVar[dict[str, OptionSpec]] = {
        "format": OptionSpec(
            "format", CHOICE, "solo, pairs, groups or whole room", DISCUSSION_FORMATS
        ),
        "followups": OptionSpec("followups", LIST, "follow-up questions for the facilitator"),
    }

    @classmethod
    def extras(cls, options: Mapping[str, Any], inline: Callable[[str], Markup]) -> dict[str, Any]:
        from presenter.core.deck.model import DiscussionData

        return {
            "discussion": DiscussionData(
                minutes=options.get("minutes"),
                format=str(options.get("format", "")),
                followups=tuple(options.get("followups", ())),
            )
        }


@register
class MythKind(SlideKind):
    name = "myth"
    summary = "a statement the room votes on, then the answer (myth or reality) with its source"
    label = "Myth or reality"  # never just "Myth": the statement may be true
    reveals = True
    options: ClassVar[dict[str, OptionSpec]] = {
        "myth": OptionSpec("myth", TEXT, "the statement, as people say it"),
        "reality": OptionSpec("reality", TEXT, "what is actually true"),
        "answer": OptionSpec(
            "answer", CHOICE, "whether the statement is a myth (the default) or reality", ANSWERS
        ),
    }

    @classmethod
    def step_count(cls, text_steps: int, options: Mapping[str, Any]) -> int:
        return 2

    @classmethod
    def answer_items(cls, slide: Slide) -> int:
        return 1

    @classmethod
    def worst_case(cls, slide: Slide) -> list[WorstCase]:
        return [WorstCase(0), WorstCase(1, tally=True)]

    @classmethod
    def extras(cls, options: Mapping[str, Any], inline: Callable[[str], Markup]) -> dict[str, Any]:
        from presenter.core.deck.model import MythData

        statement = str(options.get("myth", "")).strip()
        reality = str(options.get("reality", "")).strip()
        return {
            "myth": MythData(
                statement=statement,
                reality=reality,
                sources=tuple(options.get("source", ())),
                id=options.get("id"),
                answer=str(options.get("answer", "myth")),
                inline=inline,
            )
        }


@register
class BreakKind(SlideKind):
    name = "break"
    summary = "a pause, with its length"
    label = "Break"
    timed = True
    default_title = "Break"
    own_part = True

    @classmethod
    def check(cls, slide: Slide, sink: DiagnosticSink) -> None:
        if slide.minutes is None:
            sink.warning(slide.line, "break without minutes", "add  minutes: N")


@register
class HelpKind(SlideKind):
    name = "help"
    summary = "the support contacts, big"
    label = "Help"
    print_label = "Support contacts"
    shows_contacts = True
    default_title = "Help and support"


@register
class RecapKind(SlideKind):
    name = "recap"
    summary = "asks earlier myths again, by id (the 'after' of a before/after poll)"
    label = "Recap"
    reveals = True
    default_title = "Asked again"
    options: ClassVar[dict[str, OptionSpec]] = {
        "myths": OptionSpec("myths", LIST, "ids of myth slides to ask again")
    }

    @classmethod
    def step_count(cls, text_steps: int, options: Mapping[str, Any]) -> int:
        return max(1, 2 * len(options.get("myths", ())))

    @classmethod
    def answer_items(cls, slide: Slide) -> int:
        return max(1, len(slide.recap_ids))

    @classmethod
    def print_step(cls, slide: Slide) -> int:
        return 0  # the guide lists each myth asked again, with its answer

    @classmethod
    def worst_case(cls, slide: Slide) -> list[WorstCase]:
        return [
            WorstCase(k, tally=True, before_tally=True) if k % 2 else WorstCase(k)
            for k in range(slide.step_count)
        ]

    @classmethod
    def extras(cls, options: Mapping[str, Any], inline: Callable[[str], Markup]) -> dict[str, Any]:
        return {"recap_ids": tuple(options.get("myths", ()))}

    @classmethod
    def check(cls, slide: Slide, sink: DiagnosticSink) -> None:
        if not slide.recap_ids:
            sink.error(slide.line, "recap slide names no myths", "add  myths: [id1, id2]")
