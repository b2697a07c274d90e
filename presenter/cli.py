"""The ``presenter`` command: subcommands for checking, presenting, exporting, reports.

Exit codes: 0 success; 1 the deck has errors (or warnings with ``--strict``), or the
command could not do its job on the deck; 2 the command line was wrong.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from presenter.support.qtfix import guard_none_refcount, lighten_when_imported
from presenter.support.resources import version_text

if TYPE_CHECKING:
    from presenter.core.appcontext import AppContext

log = logging.getLogger(__name__)

# Each module has ``add_parser(subparsers)`` and its parser sets ``func``. Only the
# module of the command given is imported: ``--help`` and ``--version`` import none,
# and ``check`` never pays for the exporters. The one-line help is repeated here for
# the listing (a test holds it equal to the module's own).
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("presenter.commands.check", "check decks for problems"),
    "run": ("presenter.commands.run", "present a workshop"),
    "new": ("presenter.commands.new", "start a new deck folder from a template"),
    "preview": ("presenter.commands.preview", "show a deck's slides and redraw them on every save"),
    "export": (
        "presenter.commands.export",
        "export a deck to files (PNG images of every slide and step)",
    ),
    "report": ("presenter.commands.report", "reports of past sessions (Markdown, CSV or PDF)"),
}
COMMAND_MODULES = [module for module, _ in COMMANDS.values()]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def chosen_command(argv: Sequence[str]) -> str | None:
    """The subcommand in ``argv``: the first word that is not an option (the top-level
    options take no values)."""
    for word in argv:
        if word == "--":
            return None
        if not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; with ``argv``, only the command named there gets its full options
    (the others are listed by name and help alone). Without, every command is full."""
    parser = argparse.ArgumentParser(
        prog="presenter",
        description="Run facilitated awareness workshops from Markdown decks, fully offline.",
        epilog="With no command, opens the home window. Exit codes: 0 ok, 1 problems "
        "in the deck, 2 wrong usage.",
    )
    parser.add_argument("--version", action="version", version=version_text())
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = chosen_command(argv) if argv is not None else None
    for name, (module, help_text) in COMMANDS.items():
        if argv is None or name == chosen:
            importlib.import_module(module).add_parser(subparsers)
        else:
            subparsers.add_parser(name, help=help_text, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    guard_none_refcount()  # before any Qt call; see presenter/support/qtfix.py
    lighten_when_imported()  # PySide6's costs, once a command imports it
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words)
    args = parser.parse_args(words)
    ctx = start_up()
    log.info("command: %s", args.command or "home")
    if args.command is None:
        return open_home(args, ctx)
    result: int = args.func(args, ctx)
    return result


def start_up() -> AppContext:
    """The application context, built once: settings read, log and crash handler set up,
    console language chosen. A settings problem is said once, here, on stderr (windows
    show it too); the app goes on with the defaults."""
    from presenter.core.appcontext import AppContext
    from presenter.core.applog import setup_logging
    from presenter.support.i18n import set_console_language

    ctx = AppContext.load()
    setup_logging(ctx.logs_folder)
    set_console_language(ctx.language or None)
    if ctx.problem:
        log.warning("settings: %s", ctx.problem)
        print(f"presenter: {ctx.problem_text()}", file=sys.stderr)
    return ctx


def open_home(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        home = importlib.import_module("presenter.ui.home")
    except ModuleNotFoundError as exc:
        if not "presenter.ui.home".startswith(exc.name or "-"):
            raise
        print(
            "The home window is not available in this build; use a subcommand "
            "(see  presenter --help).",
            file=sys.stderr,
        )
        return EXIT_USAGE
    result: int = home.run_home(ctx)
    return result


def main_gui() -> None:
    raise SystemExit(main())


if __name__ == "__main__":
    raise SystemExit(main())
