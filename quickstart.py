#!/usr/bin/env python3
"""The two quick-start commands, for a fresh machine with only Python 3.11+.

    python quickstart.py app    install into .venv and open a sample workshop
    python quickstart.py test   install into .venv (with test tools) and run every test

Uses only the standard library, works the same on Windows, macOS and Linux, and keeps
everything in a ``.venv`` folder beside this file (nothing is installed system-wide).
Extra arguments are passed on: ``python quickstart.py test -k parser``.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
SAMPLE_DECK = ROOT / "decks" / "understanding-trafficking"
PYTEST_NO_TESTS = 5

# What Qt's X11 window plugin loads from the system (Qt 6.5+ added libxcb-cursor0, which
# fresh Debian and Ubuntu installs lack): (library file, Debian/Ubuntu package, Fedora).
QT_SYSTEM_LIBRARIES = (
    ("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    ("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    ("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    ("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    ("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    ("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    ("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    ("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    ("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    ("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    ("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    ("libxcb.so.1", "libxcb1", "libxcb"),
    ("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    ("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    ("libGL.so.1", "libgl1", "mesa-libGL"),
    ("libEGL.so.1", "libegl1", "mesa-libEGL"),
    ("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    ("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
)


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_environment(extras: str) -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 (this script is what older Pythons run)
        found = sys.version.split()[0]
        sys.exit(f"Workshop Presenter needs Python 3.11 or newer (this is {found}).")
    python = venv_python()
    if not python.exists():
        print(f"Creating a virtual environment in {VENV} ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        except (OSError, subprocess.CalledProcessError) as exc:
            sys.exit(
                f"Could not create a virtual environment: {exc}\n"
                "On Debian or Ubuntu, install it first:  sudo apt install python3-venv"
            )
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / f".installed-{extras or 'app'}"
    if not stamp.exists() or stamp.read_text().strip() != wanted:
        target = f".[{extras}]" if extras else "."
        print(
            f"Installing Workshop Presenter ({target}) into {VENV} ...\n"
            "The first time this downloads Qt (about 100 MB) and can take several "
            "minutes; later runs start in seconds.",
            flush=True,
        )
        # pip's own progress lines on a terminal; quiet in logs (CI).
        quiet = [] if sys.stdout.isatty() else ["-q"]
        subprocess.run(
            [str(python), "-m", "pip", "install", "--disable-pip-version-check",
             *quiet, "-e", target],
            cwd=ROOT,
            check=True,
        )  # fmt: skip
        print("Installed.", flush=True)
        stamp.write_text(wanted)
    return python


def uses_x11(environ: dict[str, str] | None = None) -> bool:
    """Will Qt open its windows through X11 (xcb) here?"""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return False
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.startswith("xcb")
    return not env.get("WAYLAND_DISPLAY")  # Qt prefers Wayland where there is one


def missing_libraries(load=ctypes.CDLL) -> list[tuple[str, str, str]]:
    """The system libraries Qt's X11 plugin needs that cannot be loaded."""
    missing = []
    for entry in QT_SYSTEM_LIBRARIES:
        try:
            load(entry[0])
        except OSError:
            missing.append(entry)
    return missing


def install_command(missing: list[tuple[str, str, str]], os_release: str | None = None) -> str:
    """The one command that installs ``missing`` on this kind of Linux."""
    if os_release is None:
        try:
            os_release = Path("/etc/os-release").read_text("utf-8", "replace")
        except OSError:
            os_release = ""
    ids = " ".join(
        line.split("=", 1)[1].strip().strip('"').lower()
        for line in os_release.splitlines()
        if line.startswith(("ID=", "ID_LIKE="))
    )
    if any(name in ids for name in ("fedora", "rhel", "centos")):
        packages = sorted({fedora for _, _, fedora in missing})
        return "sudo dnf install " + " ".join(packages)
    packages = list(dict.fromkeys(debian for _, debian, _ in missing))
    return "sudo apt install " + " ".join(packages)


def check_system_libraries() -> bool:
    """Say what is missing, and how to install it, before Qt dies with a plugin error."""
    if not uses_x11() or os.environ.get("PRESENTER_SKIP_LIBRARY_CHECK"):
        return True
    missing = missing_libraries()
    if not missing:
        return True
    names = ", ".join(library for library, _, _ in missing)
    print(
        f"Workshop Presenter cannot open its windows yet: this system lacks {names}, "
        "which Qt needs for windows on Linux (X11).\n"
        "Install it with this one command, then run the quick start again:\n\n"
        f"    {install_command(missing)}\n",
        file=sys.stderr,
    )
    return False


def run_app(args: list[str]) -> int:
    if not check_system_libraries():
        return 1
    python = ensure_environment("")
    command = args or ["run", str(SAMPLE_DECK), "--rehearse"]
    if not args:
        print(
            "Opening the sample workshop in rehearsal: the facilitator console, with the "
            "room's view beside it (or behind P on a small screen).\n"
            "  Next: → or PageDown · Back: ← · Black screen: B · Help screen: H\n"
            "  Quit: Ctrl+Q (it asks first), or close the console window.\n"
            "  Every key: docs/keys.md",
            flush=True,
        )
    code = subprocess.call([str(python), "-m", "presenter", *command], cwd=ROOT)
    if not args:
        print("Workshop Presenter closed.", flush=True)
    return code


def run_tests(args: list[str]) -> int:
    python = ensure_environment("test")
    code = subprocess.call([str(python), "-m", "pytest", *args], cwd=ROOT)
    if code == PYTEST_NO_TESTS:
        print("No tests were collected: that is a failure, not a pass.", file=sys.stderr)
        return 1
    return code


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in ("app", "test"):
        print(__doc__)
        return 2
    rest = sys.argv[2:]
    return run_app(rest) if sys.argv[1] == "app" else run_tests(rest)


if __name__ == "__main__":
    sys.exit(main())
