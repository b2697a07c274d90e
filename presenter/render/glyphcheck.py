"""``presenter check``: characters that no bundled or system font can draw.

A character without a glyph reaches the room as an empty box. The deck file is read
once; the bundled fonts' character maps answer almost every character, and only the
rest are laid out by Qt (which also tries the laptop's own fonts). One warning per
line, naming the characters and their code points.
"""

from __future__ import annotations

import logging

from presenter.core.deck.diagnostics import DiagnosticSink
from presenter.core.deck.model import Deck
from presenter.core.deck.rawhtml import deck_lines

log = logging.getLogger(__name__)

REPORTED_MAX = 12  # lines reported one by one
HINT = (
    "use a font that has it (for Chinese, Japanese or Korean see the optional font pack "
    "in assets/fonts/README.md), or remove it"
)


def _name(char: str) -> str:
    return f"{char} (U+{ord(char):04X})"


def check_glyphs(deck: Deck, sink: DiagnosticSink) -> None:
    from presenter.render.checks import ensure_gui_app
    from presenter.render.fonts import undrawable

    lines = deck_lines(deck.path)
    if not lines or all(line.isascii() for line in lines):
        return  # every bundled face draws ASCII: no Qt needed
    ensure_gui_app()
    missing = set(undrawable(c for line in lines for c in line if not c.isascii()))
    if not missing:
        return
    reported = 0
    for number, line in enumerate(lines, start=1):
        here = [c for c in dict.fromkeys(line) if c in missing]
        if not here:
            continue
        reported += 1
        if reported > REPORTED_MAX:
            break
        shown = ", ".join(_name(c) for c in here[:8]) + (" …" if len(here) > 8 else "")
        sink.warning(
            number,
            f"no font on this computer can draw {shown}: the room would see empty boxes",
            HINT,
            code="no-glyph",
        )
    log.info("%d characters without a glyph in %s", len(missing), deck.file_label)
