"""Raw HTML in a deck: found with its line, so ``check`` can say it will show as text.

Slides never apply raw HTML (see ``mdown.py``): a ``<div class="…">`` or ``<style>``
brought over from a Slidev, Marp or reveal.js deck appears to the room as the literal
tags. This finds such tags in the deck file, outside code fences, inline code spans and
``<!-- comments -->``, so the organizer cleans the deck knowingly.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from presenter.core.deck.diagnostics import DiagnosticSink
from presenter.core.deck.mdown import FENCE
from presenter.core.deck.model import Deck

log = logging.getLogger(__name__)

TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])(?:[^<>`]*?)/?>")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
COMMENT = re.compile(r"<!--.*?-->")
SHOWN_MAX = 40  # characters of one tag quoted in a message
REPORTED_MAX = 12  # lines reported one by one; the rest are counted
HINT = "remove it, or say it in Markdown (# headings, **bold**, - lists, ![](image.png))"


def deck_lines(path: Path | None) -> list[str]:
    """The deck file's lines as ``check`` reports them; none if it cannot be read."""
    if path is None:
        return []
    try:
        return path.read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return []


def check_raw_html(deck: Deck, sink: DiagnosticSink) -> None:
    """``check``: a warning on each line with raw HTML, naming the tags."""
    found = list(find_raw_html(deck_lines(deck.path)))
    for item in found[:REPORTED_MAX]:
        sink.warning(item.line, item.message(), HINT, code="raw-html")
    if len(found) > REPORTED_MAX:
        rest = found[REPORTED_MAX]
        sink.warning(
            rest.line,
            f"raw HTML on {len(found) - REPORTED_MAX} more lines is shown as text too",
            HINT,
            code="raw-html",
        )


@dataclass(frozen=True)
class RawHtml:
    line: int  # 1-based, in the deck file
    tags: tuple[str, ...]  # as written, shortened

    def message(self) -> str:
        shown = ", ".join(self.tags)
        return f"raw HTML is shown to the room as text, not applied: {shown}"


def _short(tag: str) -> str:
    tag = re.sub(r"\s+", " ", tag)
    return tag if len(tag) <= SHOWN_MAX else tag[: SHOWN_MAX - 2] + "…>"


def find_raw_html(lines: list[str]) -> Iterator[RawHtml]:
    """Each line of ``lines`` (a deck file's) that holds raw HTML, with its tags."""
    fence: str | None = None
    in_comment = False
    for number, line in enumerate(lines, start=1):
        match = FENCE.match(line)
        if fence is None and match and not (match["fence"][0] == "`" and "`" in match["info"]):
            fence = match["fence"]
            continue
        if fence is not None:
            if match and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence):
                fence = None
            continue
        text = line
        if in_comment:
            if "-->" not in text:
                continue
            text = text.split("-->", 1)[1]
            in_comment = False
        text = COMMENT.sub(" ", text)
        if "<!--" in text:
            text, in_comment = text.split("<!--", 1)[0], True
        text = CODE_SPAN.sub(" ", text)
        opening = (m.group(0) for m in TAG.finditer(text) if not m.group(0).startswith("</"))
        tags = tuple(dict.fromkeys(_short(tag) for tag in opening))
        if tags:
            yield RawHtml(number, tags)
