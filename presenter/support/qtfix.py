"""Work around a reference-count bug in PySide6 6.12 on Python 3.11, and two start-up costs.

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

And ``import shiboken6`` compiles the Python sources embedded in the binding (its
signature support, 14 modules) on every start: about 40 ms of every command that uses
Qt. Python keeps its own modules' bytecode in ``__pycache__``; :func:`import_shiboken`
keeps these the same way, in the app's cache folder, keyed by the source itself, so a
new PySide6 or Python simply compiles again. The cache is trusted as ``__pycache__`` is:
it sits in the user's own folders.

:func:`lighten_when_imported` arranges both for whichever module imports PySide6 first,
without importing it: a command that never needs Qt (``--version``, ``check
--no-render``) never loads it.
"""

from __future__ import annotations

import builtins
import contextlib
import ctypes
import importlib.abc
import importlib.util
import linecache
import logging
import marshal
import os
import sys
from collections.abc import Iterator, Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

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
        import_shiboken()  # installs the hook this answers for
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


# The files ``import shiboken6`` compiles from the sources embedded in it.
_EMBEDDED = ("shibokensupport/", "signature_bootstrap.py")


def import_shiboken() -> None:
    """``import shiboken6``, with the bytecode of its embedded sources kept between runs
    (raises ImportError as the import would). Where the cache cannot be read or written
    the sources are compiled as usual."""
    if "shiboken6" in sys.modules:
        return
    with _keeping_bytecode():
        import shiboken6  # noqa: F401


@contextlib.contextmanager
def _keeping_bytecode() -> Iterator[None]:
    """While shiboken6 is imported: its embedded sources compiled once, then kept."""
    try:
        folder = _bytecode_dir()
    except (OSError, RuntimeError, KeyError, ValueError) as exc:  # no home folder, say
        log.debug("PySide6 bytecode not kept: %s", exc)
        yield
        return
    original = builtins.compile

    def compile_kept(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        if (
            args
            or kwargs
            or mode != "exec"
            or not isinstance(filename, str)
            or not filename.startswith(_EMBEDDED)
            or not isinstance(source, (str, bytes))
        ):
            return original(source, filename, mode, *args, **kwargs)
        return _kept_code(folder, source, filename, original)

    builtins.compile = compile_kept
    try:
        yield
    finally:
        builtins.compile = original


def lighten_when_imported() -> None:
    """Both of the above for whichever module imports PySide6 first: shiboken6's
    bytecode kept, then the hook lightened (at once, if PySide6 is already in). Imports
    nothing itself, so a command that never needs Qt never loads it. Idempotent."""
    if "shiboken6" in sys.modules:
        lighten_import_hook()
    elif not any(isinstance(finder, _ShibokenWatch) for finder in sys.meta_path):
        sys.meta_path.insert(0, _ShibokenWatch())


class _ShibokenWatch(importlib.abc.MetaPathFinder):
    """Finds ``shiboken6`` through the other finders (source tree, site-packages or the
    frozen app's archive) and wraps its loading."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != "shiboken6":
            return None
        sys.meta_path[:] = [f for f in sys.meta_path if f is not self]  # once is enough
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(fullname, path, target) if find is not None else None
            if spec is not None and spec.loader is not None:
                spec.loader = _KeptThenLightened(spec.loader)
                return spec
        return None


class _KeptThenLightened(importlib.abc.Loader):
    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        with _keeping_bytecode():
            self._loader.exec_module(module)
        lighten_import_hook()

    def __getattr__(self, name: str) -> Any:  # resource readers, get_data...: the real one
        return getattr(self._loader, name)


def _bytecode_dir() -> Path:
    from presenter.support.datadir import cache_dir

    tag = sys.implementation.cache_tag or "python"
    return cache_dir() / f"pyside-bytecode-{tag}"


def _kept_code(folder: Path, source: str | bytes, filename: str, original: Any) -> CodeType:
    from presenter.support.digest import sha256

    data = source.encode("utf-8") if isinstance(source, str) else source
    key = sha256(importlib.util.MAGIC_NUMBER + filename.encode() + b"\0" + data).hexdigest()
    path = folder / f"{key[:40]}.code"
    try:
        code = marshal.loads(path.read_bytes())
        if isinstance(code, CodeType) and code.co_filename == filename:
            return code
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not kept yet, unreadable or damaged: compiled again below
    code = original(source, filename, "exec")
    spare = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        spare.write_bytes(marshal.dumps(code))
        os.replace(spare, path)  # whole or not at all, if two start at once
    except OSError as exc:  # read-only or full: next time compiles again
        log.debug("PySide6 bytecode not kept in %s: %s", folder, exc)
        with contextlib.suppress(OSError):
            spare.unlink(missing_ok=True)
    return code
