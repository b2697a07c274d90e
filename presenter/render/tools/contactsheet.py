"""A contact sheet per theme: every kind and screen, small, so organizers can choose.

    python -m presenter.render.tools.contactsheet docs/

writes ``contact-sheet-THEME.png`` for every bundled theme, from a built-in sample deck.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

SAMPLE = """\
---
title: Understanding exploitation
subtitle: A community conversation
language: en
content_warning: >
  This session talks about sexual exploitation and trafficking. You can step out at
  any time without explaining, and come back when you are ready.
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
- **Means:** threats, force, deception, abuse of power or of someone's vulnerability
- **Purpose:** exploiting them

---
## A safe place

![Chairs in a circle](images/circle.png)

Chairs in a circle, exits open, a quiet corner.

---
kind: myth
id: border
myth: Trafficking always means crossing a border.
reality: Harbouring or receiving someone counts too; many are exploited in their own country.
source: ["UN Palermo Protocol, 2000", "UNODC Global Report on Trafficking in Persons 2024"]
---

---
kind: discussion
minutes: 5
format: pairs
---
## What makes you trust someone you have only met online?

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

You can talk to any of these, today or any time later.
"""


def sample_image(path: Path) -> None:
    """A calm placeholder picture: a circle of chairs as dots."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(800, 450, QImage.Format.Format_RGB32)
    image.fill(QColor("#C9D8D5"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#5C7F7C"))
    import math

    for i in range(12):
        angle = 2 * math.pi * i / 12
        painter.drawEllipse(
            QPointF(400 + 150 * math.cos(angle), 225 + 150 * math.sin(angle)), 22, 22
        )
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path))


def write_sheets(out: Path, thumb_width: int = 400, columns: int = 4) -> list[Path]:
    from PySide6.QtCore import QRectF, QSize, Qt
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

    app = QGuiApplication.instance() or QGuiApplication(["contactsheet", "-platform", "offscreen"])
    from presenter.core.deck.model import HelpContact
    from presenter.core.deck.parser import load_deck
    from presenter.core.session.view import Overlay, SlideView, Tally
    from presenter.render import SlideRenderer, available_themes, load_theme
    from presenter.render.fonts import slide_font

    contacts = [
        HelpContact("Example support line", "Phone 01632 960 111 (example)", "Daily, 9am to 9pm"),
        HelpContact("Emergency services", "Your local emergency number", "Any time"),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sample_image(folder / "images" / "circle.png")
        (folder / "deck.md").write_text(SAMPLE, "utf-8")
        deck = load_deck(folder / "deck.md")
        shots = [
            ("title", SlideView(0)),
            ("section", SlideView(1)),
            ("content", SlideView(2)),
            ("content with image", SlideView(3)),
            ("myth: ask", SlideView(4, 0)),
            ("myth: reveal", SlideView(4, 1, tally=Tally(14, 6))),
            ("discussion", SlideView(5, countdown_remaining=187, countdown_total=300,
                                     countdown_running=True)),
            ("break", SlideView(6)),
            ("recap: before/after", SlideView(7, 1, tally=Tally(19, 1), before_tally=Tally(14, 6))),
            ("help", SlideView(8)),
            ("content warning", SlideView(0, overlay=Overlay.CONTENT_WARNING)),
            ("calm screen", SlideView(0, overlay=Overlay.CALM)),
        ]  # fmt: skip
        written = []
        thumb_h = thumb_width * 9 // 16
        gap, caption = 12, 30
        rows = (len(shots) + columns - 1) // columns
        for name in available_themes():
            renderer = SlideRenderer(deck, load_theme(name), contacts)
            sheet = QImage(
                columns * (thumb_width + gap) + gap,
                rows * (thumb_h + caption + gap) + gap,
                QImage.Format.Format_RGB32,
            )
            sheet.fill(QColor("#E9E9E9"))
            painter = QPainter(sheet)
            painter.setFont(slide_font(17))
            for i, (label, view) in enumerate(shots):
                row, col = divmod(i, columns)
                x = gap + col * (thumb_width + gap)
                y = gap + row * (thumb_h + caption + gap)
                full = renderer.image(view, QSize(1280, 720))
                painter.drawImage(
                    QRectF(x, y, thumb_width, thumb_h),
                    full.scaled(thumb_width, thumb_h, Qt.AspectRatioMode.IgnoreAspectRatio,
                                Qt.TransformationMode.SmoothTransformation),
                )  # fmt: skip
                painter.setPen(QColor("#222222"))
                painter.drawText(
                    QRectF(x, y + thumb_h, thumb_width, caption),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    f"{name} · {label}",
                )
            painter.end()
            path = out / f"contact-sheet-{name}.png"
            sheet.save(str(path), None, 9)
            written.append(path)
        del app
        return written


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    for sheet in write_sheets(target):
        print(sheet)
