"""Markdown to HTML for slides, with raw HTML shown as text and images policed.

Python-Markdown passes raw HTML straight through (``<script>``, ``onerror=``,
``javascript:`` links). We deregister its HTML processors so raw HTML becomes visible
text, and a final tree processor keeps an image only when its path resolves inside the
deck's folder. Links lose their targets: nothing on a projected slide is clickable.

Fenced code keeps its lines whatever its info string: decks written for Slidev, Marp or
reveal.js open fences with ```` ```ts {all|2} ```` or ```` ```js title="x" ````, which
Python-Markdown's ``fenced_code`` does not recognise (the block would become one run-on
line with the info string shown). ``FenceInfo`` reduces every opening fence to the bare
fence first; the language is not shown on a slide.
"""

from __future__ import annotations

import importlib
import logging
import re
import sys
import xml.etree.ElementTree as etree
from pathlib import Path
from types import ModuleType

import markdown
from markdown.extensions import Extension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from presenter.core.deck.paths import PathRefused, resolve_inside

log = logging.getLogger(__name__)


def _import_fenced_code() -> ModuleType:
    """Python-Markdown's ``fenced_code``, without Pygments.

    ``fenced_code`` imports ``codehilite``, which imports Pygments whenever it is
    installed (about 10 ms and 2 MB, on every command), for syntax highlighting we never
    turn on: slides show code plain. Pygments is hidden for that one import only;
    anything else that imports it later gets it as usual.
    """
    name = "markdown.extensions.fenced_code"
    if name in sys.modules or "pygments" in sys.modules:
        return importlib.import_module(name)
    sys.modules["pygments"] = None  # type: ignore[assignment]  # "import pygments" fails
    try:
        return importlib.import_module(name)
    finally:
        del sys.modules["pygments"]


# CommonMark: up to three spaces, then three or more backticks or tildes, then the info.
FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


def fence_lines(lines: list[str]) -> list[str]:
    """Every opening code fence reduced to the bare fence; closing fences and code kept."""
    out: list[str] = []
    open_fence: str | None = None
    for line in lines:
        match = FENCE.match(line)
        if open_fence is None:
            if match and not (match["fence"][0] == "`" and "`" in match["info"]):
                open_fence = match["fence"]
                line = match["indent"] + match["fence"]
        elif (
            match
            and match["fence"][0] == open_fence[0]
            and (len(match["fence"]) >= len(open_fence) and not match["info"].strip())
        ):
            open_fence = None
        out.append(line)
    return out


class FenceInfo(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return fence_lines(lines)


class CodeEnd(Postprocessor):
    """No empty last line in a code block (Qt draws the newline before ``</code>``)."""

    def run(self, text: str) -> str:
        return text.replace("\n</code></pre>", "</code></pre>")


class _Policy(Treeprocessor):
    def __init__(self, md: markdown.Markdown, ext: DeckSafetyExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                self._police(parent, child)

    def _police(self, parent: etree.Element, el: etree.Element) -> None:
        for attr in list(el.attrib):
            if attr.lower().startswith("on") or attr.lower() in ("style", "class", "id"):
                del el.attrib[attr]
        if el.tag == "a":
            el.attrib.pop("href", None)
            el.attrib.pop("title", None)
        elif el.tag == "img":
            src = el.attrib.get("src", "")
            try:
                if self.ext.folder is None:
                    raise PathRefused("images need a deck saved in a folder")
                target = resolve_inside(self.ext.folder, src)
            except PathRefused as refused:
                self.ext.refused.append((src, refused))
                notice = etree.Element("em")
                alt = el.attrib.get("alt", "")
                notice.text = f"[image not shown{': ' + alt if alt else ''}]"
                notice.tail = el.tail
                index = list(parent).index(el)
                parent.remove(el)
                parent.insert(index, notice)
                return
            rel = target.relative_to(self.ext.folder.resolve()).as_posix()
            el.attrib["src"] = rel
            self.ext.images.append(rel)


class DeckSafetyExtension(Extension):
    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.images: list[str] = []
        self.refused: list[tuple[str, PathRefused]] = []

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        # Before fenced_code (25), after normalize_whitespace (30).
        md.preprocessors.register(FenceInfo(md), "fence_info", 28)
        md.postprocessors.register(CodeEnd(md), "code_end", 0)
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_Policy(md, self), "deck_policy", 0)
        md.registerExtension(self)

    def reset(self) -> None:
        self.images = []
        self.refused = []


class SlideMarkdown:
    """One configured converter per deck, reset between conversions."""

    def __init__(self, folder: Path | None) -> None:
        self.safety = DeckSafetyExtension(folder)
        # Instances, not names: a name makes Markdown scan every installed package's
        # entry points first (measured 60-170 ms at start-up, on every command).
        self.md = markdown.Markdown(
            extensions=[
                TableExtension(),
                SaneListExtension(),
                _import_fenced_code().FencedCodeExtension(),
                self.safety,
            ],
            output_format="html",
        )

    def convert(self, text: str) -> str:
        self.md.reset()
        return self.md.convert(text)
