"""Fixtures for renderer tests: small decks of every kind, written to a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from presenter.core.deck.model import Deck, HelpContact
from presenter.core.deck.parser import load_deck

EVERY_KIND = """\
---
title: Understanding exploitation
subtitle: A community conversation
language: en
content_warning: This session talks about exploitation. You can step out at any time.
variants: [adults, youth]
---
kind: title
---
# Understanding exploitation
A community conversation

---
kind: section
---
# What it is

---
source: "UN Palermo Protocol, 2000, Art. 3"
---
## Three parts

- **Act:** recruiting, moving, hiding or receiving a person
--
- **Means:** threats, force, deception or abuse of power
--
- **Purpose:** exploiting them

---
only: [youth]
---
## A safe place

![Chairs in a circle](images/hall.png)

---
kind: myth
id: border
myth: Trafficking always means crossing a border.
reality: Many people are exploited in their own country.
source: UNODC Global Report on Trafficking in Persons 2024
---

---
kind: discussion
minutes: 5
format: pairs
---
## Which part surprised you, and why?

---
kind: break
minutes: 10
---

---
kind: recap
myths: [border]
---

---
kind: help
---
## Support is here
"""

CONTACTS = (
    HelpContact("Local support line", "Phone 01632 960 123", "Every day, 9am to 9pm"),
    HelpContact("Emergency services", "Call 01632 960 999", "Any time"),
)


def make_image(path: Path, width: int = 400, height: int = 300, color: str = "#88AACC") -> Path:
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path))
    return path


def deck_from(folder: Path, text: str) -> Deck:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "deck.md"
    path.write_text(text, "utf-8")
    return load_deck(path)


@pytest.fixture
def every_kind(tmp_path: Path, qapp: object) -> Deck:
    make_image(tmp_path / "deck" / "images" / "hall.png")
    deck = deck_from(tmp_path / "deck", EVERY_KIND)
    assert deck.ok, deck.diagnostics
    return deck


@pytest.fixture
def renderer(every_kind: Deck):  # type: ignore[no-untyped-def]
    from presenter.render import SlideRenderer, load_theme

    return SlideRenderer(every_kind, load_theme("default"), CONTACTS)
