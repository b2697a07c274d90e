"""SVG images from a deck: self-contained drawings only.

An SVG can name other files (``<image href="/home/…/photo.jpg">``, ``../x.png``,
``xlink:href``, CSS ``url(…)`` and ``@import``, XML entities and stylesheets), and
Qt's SVG renderer follows them, outside the deck's folder. A deck's SVG is therefore
accepted only when every reference in it points inside the drawing itself (``#id``)
or is embedded (``data:``). The file is recognised by its content, so an SVG renamed
``.png`` is vetted too.
"""

from __future__ import annotations

import gzip
import logging
import re
import zlib

log = logging.getLogger(__name__)

MAX_SVG_BYTES = 8 * 1024 * 1024  # unpacked .svgz included

_REFERENCE = re.compile(
    rb"""(?:\bhref|\bsrc)\s*=\s*(?:"\s*([^"]*)"|'\s*([^']*)')"""
    rb"""|url\(\s*['"]?\s*([^'")\s]*)"""
    rb"""|@import"""
    rb"""|<!ENTITY|<!DOCTYPE[^>]*\[|<\?xml-stylesheet|<xi:include|\bxml:base\s*=""",
    re.IGNORECASE,
)


def looks_like_svg(head: bytes) -> bool:
    """Whether a file starting with ``head`` may be SVG: gzip, or any text beginning
    with ``<`` (Qt recognises SVG by content; no photo format starts that way)."""
    if head.startswith(b"\x1f\x8b"):
        return True  # .svgz: the only gzip a deck image can be
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def unpack(data: bytes) -> bytes | None:
    """The SVG text of ``data`` (gzip unpacked, bounded); None if it cannot be read."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = unpacker.decompress(data, MAX_SVG_BYTES + 1)
    except (zlib.error, gzip.BadGzipFile, EOFError):
        return None
    return None if len(out) > MAX_SVG_BYTES else out


def svg_problem(data: bytes) -> str:
    """Why this SVG cannot be shown (``""`` when it is self-contained)."""
    text = unpack(data)
    if text is None:
        return "the packed SVG cannot be read, or is too large"
    for match in _REFERENCE.finditer(text):
        target = next((g for g in match.groups() if g is not None), None)
        if target is None:
            return "the SVG uses entities, stylesheets or imports, which are not allowed"
        target = target.strip()
        if target.startswith(b"#") or target.lower().startswith(b"data:"):
            continue
        shown = target[:60].decode("utf-8", "replace")
        return f"the SVG refers to another file ({shown!r}); only self-contained SVGs are shown"
    return ""
