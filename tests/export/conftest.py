"""Fixtures for export tests: a deck of every kind with notes that must never reach the
handout, and helpers that read PDFs with pypdf only (CI has no poppler)."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from presenter.core.deck.model import Deck, HelpContact
from presenter.core.deck.parser import load_deck

NOTES_SENTENCE = "Whisper the secret facilitator phrase about purple giraffes"
FOLLOWUP = "Who in our area might not be noticed by anyone at all"
MYTH_COUNT = 9  # more than one sheet of eight cards

HEAD = """\
---
title: Export test workshop
subtitle: Paper when the power fails
language: en
duration: 40
content_warning: This session talks about exploitation. You can step out at any time.
variants: [adults, youth]
---
kind: title
minutes: 1
---
# Export test workshop
Paper when the power fails

???
{notes}

---
kind: section
---
# What it is

---
minutes: 3
source: "UN Palermo Protocol, 2000, Art. 3"
---
## Three parts

- **Act:** recruiting, moving, hiding or receiving a person
--
- **Means:** threats, force, deception or abuse of power
--
- **Purpose:** exploiting them

???
Reveal one part per click.

---
only: [youth]
minutes: 2
---
## Youth only corner

Stand up and stretch.

---
kind: discussion
minutes: 5
format: pairs
followups:
  - {followup}
---
## Which part surprised you, and why?

---
kind: break
minutes: 10
---

---
kind: section
---
# Myths
"""

MYTH = """
---
kind: myth
id: m{n}
minutes: 1
myth: Statement number {n} is widely believed.
reality: Reality number {n} is what the evidence shows.
source: ["Shared Source Report, 2024", "Source only for myth {n}"]
---

???
Ask for a show of hands on myth {n}.
"""

TAIL = """
---
kind: recap
myths: [m1, m2]
minutes: 2
---

---
kind: help
minutes: 1
---
## Support is here
"""

CONTACTS = (
    HelpContact("Local support line", "Phone 01632 960 123", "Every day, 9am to 9pm"),
    HelpContact("Emergency services", "Call 999", "Any time"),
)


def every_kind_text(myths: int = MYTH_COUNT) -> str:
    body = HEAD.format(notes=NOTES_SENTENCE, followup=FOLLOWUP)
    body += "".join(MYTH.format(n=n) for n in range(1, myths + 1))
    return body + TAIL


def deck_from(folder: Path, text: str) -> Deck:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "deck.md"
    path.write_text(text, "utf-8")
    return load_deck(path)


@pytest.fixture
def deck(tmp_path: Path, qapp: object) -> Deck:
    made = deck_from(tmp_path / "deck", every_kind_text())
    assert made.ok, made.diagnostics
    return made


def pdf_pages(path: Path) -> list[str]:
    """Each page's text with whitespace runs made single spaces."""
    reader = pypdf.PdfReader(str(path))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def pdf_text(path: Path) -> str:
    return " ".join(pdf_pages(path))


def page_sizes(path: Path) -> list[tuple[float, float]]:
    reader = pypdf.PdfReader(str(path))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def placed_text(path: Path, page: int) -> list[tuple[str, float, float]]:
    """(text, x, y from the top) in points for every text run on a page."""
    reader = pypdf.PdfReader(str(path))
    target = reader.pages[page]
    height = float(target.mediabox.height)
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            found.append((" ".join(text.split()), x, height - y))

    target.extract_text(visitor_text=visit)
    return found


def embedded_fonts(path: Path) -> set[str]:
    """Names of fonts whose program is inside the PDF."""
    reader = pypdf.PdfReader(str(path))
    names: set[str] = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                desc = descendant.get_object().get("/FontDescriptor")
                if desc is None:
                    continue
                desc = desc.get_object()
                if any(key in desc for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(desc.get("/FontName")))
    return names
