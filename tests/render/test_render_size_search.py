"""The search for a block's largest size: few layouts, the same answer as halving."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from presenter.render.textfit import SEARCH_STEPS, TextStyle, _search, best_factor, fit_text

Fill = Callable[[float], float]
Measure = Callable[[float], tuple[bool, float]]


def measured(fill_at: Fill) -> tuple[Measure, list[float]]:
    tried: list[float] = []

    def measure(f: float) -> tuple[bool, float]:
        tried.append(f)
        fill = fill_at(f)
        return fill <= 1.0, fill

    return measure, tried


def halving(fill_at: Fill, low: float, high: float, steps: int = 30) -> float:
    for _ in range(steps):
        mid = (low + high) / 2
        if fill_at(mid) <= 1.0:
            low = mid
        else:
            high = mid
    return low


@pytest.mark.parametrize(
    "fill_at",
    [
        lambda f: 1.3 * f,  # a line or two: grows with the size
        lambda f: 1.6 * f * f,  # wrapped text: grows with the square
        lambda f: 0.55 + 0.3 * math.ceil(f * 9) / 9 * f,  # line breaks: in steps
        lambda f: 0.9 if f < 0.97 else 1.2,  # fits until just below full size
    ],
)
def test_the_answer_fits_and_is_within_a_pixel_of_the_best(fill_at: Fill) -> None:
    floor, tolerance = 0.55, 1 / 40  # a 40 px body: one pixel
    measure, tried = measured(fill_at)
    found = _search(measure, floor, fill_at(floor), 1.0, fill_at(1.0), tolerance)
    best = halving(fill_at, floor, 1.0)
    assert fill_at(found) <= 1.0
    assert best - tolerance - 1e-9 <= found <= best + 1e-9
    assert len(tried) <= SEARCH_STEPS


def test_smooth_growth_takes_few_layouts() -> None:
    measure, tried = measured(lambda f: 1.6 * f * f)
    _search(measure, 0.55, 1.6 * 0.55**2, 1.0, 1.6, 1 / 40)
    assert len(tried) <= 3


def test_the_block_at_the_size_found_reuses_the_searchs_layout(qapp: object) -> None:
    from PySide6.QtCore import QRectF

    from presenter.render import textfit
    from presenter.render.theme import load_theme

    style = TextStyle.for_theme(load_theme("default"), False)
    rect = QRectF(0, 0, 900, 260)
    text = "<p>" + "a sentence that wraps onto more lines than fit here " * 12 + "</p>"
    made: list[object] = []
    real = textfit.make_document

    def counting(*args: object, **kwargs: object) -> object:
        made.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(textfit, "make_document", counting)
        factor = best_factor(text, style, rect, None)
        searched = len(made)
        first = fit_text(text, style, rect, factor=factor)
        assert len(made) == searched  # the search's document, not a new one
        second = fit_text(text, style, rect, factor=factor)
        assert len(made) == searched + 1  # taken once: no two blocks share a document
    assert first.doc is not second.doc
    assert first.factor == second.factor and first.overflow == second.overflow
    assert first.doc.size() == second.doc.size()


@pytest.mark.parametrize("words", [40, 90, 160])
@pytest.mark.parametrize("between", [0.2, 0.5, 0.8])
def test_a_real_text_gets_the_largest_size_within_a_pixel_in_few_layouts(
    qapp: object, words: int, between: float
) -> None:
    """A place whose height lies ``between`` the text's height at the floor and at full
    size: the size found fits, one pixel more would not, in at most five layouts."""
    from presenter.render import textfit
    from presenter.render.theme import load_theme

    style = TextStyle.for_theme(load_theme("default"), False)
    width = 1200.0
    text = "<ul>" + "".join(f"<li>point {n} of a list that wraps</li>" for n in range(words // 8))
    text += "</ul><p>" + " ".join(["word"] * words) + "</p>"
    real = textfit.make_document
    floor = style.floor / style.body

    def height_at(f: float) -> float:
        return float(real(text, style, width, f, None, 10_000).size().height())

    height = height_at(floor) + between * (height_at(1.0) - height_at(floor))
    made: list[object] = []

    def counting(*args: object, **kwargs: object) -> object:
        made.append(args[3])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(textfit, "make_document", counting)
        factor = textfit._best_factor.__wrapped__(text, style, width, height, None, 0.62)

    def fits_at(f: float) -> bool:
        return textfit.fits(real(text, style, width, f, None, height * 0.62), width, height)

    assert floor < factor < 1.0
    assert fits_at(factor)
    assert not fits_at(min(1.0, factor + 1.5 / style.body))  # the largest, to a pixel
    assert len(made) <= 5, made
