"""Finding the deck file from what a user typed: a file, or a deck folder."""

from __future__ import annotations

from pathlib import Path

DECK_FILE = "deck.md"


def find_deck_file(path: str | Path) -> Path:
    """A deck file as given, or the deck inside a folder (``deck.md``, else the only
    Markdown file that starts with front matter). Raises FileNotFoundError."""
    path = Path(path)
    if path.is_file():
        return path
    if path.is_dir():
        if (path / DECK_FILE).is_file():
            return path / DECK_FILE
        candidates = [
            p
            for p in sorted(path.glob("*.md"))
            if p.name.lower() != "readme.md" and _starts_with_front_matter(p)
        ]
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            raise FileNotFoundError(
                f"{path}: several decks here; name one: " + ", ".join(p.name for p in candidates)
            )
        raise FileNotFoundError(f"{path}: no deck found in this folder (expected {DECK_FILE})")
    raise FileNotFoundError(f"{path}: no such file or folder")


def _starts_with_front_matter(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(8).lstrip(b"\xef\xbb\xbf").startswith(b"---")
    except OSError:
        return False


def find_decks(folder: str | Path) -> list[Path]:
    """Every deck in a folder of deck folders (one level deep), plus loose deck files."""
    folder = Path(folder)
    found: list[Path] = []
    if not folder.is_dir():
        return found
    for child in sorted(folder.iterdir()):
        try:
            if child.is_dir():
                found.append(find_deck_file(child))
            elif (
                child.suffix.lower() == ".md"
                and child.name.lower() != "readme.md"
                and _starts_with_front_matter(child)
            ):
                found.append(child)
        except FileNotFoundError:
            continue
    return found
