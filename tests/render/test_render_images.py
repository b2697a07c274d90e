"""Images are decoded at the size they are drawn, once, and huge ones are refused unread."""

from __future__ import annotations

import resource
import struct
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from presenter.core.deck.checker import check_deck
from presenter.core.session.view import SlideView
from presenter.render import SlideRenderer, images, load_theme
from presenter.render.checks import provide_checks
from presenter.render.images import ImageStore
from tests.render.conftest import deck_from, make_image


def png_header_only(path: Path, width: int, height: int, rows: int | None = None) -> Path:
    """A 1-bit PNG claiming ``width``×``height``: tiny on disk, huge once decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    pixels = zlib.compress(row * (height if rows is None else rows), 9)
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", pixels)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data + chunk(b"IEND", b""))
    return path


def test_decoded_at_the_wanted_size_once(tmp_path: Path, qapp: object) -> None:
    path = make_image(tmp_path / "photo.png", 1200, 800)
    store = ImageStore()
    image = store.scaled(path, QSize(600, 600))
    assert image is not None and (image.width(), image.height()) == (600, 400)
    assert store.scaled(path, QSize(600, 600)) is image
    assert store.decodes == 1
    big = store.scaled(path, QSize(5000, 5000))  # never scaled up
    assert big is not None and (big.width(), big.height()) == (1200, 800)
    make_image(path, 1000, 500)  # a changed file is read again
    import os

    os.utime(path, ns=(1, 1))
    again = store.scaled(path, QSize(600, 600))
    assert again is not None and (again.width(), again.height()) == (600, 300)


def gradient_png(path: Path, width: int, height: int) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    for x in range(0, width, 8):
        painter.fillRect(x, 0, 8, height, QColor(x * 255 // width, 90, 255 - x * 255 // width))
    painter.end()
    assert image.save(str(path))
    return path


def test_a_smaller_copy_is_scaled_from_a_decode_already_held(tmp_path: Path, qapp: object) -> None:
    path = gradient_png(tmp_path / "photo.png", 1200, 800)
    store = ImageStore()
    room = store.scaled(path, QSize(700, 700))  # the projector's
    console = store.scaled(path, QSize(263, 263))  # the console's, a moment later
    assert room is not None and console is not None
    assert (console.width(), console.height()) == (263, 176)
    assert (store.decodes, store.rescales) == (1, 1)  # the file was read once
    fresh = ImageStore().scaled(path, QSize(263, 263))
    assert fresh is not None
    for x in range(5, 263, 37):  # the same picture as a decode of the file
        a, b = QColor(console.pixel(x, 88)), QColor(fresh.pixel(x, 88))
        assert abs(a.red() - b.red()) <= 4 and abs(a.blue() - b.blue()) <= 4
    assert store.scaled(path, QSize(900, 900)) is not None  # never scaled up: decoded
    assert (store.decodes, store.rescales) == (2, 1)


def test_the_cache_keeps_to_its_memory_cap(tmp_path: Path, qapp: object) -> None:
    path = make_image(tmp_path / "photo.png", 800, 800)
    store = ImageStore(max_bytes=3 * 400 * 400 * 4)
    for size in range(400, 300, -10):
        store.scaled(path, QSize(size, size))
    assert store.bytes_used <= store.max_bytes


DECK = "---\ntitle: T\n---\n## Picture\n\n![a hall](images/{name})\n"


def painted_sizes(path: Path) -> set[tuple[int, int]]:
    key = images.file_key(path)
    return {(w, h) for (k, w, h) in images.STORE._images if k == key}


def test_a_slide_decodes_its_image_at_the_drawn_size(tmp_path: Path, qapp: object) -> None:
    path = make_image(tmp_path / "d" / "images" / "photo.png", 3000, 2000)
    deck = deck_from(tmp_path / "d", DECK.format(name="photo.png"))
    renderer = SlideRenderer(deck, load_theme("default"))
    renderer.image(SlideView(0), QSize(1920, 1080))
    full = painted_sizes(path)
    assert full and all(w < 3000 for w, _ in full)
    (w, h), *_ = full
    renderer.image(SlideView(0), QSize(960, 540))
    assert (w // 2, h // 2) in painted_sizes(path) or (w // 2 + 1, h // 2 + 1) in painted_sizes(
        path
    )
    # A device pixel ratio of 2 (a high-DPI screen) gets twice the pixels.
    target = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)
    target.setDevicePixelRatio(2.0)
    painter = QPainter(target)
    renderer.paint(painter, QRectF(0, 0, 960, 540), SlideView(0))
    painter.end()
    assert (w, h) in painted_sizes(path)


def test_the_pdf_embeds_a_downscaled_image(tmp_path: Path, qapp: object) -> None:
    from presenter.export import export_slides_pdf

    path = make_image(tmp_path / "d" / "images" / "photo.png", 4000, 3000)
    deck = deck_from(tmp_path / "d", DECK.format(name="photo.png"))
    export_slides_pdf(deck, tmp_path / "out.pdf")
    sizes = painted_sizes(path)
    assert sizes and all(w <= 1920 and h <= 1080 for w, h in sizes)


@pytest.mark.parametrize(
    ("width", "height", "rows"),
    [(12000, 12000, None), (100000, 100000, 1)],  # a huge PNG; a decompression bomb
)
def test_a_huge_image_is_refused_before_decoding(
    tmp_path: Path, qapp: object, width: int, height: int, rows: int | None
) -> None:
    path = png_header_only(tmp_path / "d" / "images" / "huge.png", width, height, rows)
    assert path.stat().st_size < 2_000_000
    info = images.STORE.info(path)
    assert info.refused == "too large" and info.size == QSize(width, height)
    decodes = images.STORE.decodes
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    deck = deck_from(tmp_path / "d", DECK.format(name="huge.png"))
    renderer = SlideRenderer(deck, load_theme("default"))
    image = renderer.image(SlideView(0), QSize(1920, 1080))
    assert images.STORE.decodes == decodes  # not a pixel of it decoded
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak) / 1024
    assert grown_mb < 100
    # A labelled placeholder where the picture would be, not an empty gap.
    frame = renderer.frame(SlideView(0))
    assert frame.blocks[0].rect.height() > 300
    muted = QColor(renderer.theme.colors.muted).rgb() & 0xFFFFFF
    found = {image.pixel(x, y) & 0xFFFFFF for x in range(0, 1920, 3) for y in range(300, 1000, 3)}
    assert muted in found
    warnings = [d for d in check_deck(deck, extra=provide_checks()) if "too large" in d.message]
    assert warnings and warnings[0].line == deck.slides[0].line


def test_the_theme_logo_is_drawn_through_the_cache(tmp_path: Path, qapp: object) -> None:
    folder = tmp_path / "d"
    logo = make_image(folder / "logo.png", 2600, 1100, "#AA3366")
    (folder / "brand.yaml").write_text("name: brand\nlogo: logo.png\n", "utf-8")
    deck = deck_from(folder, "---\ntitle: T\ntheme: brand.yaml\n---\nkind: title\n---\n# Hi\n")
    renderer = SlideRenderer(deck)
    assert renderer.theme.logo is not None
    renderer.image(SlideView(0), QSize(1920, 1080))
    assert painted_sizes(logo) == {(260, 110)}
