"""Where a deck may read from: its own folder, and nothing else.

A deck is untrusted. Every file it names (images, SVG images, theme files, logos,
``help.yaml``, notes images and the deck file itself) goes through this one policy:

* the reference is a plain relative path: remote URLs, any ``scheme:`` (``file:``,
  ``data:``, ``C:``), absolute paths, backslashes (Windows paths), ``//host/share``
  (UNC, which would make Windows open an SMB connection), ``..``, control characters
  and names over the file system's limits are refused;
* the real path (symlinks followed) must stay inside the folder; a symlink loop is
  refused, not a traceback;
* the target must be a regular file with a single name: FIFOs, devices, sockets and
  folders are refused, and so are hard links (a link inside the folder to a file
  outside it cannot be told apart any other way).

Every refusal is a :class:`PathRefused` with a reason the organizer can act on; the
caller adds the ``file:line``.
"""

from __future__ import annotations

import logging
import os
import re
import stat
from pathlib import Path, PurePosixPath

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 20 * 1024 * 1024
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg"}
NAME_MAX = 255  # bytes in one path component (ext4, NTFS, APFS)
PATH_MAX = 1024  # bytes in a reference: far below every OS limit, far above any real deck

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_LOCAL = "put the file in the deck's folder and use a relative path like images/photo.png"


class PathRefused(ValueError):
    def __init__(self, reason: str, hint: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


def check_reference(ref: str, what: str = "image") -> str:
    """Validate the text of a reference; return it normalised. Raises :class:`PathRefused`."""
    raw = ref.strip()
    if not raw:
        raise PathRefused(f"empty {what} path")
    if raw.startswith(("http://", "https://", "ftp://", "//")) or raw.startswith("\\\\"):
        if raw.startswith(("//", "\\\\")):
            raise PathRefused("network share paths are not allowed", _LOCAL)
        raise PathRefused(
            f"remote {what}s are not allowed (the app never uses the network)", _LOCAL
        )
    if _SCHEME.match(raw):
        raise PathRefused(f"'{printable(raw.split(':', 1)[0])}:' paths are not allowed", _LOCAL)
    if "\\" in raw:
        raise PathRefused(
            f"backslashes are not allowed in {what} paths", "use forward slashes: images/a.png"
        )
    if raw.startswith("/"):
        raise PathRefused("absolute paths are not allowed", _LOCAL)
    if any(ord(c) < 32 or ord(c) == 127 for c in raw):
        raise PathRefused(f"the {what} path has control characters")
    if any(0xD800 <= ord(c) <= 0xDFFF for c in raw):
        raise PathRefused(f"the {what} path has characters that are not valid text")
    parts = PurePosixPath(raw).parts
    if ".." in parts:
        raise PathRefused(f"'..' is not allowed: {what}s must be inside the deck's folder", _LOCAL)
    if "?" in raw or "#" in raw:
        raise PathRefused(f"{what} paths cannot have '?' or '#'")
    if len(raw.encode("utf-8")) > PATH_MAX:
        raise PathRefused(f"the {what} path is too long", "use a shorter file name and folder")
    if any(len(part.encode("utf-8")) > NAME_MAX for part in parts):
        raise PathRefused(f"a name in the {what} path is too long", "use a shorter file name")
    return str(PurePosixPath(*parts)) if parts else raw


def real_folder(folder: Path) -> Path:
    """The folder's real path (symlinks resolved); raises :class:`PathRefused`."""
    try:
        return Path(os.path.realpath(folder, strict=True))
    except (OSError, RuntimeError) as exc:
        raise PathRefused(f"the folder cannot be opened: {_why(exc)}") from None


def resolve_inside(
    folder: Path,
    ref: str,
    *,
    must_exist: bool = True,
    what: str = "image",
    max_bytes: int = MAX_IMAGE_BYTES,
    suffixes: set[str] | None = IMAGE_SUFFIXES,
) -> Path:
    """Resolve ``ref`` inside ``folder``; raise :class:`PathRefused` if it escapes or is bad.

    With ``must_exist`` the target must also be a regular, single-named file no larger
    than ``max_bytes`` and, when ``suffixes`` is given, of one of those types.
    """
    rel = check_reference(ref, what)
    base = real_folder(folder)
    try:
        target = Path(os.path.realpath(base / rel, strict=False))
    except (OSError, RuntimeError) as exc:
        raise PathRefused(f"the {what} path cannot be followed: {_why(exc)}") from None
    if not target.is_relative_to(base):
        raise PathRefused(f"the {what} path leads outside the deck's folder (through a link?)")
    if must_exist:
        check_regular(target, rel, what=what, max_bytes=max_bytes)
        if suffixes is not None and target.suffix.lower() not in suffixes:
            raise PathRefused(f"not an image file type: {printable(rel)}", "use PNG or JPEG")
    return target


def check_regular(
    path: Path, shown: str, *, what: str = "file", max_bytes: int | None = None
) -> os.stat_result:
    """Refuse anything but a plain file with one name; return its ``stat``."""
    name = printable(shown)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise PathRefused(
            f"{what} not found: {name}", "check the file name and its folder"
        ) from None
    except (OSError, RuntimeError) as exc:
        raise PathRefused(f"{what} cannot be opened: {name} ({_why(exc)})") from None
    if stat.S_ISDIR(info.st_mode):
        raise PathRefused(f"{what} is a folder, not a file: {name}")
    if not stat.S_ISREG(info.st_mode):
        raise PathRefused(
            f"{what} is not a regular file (a device, pipe or socket): {name}",
            "copy the real file into the deck's folder",
        )
    if info.st_nlink > 1:
        raise PathRefused(
            f"{what} is a hard link, which could point outside the deck's folder: {name}",
            "replace it with a copy of the file",
        )
    if max_bytes is not None and info.st_size > max_bytes:
        raise PathRefused(
            f"{what} is larger than {max_bytes // (1024 * 1024) or 1} MB: {name}",
            "resize it; projectors show about 2 megapixels" if what == "image" else "",
        )
    return info


def contained_file(path: Path, folder: Path, *, what: str, max_bytes: int) -> Path:
    """``path`` (a file the app found, not one the deck named) if it is safe to read.

    Used for the deck file itself and ``help.yaml``: the real path must stay inside
    ``folder`` and be a regular, single-named file.
    """
    base = real_folder(folder)
    try:
        target = Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        raise PathRefused(f"{what} not found: {printable(path.name)}") from None
    except (OSError, RuntimeError) as exc:
        raise PathRefused(f"{what} cannot be opened: {_why(exc)}") from None
    if not target.is_relative_to(base):
        raise PathRefused(
            f"{what} is a link to a file outside its folder", "copy the real file into the folder"
        )
    check_regular(target, path.name, what=what, max_bytes=max_bytes)
    return target


def printable(text: object) -> str:
    """``text`` safe to print on one terminal line: control characters shown as escapes."""
    out = []
    for ch in str(text):
        code = ord(ch)
        if code < 32 or 127 <= code < 160 or 0xD800 <= code <= 0xDFFF or ch in "\u2028\u2029":
            out.append(ch.encode("unicode_escape", "backslashreplace").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


def _why(exc: BaseException) -> str:
    if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == 40:
        return "the links loop back on themselves"
    if getattr(exc, "errno", None) == 36:
        return "the name is too long"
    return getattr(exc, "strerror", None) or str(exc)
