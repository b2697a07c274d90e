"""The paper formats of ``presenter export``: --pdf, --guide, --handout, --cards,
--help-card, --pack.

``presenter.commands.export`` owns the command (deck loading, --variant, --theme, help
contacts) and calls these through its format list. Qt is imported only when exporting,
so ``presenter --help`` stays quick.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from presenter.core.helpcontacts import is_placeholder
from presenter.core.model import Deck, HelpContact
from presenter.export.content import parse_start
from presenter.export.progress import ExportCancelled, ExportError, TerminalProgress

log = logging.getLogger(__name__)

EXIT_OK, EXIT_PROBLEMS = 0, 1


class Job(Protocol):
    deck: Deck
    variant: str | None
    theme_name: str | None
    help_contacts: tuple[HelpContact, ...]
    args: argparse.Namespace

    def say(self, message: str) -> None: ...


def paper_choice(text: str) -> str:
    value = text.strip().lower()
    if value not in ("a4", "letter"):
        raise argparse.ArgumentTypeError(f"paper must be A4 or Letter, not {text!r}")
    return "A4" if value == "a4" else "Letter"


def start_choice(text: str) -> str:
    try:
        parse_start(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "Paper (PDF)",
        "Printed documents use the print theme (black on white) unless --theme is given; "
        "--theme deck uses the deck's own theme.",
    )
    group.add_argument("--pdf", metavar="FILE", help="the slides, one 16:9 page per slide")
    group.add_argument("--steps", action="store_true", help="with --pdf: one page per reveal step")
    group.add_argument(
        "--guide", metavar="FILE", help="the facilitator guide: agenda, notes, answers"
    )
    group.add_argument(
        "--handout", metavar="FILE", help="the attendee handout (never the facilitator notes)"
    )
    group.add_argument(
        "--cards", metavar="FILE", help="myth cards to print double-sided and cut out"
    )
    group.add_argument(
        "--help-card",
        metavar="FILE",
        help="a sheet of small cards with only the help contacts, to cut out",
    )
    group.add_argument(
        "--pack",
        metavar="DIR",
        help="slides, guide, handout, cards and help cards together in DIR",
    )
    group.add_argument(
        "--paper",
        metavar="SIZE",
        type=paper_choice,
        default="A4",
        help="A4 (default) or Letter, for the guide, handout and cards",
    )
    group.add_argument(
        "--start",
        metavar="HH:MM",
        type=start_choice,
        help="clock time the workshop starts, for the guide's agenda",
    )
    group.add_argument(
        "--progress",
        action="store_true",
        help="show progress on stderr even when it is not a terminal",
    )


def no_arguments(parser: argparse.ArgumentParser) -> None:
    """The options are all added by ``add_arguments`` (one group)."""


def _common(job: Job) -> dict[str, Any]:
    from presenter.export.pdf import ensure_app

    ensure_app()
    variants = job.deck.meta.variants
    if variants and not job.variant and not getattr(job.args, "_told_variants", False):
        job.args._told_variants = True
        job.say(
            "note: this deck has variants (" + ", ".join(variants) + "); without --variant "
            "the paper holds every variant's slides"
        )
    return {"variant": job.variant}


def _paper(job: Job) -> Any:
    from presenter.export.pdf import paper_named

    return paper_named(job.args.paper)


def _start(job: Job) -> Any:
    return parse_start(job.args.start) if job.args.start else None


def _run(job: Job, label: str, target: str, work: Callable[[TerminalProgress], str]) -> int:
    progress = TerminalProgress(label, force=bool(getattr(job.args, "progress", False)))
    try:
        summary = work(progress)
    except ExportCancelled:
        progress.finish()
        job.say(f"{target}: export cancelled")
        return EXIT_PROBLEMS
    except (ExportError, OSError) as exc:
        progress.finish()
        job.say(f"{target}: error: {exc}")
        return EXIT_PROBLEMS
    progress.finish()
    job.say(f"{target}: {summary}")
    return EXIT_OK


def _pages(count: int) -> str:
    return f"{count} page" + ("" if count == 1 else "s")


def _warn_contacts(job: Job) -> None:
    contacts = job.help_contacts or job.deck.meta.help
    if not contacts:
        job.say(
            "warning: no help contacts found (help.yaml): the printed pages leave space to "
            "write local ones in by hand"
        )
    elif any(is_placeholder(c) for c in contacts):
        job.say("warning: help contacts look like placeholders; check them before printing")


def export_pdf(job: Job) -> int:
    from presenter.export.slides import export_slides_pdf

    def work(progress: TerminalProgress) -> str:
        pages = export_slides_pdf(
            job.deck,
            job.args.pdf,
            steps=job.args.steps,
            theme=job.theme_name,
            help_contacts=job.help_contacts,
            progress=progress,
            **_common(job),
        )
        return _pages(pages)

    return _run(job, "Slides", job.args.pdf, work)


def export_guide(job: Job) -> int:
    from presenter.export.guide import export_guide as write

    def work(progress: TerminalProgress) -> str:
        pages = write(
            job.deck,
            job.args.guide,
            paper=_paper(job),
            start=_start(job),
            theme=job.theme_name,
            help_contacts=job.help_contacts,
            progress=progress,
            **_common(job),
        )
        return _pages(pages)

    _warn_contacts(job)
    return _run(job, "Guide", job.args.guide, work)


def export_handout(job: Job) -> int:
    from presenter.export.handout import export_handout as write

    def work(progress: TerminalProgress) -> str:
        pages = write(
            job.deck,
            job.args.handout,
            paper=_paper(job),
            help_contacts=job.help_contacts,
            progress=progress,
            **_common(job),
        )
        return _pages(pages)

    _warn_contacts(job)
    return _run(job, "Handout", job.args.handout, work)


def export_cards(job: Job) -> int:
    from presenter.export.cards import export_cards as write

    def work(progress: TerminalProgress) -> str:
        pages = write(
            job.deck, job.args.cards, paper=_paper(job), progress=progress, **_common(job)
        )
        return _pages(pages) + " (print double-sided, flip on the long edge)"

    return _run(job, "Cards", job.args.cards, work)


def export_help_card(job: Job) -> int:
    from presenter.export.helpcard import export_help_card as write

    def work(progress: TerminalProgress) -> str:
        pages = write(
            job.deck,
            job.args.help_card,
            paper=_paper(job),
            help_contacts=job.help_contacts,
            progress=progress,
            **_common(job),
        )
        return _pages(pages) + " (cut along the lines)"

    _warn_contacts(job)
    return _run(job, "Help card", job.args.help_card, work)


def export_pack(job: Job) -> int:
    from presenter.export.pack import export_pack as write

    def work(progress: TerminalProgress) -> str:
        written = write(
            job.deck,
            job.args.pack,
            paper=_paper(job),
            start=_start(job),
            steps=job.args.steps,
            theme=job.theme_name,
            help_contacts=job.help_contacts,
            progress=progress,
            **_common(job),
        )
        return "wrote " + ", ".join(path.name for path in written.values())

    _warn_contacts(job)
    return _run(job, "Pack", str(Path(job.args.pack)), work)


# (dest, add_arguments, export): appended to the export command's format list.
PAPER_FORMATS: list[tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[Any], int]]] = [
    ("pdf", add_arguments, export_pdf),
    ("guide", no_arguments, export_guide),
    ("handout", no_arguments, export_handout),
    ("cards", no_arguments, export_cards),
    ("help_card", no_arguments, export_help_card),
    ("pack", no_arguments, export_pack),
]

__all__ = ["PAPER_FORMATS"]
