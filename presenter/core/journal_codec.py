"""One journal line: ``<crc32 of the JSON, 8 hex digits> <compact JSON object>\\n``.

A line is trusted only when its CRC matches, so a torn last line after a power cut, or a
line damaged on disk, decodes to None and is skipped, never fatal. The header's format
version is checked here too, with messages a facilitator can act on.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

FORMAT_VERSION = 1


class JournalFormatError(Exception):
    """The journal exists but cannot be used (unknown format version, no header)."""


def encode_line(record: dict[str, Any]) -> bytes:
    payload = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    data = payload.encode("utf-8")
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
    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return record if isinstance(record, dict) else None


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
