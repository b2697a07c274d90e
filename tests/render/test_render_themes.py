"""Themes: every bundled theme is readable (WCAG contrast), and loading never fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from presenter.render.theme import (
    Theme,
    available_themes,
    contrast_ratio,
    load_theme,
)

# (foreground, background) pairs of colour names that carry text in the layouts.
TEXT_PAIRS = [
    ("text", "background"),
    ("heading", "background"),
    ("muted", "background"),
    ("accent", "background"),  # "Myth or reality?" is written in the accent colour
    ("myth", "background"),
    ("reality", "background"),
    ("on_accent", "accent"),
    ("on_accent", "myth"),
    ("on_surface", "surface"),
    ("calm_text", "calm_background"),
]


def test_bundled_themes_are_listed_default_first() -> None:
    names = available_themes()
    assert names[0] == "default"
    assert {"default", "dark", "high-contrast", "print"} <= set(names)


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", ["default", "dark", "high-contrast", "print"])
@pytest.mark.parametrize(("fg", "bg"), TEXT_PAIRS)
def test_text_colours_are_readable(name: str, fg: str, bg: str) -> None:
    theme = load_theme(name)
    assert theme.name == name
    colors = theme.colors
    ratio = contrast_ratio(getattr(colors, fg), getattr(colors, bg))
    needed = 7.0 if name == "high-contrast" else 4.5
    assert ratio >= needed, f"{name}: {fg} on {bg} is {ratio:.2f}:1"


def test_high_contrast_body_text_is_at_least_seven_to_one() -> None:
    c = load_theme("high-contrast").colors
    assert contrast_ratio(c.text, c.background) >= 7.0


@pytest.mark.parametrize("name", ["default", "dark", "high-contrast", "print"])
def test_body_text_is_at_least_four_percent_of_the_canvas(name: str) -> None:
    sizes = load_theme(name).sizes
    assert sizes.floor >= 0.04 * 1080
    assert sizes.body >= sizes.floor


def test_unknown_and_hostile_names_give_the_default(tmp_path: Path) -> None:
    default = load_theme("default")
    for name in ["no-such-theme", "", "../default", "/etc/passwd", "C:/x.yaml", "../x.yaml"]:
        assert load_theme(name, tmp_path).key == default.key


def test_a_theme_file_beside_the_deck_overrides_only_what_it_names(tmp_path: Path) -> None:
    (tmp_path / "ours.yaml").write_text(
        "name: ours\ncolors:\n  background: '#102030'\n  text: not-a-colour\nsizes:\n  body: 60\n",
        "utf-8",
    )
    theme = load_theme("ours.yaml", tmp_path)
    default = load_theme("default")
    assert theme.name == "ours"
    assert theme.colors.background == "#102030"
    assert theme.colors.text == default.colors.text  # the bad colour was ignored
    assert theme.sizes.body == 60
    assert theme.families[-2:] == ("Atkinson Hyperlegible", "DejaVu Sans")


def test_broken_theme_files_give_the_default(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("colors: [unclosed\n", "utf-8")
    (tmp_path / "alias.yaml").write_text("a: &x 1\nb: *x\n", "utf-8")
    default = load_theme("default")
    assert load_theme("bad.yaml", tmp_path).key == default.key
    assert load_theme("alias.yaml", tmp_path).key == default.key
    assert isinstance(load_theme("bad.yaml", None), Theme)


def test_a_theme_logo_is_drawn_on_the_title_slide(tmp_path: Path, qapp: object) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor

    from presenter.core.session.view import SlideView
    from presenter.render import SlideRenderer
    from tests.render.conftest import deck_from, make_image

    make_image(tmp_path / "d" / "logo.png", 260, 110, "#FF00FF")
    (tmp_path / "d" / "brand.yaml").write_text("logo: logo.png\n", "utf-8")
    (tmp_path / "d" / "outside.yaml").write_text("logo: ../logo.png\n", "utf-8")
    deck = deck_from(
        tmp_path / "d", "---\ntitle: T\ntheme: brand.yaml\n---\nkind: title\n---\n# T\n"
    )
    image = SlideRenderer(deck).image(SlideView(0), QSize(1920, 1080))
    assert image.pixelColor(1920 - 110 - 100, 100) == QColor("#FF00FF")
    assert load_theme("outside.yaml", tmp_path / "d").logo is None
