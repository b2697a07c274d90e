"""The ``presenter`` command: subcommands for checking, presenting, exporting, reports.

Exit codes: 0 success; 1 the deck has errors (or warnings with ``--strict``), or the
command could not do its job on the deck; 2 the command line was wrong.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from presenter import __version__
from presenter.pysidefix import guard_none_refcount

# Each module has ``add_parser(subparsers)`` and its parser sets ``func``.
COMMAND_MODULES = [
    "presenter.commands.check",
    "presenter.commands.run",
    "presenter.commands.new",
    "presenter.commands.preview",
    "presenter.commands.export",
    "presenter.commands.report",
]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="presenter",
        description="Run facilitated awareness workshops from Markdown decks, fully offline.",
        epilog="With no command, opens the home window. Exit codes: 0 ok, 1 problems "
        "in the deck, 2 wrong usage.",
    )
    parser.add_argument("--version", action="version", version=version_text())
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_parser(subparsers)
    return parser


def version_text() -> str:
    build = ""
    if getattr(sys, "frozen", False):
        from presenter.resources import build_info

        build = f" ({build_info()})"
    return f"Workshop Presenter {__version__}{build}"


def main(argv: Sequence[str] | None = None) -> int:
    guard_none_refcount()  # before any Qt call; see presenter/pysidefix.py
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return open_home(args)
    use_settings_language()
    result: int = args.func(args)
    return result


def use_settings_language() -> None:
    """Every command speaks the console language chosen in Settings (or the system's)."""
    from presenter.core.settings import SettingsStore
    from presenter.i18n import set_console_language

    set_console_language(SettingsStore().load().console_language or None)


def open_home(args: argparse.Namespace) -> int:
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
    result: int = home.run_home(args)
    return result


def main_gui() -> None:
    raise SystemExit(main())


if __name__ == "__main__":
    raise SystemExit(main())
