"""``presenter check DECK...``: report problems like a compiler, ``file:line:col:``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from typing import Any

from presenter.core.appcontext import AppContext
from presenter.core.deck.checker import ExtraCheck, check_deck
from presenter.core.deck.diagnostics import DeckError, Diagnostic, Level
from presenter.core.deck.locate import find_deck_file
from presenter.core.deck.model import HelpContact
from presenter.core.deck.parser import load_deck

log = logging.getLogger(__name__)


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check decks for problems",
        description="Check decks: errors exit 1; warnings exit 0 (1 with --strict).",
    )
    parser.add_argument("decks", nargs="+", metavar="DECK", help="deck file or deck folder")
    parser.add_argument("--strict", action="store_true", help="warnings fail too")
    parser.add_argument("--json", action="store_true", help="print diagnostics as JSON")
    parser.add_argument(
        "--no-render",
        action="store_true",
        help="skip the layout checks that need the renderer (faster)",
    )
    parser.set_defaults(func=run)


def extra_checks(enabled: bool) -> list[ExtraCheck]:
    """The renderer's layout checks (``presenter.render.checks``), unless ``--no-render``
    or a build without the renderer."""
    if not enabled:
        return []
    try:
        from presenter.render.checks import extra_checks as render_checks
    except ModuleNotFoundError as exc:
        if exc.name and "presenter.render.checks".startswith(exc.name):
            return []
        raise
    return render_checks(True)


def check_paths(
    paths: list[str], *, render: bool = True, settings_contacts: Sequence[HelpContact] = ()
) -> list[Diagnostic]:
    """Every problem of every deck; ``settings_contacts`` are the Settings' help contacts
    (a deck without its own is not short of help when Settings have some)."""
    found: list[Diagnostic] = []
    extra = extra_checks(render)
    for given in paths:
        try:
            deck_file = find_deck_file(given)
            deck = load_deck(deck_file, lazy=True)
        except FileNotFoundError as exc:
            found.append(Diagnostic(given, 1, 1, Level.ERROR, str(exc).split(": ", 1)[-1]))
            continue
        except DeckError as err:
            found.append(err.diagnostic)
            continue
        found.extend(check_deck(deck, settings_contacts=settings_contacts, extra=extra))
    # A file shared by several decks (decks/help.yaml) is reported once, not once per deck.
    return list(dict.fromkeys(found))


def run(args: argparse.Namespace, ctx: AppContext) -> int:
    found = check_paths(
        args.decks, render=not args.no_render, settings_contacts=ctx.settings.help_contacts
    )
    errors = sum(d.level is Level.ERROR for d in found)
    warnings = sum(d.level is Level.WARNING for d in found)
    if args.json:
        json.dump(
            {"diagnostics": [d.to_json() for d in found], "errors": errors, "warnings": warnings},
            sys.stdout,
            indent=2,
            ensure_ascii=False,
        )
        print()
    else:
        for diag in found:
            print(diag.format())
        from presenter.support.i18n import t, tn

        summary = t(
            "{decks} checked: {errors}, {warnings}",
            decks=tn("{n} deck", "{n} decks", len(args.decks)),
            errors=tn("{n} error", "{n} errors", errors),
            warnings=tn("{n} warning", "{n} warnings", warnings),
        )
        print(summary, file=sys.stderr)
    if errors or (args.strict and warnings):
        return 1
    return 0
