"""The exporters as library functions: no QGuiApplication made by the caller (one
bootstrap starts Qt offscreen), and deck text escaped exactly once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.export.conftest import pdf_text

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = r"""
import sys
from pathlib import Path
from presenter.core.deck.parser import load_deck
from presenter.export.guide import export_guide
from presenter.export.slides import export_slides_pdf
from PySide6.QtGui import QGuiApplication
assert QGuiApplication.instance() is None
deck = load_deck(Path(sys.argv[1]))
out = Path(sys.argv[2])
print(export_slides_pdf(deck, out / "slides.pdf"), export_guide(deck, out / "guide.pdf"))
"""
DECK = """---
title: Library deck
audience: Parents & carers <16+>
content_warning: none
---
# Hello
---
## Second
"""


def test_exporters_start_qt_themselves_and_escape_once(tmp_path: Path) -> None:
    folder = tmp_path / "deck"
    folder.mkdir()
    (folder / "deck.md").write_text(DECK, "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(folder / "deck.md"), str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    slides, guide = (int(n) for n in done.stdout.split())
    assert slides == 2 and guide >= 1
    text = pdf_text(tmp_path / "guide.pdf")
    assert "Parents & carers <16+>" in text and "&amp;" not in text
