"""Helpers of ``tests/bench.py`` for side-by-side figures: whole processes timed in
alternation (A B A B, so a busy machine slows both alike), the tools people would
pick instead (pympress, Marp CLI) when they are installed, and a slow disk.

A slow disk is a small C shim, compiled here with the system's C compiler and loaded
with ``LD_PRELOAD``, that makes every ``fsync``/``fdatasync`` wait ``SLOW_FSYNC_MS``
milliseconds first: what a cheap USB stick does in portable mode.
"""

from __future__ import annotations

import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

log = logging.getLogger(__name__)

SLOW_FSYNC_C = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>

static void slow_device(void) {
    const char *text = getenv("SLOW_FSYNC_MS");
    long ms = text ? atol(text) : 30;
    struct timespec pause = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&pause, NULL);
}

int fsync(int fd) {
    static int (*real)(int) = 0;
    if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    slow_device();
    return real(fd);
}

int fdatasync(int fd) {
    static int (*real)(int) = 0;
    if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
    slow_device();
    return real(fd);
}
"""


def slow_fsync_shim(folder: Path) -> Path | None:
    """The shim, built in ``folder``; None without a C compiler or off Linux."""
    compiler = shutil.which("gcc") or shutil.which("cc")
    if compiler is None or not sys.platform.startswith("linux"):
        return None
    source = folder / "slowfsync.c"
    source.write_text(SLOW_FSYNC_C, "utf-8")
    library = folder / "slowfsync.so"
    built = subprocess.run(
        [compiler, "-shared", "-fPIC", "-O2", "-o", str(library), str(source), "-ldl"],
        capture_output=True,
        text=True,
    )
    if built.returncode != 0:
        log.warning("the slow-disk shim did not build: %s", built.stderr)
        return None
    return library


def slow_disk_env(env: dict[str, str], shim: Path, delay_ms: int) -> dict[str, str]:
    slow = dict(env)
    slow["LD_PRELOAD"] = str(shim)
    slow["SLOW_FSYNC_MS"] = str(delay_ms)
    return slow


Run = Callable[[], float]


def alternate(runs: dict[str, Run], rounds: int) -> dict[str, list[float]]:
    """Each run once per round, in turn (A B A B ...); the first round warms the disk
    cache and is dropped."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for n in range(rounds + 1):
        for name, run in runs.items():
            took = run()
            if n:
                times[name].append(took)
    return times


def whole_process(command: Sequence[str], env: dict[str, str], cwd: Path | None = None) -> Run:
    def run() -> float:
        start = time.perf_counter()
        done = subprocess.run(
            list(command), env=env, cwd=cwd, capture_output=True, text=True, timeout=300
        )
        took = time.perf_counter() - start
        if done.returncode not in (0, 1):
            raise RuntimeError(f"{command[:3]} failed:\n{done.stderr[-2000:]}")
        return took

    return run


def summary(times: list[float]) -> dict[str, float]:
    return {
        "seconds_median": round(statistics.median(times), 3),
        "seconds_min": round(min(times), 3),
    }


def ratio(slow: list[float], fast: list[float]) -> float:
    return round(statistics.median(slow) / statistics.median(fast), 2)


# -- the peers ---------------------------------------------------------------------------


def marp_command() -> list[str] | None:
    marp = shutil.which("marp")
    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium")
    if marp is None or chrome is None:
        return None
    return [marp, "--no-stdin", "--allow-local-files"]


def marp_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("CHROME_PATH", shutil.which("chromium") or "/usr/bin/chromium")
    return env


def marp_deck(slides: int) -> str:
    """The generated deck's words as Marp Markdown: the same slides and text."""
    parts = ["---\nmarp: true\ntitle: Generated\n---"]
    for i in range(slides):
        kind = i % 6
        if kind == 0:
            parts.append(f"# Part {i}\n\n<!-- Notes {i}. -->")
        elif kind == 1:
            parts.append(
                f"## Slide {i}\n\n- First point\n- Second point with 6.3 million\n"
                f"- Third point\n\nSource: ILO 2022\n\n<!-- Say this. -->"
            )
        elif kind == 2:
            parts.append(f"## Myth {i}\n\nReality {i}\n\nSource: UNODC 2024")
        elif kind == 3:
            parts.append(f"## What do you think about {i}?\n\nIn pairs. Why?")
        elif kind == 4:
            parts.append(f"## Recap\n\nMyth {i - 2}: reality {i - 2}")
        else:
            parts.append(f"## Table {i}\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    return "\n\n---\n\n".join(parts) + "\n"


# The peers' own virtual environment (pympress needs PyGObject): ``.peers-venv`` beside
# this checkout unless ``$PEERS_VENV`` names another; pympress on PATH also counts.
PEERS_VENV = Path(
    os.environ.get("PEERS_VENV", str(Path(__file__).resolve().parents[1] / ".peers-venv"))
)


def pympress_command() -> list[str] | None:
    for candidate in (PEERS_VENV / "bin" / "pympress", shutil.which("pympress")):
        if candidate and Path(candidate).is_file():
            return [str(candidate)]
    return None


def x_display() -> str | None:
    """An X display to show real windows on (pympress is GTK: no offscreen platform)."""
    display = os.environ.get("BENCH_DISPLAY") or os.environ.get("DISPLAY")
    if not display or shutil.which("xdotool") is None:
        return None
    probe = subprocess.run(
        ["xdotool", "getdisplaygeometry"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
    )
    return display if probe.returncode == 0 else None


def first_visible_window(
    command: Sequence[str], env: dict[str, str], name: str, timeout: float = 30.0
) -> float:
    """Seconds from starting ``command`` to a visible X window whose title matches
    ``name`` (polled with xdotool every 5 ms, the same for every program)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(command), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while time.perf_counter() - started < timeout:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", name],
                env=env,
                capture_output=True,
            )
            if found.returncode == 0 and found.stdout.strip():
                return time.perf_counter() - started
            time.sleep(0.005)
        raise RuntimeError(f"no window named {name!r} from {command[:2]}")
    finally:
        proc.kill()
        proc.wait(timeout=30)


def temporary_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="presenter-bench-")
