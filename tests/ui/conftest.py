"""A small workshop and a running presentation on the two offscreen screens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from presenter.core.session.clock import FakeClock
from presenter.ui.app import build_presentation, open_deck
from presenter.ui.presenting.presentation import Presentation

DECK = """\
---
title: Small workshop
language: en
duration: 15
content_warning: This session talks about exploitation. You may step out at any time.
variants: [youth, adults]
---
kind: title
minutes: 1
---
# Small workshop

???
SECRET-NOTE-TITLE: welcome everyone, point out the exits.

---
minutes: 2
---
## Three parts

- Act
--
- Means

???
SECRET-NOTE-PARTS: reveal one part per click.

---
kind: myth
id: border
minutes: 2
myth: Trafficking always means crossing a border.
reality: Many people are exploited in their own country.
source: UNODC Global Report 2024
---

???
SECRET-NOTE-MYTH: ask for hands first.

---
minutes: 2
only: [adults]
---
## Adults only slide

???
SECRET-NOTE-ADULTS

---
kind: discussion
minutes: 3
format: pairs
followups:
  - SECRET-FOLLOWUP who might not be noticed?
---
## What surprised you?

???
SECRET-NOTE-DISCUSSION

---
kind: recap
myths: [border]
minutes: 2
---

---
kind: help
minutes: 2
---
## Support is here
"""

HELP = """\
help:
  - name: Local support line
    reach: "Phone 01632 960 456"
    when: Every day
"""


@pytest.fixture
def deck_path(tmp_path: Path) -> Path:
    folder = tmp_path / "small"
    folder.mkdir()
    (folder / "deck.md").write_text(DECK, "utf-8")
    (folder / "help.yaml").write_text(HELP, "utf-8")
    return folder / "deck.md"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1_800_000_000.0)


@pytest.fixture
def make_presentation(qtbot, clock: FakeClock) -> Iterator:
    made: list[Presentation] = []

    def make(path: Path, variant: str | None = "youth", **kw: object) -> Presentation:
        deck = open_deck(path)
        kw.setdefault("confirm_quit", lambda: False)
        presentation = build_presentation(deck, variant, clock, **kw)  # type: ignore[arg-type]
        made.append(presentation)
        presentation.place()
        qtbot.waitUntil(lambda: presentation.audience.isVisible())
        return presentation

    yield make
    for presentation in made:
        presentation.shutdown()
        for window in (presentation.audience, presentation.console):
            window.hide()
            window.deleteLater()
    QApplication.processEvents()


@pytest.fixture
def presentation(make_presentation, deck_path: Path) -> Presentation:
    return make_presentation(deck_path)
