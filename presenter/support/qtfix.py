"""Work around a reference-count bug in PySide6 6.12 on Python 3.11.

Measured: every PySide6 method that returns nothing (``setPixelSize``, ``setTextWidth``,
``fill``, ``setObjectName``...) drops one reference to ``None`` that it never took.
Python 3.12 made ``None`` immortal, so the bug is invisible there; on 3.11 ``None``
starts with a few thousand references, and after that many calls the process aborts
with "Fatal Python error: none_dealloc" (in a live workshop, after minutes of slides).
Until the binding is fixed we give ``None`` a reference count it can never run out of.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 60


# Python 3.12 made these immortal; the binding releases them as if they were.
_SINGLETONS = (None, True, False, Ellipsis, NotImplemented)


def guard_none_refcount() -> None:
    """Make ``None`` and the other singletons effectively immortal on Python < 3.12.

    ``None`` is lost on every void call; ``True``/``False`` were seen over-released once,
    at interpreter shutdown (``bool_dealloc``). Idempotent and cheap."""
    if sys.version_info >= (3, 12):
        return
    for singleton in _SINGLETONS:
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < _HEADROOM // 2:
            refcount.value += _HEADROOM


def loses_none_references() -> bool:
    """Whether this PySide6 still has the bug (for a test that tells us when it is fixed)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.setObjectName("probe")
    lost = before - sys.getrefcount(None) >= 100
    return lost
