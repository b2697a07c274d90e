"""Work around a reference-count bug in PySide6 6.12 on Python 3.11, and its source reading.

Measured: every PySide6 method that returns nothing (``setPixelSize``, ``setTextWidth``,
``fill``, ``setObjectName``...) drops one reference to ``None`` that it never took.
Python 3.12 made ``None`` immortal, so the bug is invisible there; on 3.11 ``None``
starts with a few thousand references, and after that many calls the process aborts
with "Fatal Python error: none_dealloc" (in a live workshop, after minutes of slides).
Until the binding is fixed we give ``None`` a reference count it can never run out of.

PySide6's ``__feature__`` import hook also reads the whole source of every module
imported after it (``inspect.getsource``, to see whether the module names PySide6): about
40 ms for the 170 modules of a presenting run, and ``linecache`` then keeps every line
for the life of the process (about 7 MB of Python objects when run from source).
:func:`lighten_import_hook` gives the hook its answer without reading anything.
"""

from __future__ import annotations

import ctypes
import linecache
import logging
import sys
from types import ModuleType

log = logging.getLogger(__name__)

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


_LIGHTENED = "_presenter_reads_no_source"


def lighten_import_hook() -> None:
    """Stop PySide6's import hook from reading the source of every module imported after
    it (idempotent). Imports ``shiboken6``, which any PySide6 use does first.

    The hook asks of each new module whether its source names PySide6, to mark it 0
    ("selects no features": Qt's own names) or -1 ("not tracked": calls from it keep
    whichever selection was made last). This app never imports ``__feature__``, so every
    module is answered 0 without opening its file: Qt's own names everywhere, even if a
    library somewhere selected ``snake_case`` for itself. A module that does import
    ``__feature__`` is listed by that import, before this answer is asked for.
    """
    try:
        import shiboken6  # noqa: F401  (installs the hook this answers for)
        from shibokensupport import feature
    except ImportError:  # another binding or layout: nothing to lighten
        return
    original = getattr(feature, "_mod_uses_pyside", None)
    if not callable(original) or getattr(original, _LIGHTENED, False):
        return
    feature._mod_uses_pyside = _selects_no_features
    linecache.clearcache()  # what it kept before now: read again if a traceback asks
    log.debug("PySide6's import hook no longer reads each module's source")


def _selects_no_features(module: ModuleType) -> bool:
    return True


setattr(_selects_no_features, _LIGHTENED, True)
