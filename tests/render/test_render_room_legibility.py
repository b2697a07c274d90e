"""What the back row reads: sizes of the small lines, the recap's "before" bar, and
the countdown before it is started."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

from presenter.core.session.view import SlideView, Tally
from presenter.render.frame import CANVAS_H
from presenter.render.theme import load_theme

FULL_HD = QSize(1920, 1080)
THEMES = ("default", "dark", "high-contrast")


def index_of(deck, kind: str) -> int:
    return next(i for i, s in enumerate(deck.slides) if s.kind == kind)


def test_source_lines_and_restated_myth_are_three_percent_of_the_frame(qapp) -> None:
    for name in THEMES:
        sizes = load_theme(name).sizes
        assert sizes.source / CANVAS_H >= 0.03, name
        # The restated myth on a reveal is 0.8 of the body size, never shrunk below
        # the floor's share of it.
        assert sizes.body * 0.8 * (sizes.floor / sizes.body) / CANVAS_H >= 0.03, name


def test_recap_shows_the_before_bar_without_new_counts(renderer, every_kind) -> None:
    recap = index_of(every_kind, "recap")
    frame = renderer.frame(SlideView(recap, 1, before_tally=Tally(14, 6)))
    assert "before" in frame.slots and "tally" not in frame.slots
    both = renderer.frame(SlideView(recap, 1, tally=Tally(3, 17), before_tally=Tally(14, 6)))
    assert {"before", "tally"} <= set(both.slots)
    plain = renderer.frame(SlideView(recap, 1))
    assert "before" not in plain.slots
    image = renderer.image(SlideView(recap, 1, before_tally=Tally(14, 6)), FULL_HD)
    bar = frame.slots["before"].toRect()
    colours = {image.pixel(x, bar.top() + 30) for x in range(bar.left() + 360, bar.right(), 40)}
    assert len(colours) >= 2, "the bar is painted in two colours (myth and reality)"


def test_countdown_says_paused_only_after_it_has_run(renderer, every_kind) -> None:
    index = index_of(every_kind, "discussion")
    frame = renderer.frame(SlideView(index, 0, None, 180.0, 180.0, False))
    area = frame.slots["countdown"].toRect()
    left = QRect(area.left(), area.top(), area.width() // 2 - 260, area.height() - 50)

    def pixels(view: SlideView) -> list[int]:
        image = renderer.image(view, FULL_HD)
        return [image.pixel(x, y) for x in range(left.left(), left.right(), 6)
                for y in range(left.top(), left.bottom(), 6)]  # fmt: skip

    ready = pixels(SlideView(index, 0, None, 180.0, 180.0, False))
    paused = pixels(SlideView(index, 0, None, 120.0, 180.0, False))
    assert len(set(ready)) == 1, "nothing beside the time before the first start"
    assert len(set(paused)) > 1, '"Paused" once it has run'
