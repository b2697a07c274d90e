"""One place that knows where bundled files live, from source and in a frozen build.

Never write inside these folders: a frozen bundle may be read-only.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PORTABLE_MARKER = "portable.txt"


def app_root() -> Path:
    """The folder holding ``assets/`` and ``decks/``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parents[2]


def assets_dir() -> Path:
    return app_root() / "assets"


def asset(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)


def sample_decks_dir() -> Path:
    return app_root() / "decks"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def executable_dir() -> Path:
    return Path(sys.executable).resolve().parent


def portable_dir() -> Path | None:
    """The folder for settings and journals in portable mode, or None.

    Portable mode: a ``portable.txt`` beside the executable (frozen), or the
    ``WORKSHOP_PRESENTER_PORTABLE`` environment variable naming a folder.
    """
    override = os.environ.get("WORKSHOP_PRESENTER_PORTABLE")
    if override:
        return Path(override)
    if is_frozen() and (executable_dir() / PORTABLE_MARKER).is_file():
        return executable_dir() / "data"
    return None


def build_info() -> str:
    info = app_root() / "BUILD_INFO.txt"
    try:
        return info.read_text("utf-8").strip()
    except OSError:
        return "frozen build"


def version_text() -> str:
    """``Workshop Presenter 0.2`` and, in a frozen build, what it was built from."""
    from presenter import __version__

    build = f" ({build_info()})" if is_frozen() else ""
    return f"Workshop Presenter {__version__}{build}"
