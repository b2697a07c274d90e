"""``presenter check`` reports text that overflows, at the slide's line; ``export --png``
writes one numbered image per slide and reveal step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from presenter.cli import main
from presenter.commands.check import check_paths
from presenter.core.deck.checker import check_deck
from presenter.core.deck.model import Deck
from presenter.render.checks import provide_checks
from tests.render.conftest import EVERY_KIND, deck_from, make_image

LONG = "\n".join(
    f"- point {i}: a sentence long enough to wrap onto a second line" for i in range(25)
)
OVERFLOWING = f"""\
---
title: T
content_warning: none
---
## Fine

Short text.

---
## Far too much

{LONG}

---
kind: myth
myth: {"A very long statement " * 120}
reality: Short.
source: S
---
"""


def overflow_lines(deck: Deck) -> list[int]:
    found = check_deck(deck, extra=provide_checks())
    return [d.line for d in found if "overflows" in d.message]


def test_overflow_is_reported_at_the_slides_line(tmp_path: Path, qapp: object) -> None:
    deck = deck_from(tmp_path / "d", OVERFLOWING)
    expected = [s.line for s in deck.slides if s.title != "Fine"]
    assert overflow_lines(deck) == expected


def test_a_deck_that_fits_has_no_overflow(every_kind: Deck) -> None:
    assert overflow_lines(every_kind) == []


def test_the_check_command_picks_the_overflow_check_up(tmp_path: Path, qapp: object) -> None:
    deck = deck_from(tmp_path / "d", OVERFLOWING)
    found = check_paths([str(deck.path)])
    line = deck.slides[1].line
    assert any("overflows the slide" in d.message and d.line == line for d in found)
    assert not any("overflows" in d.message for d in check_paths([str(deck.path)], render=False))


def expected_files(deck: Deck, variant: str | None = None) -> list[str]:
    slides = deck.slides_for(variant)
    return [
        f"{n:03d}-{step + 1:02d}.png"
        for n, slide in enumerate(slides, start=1)
        for step in range(slide.step_count)
    ]


def test_export_png_writes_every_slide_and_step(
    every_kind: Deck, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "png"
    assert main(["export", str(every_kind.path), "--png", str(out), "--size", "640x360"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == expected_files(every_kind)
    assert "003-03.png" in names  # the third reveal step of the third slide
    image = QImage(str(out / "001-01.png"))
    assert (image.width(), image.height()) == (640, 360)
    assert f"{len(names)} image(s) written" in capsys.readouterr().err


def test_export_png_for_a_variant_and_theme(every_kind: Deck, tmp_path: Path) -> None:
    out = tmp_path / "adults"
    args = ["export", str(every_kind.path.parent), "--png", str(out), "--size", "320x180"]
    assert main([*args, "--variant", "adults", "--theme", "high-contrast"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == expected_files(every_kind, "adults")
    assert len(names) == len(expected_files(every_kind)) - 1  # the youth-only slide is left out
    corner = QImage(str(out / "002-01.png")).pixelColor(5, 90).name()
    assert corner == "#000000"  # high-contrast background


def test_export_refuses_bad_input(every_kind: Deck, tmp_path: Path) -> None:
    deck = str(every_kind.path)
    with pytest.raises(SystemExit) as exit_info:
        main(["export", deck, "--png", str(tmp_path), "--size", "big"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit):
        main(["export", deck])  # no format chosen
    assert main(["export", deck, "--png", str(tmp_path / "x"), "--variant", "nobody"]) == 2
    assert main(["export", str(tmp_path / "missing.md"), "--png", str(tmp_path / "y")]) == 1


def test_export_of_a_deck_with_errors_still_writes_but_fails(tmp_path: Path, qapp: object) -> None:
    make_image(tmp_path / "d" / "images" / "hall.png")
    broken = EVERY_KIND.replace("kind: section", "kind: sectoin")
    deck = deck_from(tmp_path / "d", broken)
    assert not deck.ok
    out = tmp_path / "png"
    assert main(["export", str(deck.path), "--png", str(out), "--size", "320x180"]) == 1
    assert len(list(out.iterdir())) == len(expected_files(deck))


def test_the_quick_overflow_verdict_is_the_full_searchs(tmp_path: Path, qapp: object) -> None:
    """The check lays text out at two sizes only; on slides from clearly fitting through
    just over the edge to far over it, it must say what the full size search says."""
    from presenter.render.renderer import SlideRenderer
    from presenter.render.textfit import verdict_only

    point = "- point {}: a sentence long enough to wrap onto a second line"
    parts = ["---\ntitle: T\ncontent_warning: none\n---"]
    for count in range(4, 40, 3):
        items = "\n".join(point.format(i) for i in range(count))
        parts.append(f"## {count} points\n\n{items}")
        parts.append(f"---\nkind: myth\nmyth: {'A long statement ' * count * 3}\nreality: R.\n---")
    deck = deck_from(tmp_path / "d", "\n\n---\n".join(parts))
    renderer = SlideRenderer(deck)

    def verdicts() -> list[bool]:
        return [renderer.slide_frame(slide, slide.step_count - 1).overflow for slide in deck.slides]

    searched = verdicts()
    with verdict_only():
        quick = verdicts()
    assert quick == searched
    assert True in searched and False in searched  # the edge lies inside the range


SHORT_SLIDE = (
    "---\ntitle: T\ncontent_warning: none\ntheme: ours.yaml\n---\n# Points\n\n"
    + "- One two three four five six seven eight nine ten\n" * 3
)


def test_a_decks_own_theme_with_larger_type_has_every_slide_laid_out(
    tmp_path: Path, qapp: object
) -> None:
    """The check skips short slides only for themes no roomier-hungry than the bundled
    ones: with a floor of 150 px these three short lines cannot fit, and must be told."""
    from presenter.render import surefit

    deck = deck_from(tmp_path / "d", SHORT_SLIDE)
    (tmp_path / "d" / "ours.yaml").write_text("name: ours\nsizes:\n  body: 160\n  floor: 150\n")
    assert surefit.surely_fits(deck.slides[0])  # short enough for the bundled themes
    found = check_paths([str(tmp_path / "d")])
    assert [(d.line, d.code) for d in found if d.code == "overflow"] == [(6, "overflow")]


def test_a_short_slide_of_headings_that_overflows_is_told(tmp_path: Path, qapp: object) -> None:
    """Six short lines, each a heading: under 240 characters, yet too big for the slide.
    The quick path once took any short slide as fitting; headings are laid out."""
    headings = "\n".join(f"# WWWWWWWWWW WWWWWWWWWWWW WWWWWWWWWW {n}" for n in range(6))
    assert len(headings) < 240
    text = f"---\ntitle: T\ncontent_warning: none\n---\n{headings}\n"
    deck_from(tmp_path / "d", text)
    found = check_paths([str(tmp_path / "d")])
    assert [(d.line, d.code) for d in found if d.code == "overflow"] == [(5, "overflow")]
