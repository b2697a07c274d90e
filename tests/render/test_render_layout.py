"""Every kind and overlay paints; text stays on the canvas; any target shows the same layout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage

from presenter.core.deck.model import Deck, HelpContact
from presenter.core.session.view import Overlay, SlideView, Tally
from presenter.render import SlideRenderer, available_themes, canvas_transform, load_theme
from presenter.render.frame import CANVAS

FULL_HD = QSize(1920, 1080)


def all_views(deck: Deck) -> list[SlideView]:
    views = []
    for slide in deck.slides:
        for step in range(slide.step_count):
            extra: dict[str, object] = {}
            if slide.kind in ("discussion", "break"):
                extra = {"countdown_remaining": 125.0, "countdown_total": 300.0}
            elif slide.kind == "myth" and step == 1:
                extra = {"tally": Tally(12, 5)}
            elif slide.kind == "recap" and step % 2:
                extra = {"tally": Tally(17, 0), "before_tally": Tally(12, 5)}
            views.append(SlideView(slide.index, step, slide_number=1, slide_total=9, **extra))
    return views


def colours_in(image: QImage, step: int = 7) -> set[int]:
    return {
        image.pixel(x, y)
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    }


def ink_share(image: QImage, background: QColor) -> float:
    """Share of sampled pixels that differ from the background."""
    bg = background.rgb()
    total = ink = 0
    for x in range(0, image.width(), 4):
        for y in range(0, image.height(), 4):
            total += 1
            ink += (image.pixel(x, y) & 0xFFFFFF) != (bg & 0xFFFFFF)
    return ink / total


@pytest.mark.parametrize("theme_name", ["default", "dark", "high-contrast", "print"])
def test_every_kind_renders_something_in_every_theme(every_kind: Deck, theme_name: str) -> None:
    renderer = SlideRenderer(every_kind, load_theme(theme_name))
    kinds = set()
    for view in all_views(every_kind):
        kinds.add(every_kind.slides[view.slide_index].kind)
        frame = renderer.frame(view)
        image = renderer.image(view, QSize(960, 540))
        assert ink_share(image, QColor(frame.background)) > 0.003, view
        assert not frame.overflow, view
    assert kinds == {
        "title", "section", "content", "myth", "discussion", "break", "recap", "help"
    }  # fmt: skip


@pytest.mark.parametrize("overlay", list(Overlay))
def test_every_overlay_renders(renderer: SlideRenderer, overlay: Overlay) -> None:
    image = renderer.image(SlideView(2, overlay=overlay), QSize(960, 540))
    if overlay is Overlay.BLACK:
        assert colours_in(image) == {QColor("#000000").rgba()}
    elif overlay is Overlay.WHITE:
        assert colours_in(image) == {QColor("#FFFFFF").rgba()}
    else:
        assert len(colours_in(image)) > 2
        assert renderer.frame(SlideView(2, overlay=overlay)).blocks


def test_calm_screen_is_neutral_not_black(renderer: SlideRenderer) -> None:
    frame = renderer.frame(SlideView(0, overlay=Overlay.CALM))
    assert frame.background == renderer.theme.colors.calm_background != "#000000"
    text = frame.blocks[0].doc.toPlainText()
    assert "Breathe" in text


def test_content_warning_comes_from_the_deck_and_says_you_can_step_out(
    renderer: SlideRenderer,
) -> None:
    text = renderer.frame(SlideView(0, overlay=Overlay.CONTENT_WARNING)).blocks[0].doc.toPlainText()
    assert "This session talks about exploitation." in text
    assert "You can step out at any time" in text


def test_help_without_contacts_asks_for_the_facilitator(every_kind: Deck) -> None:
    renderer = SlideRenderer(every_kind, load_theme("default"), ())
    text = renderer.frame(SlideView(0, overlay=Overlay.HELP)).blocks[0].doc.toPlainText()
    assert "facilitator" in text
    renderer.set_help_contacts([HelpContact("X", "Call 1")])
    blocks = renderer.frame(SlideView(0, overlay=Overlay.HELP)).blocks
    assert "Call 1" in "".join(b.doc.toPlainText() for b in blocks)


def test_myth_steps_ask_then_reveal(renderer: SlideRenderer, every_kind: Deck) -> None:
    index = next(s.index for s in every_kind.slides if s.kind == "myth")
    asked = renderer.frame(SlideView(index, 0)).blocks[0].doc.toPlainText()
    revealed = renderer.frame(SlideView(index, 1)).blocks[0].doc.toPlainText()
    assert "Myth or reality?" in asked and "own country" not in asked
    assert "own country" in revealed and "Myth or reality?" not in revealed


def test_discussion_chip_shows_format_and_minutes(
    renderer: SlideRenderer, every_kind: Deck
) -> None:
    from presenter.render.layouts.slides import discussion_chip_text

    slide = next(s for s in every_kind.slides if s.kind == "discussion")
    assert discussion_chip_text(renderer.context, slide) == "In pairs · 5 min"


@pytest.mark.parametrize("theme_name", available_themes())
def test_all_text_is_inside_the_canvas(every_kind: Deck, theme_name: str) -> None:
    renderer = SlideRenderer(every_kind, load_theme(theme_name))
    views = all_views(every_kind) + [SlideView(0, overlay=o) for o in Overlay]
    for view in views:
        frame = renderer.frame(view)
        for rect in frame.text_rects():
            assert CANVAS.contains(rect), (view, rect)
        for name, slot in frame.slots.items():
            assert CANVAS.contains(slot), (view, name, slot)


def test_body_text_never_goes_below_the_floor(tmp_path, qapp) -> None:  # type: ignore[no-untyped-def]
    from tests.render.conftest import deck_from

    long_text = "\n".join(f"- point number {i} with several words to wrap" for i in range(30))
    deck = deck_from(tmp_path / "d", f"---\ntitle: T\n---\n## Long\n\n{long_text}\n")
    renderer = SlideRenderer(deck, load_theme("default"))
    block = renderer.frame(SlideView(0)).blocks[0]
    assert block.factor * renderer.theme.sizes.body >= 43
    assert block.overflow


def test_same_layout_at_any_size(renderer: SlideRenderer, every_kind: Deck) -> None:
    """A 960×540 render equals the 1920×1080 render scaled down (up to antialiasing)."""
    for view in all_views(every_kind)[:6]:
        big = renderer.image(view, FULL_HD).scaled(
            960,
            540,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        small = renderer.image(view, QSize(960, 540))
        assert mean_difference(big, small) < 6.0, view


def test_other_shapes_are_letterboxed(renderer: SlideRenderer) -> None:
    view = SlideView(2, 2)
    image = renderer.image(view, QSize(1024, 768))
    scale, canvas = canvas_transform(QRectF(0, 0, 1024, 768))
    assert scale == pytest.approx(1024 / 1920)
    assert canvas.top() == pytest.approx((768 - 576) / 2)
    letterbox = QColor(renderer.theme.colors.letterbox).rgba()
    assert image.pixel(512, 10) == letterbox and image.pixel(512, 760) == letterbox
    background = QColor(renderer.theme.colors.background).rgba()
    assert image.pixel(5, 384) == background
    # The letterboxed canvas is the 16:9 render, scaled.
    inner = image.copy(0, int(canvas.top()), 1024, 576)
    wide = renderer.image(view, QSize(1024, 576))
    assert mean_difference(inner, wide) < 4.0


def mean_difference(a: QImage, b: QImage) -> float:
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    total = count = 0
    for x in range(0, a.width(), 3):
        for y in range(0, a.height(), 3):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            total += sum(abs(((pa >> s) & 255) - ((pb >> s) & 255)) for s in (0, 8, 16)) / 3
            count += 1
    return total / count


def test_cache_makes_a_revisit_a_blit(renderer: SlideRenderer) -> None:
    view = SlideView(2, 1)
    first = renderer.image(view, FULL_HD)
    misses = renderer.stats["image_misses"]
    assert renderer.image(view, FULL_HD) is first or renderer.image(view, FULL_HD) == first
    assert renderer.stats["image_misses"] == misses
    renderer.prefetch([SlideView(3)], FULL_HD)  # the cache holds one full-HD frame ahead
    misses = renderer.stats["image_misses"]
    renderer.image(SlideView(3), FULL_HD)
    assert renderer.stats["image_misses"] == misses
    renderer.set_theme(load_theme("dark"))
    renderer.image(view, FULL_HD)
    assert renderer.stats["image_misses"] == misses + 1


def test_reveal_steps_share_one_text_size(renderer: SlideRenderer) -> None:
    factors = {renderer.frame(SlideView(2, step)).blocks[0].factor for step in range(3)}
    assert len(factors) == 1


def test_two_long_sources_fit_the_footer_band(qapp: object) -> None:
    from PySide6.QtGui import QFontMetricsF

    from presenter.render.context import FOOTER_H
    from presenter.render.fonts import ensure_fonts, slide_font
    from presenter.render.frame import MIN_FIT, fitted_size

    families = tuple(ensure_fonts())
    band = QRectF(0, 0, 1920 - 2 * 90 - 200, FOOTER_H - 24)
    text = (
        "Sources: Polaris Project, Myths, Facts and Statistics (web page, accessed 2026); "
        "UNODC, Global Report on Trafficking in Persons 2020 (2021)"
    )
    size = fitted_size(text, band, 34.0, families)
    assert 34.0 * MIN_FIT <= size < 34.0  # the last line was cut at the slide's foot
    metrics = QFontMetricsF(slide_font(size, families))
    assert metrics.boundingRect(band, int(Qt.TextFlag.TextWordWrap), text).height() <= band.height()
    assert fitted_size("Source: ILO, 2022", band, 34.0, families) == 34.0
