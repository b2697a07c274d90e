"""Benchmarks, run by hand: ``python tests/bench.py [--only NAME ...]``. Prints JSON.

Figures and targets (on a 2-core machine):
- parse_check_1000: parse and check a generated 1,000-slide deck (target <= 1 s).
Timings are medians of several runs; the machine may be shared and noisy, so these are
reported, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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
    from presenter.core.checker import check_deck
    from presenter.core.parser import load_deck

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHMARKS), help="run only these")
    args = parser.parse_args()
    names = args.only or list(BENCHMARKS)
    results = {name: BENCHMARKS[name]() for name in names}
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
