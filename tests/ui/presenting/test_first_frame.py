"""``presenter run`` paints the room's first frame before it builds the console, and
without the exporters, the reports, the home window or Python-Markdown (the sample
deck's first frame is its content warning): checked on a real process by
the modules loaded at that paint (never by timings)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DECK = ROOT / "decks" / "understanding-trafficking"
SCREENS = {
    "screens": [
        {"name": "Laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "Projector", "x": 1366, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ]
}  # fmt: skip

PROBE = """
import json, os, sys
import presenter.ui.presenting.audience as audience
painted = audience.AudienceWindow.paintEvent
def first_paint(self, event):
    painted(self, event)
    sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
    sys.stderr.flush()
    os._exit(0)
audience.AudienceWindow.paintEvent = first_paint
from presenter.cli import main
main(sys.argv[1:])
"""


def test_first_audience_frame_comes_before_the_console(tmp_path: Path) -> None:
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps(SCREENS), "utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens}"
    env["WORKSHOP_PRESENTER_PORTABLE"] = str(tmp_path / "data")
    out = subprocess.run(
        [sys.executable, "-c", PROBE, "run", str(DECK)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    lines = [x for x in out.stderr.splitlines() if x.startswith("MODULES ")]
    assert lines, out.stderr[-2000:]
    modules = set(json.loads(lines[-1].removeprefix("MODULES ")))
    assert "presenter.render.renderer" in modules  # it did paint through the renderer
    early = sorted(
        m
        for m in modules
        if m.startswith(
            ("presenter.export", "presenter.ui.home", "presenter.core.report.build", "markdown")
        )
        or m
        in (
            "presenter.ui.presenting.console.window",
            "presenter.ui.presenting.console.agenda",
            "presenter.ui.presenting.console.controls",
        )
    )
    assert early == []
