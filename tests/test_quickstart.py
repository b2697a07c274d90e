"""The quick start on a fresh Linux laptop: a missing system library is named, with the
one command that installs it, before Qt would die with its platform-plugin error."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_quickstart():
    spec = importlib.util.spec_from_file_location("quickstart", ROOT / "quickstart.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


quickstart = load_quickstart()


def fake_loader(absent: set[str]):
    def load(name: str) -> object:
        if name in absent:
            raise OSError(f"{name}: cannot open shared object file: No such file or directory")
        return object()

    return load


def test_a_missing_xcb_cursor_is_found_and_named() -> None:
    missing = quickstart.missing_libraries(fake_loader({"libxcb-cursor.so.0"}))
    assert [m[0] for m in missing] == ["libxcb-cursor.so.0"]
    debian = "PRETTY_NAME=Debian GNU/Linux 13\nID=debian\n"
    assert quickstart.install_command(missing, debian) == "sudo apt install libxcb-cursor0"
    ubuntu = 'ID=ubuntu\nID_LIKE="debian"\n'
    assert quickstart.install_command(missing, ubuntu) == "sudo apt install libxcb-cursor0"
    fedora = 'ID="fedora"\n'
    assert quickstart.install_command(missing, fedora) == "sudo dnf install xcb-util-cursor"


def test_several_missing_libraries_make_one_command() -> None:
    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-shape.so.0", "libxcb-xkb.so.1"}
    missing = quickstart.missing_libraries(fake_loader(absent))
    command = quickstart.install_command(missing, "ID=debian")
    assert command == ("sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-shape0 libxcb-xkb1")
    fedora = quickstart.install_command(missing, "ID=fedora")
    assert fedora == "sudo dnf install libxcb xcb-util-cursor xcb-util-wm"


def test_only_x11_sessions_are_checked() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the X11 libraries are a Linux matter")
    assert quickstart.uses_x11({"DISPLAY": ":0"})
    assert not quickstart.uses_x11({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"})
    assert quickstart.uses_x11({"WAYLAND_DISPLAY": "w", "QT_QPA_PLATFORM": "xcb"})
    assert not quickstart.uses_x11({"QT_QPA_PLATFORM": "offscreen"})


def test_the_message_gives_the_command_and_stops(monkeypatch, capsys) -> None:
    monkeypatch.setattr(quickstart, "uses_x11", lambda: True)
    monkeypatch.delenv("PRESENTER_SKIP_LIBRARY_CHECK", raising=False)
    monkeypatch.setattr(
        quickstart, "missing_libraries", lambda: [quickstart.QT_SYSTEM_LIBRARIES[0]]
    )
    monkeypatch.setattr(quickstart, "install_command", lambda missing: "sudo apt install X")
    monkeypatch.setattr(quickstart, "ensure_environment", pytest.fail)  # never reached
    assert quickstart.run_app([]) == 1
    err = capsys.readouterr().err
    assert "libxcb-cursor.so.0" in err and "    sudo apt install X" in err


def test_every_library_qt_xcb_links_is_checked() -> None:
    """The table follows what this Qt's X11 plugin really loads (ldd), so a Qt upgrade
    that needs one more library shows up here."""
    if not sys.platform.startswith("linux") or not (ldd := shutil_which("ldd")):
        pytest.skip("ldd is a Linux tool")
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        pytest.skip("this PySide6 has no xcb plugin")
    linked = subprocess.run([ldd, str(plugin)], capture_output=True, text=True).stdout
    needed = {line.split()[0] for line in linked.splitlines() if "xcb" in line.split()[0]}
    needed = {n for n in needed if not n.startswith("libQt6")}
    checked = {library for library, _, _ in quickstart.QT_SYSTEM_LIBRARIES}
    assert needed <= checked, needed - checked


def shutil_which(name: str) -> str | None:
    import shutil

    return shutil.which(name)
