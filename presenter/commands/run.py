"""``presenter run DECK``: present a workshop (audience screen and facilitator console)."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from presenter.core.appcontext import AppContext

log = logging.getLogger(__name__)


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "run",
        help="present a workshop",
        description="Present a deck: the audience view fullscreen on the projector, the "
        "facilitator console on the laptop. Keys: see docs/keys.md.",
    )
    parser.add_argument("deck", metavar="DECK", help="deck file or deck folder")
    parser.add_argument("--variant", metavar="NAME", help="audience variant (e.g. youth)")
    parser.add_argument(
        "--rehearse",
        action="store_true",
        help="practice: console and audience preview side by side in windows (no record)",
    )
    parser.add_argument(
        "--screen",
        type=int,
        metavar="N",
        help="put the audience view on screen N (1, 2, ...) instead of guessing",
    )
    parser.add_argument("--theme", metavar="NAME", help="theme to use instead of the deck's")
    parser.add_argument(
        "--resume", action="store_true", help="continue this deck's unfinished session"
    )
    parser.add_argument(
        "--no-record", action="store_true", help="keep no session record (rehearsals)"
    )
    phones = parser.add_argument_group(
        "phones", "anonymous answers from phones over the room's own network (docs/phones.md)"
    )
    phones.add_argument(
        "--phones",
        action="store_true",
        help="open the answers room at once (otherwise: the Phones switch in the console)",
    )
    phones.add_argument(
        "--phones-address",
        metavar="ADDR",
        type=phones_address,
        help="this laptop's address on the room's network (private or loopback only; "
        "default: the laptop's own, asked when it has several)",
    )
    phones.add_argument(
        "--phones-port", metavar="PORT", type=phones_port, help="port (default 8765)"
    )
    parser.set_defaults(func=run)


def phones_address(text: str) -> str:
    from presenter.phones.network import AddressRefused, check_address

    try:
        return check_address(text)
    except AddressRefused as refused:
        raise argparse.ArgumentTypeError(str(refused)) from None


def phones_port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0 to 65535)")
    return port


def unfinished_offer(args: argparse.Namespace, ctx: AppContext) -> str | None:
    """Without ``--resume``: say so if this deck has a session that can be continued
    (the console then asks; this line is for whoever reads the terminal)."""
    if args.resume or args.no_record or args.rehearse:
        return None
    from presenter.core.deck.locate import find_deck_file
    from presenter.core.record.journal import JournalFormatError
    from presenter.core.record.resume import describe
    from presenter.core.record.store import find_unfinished

    try:
        session = find_unfinished(find_deck_file(args.deck), ctx.records_root())
    except (OSError, ValueError, JournalFormatError) as error:
        log.warning("unfinished sessions of %s not read: %s", args.deck, error)
        return None
    if session is None:
        return None
    return (
        f"This deck has an unfinished session ({describe(session)}). The console "
        "offers to resume it (Next resumes) or start fresh before the first slide; to "
        f"continue it without asking: presenter run --resume {args.deck}"
    )


def run(args: argparse.Namespace, ctx: AppContext) -> int:
    offer = unfinished_offer(args, ctx)
    if offer:
        print(offer, file=sys.stderr)
    from presenter.ui.app import RunOptions
    from presenter.ui.app import run as run_presentation

    return run_presentation(
        RunOptions(
            deck=args.deck,
            variant=args.variant,
            rehearse=args.rehearse,
            screen=args.screen,
            theme=args.theme,
            resume=args.resume,
            record=not (args.no_record or args.rehearse),
            phones=args.phones or bool(args.phones_address or args.phones_port is not None),
            phones_address=args.phones_address,
            phones_port=args.phones_port,
        ),
        ctx,
    )
