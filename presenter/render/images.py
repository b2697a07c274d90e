"""Deck images, decoded at the size they are drawn and kept in a small shared cache.

A 1200×800 photo drawn 600 px wide on the canvas is decoded (``setScaledSize``) to
600×400 once, and every later paint, slide change and PDF page reuses that one QImage
(a PDF embeds an image once per distinct QImage). Only the header is read before a
file is accepted: an image above :data:`MAX_PIXELS` (a 12000×12000 PNG, a
decompression bomb) is refused before a byte of pixels is decoded, and drawn as a
labelled placeholder instead.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import math
import os
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPaintEngine, QPainter, QPen

from presenter.core.deck.svgsafety import MAX_SVG_BYTES, looks_like_svg, svg_problem

log = logging.getLogger(__name__)

MAX_PIXELS = 50_000_000  # about 8660×5770: any camera photo, not a bomb
# Only JPEG (and SVG) decode straight to a smaller size; other formats are decoded whole
# first, so a small 7000×7000 PNG would cost 200 MB: those stop at 16 megapixels.
MAX_WHOLE_DECODE = 16_000_000
SCALED_FORMATS = {"jpeg", "jpg", "svg", "svgz"}
_SUFFIX_FORMATS = {
    ".png": {"png"},
    ".jpg": {"jpeg", "jpg"},
    ".jpeg": {"jpeg", "jpg"},
    ".gif": {"gif"},
    ".bmp": {"bmp"},
    ".webp": {"webp"},
    ".svg": {"svg", "svgz"},
}
ALLOCATION_LIMIT_MB = 256  # Qt's own ceiling for one decode, kept explicit
# The pictures of the slides around the one shown, at the projector's and the console's
# sizes; a frame already drawn keeps its pixels in the frame cache, so more bought little.
CACHE_BYTES = 8 * 1024 * 1024
# While a PDF is written, decoded images are kept for the whole document (up to this
# much): Qt's PDF writer embeds an image once per QImage it is given, so a photo on
# ten slides is stored once instead of ten times.
PIN_BYTES = 192 * 1024 * 1024
PDF_DPI = 150  # images in a PDF: enough for paper, far less than a camera's pixels

FileKey = tuple[str, int, int]  # path, mtime (ns), size in bytes


@dataclass(frozen=True)
class ImageInfo:
    """What the header says: the pixel size (after EXIF rotation), or why it is refused."""

    size: QSize
    refused: str = ""  # "" when the image can be shown
    why: str = ""  # the refusal in words, for check
    mislabelled: str = ""  # the real format when the name says another one

    @property
    def ok(self) -> bool:
        return not self.refused


def file_key(path: Path) -> FileKey | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (str(path), stat.st_mtime_ns, stat.st_size)


def _reader(path: str) -> QImageReader:
    reader = QImageReader(path)
    reader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    reader.setAutoTransform(True)
    return reader


def _oriented(reader: QImageReader, size: QSize) -> QSize:
    """``size`` as shown: a photo taken sideways swaps width and height."""
    from PySide6.QtGui import QImageIOHandler

    swap = QImageIOHandler.Transformation.TransformationRotate90
    if reader.transformation() & swap:
        return QSize(size.height(), size.width())
    return size


class ImageStore:
    """Header facts and scaled decodes, by (path, mtime, size); LRU with a byte cap."""

    def __init__(self, max_bytes: int = CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._infos: dict[FileKey, ImageInfo] = {}
        self._images: OrderedDict[tuple[FileKey, int, int], QImage | None] = OrderedDict()
        self._bytes = 0
        self.decodes = 0
        self.rescales = 0  # smaller copies made from a decode already held
        self._pinned: dict[tuple[FileKey, int, int], QImage] = {}
        self._pin_room = 0

    @property
    def bytes_used(self) -> int:
        return self._bytes

    def clear(self) -> None:
        self._infos.clear()
        self._images.clear()
        self._bytes = 0

    def info(self, path: Path) -> ImageInfo:
        key = file_key(path)
        if key is None:
            return ImageInfo(QSize(0, 0), "missing")
        found = self._infos.get(key)
        if found is None:
            found = self._infos[key] = self._read_info(key[0])
        return found

    @staticmethod
    def _read_info(path: str) -> ImageInfo:
        try:
            with open(path, "rb") as handle:
                head = handle.read(4096)
                if looks_like_svg(head):
                    problem = svg_problem(head + handle.read(MAX_SVG_BYTES))
                    if problem:
                        return ImageInfo(QSize(0, 0), "unsafe svg", problem)
        except OSError as exc:
            return ImageInfo(QSize(0, 0), "unreadable", exc.strerror or str(exc))
        reader = _reader(path)
        found = bytes(QImageReader.imageFormat(path).data()).decode("ascii", "replace").lower()
        expected = _SUFFIX_FORMATS.get(Path(path).suffix.lower(), set())
        mislabelled = found if found and expected and found not in expected else ""
        raw = reader.size()
        if not raw.isValid() or raw.width() <= 0 or raw.height() <= 0:
            why = "the file is damaged or is not an image" if not found else "the file is damaged"
            return ImageInfo(QSize(0, 0), "unreadable", why, mislabelled)
        size = _oriented(reader, raw)
        pixels = raw.width() * raw.height()
        if pixels > MAX_PIXELS:
            return ImageInfo(size, "too large", "", mislabelled)
        if pixels > MAX_WHOLE_DECODE and found not in SCALED_FORMATS:
            why = (
                f"a {found.upper() or 'non-JPEG'} image over "
                f"{MAX_WHOLE_DECODE // 1_000_000} megapixels is decoded whole"
            )
            return ImageInfo(size, "too large", why, mislabelled)
        return ImageInfo(size, "", "", mislabelled)

    def scaled(self, path: Path, wanted: QSize) -> QImage | None:
        """The image at no more than ``wanted`` pixels (aspect kept); None if refused."""
        info = self.info(path)
        key = file_key(path)
        if not info.ok or key is None:
            return None
        source = info.size
        scale = min(1.0, wanted.width() / source.width(), wanted.height() / source.height())
        w = max(1, min(source.width(), math.ceil(source.width() * scale)))
        h = max(1, min(source.height(), math.ceil(source.height() * scale)))
        cache_key = (key, w, h)
        if cache_key in self._pinned:
            return self._pinned[cache_key]
        if cache_key in self._images:
            self._images.move_to_end(cache_key)
            return self._images[cache_key]
        image = self._from_larger(key, w, h)
        if image is None:
            image = self._decode(key[0], QSize(w, h), source)
        if image is not None and image.sizeInBytes() <= self._pin_room:
            self._pinned[cache_key] = image
            self._pin_room -= image.sizeInBytes()
        else:
            self._remember(cache_key, image)
        return image

    @contextlib.contextmanager
    def pinned(self, budget: int = PIN_BYTES) -> Iterator[None]:
        """Keep every image decoded inside the block (up to ``budget`` bytes) until it
        ends: the same QImage, so a PDF embeds it once however many pages show it."""
        self._pin_room = budget
        try:
            yield
        finally:
            pinned, self._pinned, self._pin_room = self._pinned, {}, 0
            for key, image in pinned.items():  # back to the ordinary cache, capped
                self._remember(key, image)

    def _from_larger(self, key: FileKey, w: int, h: int) -> QImage | None:
        """The smallest decode of the same file already held that is at least ``w``×``h``,
        scaled down to it; None when there is none. Reading the file again costs more:
        a PNG is decoded whole before it is scaled (3.8 MB for a 1200×800 photo, on top
        of everything held at that moment), so the console's small copy of a picture
        the room already shows set the peak memory of a presentation."""
        best: QImage | None = None
        for (file, held_w, held_h), held in itertools.chain(
            self._pinned.items(), self._images.items()
        ):
            if file != key or held is None or held_w < w or held_h < h:
                continue
            if best is None or held_w * held_h < best.width() * best.height():
                best = held
        if best is None:
            return None
        self.rescales += 1
        return best.scaled(
            w, h, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )

    def _decode(self, path: str, size: QSize, source: QSize) -> QImage | None:
        self.decodes += 1
        reader = _reader(path)
        if size != source:
            # The scaled size applies before the EXIF rotation: ask in file orientation.
            raw = reader.size()
            turned = raw.width() != source.width()
            reader.setScaledSize(QSize(size.height(), size.width()) if turned else size)
        image = reader.read()
        return None if image.isNull() else image

    def _remember(self, key: tuple[FileKey, int, int], image: QImage | None) -> None:
        self._images[key] = image
        self._bytes += image.sizeInBytes() if image is not None else 0
        while self._bytes > self.max_bytes and len(self._images) > 1:
            _, old = self._images.popitem(last=False)
            self._bytes -= old.sizeInBytes() if old is not None else 0


STORE = ImageStore()


def device_scale(painter: QPainter) -> float:
    """Device pixels per canvas pixel where ``painter`` draws now.

    On screens and images that is the painter's full transform (window scale and
    device pixel ratio); on a PDF, pixels at :data:`PDF_DPI` of the printed size.
    """
    transform = painter.deviceTransform()
    scale = math.hypot(transform.m11(), transform.m12())
    engine = painter.paintEngine()
    if engine is not None and engine.type() == QPaintEngine.Type.Pdf:
        dpi = painter.device().logicalDpiX()
        if dpi > 0:
            scale *= PDF_DPI / dpi
    return scale


def bucket(scale: float) -> float:
    """Round a scale up to an eighth, so window resizes reuse a few cached sizes."""
    return max(0.125, math.ceil(scale * 8 - 1e-6) / 8)


def draw_image(
    painter: QPainter, rect: QRectF, path: Path | None, note: str = "", color: str = "#8A8A8A"
) -> None:
    """Draw ``path`` into ``rect`` decoded at the device size, or a labelled placeholder."""
    image = None
    if path is not None:
        scale = bucket(device_scale(painter))
        wanted = QSize(math.ceil(rect.width() * scale), math.ceil(rect.height() * scale))
        image = STORE.scaled(path, wanted)
    if image is not None:
        painter.drawImage(rect, image)
    elif note and rect.width() > 40 and rect.height() > 40:
        draw_placeholder(painter, rect, note, color)


def draw_placeholder(painter: QPainter, rect: QRectF, note: str, color: str) -> None:
    """A quiet dashed box saying why the picture is missing (never a broken-image icon)."""
    painter.save()
    pen = QPen(QColor(color), 4, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(2, 2, -2, -2))
    font = painter.font()
    font.setPixelSize(max(12, min(36, int(rect.height() / 5))))
    painter.setFont(font)
    flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
    painter.drawText(rect.adjusted(12, 12, -12, -12), flags, note)
    painter.restore()
