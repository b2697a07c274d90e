"""Runs a real presentation on an X display and reports where the windows ended up.

Started by ``test_real_laptops.py`` in its own process (the test process is on Qt's
offscreen platform; a process has one platform). It walks the sample workshop through
every slide kind and the covers, writes a screenshot of the laptop and the projector
for each, and prints one JSON line per state: the console's frame, the laptop's and the
projector's geometry, and whether the console fits.

    DISPLAY=:11 python tests/ui/presenting/console/laptop_driver.py OUT_DIR [--rehearse]
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[4]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from presenter.core.session.clock import FakeClock  # noqa: E402
from presenter.core.session.view import Overlay  # noqa: E402
from presenter.ui.app import build_presentation, open_deck  # noqa: E402
from presenter.ui.presenting.presentation import Presentation  # noqa: E402

log = logging.getLogger(__name__)
DECK = ROOT / "decks" / "understanding-trafficking"


def settle(app: QApplication, rounds: int = 6) -> None:
    for _ in range(rounds):
        app.processEvents()
        QApplication.sendPostedEvents()
    time.sleep(0.15)
    app.processEvents()


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def states(p: Presentation) -> list[tuple[str, object]]:
    """(name, how to get there) for each slide kind and cover, in deck order."""
    c = p.controller
    deck = c.deck

    def first_of(kind: str) -> int:
        return next(i for i in c.visible if deck.slides[i].kind == kind)

    def longest_title() -> int:
        return max(c.visible, key=lambda i: len(deck.slides[i].title or ""))

    def goto(index: int, step: int = 0):
        return lambda: c.goto(index, step)

    myth = first_of("myth")
    return [
        ("warning", lambda: None),
        ("title", c.acknowledge_warning),
        ("content", goto(next(i for i in c.visible if deck.slides[i].kind == "content"))),
        ("section", goto(first_of("section"))),
        ("myth-ask", goto(myth)),
        ("myth-reveal", goto(myth, 1)),
        ("discussion", goto(first_of("discussion"))),
        ("discussion-started", c.timer_toggle),
        ("typing-a-number", lambda: p.console.show_number("19")),
        (
            "banners",
            lambda: (p.console.show_number(""), p.goto_number(99), p.start_from_beginning()),
        ),
        ("black", lambda: c.toggle_overlay(Overlay.BLACK)),
        ("recap", goto(first_of("recap"))),
        ("help", goto(first_of("help"))),
        ("long-title", goto(longest_title())),
        ("escaped", p.leave_fullscreen),
        ("last", lambda: (p.enter_fullscreen(), c.last())),
        ("overview", p.console.toggle_overview),
        ("overview-closed", p.console.toggle_overview),
        ("end", c.next),
    ]


def snapshot(p: Presentation, name: str, out: Path, laptop: QRect) -> dict:
    """Where the windows are, whether the console fits the laptop, and the screenshots."""
    frame = p.console.frameGeometry()
    audience = p.audience.frameGeometry()
    screens = {s.name(): s for s in QGuiApplication.screens()}
    record = {
        "state": name,
        "console": rect(frame),
        "console_visible": p.console.isVisible(),
        "laptop": rect(laptop),
        "screens": {n: rect(s.geometry()) for n, s in screens.items()},
        "audience": rect(audience),
        "audience_visible": p.audience.isVisible(),
        "audience_screen": p.audience.screen().name(),
        "audience_fullscreen": p.audience.isFullScreen(),
        "console_fits": laptop.contains(frame),
        "overlap": p.console.isVisible()
        and p.audience.isVisible()
        and not frame.intersected(audience).isEmpty(),
        "columns": p.console.splitter.sizes(),
        "banners": p.console.banners.keys(),
        "banner_shown": p.console.banners.shown_key(),
        "overlay": p.controller.state.overlay.value if p.controller.state.overlay else None,
        "room_view": p.audience.view.overlay.value if p.audience.view.overlay else None,
    }
    for screen_name, screen in screens.items():
        g = screen.geometry()
        shot = screen.grabWindow(0, 0, 0, g.width(), g.height())
        shot.save(str(out / f"{name}-{screen_name.lower()}.png"))
    print(json.dumps(record), flush=True)
    return record


def xrandr(*args: str) -> None:
    subprocess.run(["xrandr", *args], check=True, capture_output=True, timeout=20)


def wait_for(app: QApplication, test, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        settle(app, 2)
        if test():
            return True
    return False


def unplug(p: Presentation, app: QApplication, out: Path, laptop: QRect) -> None:
    """Pull the projector out on a blanked room, show the room's view, plug it back."""
    c = p.controller
    c.acknowledge_warning()
    c.goto(next(i for i in c.visible if c.deck.slides[i].kind == "discussion"))
    c.toggle_overlay(Overlay.BLACK)
    settle(app)
    projector = next(s for s in QGuiApplication.screens() if s.name() == "Projector")
    geometry = projector.geometry()
    spec = f"{geometry.width()}/508x{geometry.height()}/286+{geometry.x()}+{geometry.y()}"
    xrandr("--delmonitor", "Projector")
    wait_for(app, lambda: len(QGuiApplication.screens()) == 1)
    settle(app, 10)
    snapshot(p, "unplugged", out, laptop)
    p.console.banners._run_action()  # the banner's "Show the room's view here"
    settle(app, 10)
    snapshot(p, "unplugged-room-view", out, laptop)
    p.toggle_console()  # P: back to the console
    settle(app, 10)
    snapshot(p, "unplugged-console-again", out, laptop)
    xrandr("--setmonitor", "Projector", spec, "none")
    wait_for(app, lambda: len(QGuiApplication.screens()) == 2)
    settle(app, 10)
    wait_for(app, lambda: p.audience.screen().name() == "Projector")
    settle(app, 10)
    snapshot(p, "replugged", out, laptop)


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rehearse = "--rehearse" in sys.argv
    app = QApplication.instance() or QApplication(["laptop-driver"])
    clock = FakeClock(1_800_000_000.0)
    deck = open_deck(DECK)
    p = build_presentation(
        deck, None, clock, rehearse=rehearse, confirm_quit=lambda: False, on_quit=None
    )
    p.place()
    settle(app, 12)
    laptop_screen = next(
        (s for s in QGuiApplication.screens() if s.name() == "Laptop"),
        QGuiApplication.primaryScreen(),
    )
    laptop = laptop_screen.geometry()
    if "--unplug" in sys.argv:
        unplug(p, app, out, laptop)
    else:
        for name, step in states(p):
            step()
            clock.advance(30)
            p.console.refresh()
            settle(app)
            snapshot(p, name, out, laptop)
    p.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
