"""``check`` warns at file:line about characters no bundled or system font can draw."""

from __future__ import annotations

from pathlib import Path

import pytest

from presenter.core.deck.checker import check_deck
from presenter.core.deck.parser import load_deck
from presenter.render.checks import provide_checks
from presenter.render.fonts import undrawable

SCRIPTS = "हिन्दी বাংলা ไทย ខ្មែរ မြန်မာ አማርኛ العربية עברית Ελληνικά Русский 📱 💬 🚫 ✅ — “” …"


def glyph_warnings(tmp_path: Path, text: str) -> list:
    (tmp_path / "deck.md").write_text(text, "utf-8")
    found = check_deck(load_deck(tmp_path / "deck.md"), extra=provide_checks())
    return [d for d in found if d.code == "no-glyph"]


def test_every_bundled_script_is_drawable(qapp: object) -> None:
    assert undrawable(SCRIPTS) == []


def test_a_character_without_any_font_is_reported_at_its_line(tmp_path: Path, qapp: object) -> None:
    text = f"---\ntitle: x\ncontent_warning: none\n---\n## {SCRIPTS}\n\nA box: \ue000\ue001 here\n"
    found = glyph_warnings(tmp_path, text)
    assert [d.line for d in found] == [7]
    assert "U+E000" in found[0].message and "U+E001" in found[0].message
    assert "empty boxes" in found[0].message


def test_a_plain_deck_needs_no_font_lookups(tmp_path: Path) -> None:
    assert glyph_warnings(tmp_path, "---\ntitle: x\n---\n## Plain ASCII\n") == []


def test_latin_text_reads_few_font_files(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    import presenter.render.fonts as fonts

    monkeypatch.setattr(fonts, "_raw_fonts", {})
    fonts.bundled_covers.cache_clear()
    assert undrawable("Café — “quoted” … naïve") == []
    assert 1 <= len(fonts._raw_fonts) <= 2  # the first Latin faces answer; no script face read
