"""One journal line: ``<crc32 of the JSON, 8 hex digits> <compact JSON object>\\n``.

A line is trusted only when its CRC matches, so a torn last line after a power cut, or a
line damaged on disk, decodes to None and is skipped, never fatal. The header's format
version is checked here too, with messages a facilitator can act on.
"""

from __future__ import annotations

import json
import logging
import zlib
from typing import Any

log = logging.getLogger(__name__)

FORMAT_VERSION = 1


class JournalFormatError(Exception):
    """The journal exists but cannot be used (unknown format version, no header)."""


def encode_line(record: dict[str, Any]) -> bytes:
    payload = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    # A lone surrogate cannot be UTF-8; written as its JSON escape it reads back the same.
    data = payload.encode("utf-8", "backslashreplace")
    return b"%08x %s\n" % (zlib.crc32(data), data)


def decode_line(raw: bytes) -> dict[str, Any] | None:
    """The record on one line, or None if the line is torn, damaged or not ours."""
    if not raw.endswith(b"\n"):
        return None
    raw = raw.rstrip(b"\r\n")
    if len(raw) < 10 or raw[8:9] != b" ":
        return None
    try:
        crc = int(raw[:8], 16)
    except ValueError:
        return None
    data = raw[9:]
    if zlib.crc32(data) != crc:
        return None
    return _load(data)


def _load(data: bytes) -> dict[str, Any] | None:
    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None  # RecursionError: a crafted line of deeply nested JSON
    return record if isinstance(record, dict) else None


def damage(raw: bytes, *, last: bool) -> str:
    """Why ``raw`` (a line :func:`decode_line` refused) is unusable, in plain words."""
    if last and not raw.endswith(b"\n"):
        return "incomplete last line skipped (cut off)"
    body = raw.rstrip(b"\r\n")
    if len(body) >= 10 and body[8:9] == b" " and _load(body[9:]) is not None:
        return "damaged line skipped (checksum mismatch)"
    return "incomplete line skipped (written when the disk was full or the power failed)"


def decode_unchecked(raw: bytes) -> dict[str, Any] | None:
    """The JSON on a line whose checksum failed, for the header alone: a flipped byte
    inside a string leaves it readable, and the facilitator is told it was damaged."""
    body = raw.rstrip(b"\r\n")
    if len(body) < 10 or body[8:9] != b" ":
        return None
    return _load(body[9:])


def check_format(header: dict[str, Any] | None) -> None:
    """Raise :class:`JournalFormatError` with a message a facilitator can act on."""
    if header is None:
        raise JournalFormatError("the session record has no readable header")
    version = header.get("journal")
    if not isinstance(version, int):
        raise JournalFormatError("the session record has no format version")
    if version > FORMAT_VERSION:
        raise JournalFormatError(
            f"this session was recorded by a newer version of the app (record format "
            f"{version}, this app reads up to {FORMAT_VERSION}); update the app to open it"
        )
    if version < FORMAT_VERSION:
        raise JournalFormatError(
            f"this session was recorded in an older format ({version}) that this version "
            f"cannot resume; its folder is kept as it is"
        )


def later(current: float | None, value: Any) -> float | None:
    """The later of a known wall time and a recorded one (anything not a number is ignored)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) if current is None else max(current, float(value))
    return current
