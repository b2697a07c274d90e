"""Where the app keeps what it writes: settings and session records, and a cache.

Qt-free on purpose. The Qt app may pass ``QStandardPaths``'s answer in as ``preferred``;
tools and tests get the same folders without a QApplication. Portable mode (a marker
beside the executable, or ``WORKSHOP_PRESENTER_PORTABLE``) always wins, so a stick-run
copy never writes to the laptop's profile.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from presenter.support.resources import portable_dir

APP_FOLDER = "Workshop Presenter"
APP_FOLDER_UNIX = "workshop-presenter"
SESSIONS = "sessions"


def platform_data_dir() -> Path:
    """The per-user data folder of this platform (not roaming on Windows)."""
    if sys.platform.startswith("win"):
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_FOLDER
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_FOLDER
    return _xdg("XDG_DATA_HOME", ".local/share") / APP_FOLDER_UNIX


def _xdg(variable: str, default: str) -> Path:
    """An XDG base folder: the variable if it holds an absolute path, else the default
    under the home folder (as the specification says of a relative one)."""
    given = os.environ.get(variable)
    return Path(given) if given and Path(given).is_absolute() else Path.home() / default


def data_dir(preferred: str | Path | None = None) -> Path:
    """The folder for user data: portable folder, else ``preferred``, else the platform's."""
    portable = portable_dir()
    if portable is not None:
        return portable
    if preferred:
        return Path(preferred)
    return platform_data_dir()


def cache_dir() -> Path:
    """The per-user folder for what can be made again (not created here):
    ``WORKSHOP_PRESENTER_CACHE`` if set (an absolute path), else inside the portable
    folder on a stick, else the platform's cache folder."""
    given = os.environ.get("WORKSHOP_PRESENTER_CACHE")
    if given and Path(given).is_absolute():
        return Path(given)
    portable = portable_dir()
    if portable is not None:
        return portable / "cache"
    if sys.platform.startswith("win"):
        return platform_data_dir() / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_FOLDER
    return _xdg("XDG_CACHE_HOME", ".cache") / APP_FOLDER_UNIX


def sessions_dir(root: str | Path | None = None) -> Path:
    """The folder holding one sub-folder per session (not created here)."""
    return (Path(root) if root is not None else data_dir()) / SESSIONS
