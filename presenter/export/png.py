"""Every slide at every reveal step as PNG images, through the one renderer.

One exporter for the command line (``presenter export --png DIR``) and the home
window: the same names (``NNN-SS.png``: slide number in the variant, reveal step), the
same steps, and a picture that cannot be saved is an :class:`ExportError` naming the
file, never skipped in silence.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Sequence
from pathlib import Path

from presenter.core.deck.model import Deck, HelpContact
from presenter.core.session.view import SlideView
from presenter.export.progress import ExportError, ProgressCallback, report

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1920, 1080)


def png_views(deck: Deck, variant: str | None) -> list[tuple[str, SlideView]]:
    """Every slide at every reveal step, with its file name: ``003-02.png``."""
    slides = deck.slides_for(variant)
    views = []
    for number, slide in enumerate(slides, start=1):
        for step in range(slide.step_count):
            view = SlideView(slide.index, step, slide_number=number, slide_total=len(slides))
            views.append((f"{number:03d}-{step + 1:02d}.png", view))
    return views


def export_png(
    deck: Deck,
    folder: str | os.PathLike[str],
    *,
    variant: str | None = None,
    theme: str | None = None,
    help_contacts: Sequence[HelpContact] = (),
    size: tuple[int, int] = DEFAULT_SIZE,
    progress: ProgressCallback | None = None,
) -> int:
    """Write the images into ``folder`` (created if needed); return how many.

    ``theme``: a theme name, or None for the deck's own theme.
    """
    from PySide6.QtCore import QSize

    from presenter.export.pdf import ensure_app, why_not_written
    from presenter.render import SlideRenderer, load_theme

    ensure_app()
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{target}: cannot create the folder ({exc.strerror or exc})") from exc
    renderer = SlideRenderer(
        deck, load_theme(theme or deck.meta.theme, deck.folder), tuple(help_contacts)
    )
    views = png_views(deck, variant)
    pixels = QSize(*size)
    report(progress, 0, len(views))
    for done, (name, view) in enumerate(views, start=1):
        path = target / name
        if not renderer.image(view, pixels).save(str(path)):
            log.warning("could not write %s", path)
            with contextlib.suppress(OSError):  # what a full drive left is no picture
                path.unlink(missing_ok=True)
            raise ExportError(f"{path}: could not write the image: {why_not_written(target)}")
        renderer.invalidate()  # keep memory flat on long decks
        report(progress, done, len(views))
    return len(views)
