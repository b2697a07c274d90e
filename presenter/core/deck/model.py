"""The deck model: immutable data produced by the parser, read by everything else."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

from markupsafe import Markup

from presenter.core.deck.diagnostics import Diagnostic, Level

log = logging.getLogger(__name__)


def _empty() -> Mapping[str, Any]:
    return MappingProxyType({})


def may_have_images(texts: list[str]) -> bool:
    """Whether converting these texts could find an image (every Markdown image, inline
    or by reference, is written with ``![``)."""
    return any("![" in text for text in texts)


def escape_text(text: str) -> Markup:
    return Markup.escape(text)


@dataclass(frozen=True)
class SlideHtml:
    """A slide's HTML, made by the parser's sanitising Markdown (see
    :mod:`presenter.core.deck.content`)."""

    steps_html: tuple[Markup, ...] = ()  # cumulative HTML: steps_html[k] shows steps 0..k
    images: tuple[str, ...] = ()  # accepted image paths, relative to the deck folder
    refused: tuple[tuple[str, Any], ...] = ()  # (source, why) of each image refused


class HtmlSource(Protocol):
    """Where a slide's HTML comes from: made at once, or when it is first read."""

    @property
    def converted(self) -> bool: ...

    def get(self) -> SlideHtml: ...

    def notes(self) -> Markup: ...


@dataclass(frozen=True)
class FixedHtml:
    html: SlideHtml = field(default_factory=SlideHtml)
    notes_html: Markup = field(default_factory=Markup)
    converted: bool = True

    def get(self) -> SlideHtml:
        return self.html

    def notes(self) -> Markup:
        return self.notes_html


@dataclass(frozen=True)
class HelpContact:
    """One support contact: who, how to reach them, and when."""

    name: str
    reach: str = ""
    when: str = ""
    notes: str = ""


@dataclass(frozen=True)
class DeckMeta:
    title: str = "Untitled workshop"
    subtitle: str = ""
    audience: str = ""
    language: str = "en"
    duration: float | None = None
    theme: str = "default"
    # None: not declared (the checker warns); "": declared as `none`.
    content_warning: str | None = None
    help: tuple[HelpContact, ...] = ()
    variants: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    version: str = ""
    parsed: bool = True  # False when the front matter could not be read at all
    lines: Mapping[str, int] = field(
        default_factory=_empty
    )  # 1-based line of each front-matter key

    @property
    def has_content_warning(self) -> bool:
        return bool(self.content_warning)


@dataclass(frozen=True)
class MythData:
    """A myth-versus-reality item: the statement, the reality and where it comes from."""

    statement: str
    reality: str
    sources: tuple[str, ...]
    id: str | None
    answer: str = "myth"  # "reality" when the statement is true
    # Deck text to HTML: the parser's sanitising Markdown, used when the HTML is first read.
    inline: Callable[[str], Markup] = field(default=escape_text, compare=False, repr=False)

    @cached_property
    def statement_html(self) -> Markup:
        return self.inline(self.statement)

    @cached_property
    def reality_html(self) -> Markup:
        return self.inline(self.reality)

    @property
    def is_myth(self) -> bool:
        """Whether the statement is a myth (answering "myth" is right)."""
        return self.answer != "reality"

    @property
    def answer_label(self) -> str:
        """The English word the reveal shows: "Myth" or "Reality"."""
        return "Myth" if self.is_myth else "Reality"

    @property
    def is_true(self) -> bool:
        """Whether the statement is true (answering "reality" is right)."""
        return not self.is_myth


@dataclass(frozen=True)
class DiscussionData:
    minutes: float | None
    format: str  # solo / pairs / groups / whole room ("" when not given)
    followups: tuple[str, ...]

    @property
    def format_label(self) -> str:
        return {
            "solo": "On your own",
            "pairs": "In pairs",
            "groups": "In small groups",
            "whole room": "Whole room",
        }.get(self.format, "")


@dataclass(frozen=True)
class Slide:
    """One slide. ``line``/``end_line`` are 1-based and inclusive, in the deck file."""

    index: int
    kind: str
    title: str
    body: str  # Markdown source of the body (without options, notes and step markers)
    notes: str
    line: int
    end_line: int
    revision: str
    options: Mapping[str, Any] = field(default_factory=_empty)
    option_lines: Mapping[str, int] = field(default_factory=_empty)
    id: str | None = None
    minutes: float | None = None
    only: tuple[str, ...] = ()
    except_: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    myth: MythData | None = None
    discussion: DiscussionData | None = None
    recap_ids: tuple[str, ...] = ()
    step_count: int = 1
    # The HTML of the steps and notes, and the images they show (made when first read).
    content: HtmlSource = field(default_factory=FixedHtml, compare=False, repr=False)

    @property
    def steps_html(self) -> tuple[Markup, ...]:
        """Cumulative HTML: ``steps_html[k]`` shows steps 0..k."""
        return self.content.get().steps_html

    @property
    def notes_html(self) -> Markup:
        """The speaker notes as HTML (made on their own: the room's slides need none)."""
        return self.content.notes()

    @property
    def images(self) -> tuple[str, ...]:
        """Accepted image paths, relative to the deck folder (a slide whose text has no
        ``![`` has none: it is not converted to find that out)."""
        if not may_have_images([self.body]):
            return ()
        return self.content.get().images

    def visible_for(self, variant: str | None) -> bool:
        """Whether this slide is shown to the given audience band (None: every slide)."""
        if variant is None:
            return True
        if self.only and variant not in self.only:
            return False
        return variant not in self.except_

    def html_at(self, step: int) -> Markup:
        if not self.steps_html:
            return Markup("")
        return self.steps_html[max(0, min(step, len(self.steps_html) - 1))]


@dataclass(frozen=True)
class Deck:
    path: Path | None
    meta: DeckMeta
    slides: tuple[Slide, ...]
    content_hash: str
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def folder(self) -> Path | None:
        return self.path.parent if self.path is not None else None

    @property
    def file_label(self) -> str:
        return str(self.path) if self.path is not None else "<deck>"

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.level is Level.ERROR)

    @property
    def ok(self) -> bool:
        return not self.errors

    def slides_for(self, variant: str | None) -> tuple[Slide, ...]:
        return tuple(s for s in self.slides if s.visible_for(variant))

    def myth_by_id(self, myth_id: str) -> MythData | None:
        for slide in self.slides:
            if slide.myth is not None and slide.myth.id == myth_id:
                return slide.myth
        return None

    def planned_minutes(self, variant: str | None = None) -> float:
        return sum(s.minutes or 0.0 for s in self.slides_for(variant))
