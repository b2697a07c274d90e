"""The Qt-free core: deck model, parser, checker and session state.

Nothing under ``presenter.core`` may import PySide6; a test enforces it.
"""

from presenter.core.deck.diagnostics import DeckError, Diagnostic, Level
from presenter.core.deck.model import Deck, DeckMeta, HelpContact, Slide
from presenter.core.deck.parser import load_deck, parse_deck

__all__ = [
    "Deck",
    "DeckError",
    "DeckMeta",
    "Diagnostic",
    "HelpContact",
    "Level",
    "Slide",
    "load_deck",
    "parse_deck",
]
