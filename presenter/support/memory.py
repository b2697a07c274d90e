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
import ctypes.util
import logging
import sys

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3  # from glibc's <malloc.h>
# Below the smallest picture worth returning (a console preview is 2 MB, a decoded
# photo about 1 MB), above the many small blocks Qt and Python allocate all the time.
LARGE_BLOCK_BYTES = 256 * 1024

_done = False


def return_large_blocks() -> bool:
    """Have malloc map blocks of :data:`LARGE_BLOCK_BYTES` and more on their own, for
    the rest of the process (idempotent). True when the allocator took the setting."""
    global _done
    if _done:
        return True
    _done = True
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError) as exc:  # musl and other C libraries
        log.info("malloc not tuned: %s", exc)
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    taken = bool(mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK_BYTES))
    log.debug("large blocks mapped on their own from %d bytes: %s", LARGE_BLOCK_BYTES, taken)
    return taken
