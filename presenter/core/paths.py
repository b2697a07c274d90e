"""Where a deck may read from: its own folder, and nothing else.

A deck is untrusted. An image reference is accepted only when it is a plain relative
path that stays inside the deck's folder after resolving symlinks. Remote URLs, any
``scheme:`` (``file:``, ``data:``, ``C:``), absolute paths, backslashes (Windows paths),
``//host/share`` (UNC, which would make Windows open an SMB connection) and ``..``
are refused with a reason the organizer can act on.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

MAX_IMAGE_BYTES = 20 * 1024 * 1024
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg"}

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class PathRefused(ValueError):
    def __init__(self, reason: str, hint: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


def check_reference(ref: str) -> str:
    """Validate the text of a reference; return it normalised. Raises :class:`PathRefused`."""
    raw = ref.strip()
    local = "put the image in the deck's folder and use a relative path like images/photo.png"
    if not raw:
        raise PathRefused("empty image path")
    if raw.startswith(("http://", "https://", "ftp://", "//")) or raw.startswith("\\\\"):
        if raw.startswith(("//", "\\\\")):
            raise PathRefused("network share paths are not allowed", local)
        raise PathRefused("remote images are not allowed (the app never uses the network)", local)
    if _SCHEME.match(raw):
        raise PathRefused(f"'{raw.split(':', 1)[0]}:' paths are not allowed", local)
    if "\\" in raw:
        raise PathRefused(
            "backslashes are not allowed in image paths", "use forward slashes: images/a.png"
        )
    if raw.startswith("/"):
        raise PathRefused("absolute paths are not allowed", local)
    if "\x00" in raw or any(ord(c) < 32 for c in raw):
        raise PathRefused("the image path has control characters")
    parts = PurePosixPath(raw).parts
    if ".." in parts:
        raise PathRefused("'..' is not allowed: images must be inside the deck's folder", local)
    if "?" in raw or "#" in raw:
        raise PathRefused("image paths cannot have '?' or '#'")
    return str(PurePosixPath(*parts)) if parts else raw


def resolve_inside(folder: Path, ref: str, *, must_exist: bool = True) -> Path:
    """Resolve ``ref`` inside ``folder``; raise :class:`PathRefused` if it escapes or is bad."""
    rel = check_reference(ref)
    base = folder.resolve()
    target = (base / rel).resolve()
    if not target.is_relative_to(base):
        raise PathRefused("the image path leads outside the deck's folder (through a link?)")
    if must_exist:
        if not target.is_file():
            raise PathRefused(f"image not found: {rel}", "check the file name and its folder")
        if target.stat().st_size > MAX_IMAGE_BYTES:
            raise PathRefused(
                f"image is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB: {rel}",
                "resize it; projectors show about 2 megapixels",
            )
        if target.suffix.lower() not in IMAGE_SUFFIXES:
            raise PathRefused(f"not an image file type: {rel}", "use PNG or JPEG")
    return target
