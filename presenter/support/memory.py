"""Large blocks given back to the system when freed, so an old laptop keeps its memory.

Slides are painted into full-HD images of 8 MB, decoded pictures take about 1 MB each,
and both come and go as the facilitator moves through a deck. glibc's malloc maps a
block that large on its own, but after the first one is freed it raises that threshold
to the block's size, so later frames land in the ordinary heap, which cannot shrink past
the blocks still in use above them: presenting the 300-slide bench deck held 20 MB of
freed frames that way. Fixing the threshold (which also stops it moving) keeps every
large block mapped on its own and returned the moment it is freed.

Only glibc has ``mallopt``; on macOS, Windows and musl this does nothing.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3  # from glibc's <malloc.h>
# Below the smallest picture worth returning (a console preview is 2 MB, a decoded
# photo about 1 MB), above the many small blocks Qt and Python allocate all the time.
LARGE_BLOCK_BYTES = 256 * 1024

_taken: bool | None = None  # decided once per process


def return_large_blocks() -> bool:
    """Have malloc map blocks of :data:`LARGE_BLOCK_BYTES` and more on their own, for
    the rest of the process (idempotent). True when the allocator took the setting."""
    global _taken
    if _taken is None:
        _taken = _tune()
    return _taken


def _tune() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        # The process's own symbols: no library search (find_library would start
        # ldconfig, a process of its own, in the middle of a workshop).
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
        glibc = hasattr(libc, "gnu_get_libc_version")  # musl's mallopt means another thing
    except (OSError, AttributeError) as exc:  # other C libraries
        log.info("malloc not tuned: %s", exc)
        return False
    if not glibc:
        log.info("malloc not tuned: not glibc")
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    taken = bool(mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK_BYTES))
    log.debug("large blocks mapped on their own from %d bytes: %s", LARGE_BLOCK_BYTES, taken)
    return taken
