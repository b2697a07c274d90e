"""SHA-1 and SHA-256 of a deck's text without loading OpenSSL.

``import hashlib`` imports ``_hashlib`` straight away, which maps OpenSSL's libcrypto
and relocates it: 3.7 MB resident for the rest of the process, in a workshop that only
hashes a deck's text (its content hash and each slide's revision). Python ships its own
SHA-1 and SHA-256 (the modules ``hashlib`` itself falls back to without OpenSSL); they
give the same digests, so recorded sessions still match their deck, and on a slide's
few hundred bytes they are as quick. Where they are missing (a Python built without
them), ``hashlib`` is used after all.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Protocol, cast

log = logging.getLogger(__name__)


class Digest(Protocol):
    def update(self, data: bytes, /) -> None: ...
    def digest(self) -> bytes: ...
    def hexdigest(self) -> str: ...


Constructor = Callable[[bytes], Digest]

# Python 3.11 names SHA-256's module _sha256; 3.12 and later put it in _sha2.
_BUILTIN = {"sha1": ("_sha1",), "sha256": ("_sha2", "_sha256")}
_found: dict[str, Constructor] = {}


def _constructor(name: str) -> Constructor:
    found = _found.get(name)
    if found is not None:
        return found
    for module in _BUILTIN[name]:
        try:
            found = cast(Constructor, getattr(importlib.import_module(module), name))
            break
        except (ImportError, AttributeError):
            continue
    else:
        import hashlib  # loads OpenSSL: only where Python has no SHA of its own

        log.info("no built-in %s: hashlib's", name)
        found = cast(Constructor, getattr(hashlib, name))
    _found[name] = found
    return found


def sha1(data: bytes = b"") -> Digest:
    return _constructor("sha1")(data)


def sha256(data: bytes = b"") -> Digest:
    return _constructor("sha256")(data)
