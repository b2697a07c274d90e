"""The fallback pack: slides, guide, handout, myth cards and help cards for one deck, in
one folder."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from datetime import time
from pathlib import Path

from presenter.core.deck.model import Deck, HelpContact
from presenter.export.content import unique_myths
from presenter.export.pdf import A4, Paper, safe_stem
from presenter.export.progress import ExportError, ProgressCallback, report
from presenter.export.registry import ExportOptions, pack_formats
from presenter.export.registry import run as run_format

log = logging.getLogger(__name__)

PART_UNITS = 100  # the pack reports progress in these units per document


def pack_names(deck: Deck, variant: str | None = None) -> dict[str, str]:
    """File names in the pack: ``<deck>-slides.pdf`` and so on (with the variant).

    The documents are the export formats marked ``in_pack``; cards are left out when
    the deck has no myths."""
    # absolute(): a deck given as "." (or "deck.md") is named after its folder, not "deck"
    folder_name = deck.folder.absolute().name if deck.folder is not None else ""
    stem = safe_stem(folder_name or deck.meta.title)
    if variant:
        stem += f"-{safe_stem(variant)}"
    has_myths = bool(unique_myths(deck, variant))
    return {
        fmt.key: f"{stem}-{fmt.key}{fmt.suffix}"
        for fmt in pack_formats()
        if has_myths or not fmt.needs_myths
    }


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
    for number, (key, name) in enumerate(names.items()):
        options = ExportOptions(
            variant=variant,
            theme=theme,
            help_contacts=help_contacts,
            paper=paper.name,
            start=start,
            steps=steps,
            progress=_scaled(progress, number * PART_UNITS, total),
        )
        path = target / name
        run_format(key, deck, path, options)
        written[key] = path
        report(progress, (number + 1) * PART_UNITS, total)
    return written


def _scaled(progress: ProgressCallback | None, before: int, total: int) -> ProgressCallback:
    def part(done: int, of: int) -> None:
        if progress is not None and of > 0:
            progress(before + min(PART_UNITS, done * PART_UNITS // of), total)

    return part
