"""``presenter new PATH``: start a deck folder from a commented template."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from presenter.core.appcontext import AppContext
from presenter.core.deck.scaffold import DEFAULT_TEMPLATE, TEMPLATES, ScaffoldError, create_deck

log = logging.getLogger(__name__)


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "new",
        help="start a new deck folder from a template",
        description="Create a deck folder: a commented deck.md showing every slide kind, "
        "an images/ folder, help.yaml for your local contacts and a README.",
    )
    parser.add_argument("path", metavar="PATH", help="the folder to create")
    parser.add_argument(
        "--template",
        choices=TEMPLATES,
        default=DEFAULT_TEMPLATE,
        help=f"what to start from (default: {DEFAULT_TEMPLATE})",
    )
    parser.add_argument("--title", help="the workshop's title (default: from the folder name)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        deck_file = create_deck(args.path, args.template, args.title or "")
    except ScaffoldError as error:
        log.warning("new deck not created at %s: %s", args.path, error)
        print(f"error: {error}", file=sys.stderr)
        return 1
    folder = deck_file.parent
    print(f"Created {deck_file}")
    print("Next:")
    print(f"  1. Open {deck_file} in a text editor; the comments explain each part.")
    print(f'  2. Watch it as you write:  presenter preview "{folder}"')
    print(f"  3. Fill in {folder / 'help.yaml'} with your area's support contacts.")
    print(f'  4. Check it:               presenter check "{folder}"')
    print(f'  5. Rehearse:               presenter run "{folder}" --rehearse')
    return 0
