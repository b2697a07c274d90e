"""The one renderer: every surface (projector, console preview, PNG, PDF) paints here.

``paint`` draws one :class:`SlideView` onto any QPainter, laid out on a fixed 1920×1080
canvas scaled uniformly and letterboxed, so a 1024×768 projector and an A4 page show the
same layout. ``draw`` keeps recent frames as images so changing slide is a cached blit.

What is cached is the *base* frame: everything but the live parts (countdown, show of
hands, slide number), which ``draw`` paints on top at paint time. So a running
countdown repaints a few characters a second and never pushes the prefetched next
slide out of the cache (it used to make every second a new full-HD image).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from presenter.core.deck.model import Deck, HelpContact, Slide
from presenter.core.session.view import SlideView
from presenter.render.context import LayoutFlags, RenderContext
from presenter.render.fonts import ensure_fonts
from presenter.render.frame import CANVAS, CANVAS_H, CANVAS_W, Frame
from presenter.render.layouts import layout_for
from presenter.render.layouts.overlays import OVERLAYS
from presenter.render.live import paint_live
from presenter.render.theme import Theme, load_theme
from presenter.support.memory import return_large_blocks

log = logging.getLogger(__name__)

# The next frame at full HD (8.3 MB) and the console's previews. The frame on screen is
# in the window's own backing store already, and one drawn without the cache (going
# back) takes about 6 ms, so more full-HD frames cost memory (the 300-slide bench went
# from 147 to 136 MB peak with 24 -> 12 MB) and bought no visible speed.
IMAGE_CACHE_BYTES = 12 * 1024 * 1024
# Laid-out frames, each keeping its QTextDocuments: the shown step, the next and the
# previous, and the console's Now and Next fit in 8. 16 laid out nothing more in the
# 300-slide bench (506 layouts either way) and held about 0.5 MB more of Qt's heap.
FRAME_CACHE_SIZE = 8
FRAME_FORMAT = QImage.Format.Format_ARGB32_Premultiplied


@dataclass(frozen=True)
class FrameKey:
    slide_index: int | None
    step: int
    overlay: str | None
    revision: str
    flags: LayoutFlags


def canvas_transform(target: QRectF) -> tuple[float, QRectF]:
    """Scale and placement of the canvas inside ``target`` (uniform, centred)."""
    scale = min(target.width() / CANVAS_W, target.height() / CANVAS_H)
    width, height = CANVAS_W * scale, CANVAS_H * scale
    left = target.left() + (target.width() - width) / 2
    top = target.top() + (target.height() - height) / 2
    return scale, QRectF(left, top, width, height)


class SlideRenderer:
    """Paints a deck's slides and overlays; caches layouts and images."""

    def __init__(
        self,
        deck: Deck,
        theme: Theme | None = None,
        help_contacts: Sequence[HelpContact] = (),
    ) -> None:
        ensure_fonts()
        return_large_blocks()  # frames and pictures go back to the system when freed
        self.deck = deck
        self.theme = theme or load_theme(deck.meta.theme, deck.folder)
        self._contacts = tuple(help_contacts) or tuple(deck.meta.help)
        self._frames: OrderedDict[FrameKey, Frame] = OrderedDict()
        self._images: OrderedDict[tuple[FrameKey, int, int], QImage] = OrderedDict()
        self._image_bytes = 0
        self._last_drawn: dict[tuple[int, int], FrameKey] = {}
        self.stats = dict.fromkeys(
            ("frame_hits", "frame_misses", "image_hits", "image_misses", "direct_repaints"), 0
        )

    # -- configuration -----------------------------------------------------------
    @property
    def context(self) -> RenderContext:
        return RenderContext(self.deck, self.theme, self._contacts)

    @property
    def image_cache_bytes(self) -> int:
        """Bytes of the cached frame images (what the byte cap bounds)."""
        return self._image_bytes

    @property
    def image_cache_count(self) -> int:
        return len(self._images)

    @property
    def help_contacts(self) -> tuple[HelpContact, ...]:
        return self._contacts

    def set_help_contacts(self, contacts: Sequence[HelpContact]) -> None:
        self._contacts = tuple(contacts) or tuple(self.deck.meta.help)
        self.invalidate()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.invalidate()

    def set_deck(self, deck: Deck) -> None:
        """A reloaded deck: cached frames of unchanged slides stay (keyed by revision)."""
        self.deck = deck

    def invalidate(self) -> None:
        self._frames.clear()
        self._images.clear()
        self._image_bytes = 0
        self._last_drawn.clear()

    # -- painting ----------------------------------------------------------------
    def paint(self, painter: QPainter, target: QRectF, view: SlideView) -> None:
        """Draw ``view`` into ``target``, letterboxed with the theme's letterbox colour."""
        self._paint(painter, target, view, base=True, live=True)

    def draw(self, painter: QPainter, target: QRectF, view: SlideView, size: QSize) -> None:
        """What a screen does: the cached base frame at ``size`` pixels, stretched to
        ``target`` (the same size unless the device pixel ratio differs), and the live
        parts painted over it, sharp, at paint time.

        A repaint of the frame last drawn at this size (a countdown's next second) whose
        base has left the cache to make room for the prefetched next slide is painted
        straight onto the screen instead, uncached: a running countdown never pushes
        the next slide out, nor has it drawn again every second."""
        key = (self.frame_key(view), size.width(), size.height())
        again = self._last_drawn.get((size.width(), size.height())) == key[0]
        self._last_drawn[(size.width(), size.height())] = key[0]
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        # Only where the frame would be blitted 1:1: a small preview keeps its larger
        # rendering, scaled down (text drawn tiny can be hinted past its measured size).
        one_to_one = abs(target.width() * ratio - size.width()) < 1
        if again and one_to_one and key not in self._images:
            self.stats["direct_repaints"] += 1
            self._paint(painter, target, view, base=True, live=True)
            return
        painter.drawImage(target, self.base_image(view, size))
        if has_live_parts(view):
            self._paint(painter, target, view, base=False, live=True)

    def image(self, view: SlideView, size: QSize) -> QImage:
        """``view`` as an image of ``size``. Views without live parts come straight from
        the cache; the others are the cached base with the live parts painted on a copy."""
        base = self.base_image(view, size)
        if not has_live_parts(view):
            return base
        image = base.copy()
        painter = QPainter(image)
        try:
            self._paint(painter, QRectF(0, 0, size.width(), size.height()), view, live=True)
        finally:
            painter.end()
        return image

    def base_image(self, view: SlideView, size: QSize) -> QImage:
        """The frame of ``view`` without its live parts, from the cache when painted before."""
        key = (self.frame_key(view), size.width(), size.height())
        cached = self._images.get(key)
        if cached is not None:
            self._images.move_to_end(key)
            self.stats["image_hits"] += 1
            return cached
        self.stats["image_misses"] += 1
        image = self._blank(size)
        target = QRectF(0, 0, size.width(), size.height())
        background = QColor(self.frame(view).background)
        # A frame that covers the whole image gets its background from the fill, not
        # from a second pass over every pixel (about 0.7 ms a frame at 1080p).
        filled = canvas_transform(target)[1] == target and background.alpha() == 255
        image.fill(background if filled else QColor(self.theme.colors.letterbox))
        painter = QPainter(image)
        try:
            self._paint(painter, target, view, base=True, filled=filled)
        finally:
            painter.end()
        self._remember(key, image)
        return image

    def prefetch(self, views: Sequence[SlideView], size: QSize) -> None:
        """Render ``views`` now (e.g. the next and previous slide) so showing them is a blit."""
        for view in views:
            self.base_image(view, size)

    def _paint(
        self,
        painter: QPainter,
        target: QRectF,
        view: SlideView,
        *,
        base: bool = False,
        live: bool = False,
        filled: bool = False,
    ) -> None:
        frame = self.frame(view)
        scale, canvas = canvas_transform(target)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if base and canvas != target:
            painter.fillRect(target, QColor(self.theme.colors.letterbox))
        painter.setClipRect(canvas)
        painter.translate(canvas.topLeft())
        painter.scale(scale, scale)
        if base:
            frame.paint(painter, background=not filled)
        if live:
            paint_live(self.context, painter, frame, view)
        painter.restore()

    # -- layout ------------------------------------------------------------------
    def frame_key(self, view: SlideView) -> FrameKey:
        """What a frame's layout depends on: never the live values themselves."""
        slide = self._slide(view.slide_index)
        overlay = view.overlay.value if view.overlay is not None else None
        if overlay is not None:
            return FrameKey(None, 0, overlay, "", LayoutFlags())
        flags = LayoutFlags(
            countdown=view.countdown_remaining is not None,
            tally=view.tally is not None,
            before_tally=view.before_tally is not None,
            phones=view.phones is not None,
        )
        revision = slide.revision if slide is not None else ""
        return FrameKey(view.slide_index, view.step, None, revision, flags)

    def frame(self, view: SlideView) -> Frame:
        """The laid-out frame for ``view`` (cached by slide, step, state and revision)."""
        slide = self._slide(view.slide_index)
        key = self.frame_key(view)
        flags = key.flags
        frame = self._frames.get(key)
        if frame is not None:
            self._frames.move_to_end(key)
            self.stats["frame_hits"] += 1
            return frame
        self.stats["frame_misses"] += 1
        frame = self._layout(view, slide, flags)
        self._frames[key] = frame
        while len(self._frames) > FRAME_CACHE_SIZE:
            self._frames.popitem(last=False)
        return frame

    def slide_frame(self, slide: Slide, step: int, flags: LayoutFlags | None = None) -> Frame:
        """Lay out one slide at one step without caching (used by the overflow check)."""
        return layout_for(slide.kind)(self.context, slide, step, flags or LayoutFlags())

    def _layout(self, view: SlideView, slide: Slide | None, flags: LayoutFlags) -> Frame:
        ctx = self.context
        if view.overlay is not None:
            return OVERLAYS[view.overlay](ctx)
        if slide is None:
            return Frame(self.theme.colors.background)
        step = max(0, min(view.step, slide.step_count - 1))
        return layout_for(slide.kind)(ctx, slide, step, flags)

    def _slide(self, index: int | None) -> Slide | None:
        if index is None or not 0 <= index < len(self.deck.slides):
            return None
        return self.deck.slides[index]

    def _blank(self, size: QSize) -> QImage:
        """An image to paint a new frame on. Room is made in the cache first, so frames
        never hold more than the cap even while one is drawn (making room afterwards
        held a full-HD frame too many at every miss), and an evicted frame of the same
        size lends its pixels: no new 8 MB block to map and fault in."""
        needed = size.width() * size.height() * 4
        spare: QImage | None = None
        while self._images and self._image_bytes + needed > IMAGE_CACHE_BYTES:
            _, old = self._images.popitem(last=False)
            self._image_bytes -= old.sizeInBytes()
            if spare is None and old.size() == size and old.format() == FRAME_FORMAT:
                # A new QImage sharing the pixels: should a caller still hold the old
                # one, painting detaches (copies) instead of changing what it holds.
                spare = QImage(old)
            del old
        return spare if spare is not None else QImage(size, FRAME_FORMAT)

    def _remember(self, key: tuple[FrameKey, int, int], image: QImage) -> None:
        self._images[key] = image
        self._image_bytes += image.sizeInBytes()
        while self._image_bytes > IMAGE_CACHE_BYTES and len(self._images) > 1:
            _, old = self._images.popitem(last=False)
            self._image_bytes -= old.sizeInBytes()


def has_live_parts(view: SlideView) -> bool:
    """Whether ``view`` carries anything ``paint_live`` draws over the base frame."""
    return (
        view.countdown_remaining is not None
        or view.tally is not None
        or view.before_tally is not None
        or (view.slide_number is not None and bool(view.slide_total))
    )


__all__ = ["CANVAS", "SlideRenderer", "canvas_transform", "has_live_parts"]
