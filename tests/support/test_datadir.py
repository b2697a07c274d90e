"""Where the app writes: the cache folder (settings and records: tests/test_cli.py and
tests/core/record)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from presenter.support.datadir import cache_dir


def test_a_portable_copy_keeps_its_cache_on_the_stick(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("WORKSHOP_PRESENTER_CACHE", raising=False)
    monkeypatch.setenv("WORKSHOP_PRESENTER_PORTABLE", str(tmp_path / "stick"))
    assert cache_dir() == tmp_path / "stick" / "cache"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders")
def test_an_installed_copy_uses_the_platform_cache(non_portable: Path) -> None:
    home = non_portable.parents[2]  # ~/.local/share/workshop-presenter
    assert cache_dir() == home / ".cache" / "workshop-presenter"


def test_the_cache_can_be_put_elsewhere(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WORKSHOP_PRESENTER_CACHE", str(tmp_path / "shared"))
    assert cache_dir() == tmp_path / "shared"
    monkeypatch.setenv("WORKSHOP_PRESENTER_CACHE", "relative/ignored")
    assert cache_dir() != Path("relative/ignored")
