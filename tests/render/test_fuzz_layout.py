"""Fuzzed decks through ``run``'s layout path: every slide, step and overlay laid out.

The parser fuzzing (tests/core/deck/test_fuzz.py) stops at the model; here the same kinds of
noise, plus the shapes that used to be slow (many steps, headings, rules, marks, help
contacts), go through ``check``'s layout checks and the renderer that paints the
projector: each slide at each step, the help, calm and content-warning screens. Fast by
default; thorough (ten times the examples) when ``CI=true``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSize

from presenter.core import DeckError, parse_deck
from presenter.core.deck.checker import check_deck
from presenter.core.session.view import Overlay, SlideView
from presenter.render.checks import provide_checks
from presenter.render.renderer import SlideRenderer
from tests.core.deck.test_fuzz import TOKENS

THOROUGH = os.environ.get("CI", "").lower() == "true"
LAYOUT = settings(
    max_examples=400 if THOROUGH else 40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)
SHAPES = [
    "--\n" * 60,
    "# h\n" * 40,
    "***\n" * 40,
    "a\n===\n" * 30,
    "*a" * 400,
    "`a" * 400,
    "> " * 200 + "x",
    "|" + "a|" * 80 + "\n|" + "-|" * 80,
    "- x\n" * 100,
    "kind: help\n---\n## Help",
    "kind: myth\nmyth: m\nreality: r\nsource: s 2024",
    "kind: discussion\nminutes: 3",
    "help: [" + ", ".join(f"{{name: c{i}, reach: '0800 {i:04d}'}}" for i in range(45)) + "]",
    "title: '<img src=/dev/zero>'",
    '## <img src="/dev/zero">',
    "![x](a.svg)",
]


def lay_out(text: str, folder: Path) -> None:
    try:
        deck = parse_deck(text, folder / "deck.md")
    except DeckError:
        return
    diagnostics = check_deck(deck, extra=provide_checks())
    assert all(d.line >= 1 and "\n" not in d.format() for d in diagnostics)
    renderer = SlideRenderer(deck)
    small = QSize(320, 180)
    for slide in deck.slides:
        for step in range(slide.step_count):
            assert renderer.frame(SlideView(slide.index, step)) is not None
        assert not renderer.image(SlideView(slide.index, slide.step_count - 1), small).isNull()
    for overlay in (Overlay.HELP, Overlay.CALM, Overlay.CONTENT_WARNING):
        assert not renderer.image(SlideView(0, 0, overlay), small).isNull()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = tmp_path_factory.mktemp("fuzz-layout")
    (made / "a.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/passwd"/></svg>', "utf-8"
    )
    return made


@LAYOUT
@given(parts=st.lists(st.sampled_from(TOKENS + SHAPES) | st.text(max_size=12), max_size=40))
def test_deck_shaped_noise_lays_out(parts: list[str], folder: Path, qapp) -> None:
    lay_out("\n".join(parts), folder)


@LAYOUT
@given(
    front=st.lists(st.sampled_from([*SHAPES[-4:], "theme: defualt", "language: ../x"]), max_size=3),
    body=st.lists(st.sampled_from(SHAPES), min_size=1, max_size=6),
)
def test_front_matter_and_shapes_lay_out(
    front: list[str], body: list[str], folder: Path, qapp
) -> None:
    lay_out("---\n" + "\n".join(front) + "\n---\n" + "\n---\n".join(body), folder)
