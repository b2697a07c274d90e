"""The fallback pack: slides, guide, handout, myth cards and help cards for one deck, in
one folder."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from datetime import time
from pathlib import Path

from presenter.core.model import Deck, HelpContact
from presenter.export.cards import export_cards
from presenter.export.content import unique_myths
from presenter.export.guide import export_guide
from presenter.export.handout import export_handout
from presenter.export.helpcard import export_help_card
from presenter.export.pdf import A4, Paper, safe_stem
from presenter.export.progress import ExportError, ProgressCallback, report
from presenter.export.slides import export_slides_pdf

log = logging.getLogger(__name__)

PART_UNITS = 100  # the pack reports progress in these units per document


def pack_names(deck: Deck, variant: str | None = None) -> dict[str, str]:
    """File names in the pack: ``<deck>-slides.pdf`` and so on (with the variant)."""
    stem = safe_stem(deck.folder.name if deck.folder is not None else deck.meta.title)
    if variant:
        stem += f"-{safe_stem(variant)}"
    kinds = ("slides", "guide", "handout", "cards", "helpcard")
    names = {kind: f"{stem}-{kind}.pdf" for kind in kinds}
    if not unique_myths(deck, variant):
        del names["cards"]
    return names


def export_pack(
    deck: Deck,
    folder: str | os.PathLike[str],
    *,
    paper: Paper = A4,
    start: time | None = None,
    steps: bool = False,
    variant: str | None = None,
    theme: str | None = None,
    help_contacts: Sequence[HelpContact] = (),
    progress: ProgressCallback | None = None,
) -> dict[str, Path]:
    """Write every document into ``folder`` (created if needed); return kind -> path.

    Progress is reported in units: ``PART_UNITS`` per document. Cards are left out
    when the deck has no myths; the help card is always there.
    """
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{target}: cannot create the folder ({exc.strerror or exc})") from exc
    names = pack_names(deck, variant)
    total = PART_UNITS * len(names)
    report(progress, 0, total)
    written: dict[str, Path] = {}
    for number, (kind, name) in enumerate(names.items()):
        part = _scaled(progress, number * PART_UNITS, total)
        path = target / name
        common = {"variant": variant, "progress": part}
        if kind == "slides":
            export_slides_pdf(
                deck, path, steps=steps, theme=theme, help_contacts=help_contacts, **common
            )
        elif kind == "guide":
            export_guide(
                deck,
                path,
                paper=paper,
                start=start,
                theme=theme,
                help_contacts=help_contacts,
                **common,
            )
        elif kind == "handout":
            export_handout(deck, path, paper=paper, help_contacts=help_contacts, **common)
        elif kind == "helpcard":
            export_help_card(deck, path, paper=paper, help_contacts=help_contacts, **common)
        else:
            export_cards(deck, path, paper=paper, **common)
        written[kind] = path
        report(progress, (number + 1) * PART_UNITS, total)
    return written


def _scaled(progress: ProgressCallback | None, before: int, total: int) -> ProgressCallback:
    def part(done: int, of: int) -> None:
        if progress is not None and of > 0:
            progress(before + min(PART_UNITS, done * PART_UNITS // of), total)

    return part
