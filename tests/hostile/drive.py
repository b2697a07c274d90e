"""Run the app's entry points on hostile decks, in one process, and report what happened.

``python tests/hostile/drive.py ROOT OUT.json [--full] NAME...`` runs, for each deck in
``ROOT/decks/NAME``: ``check`` (with the layout checks), then with ``--full`` also
``export --png`` and ``export --pack``, and a scripted ``run``: the real presenting
windows offscreen with a session record, twelve steps forward, the help screen, calm
and black screens, the notes. The working directory is the canary's ``cwd`` folder, so
anything resolved against it shows up as a read of a canary. The test runs this under
``strace`` and fails on any opened canary.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sys
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

LINE = re.compile(r"^[^\n]+:\d+:\d+: (error|warning|info): [^\n]*$")


def cli(argv: list[str]) -> tuple[int, str]:
    from presenter.cli import main

    err = io.StringIO()
    out = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            code = main(argv)
        except SystemExit as stop:
            code = int(stop.code or 0)
    return code, out.getvalue() + err.getvalue()


def scripted_run(deck_file: Path, data: Path) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication, QLabel

    from presenter.core.record.resume import open_session
    from presenter.core.session.clock import FakeClock
    from presenter.core.session.view import Overlay
    from presenter.ui.app import DeckProblem, build_presentation, open_deck

    try:
        deck = open_deck(deck_file)
    except DeckProblem as problem:
        return {"refused": str(problem)}
    clock = FakeClock(1_800_000_000.0)
    opened = open_session(deck, None, clock, data)
    p = build_presentation(
        deck, None, clock, recorder=opened.recorder, confirm_quit=lambda: False, on_quit=None
    )
    opened.attach(p.controller, clock)
    p.place()
    p.console.show()
    rich: list[str] = []
    try:
        for _ in range(12):
            p.controller.next()
            QApplication.processEvents()
            for _turn in range(100):  # the console follows in slices: every slide's notes
                if not p.console.refreshing():
                    break
                QApplication.processEvents()
        for overlay in (Overlay.HELP, Overlay.CALM, Overlay.BLACK):
            p.controller.toggle_overlay(overlay)
            QApplication.processEvents()
            p.audience.grab()
            p.controller.toggle_overlay(overlay)
        p.console.grab()
        for window in (p.console, p.audience):
            for label in window.findChildren(QLabel):
                if "<" in label.text() and label.textFormat().name != "PlainText":
                    rich.append(label.text()[:80])
        refused = list(getattr(p.console.notes, "refused", []))
    finally:
        if opened.record is not None:
            opened.record.stop()
        p.shutdown()
        for window in (p.audience, p.console):
            window.hide()
            window.deleteLater()
        QApplication.processEvents()
    return {"presented": True, "rich_labels": rich, "notes_refused": refused}


def main(argv: list[str]) -> int:
    root, out = Path(argv[0]), Path(argv[1])
    full = "--full" in argv
    names = [a for a in argv[2:] if not a.startswith("--")]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from corpus import deck_file
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["hostile-drive"])
    os.chdir(root / "canary" / "cwd")
    results: dict[str, Any] = {}
    for name in names:
        folder = root / "decks" / name
        file = deck_file(folder)
        result: dict[str, Any] = {}
        for what, command in [("check", ["check", str(file)])] + (
            [
                ("png", ["export", str(file), "--png", str(root / "out" / name / "png")]),
                ("pack", ["export", str(file), "--pack", str(root / "out" / name / "pack")]),
            ]
            if full and not name.startswith("slides-")  # 5,000 pages: a benchmark's job
            else []
        ):
            start = time.perf_counter()
            try:
                code, text = cli(command)
                bad = [line for line in text.splitlines() if _looks_odd(line)]
                result[what] = {"code": code, "text": text[-4000:], "odd": bad}
            except BaseException:
                result[what] = {"code": -1, "traceback": traceback.format_exc()[-3000:]}
            result[what]["seconds"] = round(time.perf_counter() - start, 2)
        if full or name != "slides-10000":
            start = time.perf_counter()
            try:
                result["run"] = scripted_run(file, root / "data")
            except BaseException:
                result["run"] = {"traceback": traceback.format_exc()[-3000:]}
            result["run"]["seconds"] = round(time.perf_counter() - start, 2)
        results[name] = result
    del app
    out.write_text(json.dumps(results, indent=1), "utf-8")
    return 0


def _looks_odd(line: str) -> bool:
    """A printed line that is neither a diagnostic, a summary nor an export message."""
    if not line.strip() or LINE.match(line):
        return False
    if "\x1b" in line or "\x07" in line:
        return True
    return bool(re.match(r"^[A-Za-z]+\.md:\d+:\d+: error: injected", line))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
