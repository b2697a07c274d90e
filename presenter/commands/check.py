"""``presenter check DECK...``: report problems like a compiler, ``file:line:col:``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from presenter.core.checker import ExtraCheck, check_deck
from presenter.core.diagnostics import DeckError, Diagnostic, Level
from presenter.core.locate import find_deck_file
from presenter.core.parser import load_deck

# Other packages (the renderer's overflow check) register more checks here; each is
# given the chance to add itself so the core never imports Qt.
EXTRA_CHECK_PROVIDERS: list[str] = ["presenter.render.checks"]


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
    if not enabled:
        return []
    import importlib

    checks: list[ExtraCheck] = []
    for name in EXTRA_CHECK_PROVIDERS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue
            raise
        provider: Callable[[], list[ExtraCheck]] = module.provide_checks
        checks.extend(provider())
    return checks


def check_paths(paths: list[str], *, render: bool = True) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    extra = extra_checks(render)
    for given in paths:
        try:
            deck_file = find_deck_file(given)
            deck = load_deck(deck_file)
        except FileNotFoundError as exc:
            found.append(Diagnostic(given, 1, 1, Level.ERROR, str(exc).split(": ", 1)[-1]))
            continue
        except DeckError as err:
            found.append(err.diagnostic)
            continue
        found.extend(check_deck(deck, extra=extra))
    return found


def run(args: argparse.Namespace) -> int:
    found = check_paths(args.decks, render=not args.no_render)
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
        from presenter.i18n import t, tn

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
