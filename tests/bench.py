"""Benchmarks, run by hand: ``python tests/bench.py [--only NAME ...]``. Prints JSON.

Figures and targets (on a 2-core machine, offscreen):
- parse_check_1000: parse and check a generated 1,000-slide deck (target <= 1 s).
- cold_start: process start to the first painted audience frame of ``presenter run`` on a
  sample deck, from source and, when ``dist/WorkshopPresenter`` exists, frozen
  (target <= 0.35 s), beside a bare PySide window measured the same way (the floor
  Python and Qt set). Read from Qt's own paint log, so the frozen app needs no hook.
- slide_advance_300: a generated 300-slide deck with images presented in the real
  windows (audience on a 1920x1080 projector, console on the laptop), every step
  forward: key action to audience frame painted, p50/p95 (target p95 <= 16 ms); also
  the whole event-loop turn (console too), and with the next frame's layout prefetched;
  and what the slow turns spend, part by part (``tests/bench_turns.py``).
- peak_rss_300: peak resident memory of that presenting run (target <= 120 MB).
- advance_with_journal: the same advance with the session journal on, on this disk and
  on a slow one (fsync delayed 30 ms by a preloaded shim built here with gcc): the
  default background fsync beside the old fsync-before-every-action (target p95 <= 16 ms).
- pdf_export_60: the slides PDF of a generated 60-slide deck in this process, and as a
  whole process beside Marp CLI when installed (target >= 8x faster than Marp).
- check_vs_floor: ``presenter check`` of a sample deck as a whole process, beside the
  Qt floor (Python + QtGui + a QGuiApplication) (target <= 1.6x the floor).
- bundle_size: the built folder and its zip (budget: zip <= 60 MB).
Whole processes of ours run with bytecode cached (as an installed app has it). Peers
run where installed: pympress (in ``$PEERS_VENV``, default ``.peers-venv`` here, on an X
display from ``$BENCH_DISPLAY``), ``marp`` with a Chromium; their ratio is measured in
the same run, alternating A B A B. A table of each figure beside its target follows
the JSON.
Timings are medians of several runs; the machine may be shared and noisy, so these are
reported, never asserted in tests. Presenting runs in a subprocess of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import bench_memory  # noqa: E402
import bench_peers as peers  # noqa: E402
import bench_turns  # noqa: E402

BENCHMARKS: dict[str, Callable[[], dict[str, object]]] = {}


def benchmark(func: Callable[[], dict[str, object]]) -> Callable[[], dict[str, object]]:
    BENCHMARKS[func.__name__] = func
    return func


def generated_deck(slides: int, *, images: bool = False) -> str:
    """A realistic deck: every kind, steps, notes, sources, optional images."""
    parts = [
        f"---\ntitle: Generated\nduration: {slides}\ncontent_warning: none\nvariants: [youth]\n---"
    ]
    for i in range(slides):
        kind = i % 6
        if kind == 0:
            parts.append(f"---\nkind: section\nminutes: 1\n---\n# Part {i}\n\n???\nNotes {i}.")
        elif kind == 1:
            img = f"\n\n![calm picture](images/img{i % 10}.png)" if images else ""
            parts.append(
                f"---\nminutes: 1\nsource: ILO 2022\n---\n## Slide {i}\n\n- First point\n--\n"
                f"- Second point with 6.3 million\n--\n- Third point{img}\n\n???\nSay this."
            )
        elif kind == 2:
            parts.append(
                f"---\nkind: myth\nid: m{i}\nminutes: 1\nmyth: Myth {i}\n"
                f"reality: Reality {i}\nsource: UNODC 2024\n---\n\n???\nAsk first."
            )
        elif kind == 3:
            parts.append(
                f"---\nkind: discussion\nminutes: 1\nformat: pairs\nfollowups: [Why]\n---\n"
                f"## What do you think about {i}?\n\n???\nListen."
            )
        elif kind == 4:
            parts.append(f"---\nkind: recap\nmyths: [m{i - 2}]\nminutes: 1\n---\n\n???\nAgain.")
        else:
            parts.append(
                f"---\nminutes: 1\n---\n## Table {i}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n???\nN."
            )
    return "\n".join(parts) + "\n"


def write_generated(folder: Path, slides: int, *, images: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if images:
        from PySide6.QtGui import QColor, QImage

        (folder / "images").mkdir(exist_ok=True)
        for n in range(10):
            image = QImage(1200, 800, QImage.Format.Format_RGB32)
            image.fill(QColor(60 + n * 15, 120, 160))
            image.save(str(folder / "images" / f"img{n}.png"))
    path = folder / "deck.md"
    path.write_text(generated_deck(slides, images=images), "utf-8")
    return path


@benchmark
def parse_check_1000() -> dict[str, object]:
    from presenter.core.deck.checker import check_deck
    from presenter.core.deck.parser import load_deck

    with tempfile.TemporaryDirectory() as tmp:
        path = write_generated(Path(tmp), 1000)
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            deck = load_deck(path)
            found = check_deck(deck)
            runs.append(time.perf_counter() - start)
        return {
            "seconds_median": round(statistics.median(runs), 4),
            "seconds_min": round(min(runs), 4),
            "slides": len(deck.slides),
            "diagnostics": len(found),
            "target_seconds": 1.0,
        }


# -- helpers -------------------------------------------------------------------------------

SAMPLE_DECK = ROOT / "decks" / "understanding-trafficking"
BUNDLE = ROOT / "dist" / "WorkshopPresenter"
TWO_SCREENS = {
    "screens": [
        {"name": "Laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "Projector", "x": 1366, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ]
}  # fmt: skip


def offscreen_env(data: Path) -> dict[str, str]:
    """Two offscreen screens and a throwaway data folder (no real profile touched)."""
    screens = data / "screens.json"
    data.mkdir(parents=True, exist_ok=True)
    screens.write_text(json.dumps(TWO_SCREENS), "utf-8")
    env = python_env(data)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens}"
    env["WORKSHOP_PRESENTER_PORTABLE"] = str(data / "userdata")
    return env


PYCACHE = Path(tempfile.gettempdir()) / "presenter-bench-pycache"


def python_env(data: Path) -> dict[str, str]:
    """Our source tree first, bytecode cached (an installed app has its .pyc files)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env["WORKSHOP_PRESENTER_CACHE"] = str(PYCACHE / "app-cache")  # PySide6's bytecode too
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["WORKSHOP_PRESENTER_PORTABLE"] = str(data / "userdata")
    return env


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def executable() -> Path:
    return BUNDLE / (
        "WorkshopPresenter.exe" if sys.platform.startswith("win") else "WorkshopPresenter"
    )


# -- cold start ----------------------------------------------------------------------------

# Qt logs each flush of a painted window; the first one of the audience window is the
# first frame the room would see. Timestamps are wall-clock, so start and log compare.
PAINT_LOG_RULES = "qt.widgets.painting.debug=true"
FIRST_FRAME_TIMEOUT = 60.0  # seconds
PAINT_LOG_PATTERN = "%{time yyyy-MM-ddTHH:mm:ss.zzz}|%{category}|%{message}"


def first_frame_seconds(command: list[str], data: Path, window: str = "AudienceWindow") -> float:
    """Seconds from starting ``command`` to Qt flushing ``window``'s first paint."""
    return first_frame(command, data, window)[0]


def cpu_seconds(pid: int) -> float | None:
    """The CPU time a running process has used (user + system), from /proc (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_frame(
    command: list[str], data: Path, window: str = "AudienceWindow"
) -> tuple[float, float | None]:
    """Seconds from starting ``command`` to Qt flushing ``window``'s first paint, and the
    CPU seconds the process had used by then: on a shared machine the wall time also
    counts the waits for a core, the CPU time does not."""
    env = offscreen_env(data)
    env["QT_LOGGING_RULES"] = PAINT_LOG_RULES
    env["QT_MESSAGE_PATTERN"] = PAINT_LOG_PATTERN
    started = time.time()
    proc = subprocess.Popen(
        command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env
    )
    # If the paint log never shows up on stderr (a message handler of the app's own took
    # Qt's messages), end the run instead of waiting for ever.
    watchdog = threading.Timer(FIRST_FRAME_TIMEOUT, proc.kill)
    watchdog.start()
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            stamp, _, rest = line.partition("|")
            if rest.startswith("qt.widgets.painting|Flushing") and window in rest:
                cpu = cpu_seconds(proc.pid)
                painted = datetime.strptime(stamp.strip(), "%Y-%m-%dT%H:%M:%S.%f").timestamp()
                return painted - started, cpu
        raise RuntimeError(f"no {window} frame was painted by {command}")
    finally:
        watchdog.cancel()
        proc.kill()
        proc.wait(timeout=30)


def cold_start_runs(
    command: list[str], runs: int = 5, window: str = "AudienceWindow", target: bool = True
) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        found = [first_frame(command, Path(tmp) / str(n), window) for n in range(runs + 1)]
    times = [wall for wall, _ in found]
    first, rest = times[0], times[1:]  # the first run also fills the disk cache
    cpu = [c for _, c in found[1:] if c is not None]
    return {
        "seconds_median": round(statistics.median(rest), 3),
        "seconds_min": round(min(rest), 3),
        "seconds_first_run": round(first, 3),
        **({"cpu_seconds_median": round(statistics.median(cpu), 3)} if cpu else {}),
        "runs": runs,
        **({"target_seconds": 0.35} if target else {}),
    }


# The least any PySide program pays for a first frame: Python, QtWidgets, a
# QApplication and one fullscreen window painting a line of text (its name matches
# what the paint log is searched for). Ours beyond this is our own start-up.
WINDOW_FLOOR = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
class AudienceWindow(QWidget):
    def paintEvent(self, event):
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#1b2433"))
        p.setFont(QFont("Sans", 48))
        p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Welcome")
        p.end()
w = AudienceWindow()
w.setObjectName("AudienceWindow")
w.setWindowTitle("bare window")
w.showFullScreen()
app.exec()
"""


@benchmark
def cold_start() -> dict[str, object]:
    deck = str(SAMPLE_DECK)
    result: dict[str, object] = {
        "deck": SAMPLE_DECK.name,
        "source": cold_start_runs([sys.executable, "-m", "presenter", "run", deck]),
        "bare_qt_window": cold_start_runs([sys.executable, "-c", WINDOW_FLOOR], target=False),
    }
    if executable().is_file():
        result["frozen"] = cold_start_runs([str(executable()), "run", deck])
    else:
        result["frozen"] = "no build in dist/ (python -m PyInstaller build.spec)"
    result["beside_pympress"] = cold_start_beside_pympress()
    # What a facilitator double-clicking the app sees first (no target of its own).
    home = [sys.executable, "-m", "presenter"]
    result["home_window"] = cold_start_runs(home, window="HomeWindow", target=False)
    return result


def cold_start_beside_pympress(rounds: int = 5) -> dict[str, object]:
    """To a visible window on a real X display, ours and pympress on the same slides
    (as a PDF exported by us), in alternation."""
    pympress = peers.pympress_command()
    display = peers.x_display()
    if pympress is None or display is None:
        return {"note": f"needs pympress ({pympress or 'not installed'}) and an X display "
                f"with xdotool (BENCH_DISPLAY={display})"}  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        env = python_env(base)
        env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"})
        env.pop("WAYLAND_DISPLAY", None)
        slides = base / "slides.pdf"
        subprocess.run(
            [sys.executable, "-m", "presenter", "export", str(SAMPLE_DECK), "--pdf", str(slides)],
            env={**env, "QT_QPA_PLATFORM": "offscreen"}, check=True, capture_output=True,
        )  # fmt: skip
        title = "(audience)"  # our audience window's title ends so
        ours = [sys.executable, "-m", "presenter", "run", "--no-record", str(SAMPLE_DECK)]
        bare = [sys.executable, "-c", WINDOW_FLOOR]
        times = peers.alternate(
            {
                "presenter": lambda: peers.first_visible_window(ours, env, title),
                "pympress": lambda: peers.first_visible_window(
                    [*pympress, str(slides)], env, "pympress"
                ),
                # What any PySide program pays to a visible window, for scale.
                "bare_pyside_window": lambda: peers.first_visible_window(bare, env, "bare window"),
            },
            rounds,
        )
    return {
        **{name: peers.summary(t) for name, t in times.items()},
        "pympress_over_presenter": peers.ratio(times["pympress"], times["presenter"]),
        "pympress_over_bare_pyside": peers.ratio(times["pympress"], times["bare_pyside_window"]),
        "display": display,
        "target_ratio": 1.7,
    }


# -- presenting the 300-slide deck (in a child process) ------------------------------------


MODES = ("audience", "event_loop", "prefetched", "blit")
JOURNAL_MODES = ("journal", "journal_inline")


def present_child(deck_dir: str, modes: list[str]) -> dict[str, Any]:
    """Run in a subprocess: present the deck in the real windows, time every step forward.

    Modes: ``audience`` the key action plus a synchronous repaint of the audience window
    (its real paint path); ``event_loop`` the action plus one event-loop turn, so the
    console's previews are included; ``prefetched`` as ``audience`` with the next frame's
    layout prepared in the idle time before; ``blit`` the next frame rendered ahead as an
    image (``renderer.prefetch``) and the advance only draws that image: what a cached
    audience window would cost; ``journal`` as ``audience`` with a session journal in
    the data folder (fsync in the background, the default), ``journal_inline`` with
    every action fsynced before it is applied.
    """
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from presenter.core.session.clock import FakeClock
    from presenter.ui.app import build_presentation, open_deck
    from presenter.ui.presenting.keys import KeyAction

    app = QApplication.instance() or QApplication([sys.argv[0]])
    deck = open_deck(deck_dir)
    for slide in deck.slides:  # as the warmer (ui/presenting/warmup.py) has made them
        slide.content.get()  # by the time a facilitator presses, a moment after start
    results: dict[str, Any] = {"slides": len(deck.slides), "rss_before_mb": peak_rss_mb()}
    for mode in modes:
        recorder = journal_recorder(mode) if mode in JOURNAL_MODES else None
        presentation = build_presentation(
            deck, None, FakeClock(), confirm_quit=lambda: False, recorder=recorder
        )
        if recorder is not None:
            recorder.attach(lambda p=presentation: p.controller.state)
        rss = {"built": bench_memory.rss_now_mb()}
        presentation.place()
        app.processEvents()
        rss["shown"] = bench_memory.rss_now_mb()
        audience, controller = presentation.audience, presentation.controller
        renderer = audience.renderer
        size = QSize(audience.width(), audience.height())
        results["audience_size"] = f"{size.width()}x{size.height()}"
        screen = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        renderer.invalidate()
        presentation.perform(KeyAction.NEXT)  # past the content warning
        app.processEvents()
        rss["first_slide"] = bench_memory.rss_now_mb()
        times: list[float] = []
        cpu: list[float] = []  # the same turns in this thread's CPU time: a busy machine
        while controller.state.overlay is None:
            upcoming = next_view(controller)
            if mode in ("prefetched", "blit") and upcoming is not None:
                renderer.prefetch([upcoming], size)  # idle time after the last frame
            start, start_cpu = time.perf_counter(), time.thread_time()
            presentation.perform(KeyAction.NEXT)
            if mode == "event_loop":
                app.processEvents()  # audience and console, as the event loop would
            elif mode == "blit":
                painter = QPainter(screen)
                target = QRectF(0, 0, size.width(), size.height())
                renderer.draw(painter, target, controller.audience_view(), size)
                painter.end()
            else:
                audience.repaint()  # synchronous paint of the audience frame
            times.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - start_cpu)
            if mode != "event_loop":
                app.processEvents()
            rss["most_while_presenting"] = max(
                rss.get("most_while_presenting", 0.0), bench_memory.rss_now_mb()
            )
        results[mode] = {
            "advances": len(times),
            "p50_ms": ms(percentile(times, 0.5)),
            "p95_ms": ms(percentile(times, 0.95)),
            "max_ms": ms(max(times)),
        }
        if mode == "event_loop":  # waiting for a core shows in the wall time alone
            results[mode]["cpu_p50_ms"] = ms(percentile(cpu, 0.5))
            results[mode]["cpu_p95_ms"] = ms(percentile(cpu, 0.95))
        if mode == "blit":
            results[mode]["cache"] = dict(renderer.stats)
        results[mode]["memory_at_end"] = bench_memory.breakdown(presentation)
        rss["peak_before_closing"] = peak_rss_mb() or 0.0
        results[mode]["rss_mb"] = rss
        results[mode]["cache_stats"] = dict(renderer.stats)
        if recorder is not None:
            behind, waited = recorder.lag()
            flushed = time.perf_counter()
            recorder.flush(timeout=60)
            results[mode]["lines_behind_at_end"] = behind
            results[mode]["oldest_wait_at_end_ms"] = ms(waited)
            results[mode]["flush_at_end_ms"] = ms(time.perf_counter() - flushed)
            recorder.close(0.0)
        presentation.shutdown()
        for window in (presentation.audience, presentation.console):
            window.hide()
            window.deleteLater()
        app.processEvents()
    results["peak_rss_mb"] = peak_rss_mb()
    return results


def journal_recorder(mode: str) -> Any:
    """A journal in the data folder (as in a workshop), fsynced as ``mode`` says."""
    from presenter.core.record.journal import (
        FORMAT_VERSION,
        JOURNAL_NAME,
        JournalWriter,
        SessionRecorder,
    )
    from presenter.support.datadir import data_dir

    folder = Path(data_dir()) / "sessions" / f"bench-{mode}"
    folder.mkdir(parents=True, exist_ok=True)
    writer = JournalWriter(folder / JOURNAL_NAME)
    writer.append({"journal": FORMAT_VERSION, "session": folder.name, "started": 0.0})
    return SessionRecorder(folder, writer, background=mode == "journal")


def next_view(controller: Any) -> Any:
    """The frame one step forward, numbered as the audience sees it. Slides with a
    countdown or a show of hands carry more state and may miss the cache."""
    from presenter.core.session.view import SlideView

    state, slide = controller.state, controller.slide
    total = len(controller.visible)
    if state.step < slide.step_count - 1:
        position = controller.position()
        return SlideView(state.slide, state.step + 1, slide_number=position + 1, slide_total=total)
    upcoming = controller.next_slide()
    if upcoming is None:
        return None
    return SlideView(upcoming.index, 0, slide_number=controller.position() + 2, slide_total=total)


def peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return round(peak * scale / 1e6, 1)


def present_in_child(modes: list[str], slow_ms: int = 0) -> dict[str, Any]:
    """Present in a child process; with ``slow_ms``, every fsync there waits that long."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "deck"
        write_generated(folder, 300, images=True)
        env = offscreen_env(Path(tmp) / "data")
        if slow_ms:
            shim = peers.slow_fsync_shim(Path(tmp))
            if shim is None:
                return {"note": "no C compiler for the slow-disk shim"}
            env = peers.slow_disk_env(env, shim, slow_ms)
        out = subprocess.run(
            [sys.executable, __file__, "--child-present", str(folder), "--modes", *modes],
            capture_output=True,
            text=True,
            env=env,
            timeout=900,
        )
        if out.returncode != 0:
            raise RuntimeError(f"presenting child failed:\n{out.stderr[-3000:]}")
        result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
        return result


@benchmark
def slide_advance_300() -> dict[str, object]:
    found = present_in_child(list(MODES))
    return {
        "slides": found["slides"],
        "audience_size": found["audience_size"],
        "audience_frame": found["audience"],
        "event_loop_turn": found["event_loop"],
        "event_loop_turn_breakdown": present_in_child(["breakdown"]),
        "audience_frame_layout_prefetched": found["prefetched"],
        "cached_image_blit": found["blit"],
        "target_p95_ms": 16,
    }


@benchmark
def peak_rss_300() -> dict[str, object]:
    found = present_in_child(["event_loop"])  # one pass, as a facilitator presents
    return {
        "peak_rss_mb": found["peak_rss_mb"],
        "rss_with_qt_and_deck_loaded_mb": found["rss_before_mb"],
        "rss_by_phase_mb": found["event_loop"]["rss_mb"],
        "breakdown_at_end": found["event_loop"]["memory_at_end"],
        "cache_stats": found["event_loop"]["cache_stats"],
        "note": "whole process, one pass through every step with the console shown",
        "target_mb": 120,
    }


@benchmark
def advance_with_journal() -> dict[str, object]:
    # Each mode in a process of its own: the first pass through a deck in a process pays
    # for decoding its pictures and warming Qt's caches, which would count against
    # whichever mode ran first.
    modes = list(JOURNAL_MODES)
    normal = {m: present_in_child([m])[m] for m in modes}
    slow = {m: present_in_child([m], slow_ms=SLOW_FSYNC_MS) for m in modes}
    return {
        "this_disk": normal,
        f"slow_disk_fsync_plus_{SLOW_FSYNC_MS}ms": {m: slow[m].get(m, slow[m]) for m in modes},
        "note": "journal: written before applied, fsync on a helper thread (default); "
        "journal_inline: fsync before every action is applied",
        "target_p95_ms": 16,
    }


SLOW_FSYNC_MS = 30


# -- PDF export ------------------------------------------------------------------------------


@benchmark
def pdf_export_60() -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    from presenter.core.deck.parser import load_deck
    from presenter.export import export_slides_pdf

    result: dict[str, object] = {"target_seconds": 0.5}
    with tempfile.TemporaryDirectory() as tmp:
        for images in (False, True):
            deck = load_deck(write_generated(Path(tmp) / f"deck{images}", 60, images=images))
            runs, pages = [], 0
            for n in range(4):
                start = time.perf_counter()
                pages = export_slides_pdf(deck, Path(tmp) / f"s{images}{n}.pdf")
                runs.append(time.perf_counter() - start)
            key = "with_images" if images else "text_only"
            result[key] = {
                "seconds_median": round(statistics.median(runs[1:]), 3),
                "seconds_first": round(runs[0], 3),
                "pages": pages,
                "pdf_kb": round((Path(tmp) / f"s{images}0.pdf").stat().st_size / 1024),
            }
    del app
    result["whole_process"] = pdf_whole_process()
    return result


def pdf_whole_process(rounds: int = 4) -> dict[str, object]:
    """``presenter export --pdf`` of 60 slides as a whole process, beside Marp CLI."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        deck = write_generated(base / "deck", 60)
        env = offscreen_env(base / "data")
        runs: dict[str, peers.Run] = {
            "presenter": peers.whole_process(
                [
                    sys.executable,
                    "-m",
                    "presenter",
                    "export",
                    str(deck),
                    "--pdf",
                    str(base / "ours.pdf"),
                ],
                env,
            )
        }
        marp = peers.marp_command()
        if marp is not None:
            (base / "marp.md").write_text(peers.marp_deck(60), "utf-8")
            runs["marp"] = peers.whole_process(
                [*marp, "--pdf", str(base / "marp.md"), "-o", str(base / "marp.pdf")],
                peers.marp_env(),
            )
        times = peers.alternate(runs, rounds)
        found: dict[str, object] = {name: peers.summary(t) for name, t in times.items()}
        if "marp" in times:
            found["marp_over_presenter"] = peers.ratio(times["marp"], times["presenter"])
        else:
            found["marp"] = "not installed (npm i -g @marp-team/marp-cli, CHROME_PATH)"
        found["target_ratio"] = 8
        return found


# -- check against the Qt floor --------------------------------------------------------------

FLOOR = "import sys; from PySide6.QtGui import QGuiApplication; app = QGuiApplication(sys.argv[:1])"


@benchmark
def check_vs_floor(rounds: int = 6) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        env = offscreen_env(Path(tmp))
        deck = str(SAMPLE_DECK)
        times = peers.alternate(
            {
                "floor": peers.whole_process([sys.executable, "-c", FLOOR], env),
                "check": peers.whole_process(
                    [sys.executable, "-m", "presenter", "check", deck], env
                ),
                "check_no_render": peers.whole_process(
                    [sys.executable, "-m", "presenter", "check", "--no-render", deck], env
                ),
            },
            rounds,
        )
    return {
        **{name: peers.summary(t) for name, t in times.items()},
        "check_over_floor": peers.ratio(times["check"], times["floor"]),
        "check_no_render_over_floor": peers.ratio(times["check_no_render"], times["floor"]),
        "target_ratio": 1.6,
    }


# -- bundle size -----------------------------------------------------------------------------


@benchmark
def bundle_size() -> dict[str, object]:
    if not BUNDLE.is_dir():
        return {"note": "no build in dist/ (python -m PyInstaller build.spec)"}
    files = [p for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink()]
    zips = sorted(BUNDLE.parent.glob("WorkshopPresenter-*.zip"))
    return {
        "folder_mb": round(sum(p.stat().st_size for p in files) / 1e6, 1),
        "files": len(files),
        "zip": {z.name: round(z.stat().st_size / 1e6, 1) for z in zips},
        "budget_zip_mb": 60,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHMARKS), help="run only these")
    parser.add_argument("--child-present", metavar="DECK", help=argparse.SUPPRESS)
    parser.add_argument("--modes", nargs="*", default=list(MODES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_present:
        if args.modes == ["breakdown"]:
            found = bench_turns.breakdown_child(args.child_present)
        else:
            found = present_child(args.child_present, args.modes)
        print(json.dumps(found), flush=True)
        sys.stderr.flush()
        # Leave without tearing Qt down: the figures are out, and PySide6 6.12 on Python
        # 3.11 can crash in finalization after many windows (a refcount bug upstream).
        os._exit(0)
    names = args.only or list(BENCHMARKS)
    results = {name: BENCHMARKS[name]() for name in names}
    print(json.dumps(results, indent=2))
    print()
    print(figures_table(results))
    return 0


def dig(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def figures_table(results: dict[str, Any]) -> str:
    """Each figure beside its target, as the README's table (Markdown)."""
    rows: list[tuple[str, str, str]] = []

    def add(figure: str, target: str, measured: str | None) -> None:
        if measured is not None:
            rows.append((figure, target, measured))

    def p50_p95(data: Any) -> str | None:
        if not isinstance(data, dict) or "p95_ms" not in data:
            return None
        return f"p50 {data['p50_ms']} ms, p95 {data['p95_ms']} ms"

    r = results
    if "parse_check_1000" in r:
        add("parse + check, 1,000 slides", "≤ 1 s", f"{r['parse_check_1000']['seconds_median']} s")
    source = dig(r, "cold_start", "source", "seconds_median")
    frozen = dig(r, "cold_start", "frozen", "seconds_median")
    if source is not None:
        bare = dig(r, "cold_start", "bare_qt_window", "seconds_median")
        start_cpu = [dig(r, "cold_start", k, "cpu_seconds_median") for k in ("source", "frozen")]
        bare_cpu = dig(r, "cold_start", "bare_qt_window", "cpu_seconds_median")
        add("first audience frame, from source / frozen", "≤ 0.35 s",
            f"{source} s / {frozen if frozen is not None else 'no build'} s "
            f"(a bare PySide window: {bare} s; CPU time {start_cpu[0]} / {start_cpu[1]} s, "
            f"bare {bare_cpu} s)")  # fmt: skip
    home = dig(r, "cold_start", "home_window", "seconds_median")
    if home is not None:
        add("home window's first paint, from source", "(none)", f"{home} s")
    peer = dig(r, "cold_start", "beside_pympress")
    if isinstance(peer, dict) and "pympress_over_presenter" in peer:
        add("to a visible window, beside pympress (X display)", "≥ 1.7× faster",
            f"{peer['presenter']['seconds_median']} s vs {peer['pympress']['seconds_median']} s: "
            f"{peer['pympress_over_presenter']}× (a bare PySide window: "
            f"{peer['bare_pyside_window']['seconds_median']} s, "
            f"{peer['pympress_over_bare_pyside']}×)")  # fmt: skip
    advance = r.get("slide_advance_300", {})
    add("advance to audience frame, 300 slides, 1920×1080", "p95 ≤ 16 ms",
        p50_p95(advance.get("audience_frame")))  # fmt: skip
    turn = advance.get("event_loop_turn")
    cpu = (
        f" (CPU p95 {turn['cpu_p95_ms']} ms)"
        if isinstance(turn, dict) and "cpu_p95_ms" in turn
        else ""
    )
    add("whole event-loop turn after a key press", "p95 ≤ 16 ms",
        (p50_p95(turn) or "") + cpu or None)  # fmt: skip
    parts = dig(advance, "event_loop_turn_breakdown")
    if isinstance(parts, dict) and parts.get("slow_turns"):
        spent = ", ".join(f"{part.strip()} {ms_}" for part, ms_ in
                          list(parts["slow_means_ms"].items())[1:5])  # fmt: skip
        slow = f"{parts['slow_turns']} of {parts['turns']} turns over 16 ms"
        add("  what its slow turns spend (timed pass)", slow,
            f"mean {parts['slow_means_ms']['turn']} ms: {spent}")  # fmt: skip
    journal = r.get("advance_with_journal", {})
    for where, data in journal.items():
        if isinstance(data, dict) and "journal" in data:
            label = (
                "this disk" if where == "this_disk" else f"slow disk (fsync +{SLOW_FSYNC_MS} ms)"
            )
            add(f"advance with the journal, {label}", "p95 ≤ 16 ms",
                f"{p50_p95(data['journal'])} (fsync before applying: "
                f"{p50_p95(data.get('journal_inline'))})")  # fmt: skip
    if "peak_rss_300" in r:
        add(
            "peak memory presenting 300 slides",
            "≤ 120 MB",
            f"{r['peak_rss_300']['peak_rss_mb']} MB",
        )
    pdf = r.get("pdf_export_60", {})
    if "text_only" in pdf:
        text, photos = pdf["text_only"], pdf["with_images"]
        add("60-slide PDF in process, text / photos", "≤ 0.5 s",
            f"{text['seconds_median']} s / {photos['seconds_median']} s")  # fmt: skip
    whole = pdf.get("whole_process", {})
    if "presenter" in whole:
        versus = (f"{whole['marp']['seconds_median']} s: {whole['marp_over_presenter']}× faster"
                  if "marp_over_presenter" in whole else "Marp not installed")  # fmt: skip
        add("60-slide PDF, whole process, beside Marp CLI", "≥ 8× faster",
            f"{whole['presenter']['seconds_median']} s vs {versus}")  # fmt: skip
    check = r.get("check_vs_floor", {})
    if "check_over_floor" in check:
        add("`check` of a sample deck, whole process / Qt floor", "≤ 1.6×",
            f"{check['check']['seconds_median']} s / {check['floor']['seconds_median']} s = "
            f"{check['check_over_floor']}× "
            f"(--no-render {check['check_no_render_over_floor']}×)")  # fmt: skip
    size = r.get("bundle_size", {})
    if "zip" in size:
        add("Linux bundle, zipped (folder)", "≤ 60 MB", f"{size['zip']} ({size['folder_mb']} MB)")
    lines = ["| figure | target | measured |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
