"""The built bundle (``dist/WorkshopPresenter``): nothing network-capable but the answers
room for phones (QtHttpServer and what it links), everything needed.

Build it first: ``python -m PyInstaller --noconfirm --clean build.spec``. Without a build
these tests skip, unless ``PRESENTER_REQUIRE_BUNDLE=1`` (set by ``.ci/run`` after it
builds), when a missing bundle is a failure. ``PRESENTER_BUNDLE_DIR`` points elsewhere.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from presenter import __version__

ROOT = Path(__file__).resolve().parent.parent
NAME = "WorkshopPresenter"
STALE = " (a build older than this checkout? rebuild: python -m PyInstaller build.spec)"
ZIP_BUDGET_BYTES = 60 * 1000 * 1000

# Anything here in a bundle path means a network-capable (or unwanted) part came back.
# QtNetwork, QtWebSockets and QtConcurrent are in, for QtHttpServer (docs/phones.md).
FORBIDDEN = {
    "QtNetworkAuth (OAuth: reaches out)": r"networkauth",
    "PySide6-Addons we do not use": r"qt6?(3d|charts|datavisualization|graphs|multimedia|"
    r"bluetooth|nfc|positioning|location|remoteobjects|scxml|sensors|serialport|serialbus|"
    r"spatialaudio|texttospeech|webview|httpserver\w*tls)",
    "TUIO touch plugin (UDP listener)": r"qtuiotouchplugin",
    "VNC platform plugin (TCP server)": r"qvnc",
    "TLS plugins": r"(^|/)plugins/tls/",
    "network information plugins": r"(^|/)plugins/networkinformation/",
    "Qt WebEngine": r"qtwebengine|qt6webengine",
    "QtQml": r"(^|/)qtqml|qt6qml",
    "QtQuick": r"(^|/)qtquick|qt6quick",
    "Python ssl extension": r"(^|/)_ssl\.",
    "Qt translations (not shipped)": r"(^|/)translations/",
    "software OpenGL (opengl32sw)": r"opengl32sw",
}
# Python modules that must not be in the frozen archive (the app never needs them).
FORBIDDEN_MODULES = ("PySide6.QtNetworkAuth", "ssl", "http.client", "urllib.request", "webbrowser")
# The answers room for phones: these must be in (the app imports them only when on).
ANSWERS_ROOM = {
    "QtHttpServer (Python module)": r"(^|/)qthttpserver\.",
    "Qt6HttpServer library": r"qt6httpserver",
    "Qt6Network library": r"qt6network",
    "Qt6WebSockets library": r"qt6websockets",
    "phone page": r"(^|/)assets/phones/page\.html$",
}


def bundle_dir() -> Path:
    return Path(os.environ.get("PRESENTER_BUNDLE_DIR") or ROOT / "dist" / NAME)


@pytest.fixture(scope="module")
def bundle() -> Path:
    folder = bundle_dir()
    if not (folder / "_internal").is_dir():
        reason = f"no bundle at {folder}: build it with  python -m PyInstaller build.spec"
        if os.environ.get("PRESENTER_REQUIRE_BUNDLE") == "1":
            pytest.fail(f"PRESENTER_REQUIRE_BUNDLE=1 but {reason}")
        pytest.skip(reason)
    return folder


@pytest.fixture(scope="module")
def contents(bundle: Path) -> list[str]:
    """Every file and folder in the bundle, relative, with forward slashes."""
    return sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*"))


def executable(bundle: Path) -> Path:
    return bundle / (f"{NAME}.exe" if sys.platform.startswith("win") else NAME)


def data_root(bundle: Path) -> Path:
    return bundle / "_internal"


def test_no_network_capable_parts(contents: list[str]) -> None:
    found = {
        label: [p for p in contents if re.search(pattern, p, re.IGNORECASE)]
        for label, pattern in FORBIDDEN.items()
    }
    found = {label: paths[:5] for label, paths in found.items() if paths}
    assert not found, f"the bundle contains parts it must not: {found}"


def test_forbidden_patterns_would_be_caught() -> None:
    """The patterns match the real file names on each platform (so the test can fail)."""
    examples = [
        "_internal/PySide6/Qt/lib/libQt6NetworkAuth.so.6",
        "_internal/PySide6/Qt6NetworkAuth.dll",
        "_internal/PySide6/QtNetworkAuth.pyd",
        "_internal/PySide6/Qt/lib/libQt6Multimedia.so.6",
        "_internal/PySide6/Qt3DCore.pyd",
        "_internal/PySide6/Qt/plugins/generic/libqtuiotouchplugin.so",
        "_internal/PySide6/plugins/generic/qtuiotouchplugin.dll",
        "_internal/PySide6/Qt/plugins/platforms/libqvnc.so",
        "_internal/PySide6/plugins/tls/qschannelbackend.dll",
        "_internal/PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so",
        "_internal/PySide6/Qt6WebEngineCore.dll",
        "_internal/PySide6/Qt/lib/libQt6Qml.so.6",
        "_internal/PySide6/Qt/lib/QtQuick.framework",
        "_internal/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so",
        "_internal/_ssl.pyd",
        "_internal/PySide6/translations/qtbase_fr.qm",
        "_internal/PySide6/opengl32sw.dll",
    ]
    patterns = [re.compile(p, re.IGNORECASE) for p in FORBIDDEN.values()]
    missed = [e for e in examples if not any(p.search(e) for p in patterns)]
    assert not missed
    assert not any(p.search("_internal/PySide6/Qt/lib/libQt6Gui.so.6") for p in patterns)


def test_the_answers_room_is_inside(contents: list[str]) -> None:
    missing = [
        label
        for label, pattern in ANSWERS_ROOM.items()
        if not any(re.search(pattern, p, re.IGNORECASE) for p in contents)
    ]
    assert not missing, f"the answers room for phones is incomplete: {missing}{STALE}"


def test_frozen_archive_has_no_network_modules(bundle: Path) -> None:
    readers = pytest.importorskip("PyInstaller.archive.readers", reason="needs PyInstaller")
    exe = executable(bundle)
    carchive = readers.CArchiveReader(str(exe))
    pyz_names = [name for name in carchive.toc if name.endswith(".pyz") or name == "PYZ.pyz"]
    assert pyz_names, f"no PYZ archive found in {exe}: {list(carchive.toc)[:10]}"
    modules: set[str] = set()
    for name in pyz_names:
        pyz = carchive.open_embedded_archive(name)
        modules.update(pyz.toc)
    assert "presenter.cli" in modules and "presenter.commands.export" in modules
    present = [m for m in FORBIDDEN_MODULES if m in modules]
    assert not present, f"network modules frozen into the app: {present}"


def test_sample_decks_are_inside(bundle: Path) -> None:
    wanted = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "decks").rglob("*.md"))
    assert wanted, "the source tree has no sample decks"
    missing = [w for w in wanted if not (data_root(bundle) / w).is_file()]
    assert not missing, f"sample deck files missing from the bundle: {missing}{STALE}"


def test_themes_fonts_licences_icons_locale_are_inside(bundle: Path) -> None:
    root = data_root(bundle)
    wanted = [
        *(p.relative_to(ROOT) for p in (ROOT / "assets" / "themes").glob("*.yaml")),
        *(p.relative_to(ROOT) for p in (ROOT / "assets" / "fonts").glob("*.ttf")),
        *(p.relative_to(ROOT) for p in (ROOT / "presenter" / "locale").glob("*/LC_MESSAGES/*.mo")),
        Path("assets/icons/app.png"),
        Path("assets/icons/app.ico"),
    ]
    assert len(wanted) > 6
    missing = [str(w) for w in wanted if not (root / w).is_file()]
    assert not missing, f"missing from the bundle: {missing}{STALE}"
    fonts = {p.name for p in (root / "assets" / "fonts").iterdir()}
    # Every font family ships with its licence (OFL for Atkinson, DejaVu's own).
    assert "AtkinsonHyperlegible-OFL.txt" in fonts
    assert "DejaVu-LICENSE.txt" in fonts
    assert "Noto-OFL.txt" in fonts


def test_templates_are_inside_if_the_app_has_any(bundle: Path) -> None:
    source = ROOT / "presenter" / "templates"
    if not source.is_dir():
        pytest.skip("the app has no deck templates")
    wanted = sorted(p.relative_to(ROOT) for p in source.rglob("*") if p.is_file())
    missing = [str(w) for w in wanted if not (data_root(bundle) / w).is_file()]
    assert not missing, f"deck templates missing from the bundle: {missing}{STALE}"


def command_line_executable(bundle: Path) -> Path:
    """Windows has a console ``presenter.exe`` beside the windowed app (which has no
    stdout); elsewhere the app itself prints."""
    if sys.platform.startswith("win"):
        return bundle / "presenter.exe"
    return executable(bundle)


def test_version_shows_build_info(bundle: Path) -> None:
    result = subprocess.run(
        [str(command_line_executable(bundle)), "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert f"Workshop Presenter {__version__}" in result.stdout
    assert (data_root(bundle) / "BUILD_INFO.txt").is_file()
    assert "frozen build" not in result.stdout  # the fallback when BUILD_INFO.txt is lost
    assert "Python 3." in result.stdout


def test_zip_within_budget(bundle: Path) -> None:
    zips = sorted(bundle.parent.glob(f"{NAME}-{__version__}-*.zip"))
    if not zips:
        if os.environ.get("PRESENTER_REQUIRE_BUNDLE") == "1":
            pytest.fail(f"no {NAME}-{__version__}-*.zip beside {bundle}")
        pytest.skip("no zip was built (WORKSHOP_PRESENTER_NO_ZIP?)")
    for archive in zips:
        size = archive.stat().st_size
        assert size <= ZIP_BUDGET_BYTES, f"{archive.name} is {size / 1e6:.1f} MB (budget 60)"
