"""The limits of ``presenter.render.surefit`` hold: the fullest content slide they allow
fits at its worst, in every bundled theme, in languages of both directions.

"Fullest": every number of lines up to the limit, the heading at its longest, the rest
of the characters spread over the other lines, in words of several lengths, written in
the widest letter the limits allow (measured here, regular and bold, in each theme's
fonts, fallback faces included), at the step and with the live parts the kind says
leave the least room.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

import pytest

from presenter.render import surefit
from presenter.render.surefit import SURE, Limits
from tests.render.conftest import deck_from

THEMES = ["default", "dark", "high-contrast", "print"]
LANGUAGES = ["en", "ar", "fr"]
MARKDOWN_MARKS = "#*_[]()!\\-+>`"  # not drawn as letters


@cache
def widest_letter() -> str:
    """The widest character :data:`surefit.SURE_TEXT` allows, in any bundled theme's
    fonts, regular or bold."""
    from PySide6.QtGui import QFontMetricsF

    from presenter.render.fonts import ensure_fonts, slide_font
    from presenter.render.theme import load_theme

    ensure_fonts()
    allowed = [
        chr(c)
        for c in range(0x20, 0x2200)
        if surefit.SURE_TEXT.fullmatch(chr(c))
        and unicodedata.category(chr(c))[0] in "LNPS"
        and chr(c) not in MARKDOWN_MARKS
    ]
    best, width = "W", 0.0
    for theme in THEMES:
        families = load_theme(theme).families
        for bold in (False, True):
            metrics = QFontMetricsF(slide_font(100, families, bold=bold))
            for char in allowed:
                advance = metrics.horizontalAdvance(char)
                if advance > width:
                    best, width = char, advance
    return best


def words_of(length: int, letter: str, sizes: tuple[int, int]) -> str:
    """At most ``length`` characters: words of the two ``sizes`` in turn."""
    words: list[str] = []
    while True:
        size = sizes[len(words) % 2]
        if sum(len(w) + 1 for w in words) + size > length:
            return " ".join(words) if words else letter * length
        words.append(letter * size)


def fullest(lines: int, sizes: tuple[int, int], limits: Limits = SURE) -> str:
    """The fullest body of ``lines`` lines: the heading at its longest, the rest bullets."""
    letter = widest_letter()
    rows = [f"# {words_of(limits.heading_chars - 2, letter, sizes)}"]
    rest = limits.chars - len(rows[0]) - 1
    for _ in range(lines - 1):
        rows.append(f"- {words_of(rest // (lines - 1) - 3, letter, sizes)}")
    text = "\n".join(rows)
    assert surefit.within(text, limits), text
    return text


# Where lines break depends on the words: the longest allowed, short ones, a mix.
WORD_SIZES = [(SURE.word, 10), (SURE.word, SURE.word), (10, 10), (SURE.word - 3, 6)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("theme", THEMES)
def test_the_fullest_content_slide_the_limits_allow_fits_at_its_worst(
    tmp_path: Path, qapp: object, theme: str, language: str
) -> None:
    from presenter.render.checks import worst_case
    from presenter.render.renderer import SlideRenderer

    slides = "\n\n".join(
        f"---\nminutes: 5\nsource: A source, 2024\n---\n{fullest(lines, sizes)}"
        for lines in range(1, SURE.lines + 1)
        for sizes in WORD_SIZES
    )
    text = f"---\ntitle: T\ncontent_warning: none\nlanguage: {language}\ntheme: {theme}\n---\n"
    deck = deck_from(tmp_path / "d", text + slides + "\n")
    assert deck.ok, deck.diagnostics
    assert surefit.within_bundled_themes(SlideRenderer(deck).context.theme)
    renderer = SlideRenderer(deck)
    for slide in deck.slides:
        assert surefit.surely_fits(slide), slide.body
        for step, flags in worst_case(slide):
            assert not renderer.slide_frame(slide, step, flags).overflow, (slide.body, step)


def test_the_proof_uses_a_letter_at_least_as_wide_as_w(qapp: object) -> None:
    from PySide6.QtGui import QFontMetricsF

    from presenter.render.fonts import ensure_fonts, slide_font

    ensure_fonts()
    metrics = QFontMetricsF(slide_font(100, bold=True))
    assert metrics.horizontalAdvance(widest_letter()) >= metrics.horizontalAdvance("W")


@pytest.mark.parametrize(
    "body",
    [
        "# One\n\nText\n\n# Two",  # a second heading
        "# " + "heading " * 7,  # a heading too long for one line
        "Text with a \ufdfa ligature",  # a letter three times as wide as W
        "Hindi \u0915\u093e text",  # a taller script
        "\u0429\u0438\u0440\u043e\u043a\u0438\u0439",  # Cyrillic: wider letters than W
        "Line<br><br><br><br><br><br><br><br>",  # raw HTML
        "A &#xFDFA; reference",
        "| a | b |\n|---|---|",
        "```\ncode\n```",
        "    indented code",
        "Title\n=====",
        "W" * (SURE.word + 1),
        "x " * 130,  # too long
        "\n".join(f"- line {n}" for n in range(SURE.lines + 1)),  # too many lines
        "![a picture](images/missing.png)",  # a missing picture still takes its box
    ],
)
def test_what_is_laid_out_all_the_same(tmp_path: Path, body: str) -> None:
    deck = deck_from(tmp_path / "d", f"---\ntitle: T\ncontent_warning: none\n---\n{body}\n")
    assert not surefit.surely_fits(deck.slides[0])


def test_a_short_plain_slide_is_not_laid_out(tmp_path: Path) -> None:
    deck = deck_from(
        tmp_path / "d",
        "---\ntitle: T\ncontent_warning: none\n---\n## What we mean\n\n"
        "- Exploitation: someone profits from another’s work — by force.\n- It can happen "
        "anywhere; “it could not happen here” is a myth…\n",
    )
    assert surefit.surely_fits(deck.slides[0])


def test_a_decks_own_colours_keep_the_quick_check(tmp_path: Path, qapp: object) -> None:
    from presenter.render.theme import load_theme

    (tmp_path / "ours.yaml").write_text(
        "name: ours\ncolors:\n  background: '#F6F3EC'\nsizes:\n  floor: 40\n  margin: 100\n"
    )
    assert surefit.within_bundled_themes(load_theme("ours.yaml", tmp_path))
    (tmp_path / "big.yaml").write_text("name: big\nsizes:\n  floor: 150\n")
    assert not surefit.within_bundled_themes(load_theme("big.yaml", tmp_path))
    (tmp_path / "wide.yaml").write_text("name: wide\nfonts:\n  families: [DejaVu Sans Mono]\n")
    assert not surefit.within_bundled_themes(load_theme("wide.yaml", tmp_path))
