"""The table of slide layouts: one entry per slide kind, written out, no registration.

Every kind in :mod:`presenter.core.deck.kinds` has its layout here; a test keeps the two in
step. Importing this module has no side effects beyond importing the layout modules.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from types import MappingProxyType

from presenter.render.layouts import helpslide, myths, slides
from presenter.render.layouts.slides import Layout

log = logging.getLogger(__name__)

LAYOUTS: Mapping[str, Layout] = MappingProxyType(
    {
        "content": slides.content,
        "title": slides.title,
        "section": slides.section,
        "discussion": slides.discussion,
        "break": slides.break_,
        "myth": myths.myth_slide,
        "recap": myths.recap_slide,
        "help": helpslide.help_slide,
    }
)


def layout_for(kind: str) -> Layout:
    """The layout of a kind name; the content layout for a name no kind has."""
    return LAYOUTS.get(kind, slides.content)
