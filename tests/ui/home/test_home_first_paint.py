"""The home window paints before it checks any deck, and without the preview window or
the exporters: checked on a real process at that paint (never by timings)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

PROBE = """
import json, os, sys
import presenter.ui.home.window as home
painted = home.HomeWindow.paintEvent
def first_paint(self, event):
    painted(self, event)
    report = {"checks": self.cache.checks_run, "decks": len(self.entries),
              "modules": sorted(sys.modules)}
    sys.stderr.write("\\nHOME " + json.dumps(report) + "\\n")
    sys.stderr.flush()
    os._exit(0)
home.HomeWindow.paintEvent = first_paint
from presenter.cli import main
main([])
"""


def test_the_home_window_paints_before_checking_its_decks(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["WORKSHOP_PRESENTER_PORTABLE"] = str(tmp_path / "data")
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120
    )
    lines = [x for x in out.stderr.splitlines() if x.startswith("HOME ")]
    assert lines, out.stderr[-2000:]
    report = json.loads(lines[-1].removeprefix("HOME "))
    assert report["decks"] >= 3  # the sample decks are listed
    assert report["checks"] == 0
    loaded = set(report["modules"])
    assert "presenter.ui.preview.window" not in loaded
    assert not any(m.startswith("presenter.export.") and m != "presenter.export.registry"
                   for m in loaded)  # fmt: skip
    # The window needs the fonts, not the renderer: that comes with the first check.
    assert "presenter.render.fonts" in loaded
    assert not {"presenter.render.renderer", "presenter.render.checks"} & loaded
    # Nor the checks, Markdown or the past sessions' dialog: they come when used.
    assert not {"presenter.core.deck.checker", "markdown", "presenter.ui.home.reports"} & loaded
