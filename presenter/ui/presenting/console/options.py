"""The facilitator's settings that shape the console, apart from the console itself so
that starting a presentation can name them without building (or importing) its widgets."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from presenter.ui.presenting.chime import play_chime

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ConsoleOptions:
    """The facilitator's settings that shape the console (see core/settings.py)."""

    notes_size: int = 20  # pixels
    countdown_sound: bool = False
    sound: Callable[[], None] = play_chime
