"""Markdown as organizers bring it from Slidev, Marp or reveal.js decks.

Fenced code keeps its lines whatever its info string, and raw HTML (shown as text)
gets a warning at its line that names the tags.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presenter.core.deck.checker import check_deck
from presenter.core.deck.mdown import SlideMarkdown, fence_lines
from presenter.core.deck.parser import load_deck
from presenter.core.deck.rawhtml import REPORTED_MAX, find_raw_html

CODE = "const a = 1;\nif (a) {\n    go();\n}"


@pytest.mark.parametrize(
    "opening",
    ["```ts {all|2}", "```ts", "```", "``` js title=\"x.js\"", "~~~ {.python .numberLines}",
     "````md magic-move", "```{r, echo=FALSE}"],
)  # fmt: skip
def test_fenced_code_keeps_its_lines_and_hides_the_info_string(opening: str) -> None:
    fence = opening[: len(opening) - len(opening.lstrip("`~"))]
    html = SlideMarkdown(None).convert(f"{opening}\n{CODE}\n{fence}\n\nAfter.")
    assert html.startswith("<pre><code>") and f"<pre><code>{escape(CODE)}</code></pre>" in html
    info = opening.lstrip("`~ ")
    assert not info or info not in html  # neither the language nor the {…} attributes
    assert "<p>After.</p>" in html


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_a_fence_with_a_backtick_in_its_info_is_inline_code_not_a_block() -> None:
    assert fence_lines(["``` a`b", "x"]) == ["``` a`b", "x"]
    html = SlideMarkdown(None).convert("text ```inline``` here")
    assert html == "<p>text <code>inline</code> here</p>"


def test_closing_fences_must_match_and_code_is_never_rewritten() -> None:
    lines = ["````ts {1}", "```js not a close", "```", "````", "```py", "x", "```"]
    assert fence_lines(lines) == ["````", "```js not a close", "```", "````", "```", "x", "```"]


def test_html_inside_code_stays_code() -> None:
    html = SlideMarkdown(None).convert("```html\n<script>alert(1)</script>\n```")
    assert html == "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>"


@given(st.lists(st.text(alphabet="`~ abc{}|\n<>", max_size=12), max_size=12))
def test_fence_normalising_never_adds_or_loses_lines(lines: list[str]) -> None:
    lines = [line.replace("\n", "") for line in lines]
    assert len(fence_lines(lines)) == len(lines)
    SlideMarkdown(None).convert("\n".join(lines))  # and never crashes


SLIDEV = """\
---
title: Imported
content_warning: none
---
## Grooming <span class="text-red">steps</span>

<div class="grid grid-cols-2 gap-4">

- Compliments
- Secrets

</div>

```html
<div>code is fine</div>
```

Inline `<div>` is fine, <!-- <div> --> too; a < b > c, <https://example.org>.
<style>
h1 { color: red }
</style>
"""


def diagnostics(tmp_path: Path, text: str) -> list:
    (tmp_path / "deck.md").write_text(text, "utf-8")
    return [d for d in check_deck(load_deck(tmp_path / "deck.md")) if d.code == "raw-html"]


def test_check_names_the_raw_html_at_its_line(tmp_path: Path) -> None:
    found = diagnostics(tmp_path, SLIDEV)
    assert [(d.line, d.message.split(": ", 1)[1]) for d in found] == [
        (5, '<span class="text-red">'),
        (7, '<div class="grid grid-cols-2 gap-4">'),
        (19, "<style>"),
    ]
    assert all("shown to the room as text" in d.message for d in found)
    assert all(d.format().startswith(f"{tmp_path / 'deck.md'}:{d.line}:") for d in found)


def test_a_clean_deck_has_no_raw_html_warning(tmp_path: Path) -> None:
    assert diagnostics(tmp_path, "---\ntitle: x\n---\n## Safe\n\n- 3 < 5 and 7 > 2\n") == []


def test_many_lines_of_html_are_counted_not_listed(tmp_path: Path) -> None:
    body = "\n\n".join(f'<p class="c{i}">x</p>' for i in range(30))
    found = diagnostics(tmp_path, f"---\ntitle: x\n---\n{body}\n")
    assert len(found) == REPORTED_MAX + 1
    assert f"{30 - REPORTED_MAX} more lines" in found[-1].message


def test_long_tags_are_shortened_and_hostile_ones_quoted_as_text() -> None:
    found = list(find_raw_html(['<img src=x onerror=alert(1)> <div class="' + "a" * 200 + '">']))
    assert found[0].tags[0] == "<img src=x onerror=alert(1)>"
    assert len(found[0].tags[1]) <= 40 and found[0].tags[1].endswith("…>")
