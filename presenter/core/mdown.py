"""Markdown to HTML for slides, with raw HTML shown as text and images policed.

Python-Markdown passes raw HTML straight through (``<script>``, ``onerror=``,
``javascript:`` links). We deregister its HTML processors so raw HTML becomes visible
text, and a final tree processor keeps an image only when its path resolves inside the
deck's folder. Links lose their targets: nothing on a projected slide is clickable.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
from markdown.extensions import Extension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor

from presenter.core.paths import PathRefused, resolve_inside

log = logging.getLogger(__name__)


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
            extensions=[TableExtension(), SaneListExtension(), self.safety],
            output_format="html",
        )

    def convert(self, text: str) -> str:
        self.md.reset()
        return self.md.convert(text)
