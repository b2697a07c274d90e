"""What the audience sees speaks the deck's language: Spanish, Portuguese, Arabic too.

The help slide of an Arabic deck is mirrored: its words hug the right margin and the
first contact is on the right. Set ``PRESENTER_SHOTS`` to keep the pictures.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from presenter.core.deck.model import HelpContact
from presenter.core.session.view import SlideView
from presenter.render import SlideRenderer, load_theme
from presenter.render.fonts import undrawable
from tests.render.conftest import deck_from
from tests.render.test_render_scripts import ink_columns

MYTH = """---
title: {title}
language: {lang}
---
kind: myth
myth: {myth}
reality: {reality}
source: UNODC Global Report on Trafficking in Persons, 2024
---

---
kind: break
minutes: 2
---
"""
DECKS = {
    "es": ("Mitos", "La trata siempre cruza fronteras.", "Mucha ocurre dentro del país."),
    "pt": ("Mitos", "O tráfico sempre cruza fronteiras.", "Muito acontece dentro do país."),
    "ar": ("خرافات", "الاتجار يعبر الحدود دائمًا.", "كثير منه يحدث داخل البلد."),
}
LABELS = {
    "es": ("¿Mito o realidad?", "2 minutos"),
    "pt": ("Mito ou realidade?", "2 minutos"),
    "ar": ("خرافة أم حقيقة؟", "دقيقتان"),
}
CONTACTS = (
    HelpContact("خط المساعدة", "اتصل 01632 960 700", "كل يوم"),
    HelpContact("خط الأطفال", "اتصل 01632 960 111", "في أي وقت"),
)


def shot(image: object, name: str) -> None:
    folder = os.environ.get("PRESENTER_SHOTS")
    if folder:
        image.save(str(Path(folder) / f"{name}.png"))  # type: ignore[attr-defined]


def text_of(renderer: SlideRenderer, index: int) -> str:
    frame = renderer.frame(SlideView(index))
    return "\n".join(b.doc.toPlainText() for b in frame.blocks)


@pytest.mark.parametrize("lang", sorted(DECKS))
def test_audience_labels_follow_the_deck_language(tmp_path: Path, qapp: object, lang: str) -> None:
    title, myth, reality = DECKS[lang]
    text = MYTH.format(title=title, lang=lang, myth=myth, reality=reality)
    renderer = SlideRenderer(deck_from(tmp_path / lang, text), load_theme("default"))
    question, minutes = LABELS[lang]
    assert question in text_of(renderer, 0)
    assert minutes in text_of(renderer, 1)  # the plural form of the language
    assert undrawable(text_of(renderer, 0) + text_of(renderer, 1)) == []
    shot(renderer.image(SlideView(0), QSize(1280, 720)), f"myth-{lang}")


def test_the_arabic_help_slide_is_mirrored(tmp_path: Path, qapp: object) -> None:
    text = "---\ntitle: دعم\nlanguage: ar\n---\nkind: help\n---\n"
    deck = deck_from(tmp_path / "ar", text)
    renderer = SlideRenderer(deck, load_theme("default"), CONTACTS)
    frame = renderer.frame(SlideView(0))
    words = "\n".join(b.doc.toPlainText() for b in frame.blocks)
    assert "الدعم هنا" in words  # "Support is here", in the deck's language
    assert undrawable(words) == []
    first, second = frame.blocks[1], frame.blocks[2]
    assert first.rect.left() > second.rect.right() or first.rect.top() < second.rect.top()
    image = renderer.image(SlideView(0), QSize(1920, 1080))
    cols = ink_columns(image, renderer.theme.colors.background, 60, 220)
    margin = renderer.theme.sizes.margin
    assert max(cols) > 1920 - margin - 30 and min(cols) > 1920 / 2  # the heading hugs the right
    shot(image, "help-ar")
