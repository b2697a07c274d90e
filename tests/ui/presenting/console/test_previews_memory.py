"""Console previews draw the cached base frame and paint the live parts over it, so a
countdown on the laptop never copies a frame per paint (see console/previews.py)."""

from __future__ import annotations

import itertools
from dataclasses import replace

from PySide6.QtCore import QSize

from presenter.core.session.view import SlideView
from presenter.ui.presenting.console.previews import RENDER_MIN, SlidePreview


def test_a_live_preview_never_copies_its_frame(qtbot, presentation, monkeypatch) -> None:
    renderer = presentation.audience.renderer
    discussion = next(s.index for s in renderer.deck.slides if s.kind == "discussion")
    preview = SlidePreview(renderer)
    qtbot.addWidget(preview)
    preview.resize(480, 270)

    def copying(*args: object) -> None:
        raise AssertionError("a preview asked for a composed copy of its frame")

    monkeypatch.setattr(renderer, "image", copying)
    view = SlideView(discussion, 0, countdown_remaining=83.0, countdown_total=300.0,
                     countdown_running=True, slide_number=4, slide_total=9)  # fmt: skip
    preview.show_view(view)
    first = preview.grab().toImage()
    misses = renderer.stats["image_misses"]
    preview.show_view(replace(view, countdown_remaining=82.0))
    second = preview.grab().toImage()
    assert first != second  # the seconds are painted live
    assert renderer.stats["image_misses"] == misses  # on the one cached base frame


def test_small_previews_render_at_a_modest_size(qtbot, presentation) -> None:
    preview = SlidePreview(presentation.audience.renderer)
    qtbot.addWidget(preview)
    preview.resize(440, 248)
    size = preview.render_size(preview.slide_rect())
    assert size == RENDER_MIN
    assert size.width() * size.height() * 4 < 1_000_000  # under 1 MB a cached frame
    preview.resize(800, 450)
    assert preview.render_size(preview.slide_rect()) == QSize(800, 450)


def test_one_press_back_needs_no_new_picture(presentation) -> None:
    from presenter.ui.presenting.console.previews import THUMBNAILS_KEPT, Thumbnails

    renderer = presentation.audience.renderer
    thumbnails = Thumbnails(renderer)
    size = QSize(320, 180)
    views = [SlideView(index, 0) for index in range(len(renderer.deck.slides))][:5]
    for now, following in itertools.pairwise(views):  # Now and Next, press by press
        thumbnails.image(now, size)
        thumbnails.image(following, size)
    drawn = thumbnails.rendered
    thumbnails.image(views[-3], size)  # one press back: Now and Next as they were
    thumbnails.image(views[-2], size)
    assert thumbnails.rendered == drawn
    assert len(thumbnails._images) == THUMBNAILS_KEPT
