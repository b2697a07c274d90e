#!/usr/bin/env python3
"""The two quick-start commands, for a fresh machine with only Python 3.11+.

    python quickstart.py app    install into .venv and open a sample workshop
    python quickstart.py test   install into .venv (with test tools) and run every test

Uses only the standard library, works the same on Windows, macOS and Linux, and keeps
everything in a ``.venv`` folder beside this file (nothing is installed system-wide).
Extra arguments are passed on: ``python quickstart.py test -k parser``.
"""

from __future__ import annotations

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
        print(f"Installing Workshop Presenter ({target}) ...", flush=True)
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "-q",
                "-e",
                target,
            ],
            cwd=ROOT,
            check=True,
        )
        stamp.write_text(wanted)
    return python


def run_app(args: list[str]) -> int:
    python = ensure_environment("")
    command = args or ["run", str(SAMPLE_DECK), "--rehearse"]
    return subprocess.call([str(python), "-m", "presenter", *command], cwd=ROOT)


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
