"""The search for a block's largest size: few layouts, the same answer as halving."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from presenter.render.textfit import SEARCH_STEPS, _search

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
