"""Helpers of ``tests/bench.py`` that explain a memory figure: where the resident MB are.

``rss_by_kind`` reads ``/proc/self/smaps`` and adds up the resident size of every mapping
by what it is: Qt's libraries, PySide, Python, other libraries, the bundled fonts mapped
by FreeType, malloc's heap, anonymous memory (Python's object arenas, large malloc blocks,
window backing stores), thread stacks. ``malloc_stats`` says how much of malloc's memory
is in use and how much is free but still held (fragmentation); ``python_arenas`` how much
Python's own allocator holds. Linux with glibc only; elsewhere the figures are left out.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import sys
import tempfile
from collections import Counter
from typing import Any

log = logging.getLogger(__name__)

MAPPING_HEADER = re.compile(r"^[0-9a-f]+-[0-9a-f]+ ")
MB = 1e6  # decimal megabytes, as the peak figure (ru_maxrss) is given
FONT_FILE = re.compile(r"\.(ttf|otf|ttc)$", re.IGNORECASE)


def mapping_kind(path: str) -> str:
    """What a mapping of ``/proc/self/smaps`` holds, from its path."""
    name = path.rsplit("/", 1)[-1]
    if not path:
        return "anonymous"
    if path == "[heap]":
        return "malloc heap"
    if path.startswith("[stack"):
        return "stacks"
    if path.startswith("["):
        return "other"
    if name.startswith("libQt6") or "/plugins/" in path:
        return "Qt libraries"
    if "shiboken6" in path or "PySide6" in path:
        return "PySide6"
    if FONT_FILE.search(path):
        return "fonts mapped"
    if name.startswith("libpython") or ".cpython-" in name or "/python3." in path:
        return "Python"
    if ".so" in name:
        return "other libraries"
    return "other files"


def rss_now_mb() -> float:
    """The resident size now (``ru_maxrss`` only ever gives the peak)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except OSError:  # not Linux
        return 0.0
    return round(pages * os.sysconf("SC_PAGE_SIZE") / MB, 1)


def rss_by_kind(pid: str = "self") -> dict[str, float]:
    """Resident MB by mapping kind, largest first, with their sum as ``total``."""
    kinds: Counter[str] = Counter()
    shared = 0  # kB of pages other processes map too (libraries' code, mostly)
    kind = "other"
    try:
        with open(f"/proc/{pid}/smaps", encoding="utf-8", errors="replace") as smaps:
            for line in smaps:
                if MAPPING_HEADER.match(line):
                    fields = line.split(maxsplit=5)
                    kind = mapping_kind(fields[5].strip() if len(fields) > 5 else "")
                elif line.startswith("Rss:"):
                    kinds[kind] += int(line.split()[1])
                elif line.startswith(("Shared_Clean:", "Shared_Dirty:")):
                    shared += int(line.split()[1])
    except OSError:  # not Linux
        return {}
    found: dict[str, float] = {k: round(v * 1024 / MB, 1) for k, v in kinds.most_common()}
    found["total"] = round(sum(kinds.values()) * 1024 / MB, 1)
    found["of_which_shared_with_other_processes"] = round(shared * 1024 / MB, 1)
    # Stacks of threads other than the main one are anonymous mappings of their own.
    found["threads"] = len(os.listdir(f"/proc/{pid}/task"))
    return found


MALLINFO2_FIELDS = (
    "arena", "ordblks", "smblks", "hblks", "hblkhd",
    "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost",
)  # fmt: skip


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in MALLINFO2_FIELDS]


def malloc_stats() -> dict[str, float]:
    """glibc's own account (``mallinfo2``), main arena and others together, in MB."""
    if not sys.platform.startswith("linux"):
        return {}
    libc = ctypes.CDLL(None)  # the process's own symbols, libc's among them
    if not hasattr(libc, "mallinfo2"):  # glibc before 2.33
        return {}
    libc.mallinfo2.restype = _MallInfo2
    info = libc.mallinfo2()
    mb = MB
    return {
        "heap_in_use_mb": round(info.uordblks / mb, 1),
        "heap_free_held_mb": round(info.fordblks / mb, 1),
        "mmapped_blocks_mb": round(info.hblkhd / mb, 1),
        "mmapped_blocks": info.hblks,
    }


def python_arenas() -> dict[str, float]:
    """What Python's small-object allocator holds, from ``sys._debugmallocstats``
    (which writes to the C-level stderr, so that is caught in a file for a moment)."""
    if not hasattr(sys, "_debugmallocstats"):
        return {}
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as caught:
        os.dup2(caught.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        caught.seek(0)
        text = caught.read().decode("ascii", "replace")
    numbers = {}
    for label, key in (
        ("# arenas allocated current", "arenas"),
        ("# bytes in allocated blocks", "in_blocks"),
        ("Total", "total"),
    ):
        found = re.search(rf"^{re.escape(label)}\s*=\s*([\d,]+)", text, re.MULTILINE)
        if found:
            numbers[key] = int(found.group(1).replace(",", ""))
    mb = MB
    return {
        "arenas_mb": round(numbers.get("total", 0) / mb, 1),
        "objects_mb": round(numbers.get("in_blocks", 0) / mb, 1),
    }


def image_bytes(presentation: Any) -> dict[str, float]:
    """The pictures a presentation holds: the renderer's frames, decoded deck images,
    and each window's backing store (its pixels, four bytes each)."""
    from presenter.render.images import STORE

    renderer = presentation.audience.renderer
    mb = MB
    found = {
        "renderer_frames_mb": round(renderer.image_cache_bytes / mb, 1),
        "renderer_frames": renderer.image_cache_count,
        "decoded_images_mb": round(STORE.bytes_used / mb, 1),
    }
    for name, window in (("audience", presentation.audience), ("console", presentation.console)):
        ratio = window.devicePixelRatioF()
        pixels = window.width() * ratio * window.height() * ratio
        found[f"{name}_backing_store_mb"] = round(pixels * 4 / mb, 1)
    return found


def breakdown(presentation: Any) -> dict[str, Any]:
    """Everything above at once: the peak explained by kind and by owner."""
    return {
        "rss_by_kind_mb": rss_by_kind(),
        "malloc": malloc_stats(),
        "python_allocator": python_arenas(),
        "images": image_bytes(presentation),
    }
