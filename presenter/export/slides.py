"""The slides as a PDF: one 16:9 page per slide, or per reveal step, by the one renderer."""

from __future__ import annotations

import os
from collections.abc import Sequence

from presenter.core.deck.model import Deck, HelpContact
from presenter.core.session.view import SlideView
from presenter.export.pdf import SLIDE, paper_theme, pdf_painter
from presenter.export.progress import ProgressCallback, report
from presenter.render.renderer import SlideRenderer


def slide_views(deck: Deck, variant: str | None = None, *, steps: bool = False) -> list[SlideView]:
    """The frames to print: each slide fully revealed, or every reveal step in order."""
    slides = deck.slides_for(variant)
    views = []
    for number, slide in enumerate(slides, start=1):
        shown = range(slide.step_count) if steps else (slide.step_count - 1,)
        for step in shown:
            views.append(SlideView(slide.index, step, slide_number=number, slide_total=len(slides)))
    return views


def export_slides_pdf(
    deck: Deck,
    path: str | os.PathLike[str],
    *,
    steps: bool = False,
    variant: str | None = None,
    theme: str | None = None,
    help_contacts: Sequence[HelpContact] = (),
    progress: ProgressCallback | None = None,
) -> int:
    """Write the slides PDF; return its page count.

    ``theme``: a theme name, ``"deck"`` for the deck's own, or None for ``print``.
    ``help_contacts``: what the help slide shows (see ``resolve_help``).
    """
    views = slide_views(deck, variant, steps=steps)
    report(progress, 0, len(views))
    renderer = SlideRenderer(deck, paper_theme(deck, theme), help_contacts)
    title = deck.meta.title
    with pdf_painter(path, SLIDE, title) as pages:
        for done, view in enumerate(views, start=1):
            if done > 1:
                pages.new_page()
            renderer.paint(pages.painter, SLIDE.rect, view)
            report(progress, done, len(views))
        if not views:
            pass  # an empty deck still gives a valid one-page PDF
    return max(1, len(views))
