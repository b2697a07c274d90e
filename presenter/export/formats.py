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
from presenter.export.registry import DEFAULT_SIZE, FORMATS, ExportFormat, ExportOptions
from presenter.export.registry import run as run_format

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


def _summary(fmt: ExportFormat, result: Any) -> str:
    """What the command line says when a format is written."""
    if isinstance(result, dict):  # the pack: kind -> path
        return "wrote " + ", ".join(Path(path).name for path in result.values())
    if not fmt.paper:
        return f"{result} image(s) written"
    if fmt.how_to_print:
        return f"{_pages(result)} ({fmt.how_to_print})"
    return _pages(result)


def _warn_contacts(job: Job) -> None:
    contacts = job.help_contacts or job.deck.meta.help
    if not contacts:
        job.say(
            "warning: no help contacts found (help.yaml): the printed pages leave space to "
            "write local ones in by hand"
        )
    elif any(is_placeholder(c) for c in contacts):
        job.say("warning: help contacts look like placeholders; check them before printing")


def cli_export(fmt: ExportFormat) -> Callable[[Job], int]:
    """The command line's runner for ``fmt``: options from the arguments, one call."""

    def export(job: Job) -> int:
        target = str(getattr(job.args, fmt.option))
        if fmt.paper:
            _common(job)
        if fmt.prints_contacts:
            _warn_contacts(job)

        def work(progress: TerminalProgress) -> str:
            options = ExportOptions(
                variant=job.variant,
                theme=job.theme_name,
                help_contacts=job.help_contacts,
                paper=str(getattr(job.args, "paper", "A4")),
                start=_start(job),
                steps=bool(getattr(job.args, "steps", False)),
                size=tuple(getattr(job.args, "size", DEFAULT_SIZE)),
                progress=progress,
            )
            return _summary(fmt, run_format(fmt.key, job.deck, target, options))

        return _run(job, fmt.cli_label, target, work)

    return export


# (dest, add_arguments, export) of each paper format, for the export command's list;
# the paper options are added once, in one group, with the first.
PAPER_FORMATS: list[tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[Any], int]]] = [
    (fmt.option, add_arguments if n == 0 else no_arguments, cli_export(fmt))
    for n, fmt in enumerate(f for f in FORMATS if f.paper)
]

__all__ = ["PAPER_FORMATS", "cli_export"]
