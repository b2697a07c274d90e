"""Live one-line texts (the phones panel's heading, its address) fit their slot."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF

from presenter.render import load_theme
from presenter.render.fonts import slide_font
from presenter.render.live import LINE_MIN_FIT, line_fit_size
from presenter.render.phones import PANEL_W
from presenter.support.i18n import t

INNER_W = PANEL_W - 60  # the panel's padding, both sides


@pytest.mark.parametrize(
    "text",
    [
        t("Answer on your phone", lang="en"),
        t("Answer on your phone", lang="fr"),
        "192.168.100.200:8765",
    ],
)
def test_a_line_wider_than_the_panel_is_set_smaller_to_fit(qapp, text: str) -> None:  # type: ignore[no-untyped-def]
    families = load_theme("default").families
    size = line_fit_size(text, INNER_W, 42.5, families, bold=True)
    width = QFontMetricsF(slide_font(size, families, bold=True)).horizontalAdvance(text)
    assert width <= INNER_W
    assert size >= 42.5 * LINE_MIN_FIT


def test_a_short_line_keeps_its_size(qapp) -> None:  # type: ignore[no-untyped-def]
    families = load_theme("default").families
    assert line_fit_size("Code 4828", INNER_W, 54.4, families, bold=True) == 54.4


def test_an_empty_line_keeps_its_size(qapp) -> None:  # type: ignore[no-untyped-def]
    assert line_fit_size("", 10.0, 30.0, load_theme("default").families) == 30.0
