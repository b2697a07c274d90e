"""A slide's HTML, made from its Markdown when it is first needed.

The parser keeps each slide's steps and notes as text and hands them to a
:class:`LazyHtml`; the HTML is made the first time something reads
``slide.steps_html`` or ``slide.images`` (the notes: ``slide.notes_html``, on their
own) and kept from then on.
``presenter run`` parses lazily so the room's first frame (usually the content warning)
waits for no Markdown at all, and Python-Markdown is not even imported until a slide
body is first shown; ``check`` and the exporters parse eagerly and convert every slide.

Laziness never hides a problem a lazy parse could report: the only diagnostics a
conversion makes are refused images, and an image needs ``![`` in the slide's text, so
the parser converts every such slide at once (see
:func:`~presenter.core.deck.model.may_have_images`). The image
policy itself is applied by every conversion, early or late.
"""

from __future__ import annotations

import html
import logging
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from presenter.core.deck.model import SlideHtml

if TYPE_CHECKING:
    from presenter.core.deck.mdown import SlideMarkdown
    from presenter.core.deck.paths import PathRefused

log = logging.getLogger(__name__)


def plain_html(text: str) -> str:
    """Text as escaped paragraphs, no Markdown: the fallback for pathological slides."""
    paragraphs = re.split(r"\n[ \t]*\n", text)
    return "\n".join(
        "<p>" + html.escape(p.strip()).replace("\n", "<br />\n") + "</p>"
        for p in paragraphs
        if p.strip()
    )


_LIST_OPEN = re.compile(r"^<(ul|ol)( start=\"\d+\")?>\n")


def join_html(before: str, piece: str) -> str:
    """``before`` followed by ``piece``; a list cut by a step marker stays one list."""
    if not before:
        return piece
    if not piece:
        return before
    opening = _LIST_OPEN.match(piece)
    if opening is not None and before.endswith(f"</{opening.group(1)}>"):
        closing = len(opening.group(1)) + 3
        return before[:-closing] + piece[opening.end() :]
    return before + "\n" + piece


_BLOCK_LINE = re.compile(r"^ {0,3}(#{1,6}(\s|$)|([-*_])( *\3){2,} *$)")
MAX_BLOCK_LINES = 60
MAX_QUOTE_DEPTH = 8  # '>' levels: each is parsed again by the level above
_DEEP_QUOTE = re.compile(rf"^((?:[ \t]*>){{{MAX_QUOTE_DEPTH}}})(?:[ \t]*>)+")


def separate_blocks(text: str) -> str:
    """Headings and rules each on a block of their own, and no block over
    :data:`MAX_BLOCK_LINES` lines (a blank line is put in).

    Headings and rules are separate blocks in Markdown anyway, so they look the same;
    but Python-Markdown splits a block one heading, rule or underline at a time,
    copying the rest each time (15,000 heading lines took 9 s, setext underlines 18 s).
    With both, its work is linear in the text. No real slide has a block that long."""
    out: list[str] = []
    run = 0
    for line in text.split("\n"):
        if line.lstrip().startswith(">"):
            line = _DEEP_QUOTE.sub(r"\1", line)
        if not line.strip():
            run = 0
            out.append(line)
        elif _BLOCK_LINE.match(line):
            if out and out[-1].strip():
                out.append("")
            out += [line, ""]
            run = 0
        else:
            if run >= MAX_BLOCK_LINES:
                out.append("")
                run = 0
            out.append(line)
            run += 1
    return "\n".join(out)


class Converter:
    """The deck's one sanitising Markdown (:mod:`presenter.core.deck.mdown`), made on
    first use. Conversions are serialised: one Markdown instance is reset between them,
    and a lazy slide may be converted from a worker thread as well as the GUI's."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._md: SlideMarkdown | None = None
        self._lock = threading.RLock()

    def _markdown(self) -> SlideMarkdown:
        if self._md is None:
            from presenter.core.deck.mdown import SlideMarkdown

            self._md = SlideMarkdown(self.folder)
        return self._md

    def convert(self, text: str) -> tuple[str, list[str], list[tuple[str, PathRefused]]]:
        """HTML, the accepted images and the refused ones (source, reason)."""
        with self._lock:
            md = self._markdown()
            out = md.convert(text)
            return out, list(md.safety.images), list(md.safety.refused)

    def inline(self, text: str) -> Markup:
        """One paragraph of deck text as HTML (the sanitising Markdown made it: Markup)."""
        if not text:
            return Markup("")
        out = self.convert(text)[0].strip()
        if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
            out = out[3:-4]
        return Markup(out)


class LazyHtml:
    """One slide's HTML, converted once on first :meth:`get` (thread-safe)."""

    def __init__(
        self, converter: Converter, steps: list[str], notes: str, *, plain: bool = False
    ) -> None:
        self._converter = converter
        self._steps = steps
        self._notes = notes
        self._plain = plain
        self._made: SlideHtml | None = None
        self._notes_html: Markup | None = None
        self._lock = threading.Lock()

    @property
    def converted(self) -> bool:
        return self._made is not None

    def get(self) -> SlideHtml:
        made = self._made
        if made is None:
            with self._lock:
                made = self._made
                if made is None:
                    made = self._made = self._convert()
        return made

    def notes(self) -> Markup:
        """The notes' HTML, converted once on first use (the slides' own HTML is apart:
        exporting the slides or checking them converts no notes)."""
        made = self._notes_html
        if made is None:
            with self._lock:
                made = self._notes_html
                if made is None:
                    made = self._notes_html = self._convert_notes()
        return made

    def _convert_notes(self) -> Markup:
        if not self._notes.strip():
            return Markup("")
        try:
            return Markup(self._converter.convert(self._notes)[0])
        except Exception:  # a converter bug must not end a workshop: show the text plainly
            log.exception("a slide's notes could not be converted; shown as plain text")
            return Markup(plain_html(self._notes))

    def _convert(self) -> SlideHtml:
        try:
            return self._markdown()
        except Exception:  # a converter bug must not end a workshop: show the text plainly
            log.exception("a slide's Markdown could not be converted; shown as plain text")
            return SlideHtml(
                steps_html=tuple(
                    Markup(plain_html("\n\n".join(self._steps[: k + 1])))
                    for k in range(len(self._steps))
                )
            )

    def _markdown(self) -> SlideHtml:
        md = self._converter
        steps_html: list[Markup] = []
        images: list[str] = []
        refused: list[tuple[str, PathRefused]] = []
        shown = ""  # plain str while joining; each step becomes Markup once
        for step_text in self._steps:
            piece = ""
            if step_text.strip():  # an empty step converts nothing: no images left from before
                if self._plain:
                    piece = plain_html(step_text)
                else:
                    piece, found, refusals = md.convert(separate_blocks(step_text))
                    images += found
                    refused += refusals
            shown = join_html(shown, piece)
            steps_html.append(Markup(shown))
        return SlideHtml(
            steps_html=tuple(steps_html),
            images=tuple(dict.fromkeys(images)),
            refused=tuple(dict.fromkeys(refused)),
        )
