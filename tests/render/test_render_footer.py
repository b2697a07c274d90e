"""A long sources line stays inside the footer instead of running off the slide."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF

from presenter.core.deck.model import Deck
from presenter.core.deck.parser import parse_deck
from presenter.core.session.view import SlideView
from presenter.render import SlideRenderer, load_theme
from presenter.render.context import FOOTER_H
from presenter.render.fonts import slide_font
from presenter.render.frame import CANVAS_H, CANVAS_W, MIN_FIT, fitted_size

LONG = (
    "Polaris Project, Myths, Facts and Statistics (web page, accessed 2026); "
    "UNODC, Global Report on Trafficking in Persons 2020 (2021)"
)

DECK = f"""\
---
title: Sources
language: en
---
source: ["{LONG.split("; ")[0]}", "{LONG.split("; ")[1]}"]
---
## A slide with two long sources

- One point
"""


def _deck(tmp_path) -> Deck:  # type: ignore[no-untyped-def]
    path = tmp_path / "deck.md"
    path.write_text(DECK, encoding="utf-8")
    return parse_deck(DECK, path)


def test_fitted_size_keeps_short_text_and_shrinks_long_text(qapp) -> None:  # type: ignore[no-untyped-def]
    families = load_theme("default").families
    rect = QRectF(0, 0, 1320, 72)
    assert fitted_size("Source: UN, 2000", rect, 34.0, families) == 34.0
    size = fitted_size("Sources: " + LONG, rect, 34.0, families)
    assert 34.0 * MIN_FIT <= size < 34.0
    metrics = QFontMetricsF(slide_font(size, families))
    used = metrics.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), "Sources: " + LONG)
    assert used.height() <= rect.height()


def test_two_long_sources_are_not_cut_off_at_the_foot(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    deck = _deck(tmp_path)
    renderer = SlideRenderer(deck, load_theme("default"))
    view = SlideView(0, 0, slide_number=1, slide_total=1)
    image = renderer.image(view, QSize(int(CANVAS_W), int(CANVAS_H)))
    background = QColor(renderer.frame(view).background).rgb() & 0xFFFFFF
    # The sources' box ends here; text cut off at its edge leaves ink on its last row.
    box_bottom = int(CANVAS_H - FOOTER_H + 8 + (FOOTER_H - 24))
    stray = [
        (x, y)
        for y in range(box_bottom - 1, int(CANVAS_H))
        for x in range(0, int(CANVAS_W * 0.7), 3)
        if (image.pixel(x, y) & 0xFFFFFF) != background
    ]
    assert not stray, stray[:5]
