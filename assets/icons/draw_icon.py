"""Draw the app icon with QPainter and write it as PNGs, a Windows .ico and a macOS .icns.

    python assets/icons/draw_icon.py

The icon is a projection screen on a stand, off-white on the theme's blue-green, with one
warm dot: calm, and still a screen at 16 px. Each size is drawn on its own pixel grid
(small sizes drop the text lines and use whole-pixel edges) rather than scaled down.
Only the standard library and Qt: the .ico and .icns containers are written by hand,
with PNG-compressed entries (Windows Vista+ and macOS 10.7+ read them).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath

HERE = Path(__file__).resolve().parent
BACKGROUND = QColor("#2B6668")
SCREEN = QColor("#F6F3EC")
LINES = QColor("#9DB8B6")
WARM = QColor("#E39A4F")

ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
# (OSType, pixel size) pairs macOS reads as PNG data.
ICNS_TYPES = (
    ("icp4", 16),
    ("icp5", 32),
    ("icp6", 64),
    ("ic07", 128),
    ("ic08", 256),
    ("ic09", 512),
    ("ic10", 1024),
    ("ic11", 32),
    ("ic12", 64),
    ("ic13", 256),
    ("ic14", 512),
)
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)


def draw(size: int) -> QImage:
    """The icon at ``size`` × ``size`` pixels, transparent outside the rounded square."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    small = size <= 24
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    s = float(size)
    # Background: a rounded square filling the canvas (macOS-like margins above 64 px).
    inset = 0.0 if size < 64 else round(s * 0.06)
    radius = s * (0.18 if small else 0.22)
    painter.setBrush(BACKGROUND)
    painter.drawRoundedRect(QRectF(inset, inset, s - 2 * inset, s - 2 * inset), radius, radius)

    inner = s - 2 * inset

    def at(x: float, y: float, w: float, h: float) -> QRectF:
        rect = QRectF(inset + x * inner, inset + y * inner, w * inner, h * inner)
        if small:  # whole pixels keep edges crisp at 16-24 px
            x0, y0, w0, h0 = rect.x(), rect.y(), rect.width(), rect.height()
            rect = QRectF(round(x0), round(y0), round(w0), round(h0))
        return rect

    # The screen.
    screen = at(0.17, 0.2, 0.66, 0.44)
    painter.setBrush(SCREEN)
    corner = max(1.0, inner * 0.04)
    painter.drawRoundedRect(screen, corner, corner)
    # The stand: one leg and a foot.
    painter.drawRect(at(0.46, 0.62, 0.08, 0.16))
    foot = at(0.33, 0.76, 0.34, 0.07)
    path = QPainterPath()
    path.addRoundedRect(foot, foot.height() / 2, foot.height() / 2)
    painter.drawPath(path)
    # Text lines on the screen, only where they can be seen.
    if not small:
        painter.setBrush(LINES)
        for row, width in ((0.0, 0.3), (0.1, 0.4), (0.2, 0.22)):
            line = at(0.25, 0.3 + row, width, 0.045)
            painter.drawRoundedRect(line, line.height() / 2, line.height() / 2)
    # The warm dot: a point of attention, top right of the screen.
    dot = at(0.62, 0.28, 0.12, 0.12) if not small else at(0.56, 0.3, 0.16, 0.16)
    painter.setBrush(WARM)
    painter.drawEllipse(dot)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("could not encode PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file: ICONDIR, one ICONDIRENTRY per size, then the PNG payloads."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        payload += data
        offset += len(data)
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: 'icns' + total length, then (type, length, PNG) blocks."""
    blocks = b""
    for ostype, size in ICNS_TYPES:
        data = pngs[size]
        blocks += ostype.encode("ascii") + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(blocks) + 8) + blocks


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    sizes = sorted(set(ICO_SIZES) | set(PNG_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = {size: png_bytes(draw(size)) for size in sizes}
    for size in PNG_SIZES:
        (HERE / f"app-{size}.png").write_bytes(pngs[size])
    (HERE / "app.png").write_bytes(pngs[256])
    (HERE / "app.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (HERE / "app.icns").write_bytes(icns_bytes(pngs))
    del app
    print(f"wrote icons to {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
