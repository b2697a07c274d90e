"""The one list of export formats: what each is called, where it goes, how it is run.

The command line (``presenter export --png/--pdf/--guide/...``), the home window's
Export dialog, the pack and the package's lazy names all read :data:`FORMATS`. Adding a
format is one entry here (and its exporter module); nothing else lists formats.

Every format is run the same way, ``run(key, deck, target, options)``, with one
:class:`ExportOptions`: a misspelt option is a type error, not silently dropped.
Plain Python: the exporter modules (and Qt) are imported only when a format runs.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any

from presenter.core.model import Deck, HelpContact

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1920, 1080)
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportOptions:
    """Everything any format may use; each format reads only what it needs."""

    variant: str | None = None
    theme: str | None = None  # None: the format's own default (print theme for paper)
    help_contacts: Sequence[HelpContact] = ()
    paper: str = "A4"  # A4 or Letter
    start: time | None = None  # the workshop's clock start, for the guide's agenda
    steps: bool = False  # slides PDF: one page per reveal step
    size: tuple[int, int] = DEFAULT_SIZE  # PNG pixels
    progress: Progress | None = None


@dataclass(frozen=True)
class ExportFormat:
    key: str  # the name in the pack's file names and the home window
    option: str  # the command-line option's dest: pdf for --pdf, help_card for --help-card
    label: str  # English, for the home window (through i18n.t)
    cli_label: str  # the progress line's word
    module: str
    function: str
    folder: bool  # writes a folder (else one file with ``suffix``)
    suffix: str = ""
    in_pack: bool = False  # one of the pack's documents
    needs_myths: bool = False  # nothing to write for a deck without myths
    paper: bool = True  # printed (PDF): the paper options apply
    prints_contacts: bool = False  # prints the help contacts (warn when there are none)
    how_to_print: str = ""  # English, said after the page count on the command line

    def load(self) -> Callable[..., Any] | None:
        """The exporter function, or None when this build leaves the module out."""
        try:
            module = importlib.import_module(self.module)
        except ImportError:
            log.info("export format %s is not in this build", self.key)
            return None
        found = getattr(module, self.function, None)
        return found if callable(found) else None


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(
        "pack", "pack", "Workshop pack (every printout, in one folder)", "Pack",
        "presenter.export.pack", "export_pack", folder=True, prints_contacts=True,
    ),
    ExportFormat(
        "slides", "pdf", "Slides (PDF)", "Slides",
        "presenter.export.slides", "export_slides_pdf", folder=False, suffix=".pdf",
        in_pack=True,
    ),
    ExportFormat(
        "guide", "guide", "Facilitator guide (PDF)", "Guide",
        "presenter.export.guide", "export_guide", folder=False, suffix=".pdf", in_pack=True,
        prints_contacts=True,
    ),
    ExportFormat(
        "handout", "handout", "Handout for participants (PDF)", "Handout",
        "presenter.export.handout", "export_handout", folder=False, suffix=".pdf",
        in_pack=True, prints_contacts=True,
    ),
    ExportFormat(
        "cards", "cards", "Myth cards (PDF)", "Cards",
        "presenter.export.cards", "export_cards", folder=False, suffix=".pdf",
        in_pack=True, needs_myths=True, how_to_print="print double-sided, flip on the long edge",
    ),
    ExportFormat(
        "helpcard", "help_card", "Help cards to cut out (PDF)", "Help cards",
        "presenter.export.helpcard", "export_help_card", folder=False, suffix=".pdf",
        in_pack=True, prints_contacts=True, how_to_print="cut along the lines",
    ),
    ExportFormat(
        "png", "png", "Slide pictures (PNG, in one folder)", "Images",
        "presenter.export.png", "export_png", folder=True, paper=False,
    ),
)  # fmt: skip


def format_named(key: str) -> ExportFormat:
    for fmt in FORMATS:
        if fmt.key == key:
            return fmt
    raise KeyError(key)


def pack_formats() -> tuple[ExportFormat, ...]:
    return tuple(fmt for fmt in FORMATS if fmt.in_pack)


def _paper(name: str) -> Any:
    from presenter.export.pdf import paper_named

    return paper_named(name)


# How each format's function takes the options: the only place that knows.
_CALLS: dict[str, Callable[[ExportOptions], dict[str, Any]]] = {
    "pack": lambda o: {
        "paper": _paper(o.paper), "start": o.start, "steps": o.steps, "variant": o.variant,
        "theme": o.theme, "help_contacts": o.help_contacts, "progress": o.progress,
    },
    "slides": lambda o: {
        "steps": o.steps, "variant": o.variant, "theme": o.theme,
        "help_contacts": o.help_contacts, "progress": o.progress,
    },
    "guide": lambda o: {
        "paper": _paper(o.paper), "start": o.start, "variant": o.variant, "theme": o.theme,
        "help_contacts": o.help_contacts, "progress": o.progress,
    },
    "handout": lambda o: {
        "paper": _paper(o.paper), "variant": o.variant, "help_contacts": o.help_contacts,
        "progress": o.progress,
    },
    "cards": lambda o: {"paper": _paper(o.paper), "variant": o.variant, "progress": o.progress},
    "helpcard": lambda o: {
        "paper": _paper(o.paper), "variant": o.variant, "help_contacts": o.help_contacts,
        "progress": o.progress,
    },
    "png": lambda o: {
        "variant": o.variant, "theme": o.theme, "help_contacts": o.help_contacts,
        "size": o.size, "progress": o.progress,
    },
}  # fmt: skip


def run(key: str, deck: Deck, target: str | Path, options: ExportOptions) -> Any:
    """Export ``deck`` as format ``key`` to ``target``; returns what the exporter returns
    (pages or images written; the pack: kind -> path). Raises ExportError, or
    ExportCancelled from the progress callback."""
    from presenter.export.progress import ExportError

    fmt = format_named(key)
    function = fmt.load()
    if function is None:
        raise ExportError(f"{fmt.label}: not in this build")
    return function(deck, Path(target), **_CALLS[key](options))


def lazy_names() -> dict[str, str]:
    """Exporter function name -> module name, for ``presenter.export``'s lazy imports."""
    return {fmt.function: fmt.module.rsplit(".", 1)[-1] for fmt in FORMATS}
