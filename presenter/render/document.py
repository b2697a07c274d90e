"""Rich text for slides: a QTextDocument that reads only what a deck may read.

Qt's default ``loadResource`` reads any path (``../``, absolute, ``file:``) and, when an
override returns None, ``QTextImageHandler`` loads the raw path itself. So this document
answers *every* image request with a real image or a non-null placeholder, and serves
only files inside the deck's folder (``resolve_inside``). Image sizes are computed here
in pixels, because percentage widths break in Qt rich text.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

from PySide6.QtCore import QRect, QRectF, QSize, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QImage,
    QPainter,
    QPyTextObject,
    QTextDocument,
    QTextFormat,
)

import presenter.render.images as images
from presenter.core.deck.paths import PathRefused, resolve_inside
from presenter.support.i18n import is_rtl as is_rtl  # one list for slides and the app

log = logging.getLogger(__name__)

FALLBACK_IMAGE = QSize(1920, 1080)  # the most any image is decoded to outside a paint
_IMG = re.compile(r"<img\b([^>]*?)\s*/?>", re.IGNORECASE)
_SRC = re.compile(r'\bsrc="([^"]*)"')


def placeholder_image() -> QImage:
    """A 1×1 transparent image: non-null, so Qt never falls back to reading the path."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    return image


class DeckDocument(QTextDocument):
    """A text document that loads images only from inside ``folder``.

    Images are drawn by :class:`DeckImages`, which decodes each at the size it is painted
    (through :mod:`presenter.render.images`); ``loadResource`` stays the safe answer for
    anything else that asks Qt for a resource.
    """

    def __init__(self, folder: Path | None, note_color: str = "#8A8A8A") -> None:
        super().__init__()
        self.folder = folder
        self.refused: list[str] = []
        self.loaded: list[Path] = []
        self._images = DeckImages(self, note_color)
        self.documentLayout().registerHandler(
            QTextFormat.ObjectTypes.ImageObject.value, self._images
        )

    def loadResource(self, type_: int, url: QUrl | str) -> object:
        url = QUrl(url) if isinstance(url, str) else url
        if type_ == QTextDocument.ResourceType.ImageResource.value or type_ == (
            QTextDocument.ResourceType.ImageResource
        ):
            result: object = self._image(url)
        else:
            result = ""  # stylesheets and anything else: nothing, and never a file
        self.addResource(type_, url, result)  # cached: Qt asks again on every layout
        return result

    def _image(self, url: QUrl) -> QImage:
        path = self.image_path(url)
        if path is None:
            return placeholder_image()
        image = read_image(path)
        if image.isNull():
            return placeholder_image()
        self.loaded.append(path)
        return image

    def image_path(self, url: QUrl) -> Path | None:
        """The file behind an ``<img src>``, or None (and noted) when it is refused."""
        path = None
        if not (url.scheme() or url.host() or url.hasQuery() or url.hasFragment()):
            path = safe_image_path(
                self.folder, url.path(QUrl.ComponentFormattingOption.FullyDecoded)
            )
        if path is None:
            self.refused.append(url.toString())
        return path


class DeckImages(QPyTextObject):
    """Sizes and draws the document's ``<img>``: decoded at the painted size, cached."""

    def __init__(self, doc: DeckDocument, note_color: str) -> None:
        super().__init__(doc)
        self._paths: dict[str, Path | None] = {}
        self._doc_folder = doc.folder
        self._note_color = note_color
        self._refused = doc.refused

    def _path(self, name: str) -> Path | None:
        if name not in self._paths:
            url = QUrl(name)
            path = None
            if not (url.scheme() or url.host() or url.hasQuery() or url.hasFragment()):
                ref = url.path(QUrl.ComponentFormattingOption.FullyDecoded)
                path = safe_image_path(self._doc_folder, ref)
            if path is None:
                self._refused.append(name)
            self._paths[name] = path
        return self._paths[name]

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        image = fmt.toImageFormat()
        has_w = image.hasProperty(QTextFormat.Property.ImageWidth)
        has_h = image.hasProperty(QTextFormat.Property.ImageHeight)
        if has_w and has_h:
            return QSizeF(image.width(), image.height())
        path = self._path(image.name())
        size = image_size(path) if path is not None else QSize(0, 0)
        if size.width() <= 0 or size.height() <= 0:
            return QSizeF(1, 1)
        if has_w:
            return QSizeF(image.width(), image.width() * size.height() / size.width())
        if has_h:
            return QSizeF(image.height() * size.width() / size.height(), image.height())
        return QSizeF(size)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        pos: int,
        fmt: QTextFormat,
    ) -> None:
        rect = QRectF(rect)
        path = self._path(fmt.toImageFormat().name())
        info = images.STORE.info(path) if path is not None else None
        note = ""
        if info is not None and info.refused == "too large":
            megapixels = info.size.width() * info.size.height() / 1e6
            note = f"{path.name if path else ''}: too large to show ({megapixels:.0f} MP)"
        images.draw_image(painter, rect, path, note, self._note_color)


def safe_image_path(folder: Path | None, ref: str) -> Path | None:
    if folder is None:
        return None
    try:
        return resolve_inside(folder, ref)
    except PathRefused:
        return None


def read_image(path: Path, most: QSize = FALLBACK_IMAGE) -> QImage:
    """The image at no more than ``most`` pixels; a null image if refused or unreadable."""
    image = images.STORE.scaled(path, most)
    return image if image is not None else QImage()


def image_size(path: Path) -> QSize:
    """The size from the file's header (nothing decoded); also for refused-as-too-large."""
    info = images.STORE.info(path)
    return info.size if info.refused in ("", "too large") else QSize(0, 0)


def size_images(
    text: str,
    folder: Path | None,
    max_w: float,
    max_h: float,
    sizes: dict[str, QSize] | None = None,
) -> str:
    """Give every ``<img>`` explicit pixel width and height that fit ``max_w × max_h``.

    ``sizes`` (by ``src``) spares the path checks and header reads when one text is
    sized again and again, as the search for its largest size does."""
    known: dict[str, QSize] = {} if sizes is None else sizes

    def natural(src: str) -> QSize:
        if src not in known:
            path = safe_image_path(folder, html.unescape(src))
            known[src] = image_size(path) if path is not None else QSize(0, 0)
        return known[src]

    def fix(match: re.Match[str]) -> str:
        attrs = match.group(1)
        src = _SRC.search(attrs)
        size = natural(src.group(1)) if src else QSize(0, 0)
        if size.width() <= 0 or size.height() <= 0:
            return f'<img{attrs} width="1" height="1">'
        scale = min(max_w / size.width(), max_h / size.height(), 2.0)
        w, h = max(1, int(size.width() * scale)), max(1, int(size.height() * scale))
        return f'<img{attrs} width="{w}" height="{h}">'

    return _IMG.sub(fix, text)
