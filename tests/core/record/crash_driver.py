"""A scripted workshop for the crash test, run as a subprocess and killed at random.

``python crash_driver.py script OUT.json DECK``: write the scripted actions (made by
driving a real controller with a fake clock) and the deck they belong to.
``python crash_driver.py run DATA_DIR DECK SCRIPT.json``: present the script with the
real journal; after each ``dispatch`` returns, print ``CONFIRMED <seq>``: the moment
the facilitator sees the result on screen.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from presenter.core.deck.parser import load_deck  # noqa: E402
from presenter.core.session.clock import FakeClock  # noqa: E402
from presenter.core.session.controller import SessionController  # noqa: E402
from presenter.core.session.view import Overlay  # noqa: E402

START = 1_800_000_000.0
ROUNDS = 3
SNAPSHOT_EVERY = 7  # small, so kills also land while snapshots are being replaced

DECK = """\
---
title: Crash test workshop
duration: 30
content_warning: We talk about exploitation today; step out whenever you need to.
variants: [youth, adults]
version: "3"
---
kind: title
minutes: 1
---
# Crash test workshop

---
kind: section
minutes: 1
---
## Part one

---
minutes: 3
---
## Steps

- one
--
- two

---
kind: myth
id: stranger
minutes: 2
myth: It is always a stranger.
reality: Usually someone the person knows.
source: Test source 2024
---

---
kind: discussion
minutes: 5
format: pairs
---
## Who do you trust online?

---
kind: section
minutes: 1
---
## Part two

---
kind: myth
id: border
minutes: 2
myth: It always means crossing a border.
reality: Often within one country.
source: Test source 2024
---

---
kind: recap
minutes: 3
myths: [stranger, border]
---

---
minutes: 1
---
## Thank you
"""


def build_script() -> list[dict[str, Any]]:
    """A whole workshop through the controller's intents, as the actions they became."""
    deck_path = Path(os.environ.get("CRASH_DECK", ""))
    deck = load_deck(deck_path)
    clock = FakeClock(START)
    control = SessionController(deck, "adults", clock)
    actions: list[dict[str, Any]] = []
    control.subscribe(lambda state, action: actions.append(dict(action)))
    actions.insert(0, {"type": "begin", "deck_hash": deck.content_hash, "variant": "adults",
                       "slide": 0, "t": START, "seq": 1})  # fmt: skip
    for round_ in range(ROUNDS):
        control.set_attendees(20 + round_)
        control.set_venue("Hall B")
        control.set_initials("JB")
        control.first()
        for _ in range(40):
            clock.advance(7)
            control.next()
            item = control.current_myth_item()
            if item is not None and control.state.step % 2 == 1:
                for said in range(1, 6):  # a burst of taps on the tally buttons
                    clock.advance(0.3)
                    control.set_tally(said + round_, 12 - said)
            if control.countdown_slide() is not None:
                control.timer_start()
                clock.advance(30)
                control.timer_adjust(60)
                control.timer_pause()
                control.note(f"round {round_}: pairs talked about apps")
            if control.at_end():
                break
        control.toggle_overlay(Overlay.CALM)
        control.toggle_overlay(Overlay.CALM)
        control.talk_pause()
        clock.advance(60)
        control.talk_start()
    control.finish()
    return actions


def run(data_dir: Path, deck_path: Path, script_path: Path) -> None:
    os.environ["WORKSHOP_PRESENTER_PORTABLE"] = str(data_dir)
    from presenter.core.record.resume import open_session

    script = json.loads(script_path.read_text("utf-8"))
    deck = load_deck(deck_path)
    clock = FakeClock(START)
    out = sys.stdout
    out.write("READY\n")
    out.flush()
    opened = open_session(deck, "adults", clock)
    assert opened.record is not None, opened.notice
    opened.record.recorder.snapshot_every = SNAPSHOT_EVERY
    control = SessionController(deck, "adults", clock, recorder=opened.recorder)
    opened.attach(control)
    out.write(f"CONFIRMED {control.state.seq}\n")
    out.flush()
    for action in script[control.state.seq :]:
        action = {k: v for k, v in action.items() if k != "seq"}
        done = control.dispatch(action)
        out.write(f"CONFIRMED {done['seq']}\n")
        out.flush()
    out.write("DONE\n")
    out.flush()


if __name__ == "__main__":
    if sys.argv[1] == "script":
        deck_file = Path(sys.argv[3])
        deck_file.write_text(DECK, "utf-8")
        os.environ["CRASH_DECK"] = str(deck_file)
        Path(sys.argv[2]).write_text(json.dumps(build_script()), "utf-8")
    else:
        run(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
