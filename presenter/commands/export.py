"""``presenter export DECK --png DIR``: the deck as files, headless, through the renderer.

Each output format is one :class:`ExportFormat`: it adds its own options to the
parser and does its work from an :class:`ExportJob` (the loaded deck, variant, theme
and help contacts, shared by every format). The formats themselves are listed once, in
``presenter.export.registry``; ``run`` calls every format whose option was given.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from presenter.core.appcontext import AppContext
from presenter.core.deck.diagnostics import DeckError
from presenter.core.deck.locate import find_deck_file
from presenter.core.deck.model import Deck, HelpContact
from presenter.core.deck.parser import load_deck

log = logging.getLogger(__name__)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
DEFAULT_SIZE = (1920, 1080)
MAX_SIDE = 8192

log = logging.getLogger(__name__)


@dataclass
class ExportJob:
    """What every format needs: the deck, who it is for, how it looks, who helps."""

    deck: Deck
    variant: str | None
    theme_name: str | None  # None: the deck's own theme
    help_contacts: tuple[HelpContact, ...]
    args: argparse.Namespace
    screen_theme: str = ""  # the theme for screen pictures (see AppContext.theme_for)

    def say(self, message: str) -> None:
        print(message, file=sys.stderr)


@dataclass(frozen=True)
class ExportFormat:
    dest: str  # the argparse attribute that, when set, asks for this format
    add_arguments: Callable[[argparse.ArgumentParser], None]
    export: Callable[[ExportJob], int]  # returns an exit code


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a deck to files (PNG images of every slide and step)",
        description="Export a deck without opening a window. Give at least one format.",
    )
    parser.add_argument("deck", metavar="DECK", help="deck file or deck folder")
    parser.add_argument("--variant", metavar="NAME", help="export for this audience variant")
    parser.add_argument(
        "--theme", metavar="NAME", help="theme name or a theme file beside the deck"
    )
    for fmt in FORMATS:
        fmt.add_arguments(parser)
    parser.set_defaults(func=run, export_parser=parser)


def run(args: argparse.Namespace, ctx: AppContext) -> int:
    wanted = [fmt for fmt in FORMATS if getattr(args, fmt.dest, None)]
    if not wanted:
        options = ", ".join(f"--{fmt.dest.replace('_', '-')}" for fmt in FORMATS)
        args.export_parser.error(f"choose what to export: {options}")
    missing = missing_folder(args)
    if missing is not None:
        print(missing, file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        deck = load_deck(find_deck_file(args.deck), lazy=True)
    except FileNotFoundError as exc:
        print(f"{args.deck}: error: {str(exc).split(': ', 1)[-1]}", file=sys.stderr)
        return EXIT_PROBLEMS
    except DeckError as err:
        print(err.diagnostic.format(), file=sys.stderr)
        return EXIT_PROBLEMS
    if args.variant and args.variant not in deck.meta.variants:
        known = ", ".join(deck.meta.variants) or "none"
        print(
            f"{deck.file_label}: error: unknown variant {args.variant!r} "
            f"(this deck's variants: {known})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    for diag in deck.errors:
        print(diag.format(), file=sys.stderr)
    job = ExportJob(
        deck,
        args.variant,
        args.theme,
        ctx.help_for(deck).contacts,
        args,
        screen_theme=ctx.theme_for(deck, args.theme),
    )
    code = EXIT_OK
    for fmt in wanted:
        code = max(code, fmt.export(job))
    if deck.errors:
        print("the deck has errors: exported anyway, fix them before presenting", file=sys.stderr)
        code = max(code, EXIT_PROBLEMS)
    return code


def missing_folder(args: argparse.Namespace) -> str | None:
    """Refuse before the work, not after it: a file asked for in a folder that is not there."""
    from pathlib import Path

    from presenter.export.registry import FORMATS as REGISTRY

    for entry in REGISTRY:
        value = getattr(args, entry.option, None)
        if entry.folder or not value:
            continue
        folder = Path(value).parent
        if not folder.is_dir():
            return f"{value}: error: {folder}: no such folder (create it first, or use --pack DIR)"
    return None


# -- PNG -----------------------------------------------------------------------


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{1,5})\s*[xX×]\s*(\d{1,5})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"size must look like 1920x1080, not {text!r}")
    width, height = int(match.group(1)), int(match.group(2))
    if not (16 <= width <= MAX_SIDE and 16 <= height <= MAX_SIDE):
        raise argparse.ArgumentTypeError(f"each side must be between 16 and {MAX_SIDE} pixels")
    return width, height


def add_png_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("PNG images")
    group.add_argument(
        "--png", metavar="DIR", help="write every slide and reveal step as NNN-SS.png in DIR"
    )
    group.add_argument(
        "--size",
        metavar="WxH",
        type=parse_size,
        default=DEFAULT_SIZE,
        help="image size in pixels (default 1920x1080; other shapes are letterboxed)",
    )


# Every format comes from the one registry (presenter.export.registry); the PNG options
# are this command's, the paper options one "Paper" group (presenter.export.formats).
from presenter.export.formats import PAPER_FORMATS, cli_export  # noqa: E402
from presenter.export.registry import format_named  # noqa: E402

FORMATS: list[ExportFormat] = [
    ExportFormat("png", add_png_arguments, cli_export(format_named("png"))),
    *(ExportFormat(dest, add, export) for dest, add, export in PAPER_FORMATS),
]
