"""Nothing but DeckError may escape the parser, and the checker never crashes.

Three sources of input: arbitrary text, arbitrary YAML-ish front matter, and random
mutations of real decks (the format guide's example and every sample deck).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from presenter.core import DeckError, parse_deck
from presenter.core.deck.checker import check_deck
from presenter.core.deck.parser import decode_deck_bytes

ROOT = Path(__file__).resolve().parents[3]
# How many examples: the Hypothesis profile (tests/conftest.py): "dev" by default,
# "thorough" (2000 per test) when CI=true or HYPOTHESIS_PROFILE=thorough.


def _real_decks() -> list[str]:
    texts = []
    guide = (ROOT / "docs" / "deck-format.md").read_text("utf-8")
    texts.append(
        guide.split("## A full example", 1)[1].split("```markdown\n", 1)[1].rsplit("\n```", 1)[0]
    )
    texts += [
        p.read_text("utf-8")
        for p in sorted((ROOT / "decks").glob("*/*.md"))
        if p.name != "README.md"
    ]
    return texts


REAL = _real_decks()
TOKENS = [
    "---",
    "???",
    "--",
    "```",
    "~~~",
    "kind: myth",
    "kind: recap",
    "myths: [a]",
    "id: a",
    "minutes: x",
    "only: [youth]",
    "source:",
    "![a](../x.png)",
    "&a",
    "*a",
    "<script>",
    "[",
    "]",
    "(",
    "\t",
    "\ufeff",
    "\r",
    ": ",
    "- ",
    "# ",
    "<!--",
    "-->",
    "Note:",
    "\\",
    "//host/a.png",
    "%",
    "million",
    "|a|b|\n|-|-|",
]


def must_not_crash(text: str) -> None:
    try:
        deck = parse_deck(text, ROOT / "tests" / "nowhere" / "deck.md")
    except DeckError:
        return
    check_deck(deck)
    for slide in deck.slides:
        slide.html_at(slide.step_count)
        assert slide.line >= 1 and slide.end_line >= slide.line


@given(st.text(max_size=2000))
def test_arbitrary_text(text: str) -> None:
    must_not_crash(text)


@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=12), max_size=60))
def test_deck_shaped_noise(parts: list[str]) -> None:
    must_not_crash("\n".join(parts))


@given(
    st.recursive(
        st.text(max_size=20) | st.sampled_from(["NO", "1:30", "2024-05-01", "~", "&a x", "*a"]),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(["title", "help", "variants", "duration", "x"]), inner, max_size=4
            )
        ),
        max_leaves=12,
    )
)
def test_arbitrary_front_matter(value: object) -> None:
    import json

    must_not_crash(f"---\nhelp: {json.dumps(value)}\ntitle: {json.dumps(value)}\n---\n# x\n")


@given(st.data())
def test_mutated_real_decks(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(REAL))
    for _ in range(data.draw(st.integers(1, 6))):
        where = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["insert", "delete", "token"]))
        if action == "delete":
            text = text[:where] + text[where + data.draw(st.integers(1, 40)) :]
        elif action == "token":
            text = text[:where] + data.draw(st.sampled_from(TOKENS)) + text[where:]
        else:
            text = text[:where] + data.draw(st.text(max_size=10)) + text[where:]
    must_not_crash(text)


@given(st.binary(max_size=600))
def test_arbitrary_bytes(data: bytes) -> None:
    try:
        text = decode_deck_bytes(data, "deck.md")
    except DeckError:
        return
    must_not_crash(text)
