"""``presenter new``: a deck folder an organizer can start editing straight away.

A template is a folder in ``presenter/templates`` holding a commented ``deck.md``; every
new deck also gets the shared organizer ``README.md``, a ``help.yaml`` with placeholders
to fill in, and an empty ``images/`` folder. Qt-free.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

TEMPLATES = ("myth-workshop", "discussion-circle", "blank")
DEFAULT_TEMPLATE = "myth-workshop"
SHARED_FILES = ("README.md", "help.yaml")


class ScaffoldError(Exception):
    """The deck folder could not be created; the message says why, for the organizer."""


def templates_root() -> Traversable:
    return files("presenter").joinpath("templates")


def title_from_folder(folder: Path) -> str:
    """A readable title from a folder name: ``my-first_deck`` -> ``My first deck``."""
    words = folder.name.replace("_", " ").replace("-", " ").split()
    text = " ".join(words) or "My workshop"
    return text[:1].upper() + text[1:]


def _fill(text: str, title: str, folder: Path) -> str:
    safe_title = title.replace('"', "'").replace("\n", " ").strip()
    return text.replace("{title}", safe_title).replace("{folder}", str(folder))


def create_deck(folder: str | Path, template: str = DEFAULT_TEMPLATE, title: str = "") -> Path:
    """Create the deck folder and return the path of its ``deck.md``.

    Refuses to write into a folder that already has a ``deck.md`` (or is a file), so an
    existing deck is never overwritten. Raises :class:`ScaffoldError`.
    """
    folder = Path(folder)
    if template not in TEMPLATES:
        raise ScaffoldError(f"unknown template {template!r}; choose one of: {', '.join(TEMPLATES)}")
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(f"{folder}: a file with this name already exists")
    deck_file = folder / "deck.md"
    if deck_file.exists():
        raise ScaffoldError(f"{deck_file}: a deck already exists here; nothing was changed")
    title = title or title_from_folder(folder.resolve())
    root = templates_root()
    sources = {"deck.md": root.joinpath(template, "deck.md")}
    sources.update({name: root.joinpath(name) for name in SHARED_FILES})
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "images").mkdir(exist_ok=True)
        for name, source in sources.items():
            target = folder / name
            if name != "deck.md" and target.exists():
                continue  # keep an organizer's own README or help contacts
            target.write_text(_fill(source.read_text("utf-8"), title, folder), "utf-8")
    except OSError as error:
        reason = error.strerror or error
        raise ScaffoldError(f"{folder}: cannot create the deck ({reason})") from None
    return deck_file
