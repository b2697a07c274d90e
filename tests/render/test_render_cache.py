"""The frame cache holds base frames; live parts (countdown, show of hands, number) are
painted on top, so a running countdown never flushes the prefetched slides."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from presenter.core.session.view import SlideView, Tally
from presenter.render.renderer import SlideRenderer, has_live_parts

SIZE = QSize(480, 270)


def discussion_index(renderer: SlideRenderer) -> int:
    return next(s.index for s in renderer.deck.slides if s.kind == "discussion")


def painted_directly(renderer: SlideRenderer, view: SlideView) -> QImage:
    image = QImage(SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(renderer.theme.colors.letterbox))
    painter = QPainter(image)
    renderer.paint(painter, QRectF(0, 0, SIZE.width(), SIZE.height()), view)
    painter.end()
    return image


def test_a_running_countdown_reuses_one_base_frame(renderer: SlideRenderer) -> None:
    index = discussion_index(renderer)
    ticking = [
        SlideView(index, 0, countdown_remaining=float(s), countdown_total=300.0,
                  countdown_running=True, slide_number=4, slide_total=9)
        for s in range(300, 240, -1)
    ]  # fmt: skip
    neighbour = SlideView(index + 1, 0, slide_number=5, slide_total=9)
    renderer.prefetch([neighbour], SIZE)
    target = QImage(SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(target)
    for view in ticking:
        renderer.draw(painter, QRectF(0, 0, SIZE.width(), SIZE.height()), view, SIZE)
    painter.end()
    assert renderer.stats["image_misses"] == 2  # the neighbour and the one base frame
    misses = renderer.stats["image_misses"]
    renderer.base_image(neighbour, SIZE)
    assert renderer.stats["image_misses"] == misses  # the prefetched slide is still there


def test_drawn_and_composed_frames_match_a_direct_paint(renderer: SlideRenderer) -> None:
    index = discussion_index(renderer)
    view = SlideView(index, 0, countdown_remaining=83.0, countdown_total=300.0,
                     countdown_running=True, slide_number=4, slide_total=9)  # fmt: skip
    assert has_live_parts(view)
    direct = painted_directly(renderer, view)
    assert renderer.image(view, SIZE) == direct
    drawn = QImage(SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(drawn)
    renderer.draw(painter, QRectF(0, 0, SIZE.width(), SIZE.height()), view, SIZE)
    painter.end()
    assert drawn == direct
    # And the digits really are drawn live: another second looks different.
    later = replace(view, countdown_remaining=82.0)
    assert renderer.image(later, SIZE) != direct


def test_a_show_of_hands_is_live_too(renderer: SlideRenderer) -> None:
    myth = next(s.index for s in renderer.deck.slides if s.kind == "myth")
    counts = [SlideView(myth, 1, tally=Tally(n, 10 - n)) for n in range(11)]
    images = [renderer.image(v, SIZE) for v in counts]
    assert renderer.stats["image_misses"] == 1
    assert images[0] != images[10]


def test_views_without_live_parts_come_straight_from_the_cache(renderer: SlideRenderer) -> None:
    view = SlideView(0, 0)
    assert not has_live_parts(view)
    assert renderer.image(view, SIZE) is renderer.image(view, SIZE)


def test_fonts_are_registered_once_per_process(renderer: SlideRenderer, monkeypatch) -> None:
    from presenter.render import fonts

    first = fonts.ensure_fonts()
    calls: list[str] = []
    monkeypatch.setattr(fonts.QFontDatabase, "addApplicationFont", lambda p: calls.append(p))
    monkeypatch.setattr(fonts.QFontDatabase, "families", lambda: calls.append("families"))
    for _ in range(3):
        SlideRenderer(renderer.deck)
        assert fonts.ensure_fonts() == first
    assert calls == []


def test_a_renderer_has_freed_frames_returned_to_the_system(renderer, monkeypatch) -> None:
    from presenter.render import renderer as module

    calls: list[bool] = []
    monkeypatch.setattr(module, "return_large_blocks", lambda: calls.append(True) or True)
    SlideRenderer(renderer.deck)
    assert calls == [True]


def test_the_cache_stays_under_its_cap_even_while_a_frame_is_drawn(
    renderer: SlideRenderer, monkeypatch
) -> None:
    from presenter.render import renderer as module

    full_hd = QSize(1920, 1080)
    frame_bytes = full_hd.width() * full_hd.height() * 4
    monkeypatch.setattr(module, "IMAGE_CACHE_BYTES", 2 * frame_bytes)
    most = 0
    paint = renderer._paint

    def watching(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal most
        most = max(most, renderer.image_cache_bytes)
        return paint(*args, **kwargs)

    monkeypatch.setattr(renderer, "_paint", watching)
    for index in range(len(renderer.deck.slides)):
        renderer.base_image(SlideView(index, 0), full_hd)
        # Cached frames and the one being drawn, together, never above the cap.
        assert most + frame_bytes <= 2 * frame_bytes
    assert renderer.image_cache_count == 2


def test_a_frame_someone_still_holds_is_never_painted_over(renderer: SlideRenderer) -> None:
    """Evicted frames lend their pixels to the next one; one still held elsewhere (an
    exporter saving it, a caller comparing) must keep what it showed."""
    from presenter.render.renderer import IMAGE_CACHE_BYTES

    size = QSize(1920, 1080)
    held = renderer.base_image(SlideView(0, 0), size)
    kept = held.copy()
    per_frame = size.width() * size.height() * 4
    for index in range(1, 2 + IMAGE_CACHE_BYTES // per_frame):
        renderer.base_image(SlideView(index, 0), size)
    assert renderer.stats["image_misses"] >= 3  # the first frame was evicted and reused
    assert held == kept
    assert renderer.base_image(SlideView(0, 0), size) == kept  # drawn again, the same


def pixels_at(image: QImage) -> int:
    """Where the pixels live (``bits`` does not copy an image that is not shared)."""
    import ctypes

    return ctypes.addressof(ctypes.c_char.from_buffer(image.bits()))


def test_an_evicted_frame_lends_its_pixels(renderer: SlideRenderer) -> None:
    from presenter.render.renderer import IMAGE_CACHE_BYTES

    size = QSize(1920, 1080)
    count = IMAGE_CACHE_BYTES // (size.width() * size.height() * 4)
    for index in range(count):
        renderer.base_image(SlideView(index, 0), size)
    oldest = pixels_at(next(iter(renderer._images.values())))
    fresh = renderer.base_image(SlideView(count, 0), size)
    assert pixels_at(fresh) == oldest  # no new 8 MB block
    assert renderer.image_cache_count == count


def test_a_countdown_on_a_full_hd_screen_keeps_the_prefetched_next_slide(
    renderer: SlideRenderer,
) -> None:
    """At full HD the cache holds one frame besides the previews: the next slide's,
    prefetched. The countdown's seconds repaint the slide on screen without taking
    that place, and look exactly as a cached frame would."""
    size = QSize(1920, 1080)
    target = QRectF(0, 0, size.width(), size.height())
    index = discussion_index(renderer)

    def second(s: float) -> SlideView:
        return SlideView(index, 0, countdown_remaining=s, countdown_total=300.0,
                         countdown_running=True, slide_number=4, slide_total=9)  # fmt: skip

    screen = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(screen)
    renderer.draw(painter, target, second(300.0), size)  # the slide arrives
    following = SlideView(index + 1, 0, slide_number=5, slide_total=9)
    renderer.prefetch([following], size)  # its frame takes the place of the one shown
    misses = renderer.stats["image_misses"]
    for s in range(299, 279, -1):
        renderer.draw(painter, target, second(float(s)), size)
    painter.end()
    assert renderer.stats["image_misses"] == misses  # nothing drawn into the cache
    renderer.base_image(following, size)
    assert renderer.stats["image_misses"] == misses  # the next slide is still there
    assert renderer.stats["direct_repaints"] == 20
    assert screen == renderer.image(second(280.0), size)  # as the cached path draws it


def test_stepping_forward_and_back_keeps_its_layouts(renderer: SlideRenderer) -> None:
    from presenter.render.renderer import FRAME_CACHE_SIZE

    views = [SlideView(s.index, 0, slide_number=s.index + 1, slide_total=9)
             for s in renderer.deck.slides][:5]  # fmt: skip
    for view in views:  # the room's frame and the console's Next, press by press
        renderer.frame(view)
    misses = renderer.stats["frame_misses"]
    for view in reversed(views[:-1]):  # and back again
        renderer.frame(view)
    assert renderer.stats["frame_misses"] == misses
    for index in range(FRAME_CACHE_SIZE + 3):  # a bounded number of layouts is kept
        renderer.frame(SlideView(index % len(renderer.deck.slides), index))
    assert len(renderer._frames) <= FRAME_CACHE_SIZE
