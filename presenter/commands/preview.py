"""``presenter preview DECK``: the live preview an organizer keeps open while writing."""

from __future__ import annotations

import argparse
import logging
from typing import Any

from presenter.core.appcontext import AppContext

log = logging.getLogger(__name__)


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "preview",
        help="show a deck's slides and redraw them on every save",
        description="Open a window with every slide, its notes and the deck's problems "
        "(file:line). It redraws whenever the deck file is saved.",
    )
    parser.add_argument("deck", metavar="DECK", help="deck file or deck folder")
    parser.add_argument("--variant", metavar="NAME", help="show only this variant's slides")
    parser.add_argument("--theme", metavar="NAME", help="theme to use instead of the deck's")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: AppContext) -> int:
    from presenter.ui.preview.window import run_preview

    return run_preview(ctx, args.deck, variant=args.variant, theme=args.theme)
