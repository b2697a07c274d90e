"""Slide kinds: small registered classes that declare their options and checks.

Adding a kind means adding a class here with ``@register``; the parser, checker and
renderer look kinds up by name instead of spreading ``if kind == ...`` ladders around.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import ClassVar

from presenter.core.options import CHOICE, LIST, NUMBER, TEXT, OptionSpec

log = logging.getLogger(__name__)

MYTH_ANSWERS = ("myth", "reality")  # is the statement false (a myth) or true?
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


@dataclass(frozen=True)
class SlideKind:
    name: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    options: ClassVar[dict[str, OptionSpec]] = {}

    @classmethod
    def all_options(cls) -> dict[str, OptionSpec]:
        return {**COMMON_OPTIONS, **cls.options}


KINDS: dict[str, type[SlideKind]] = {}


def register(cls: type[SlideKind]) -> type[SlideKind]:
    KINDS[cls.name] = cls
    return cls


def kind_named(name: str) -> type[SlideKind] | None:
    return KINDS.get(name)


@register
class ContentKind(SlideKind):
    name = "content"
    summary = "text, lists, tables and images (the default)"


@register
class TitleKind(SlideKind):
    name = "title"
    summary = "the opening slide: big title, subtitle"


@register
class SectionKind(SlideKind):
    name = "section"
    summary = "starts a part of the workshop; shown in the agenda"


@register
class DiscussionKind(SlideKind):
    name = "discussion"
    summary = "a prompt for the room, with a visible countdown"
    options: ClassVar[dict[str, OptionSpec]] = {
        "format": OptionSpec(
            "format", CHOICE, "solo, pairs, groups or whole room", DISCUSSION_FORMATS
        ),
        "followups": OptionSpec("followups", LIST, "follow-up questions for the facilitator"),
    }


@register
class MythKind(SlideKind):
    name = "myth"
    summary = "a statement the room votes on, then the reality with its source"
    options: ClassVar[dict[str, OptionSpec]] = {
        "myth": OptionSpec("myth", TEXT, "the statement, as people say it"),
        "reality": OptionSpec("reality", TEXT, "what is actually true"),
        "answer": OptionSpec(
            "answer",
            CHOICE,
            "myth (the default) or reality, when the statement is true",
            MYTH_ANSWERS,
        ),
    }


@register
class BreakKind(SlideKind):
    name = "break"
    summary = "a pause, with its length"


@register
class HelpKind(SlideKind):
    name = "help"
    summary = "the support contacts, big"


@register
class RecapKind(SlideKind):
    name = "recap"
    summary = "asks earlier myths again, by id (the 'after' of a before/after poll)"
    options: ClassVar[dict[str, OptionSpec]] = {
        "myths": OptionSpec("myths", LIST, "ids of myth slides to ask again")
    }
