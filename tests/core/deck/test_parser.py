"""Deck text to model: structure, line spans, options, notes, steps and fences."""

from __future__ import annotations

from pathlib import Path

import pytest

from presenter.core import Level, parse_deck
from presenter.core.deck.parser import load_deck

DECK = """---
title: Test workshop
duration: 12
variants: [youth, adults]
content_warning: This talks about exploitation.
---
kind: title
minutes: 1
---
# Welcome

???
Say hello.
---
## Three parts

- Act
--
- Means
--
- Purpose

Note: reveal one at a time
---
```
---
not a separator
```
---
kind: myth
id: border
myth: It always crosses a border.
reality: Harbouring counts too.
source: [Palermo Protocol 2000, UNODC 2024]
minutes: 3
only: [adults]
---

---
kind: discussion
minutes: 5
format: pairs
followups: ["Why?", "Who?"]
---
## What surprised you?
---
kind: recap
myths: [border]
minutes: 3
---
"""


@pytest.fixture
def deck():
    return parse_deck(DECK, "/nowhere/deck.md")


def test_front_matter(deck) -> None:
    meta = deck.meta
    assert meta.title == "Test workshop"
    assert meta.duration == 12.0
    assert meta.variants == ("youth", "adults")
    assert meta.content_warning == "This talks about exploitation."
    assert meta.lines["duration"] == 3


def test_slide_spans_and_kinds(deck) -> None:
    assert [s.kind for s in deck.slides] == [
        "title",
        "content",
        "content",
        "myth",
        "discussion",
        "recap",
    ]
    assert [s.line for s in deck.slides] == [7, 14, 24, 29, 39, 46]
    assert deck.slides[0].end_line == 13


def test_notes_are_kept_off_the_slide(deck) -> None:
    title = deck.slides[0]
    assert title.notes == "Say hello."
    assert "Say hello" not in title.html_at(0)
    assert "reveal one at a time" in deck.slides[1].notes
    assert "reveal one" not in deck.slides[1].html_at(5)


def test_steps_are_cumulative(deck) -> None:
    slide = deck.slides[1]
    assert slide.step_count == 3
    assert "Act" in slide.html_at(0) and "Means" not in slide.html_at(0)
    assert "Means" in slide.html_at(1) and "Purpose" not in slide.html_at(1)
    assert "Purpose" in slide.html_at(2)


def test_separator_inside_code_fence_does_not_split(deck) -> None:
    assert "not a separator" in deck.slides[2].html_at(0)


def test_myth_and_discussion_data(deck) -> None:
    myth = deck.slides[3].myth
    assert myth is not None
    assert myth.id == "border"
    assert myth.sources == ("Palermo Protocol 2000", "UNODC 2024")
    assert deck.slides[3].step_count == 2
    assert deck.slides[3].option_lines["myth"] == 32
    disc = deck.slides[4].discussion
    assert disc is not None and disc.format == "pairs" and disc.minutes == 5
    assert disc.followups == ("Why?", "Who?")
    assert deck.slides[5].recap_ids == ("border",)
    assert deck.slides[5].step_count == 2
    assert deck.myth_by_id("border") is myth


def test_variants(deck) -> None:
    assert len(deck.slides_for(None)) == 6
    assert len(deck.slides_for("youth")) == 5
    assert deck.planned_minutes("adults") == 12
    assert deck.planned_minutes("youth") == 9


def test_no_problems_in_a_good_deck(deck) -> None:
    assert deck.ok, [d.format() for d in deck.diagnostics]


def test_revisions_change_only_for_edited_slides() -> None:
    before = parse_deck(DECK, "/nowhere/deck.md")
    after = parse_deck(DECK.replace("What surprised you?", "What stood out?"), "/x/deck.md")
    changed = [a.revision != b.revision for a, b in zip(before.slides, after.slides, strict=True)]
    assert changed == [False, False, False, False, True, False]
    assert before.content_hash != after.content_hash


def test_crlf_and_bom_are_normalised() -> None:
    deck = parse_deck("\ufeff" + DECK.replace("\n", "\r\n"), "/nowhere/deck.md")
    assert deck.ok
    assert [s.line for s in deck.slides] == [7, 14, 24, 29, 39, 46]


def test_html_comments_are_authoring_comments() -> None:
    deck = parse_deck("---\ntitle: x\n---\n# Hi <!-- secret -->\n<!--\nmulti\n-->\nafter\n")
    html = deck.slides[0].html_at(0)
    assert "secret" not in html and "multi" not in html and "after" in html


def test_deck_without_front_matter() -> None:
    deck = parse_deck("# Just a slide\n---\n# Another\n")
    assert len(deck.slides) == 2
    assert deck.slides[1].line == 2


def test_unclosed_front_matter_is_an_error() -> None:
    deck = parse_deck("---\ntitle: x\n# no close\n")
    assert any("not closed" in d.message and d.level is Level.ERROR for d in deck.diagnostics)


def test_accepted_image_is_listed(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    path = tmp_path / "deck.md"
    path.write_text("---\ntitle: x\n---\n![A calm room](images/a.png)\n", "utf-8")
    deck = load_deck(path)
    assert deck.slides[0].images == ("images/a.png",)
    assert 'src="images/a.png"' in deck.slides[0].html_at(0)
    assert deck.ok


def test_empty_slide_does_not_inherit_the_previous_slides_images(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    path = tmp_path / "deck.md"
    text = "---\ntitle: x\n---\n![A](images/a.png)\n\n![B](/etc/passwd)\n---\nkind: break\n---\n"
    path.write_text(text, "utf-8")
    deck = load_deck(path)
    assert deck.slides[0].images == ("images/a.png",)
    assert deck.slides[1].images == ()
    refused = [d for d in deck.errors if "image refused" in d.message]
    assert [d.line for d in refused] == [6]


def test_yaml_error_in_slide_options_points_at_its_line() -> None:
    text = DECK.replace('followups: ["Why?", "Who?"]', 'followups: ["Why?", "Who?"')
    deck = parse_deck(text, "/nowhere/deck.md")
    (problem,) = deck.errors
    assert problem.line == 43
    assert "malformed YAML" in problem.message
