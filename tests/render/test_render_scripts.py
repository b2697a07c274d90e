"""Non-Latin decks: Cyrillic and Arabic (right to left) render with real glyphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFontDatabase, QImage, QRawFont

from presenter.core.session.view import SlideView
from presenter.render import SlideRenderer, load_theme
from presenter.render.fonts import (
    EMOJI_FAMILY,
    FAMILIES,
    SCRIPT_FAMILIES,
    ensure_fonts,
    font_chain,
)
from presenter.support.resources import asset
from tests.render.conftest import deck_from

CYRILLIC = (
    "---\ntitle: Т\nlanguage: ru\n---\n## Мифы и факты\n\nТорговля часто начинается с обмана.\n"
)
ARABIC = "---\ntitle: ع\nlanguage: ar\n---\n## الاتجار بالبشر\n\nيمكنك المغادرة في أي وقت\n"


def bundled_raw_fonts() -> list[QRawFont]:
    return [QRawFont(str(path), 40) for path in sorted(asset("fonts").glob("*-Regular.ttf"))] + [
        QRawFont(str(asset("fonts", "DejaVuSans.ttf")), 40)
    ]


def uncovered(text: str) -> list[str]:
    """Characters that no bundled font file has a glyph for."""
    fonts = bundled_raw_fonts()
    assert len(fonts) >= 2 and all(f.isValid() for f in fonts)
    return [
        c for c in text if not c.isspace() and not any(f.supportsCharacter(ord(c)) for f in fonts)
    ]


def test_bundled_fonts_load(qapp: object) -> None:
    loaded = ensure_fonts()
    assert loaded == font_chain() and ensure_fonts() == loaded  # idempotent
    assert {*FAMILIES, *SCRIPT_FAMILIES, EMOJI_FAMILY} <= set(QFontDatabase.families())


def test_the_chain_puts_script_faces_after_the_theme_face() -> None:
    chain = font_chain(("My Theme Face", "DejaVu Sans"))
    assert chain[0] == "My Theme Face" and chain[-1] == EMOJI_FAMILY
    assert chain.index("Noto Sans Arabic") < chain.index("DejaVu Sans")
    assert len(chain) == len(set(chain)) and "Atkinson Hyperlegible" in chain


def test_atkinson_alone_lacks_cyrillic_so_the_fallback_matters(qapp: object) -> None:
    ensure_fonts()
    atkinson = QRawFont(str(asset("fonts", "AtkinsonHyperlegible-Regular.ttf")), 40)
    assert atkinson.supportsCharacter(ord("A")) and not atkinson.supportsCharacter(ord("М"))
    assert uncovered("Мифы и факты الاتجار بالبشر") == []
    assert uncovered("\ue000") == ["\ue000"]  # the check can fail


@pytest.mark.parametrize("text", [CYRILLIC, ARABIC], ids=["cyrillic", "arabic"])
def test_non_latin_slides_render_real_glyphs(tmp_path: Path, qapp: object, text: str) -> None:
    """The slide differs from the same slide drawn with missing-glyph boxes."""
    deck = deck_from(tmp_path / "d", text)
    renderer = SlideRenderer(deck, load_theme("default"))
    frame = renderer.frame(SlideView(0))
    assert uncovered(frame.blocks[0].doc.toPlainText()) == []
    real = renderer.image(SlideView(0), QSize(960, 540))
    body = text.split("---\n")[-1]
    boxes = "".join(c if c in "#\n " else "\ue000" for c in body)
    tofu_deck = deck_from(tmp_path / "t", text.replace(body, boxes))
    tofu = SlideRenderer(tofu_deck, load_theme("default")).image(SlideView(0), QSize(960, 540))
    assert real != tofu
    assert len(ink_columns(real, renderer.theme.colors.background, 40, 400)) > 50


def ink_columns(image: QImage, background: str, top: int, bottom: int) -> list[int]:
    bg = QColor(background).rgb() & 0xFFFFFF
    cols = []
    for x in range(0, image.width(), 2):
        if any((image.pixel(x, y) & 0xFFFFFF) != bg for y in range(top, bottom, 2)):
            cols.append(x)
    return cols


def test_arabic_is_laid_out_right_to_left(tmp_path: Path, qapp: object) -> None:
    deck = deck_from(tmp_path / "ar", ARABIC)
    renderer = SlideRenderer(deck, load_theme("default"))
    image = renderer.image(SlideView(0), QSize(1920, 1080))
    theme = renderer.theme
    cols = ink_columns(image, theme.colors.background, 100, 700)
    assert cols, "nothing drawn"
    margin = theme.sizes.margin
    assert max(cols) > 1920 - margin - 20  # text hugs the right margin
    assert min(cols) > 1920 / 3  # short lines leave the left side empty
    # The same words in a left-to-right deck start at the left margin.
    ltr = deck_from(tmp_path / "en", ARABIC.replace("language: ar", "language: en"))
    image = SlideRenderer(ltr, theme).image(SlideView(0), QSize(1920, 1080))
    assert min(ink_columns(image, theme.colors.background, 100, 700)) < margin + 20


def test_only_the_chain_s_expected_font_notices_are_quietened(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import QtMsgType

    from presenter.render import fonts

    seen: list[str] = []
    monkeypatch.setattr(fonts, "_previous_handler", lambda kind, ctx, msg: seen.append(msg))
    devanagari = 'OpenType support missing for "Atkinson Hyperlegible", script 11'
    sinhala = 'OpenType support missing for "Atkinson Hyperlegible", script 20'
    fonts._qt_messages(QtMsgType.QtWarningMsg, None, devanagari)  # a bundled face follows
    fonts._qt_messages(QtMsgType.QtWarningMsg, None, sinhala)  # no bundled face: say so
    fonts._qt_messages(QtMsgType.QtWarningMsg, None, "something else")
    assert seen == [sinhala, "something else"]


def test_widgets_get_the_fallback_chain_too(qapp: object) -> None:
    from PySide6.QtGui import QGuiApplication

    ensure_fonts()
    families = QGuiApplication.font().families()
    assert set(SCRIPT_FAMILIES) <= set(families) and EMOJI_FAMILY in families
    assert QFontDatabase.applicationEmojiFontFamilies() == [EMOJI_FAMILY]
