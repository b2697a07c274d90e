"""Slide HTML made when first read: the same decks, problems and HTML as made at once."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from presenter.core.deck.content import Converter, LazyHtml
from presenter.core.deck.diagnostics import DeckError
from presenter.core.deck.model import Deck, may_have_images
from presenter.core.deck.parser import load_deck
from tests.hostile import corpus

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = sorted((ROOT / "decks").glob("*/deck.md"))


def everything(deck: Deck) -> list[object]:
    """All a parse decided, HTML included (reading it converts a lazy slide)."""
    return [
        deck.diagnostics,
        deck.meta,
        [
            (s, s.steps_html, s.notes_html, s.images, s.myth and s.myth.statement_html)
            for s in deck.slides
        ],
    ]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.parent.name)
def test_a_sample_deck_parses_the_same_lazily(path: Path) -> None:
    lazy = load_deck(path, lazy=True)
    assert not any(s.content.converted for s in lazy.slides)
    assert everything(lazy) == everything(load_deck(path))


def test_every_hostile_deck_parses_the_same_lazily(tmp_path: Path) -> None:
    folders = corpus.build(tmp_path)
    compared = 0
    for name, folder in folders.items():
        path = corpus.deck_file(folder)
        try:
            eager = load_deck(path)
        except DeckError as error:
            with pytest.raises(DeckError) as lazy_error:
                load_deck(path, lazy=True)
            assert lazy_error.value.diagnostic == error.diagnostic, name
            continue
        lazy = load_deck(path, lazy=True)
        assert lazy.diagnostics == eager.diagnostics, name  # before any HTML is read
        assert everything(lazy) == everything(eager), name
        compared += 1
    assert compared > 20


def test_a_refused_image_is_reported_by_a_lazy_parse_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "deck"
    folder.mkdir()
    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "deck.md").write_text(
        "---\ntitle: T\n---\n# One\n\nText.\n\n---\n# Two\n\n`code`\n--\n![x](../secret.png)\n",
        "utf-8",
    )
    deck = load_deck(folder / "deck.md", lazy=True)
    (error,) = deck.errors
    assert error.line == 13 and "'..'" in error.message
    one, two = deck.slides
    assert two.content.converted and not one.content.converted
    assert "secret" not in two.html_at(1)


def test_only_text_with_an_image_mark_is_converted_early() -> None:
    assert may_have_images(["a", "see ![x](a.png)"])
    assert may_have_images(["![x][ref]\n\n[ref]: a.png"])
    assert not may_have_images(["[a link](x)", "! [not an image](a.png)", "<img src=a.png>"])


def test_a_lazy_slide_is_converted_once_whoever_asks(tmp_path: Path) -> None:
    converter = Converter(None)
    calls = []
    convert = converter.convert

    def counting(text: str) -> tuple[str, list[str], list[tuple[str, object]]]:
        calls.append(text)
        return convert(text)  # type: ignore[return-value]

    converter.convert = counting  # type: ignore[method-assign]
    html = LazyHtml(converter, ["- one", "- two"], "A note.")
    results = []
    notes = []

    def read() -> None:
        results.append(html.get())
        notes.append(html.notes())

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 3  # two steps and the notes, once
    assert all(r is results[0] for r in results) and all(n is notes[0] for n in notes)
    assert results[0].steps_html[1] == "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"
    assert notes[0] == "<p>A note.</p>"


def test_the_slides_html_converts_no_notes(tmp_path: Path) -> None:
    """Exporting or checking the slides reads their HTML, never the notes'."""
    converter = Converter(None)
    calls = []
    convert = converter.convert
    converter.convert = lambda text: calls.append(text) or convert(text)  # type: ignore[method-assign,func-returns-value]
    html = LazyHtml(converter, ["One."], "A note.")
    assert html.get().steps_html == ("<p>One.</p>",)
    assert calls == ["One."]
    assert html.notes() == "<p>A note.</p>" and calls == ["One.", "A note."]


def test_presenting_a_deck_without_images_imports_no_markdown() -> None:
    """``run`` parses lazily: the first frame waits for no Markdown at all."""
    code = (
        "import sys\n"
        "from presenter.core.deck.parser import load_deck\n"
        f"deck = load_deck({str(SAMPLES[0])!r}, lazy=True)\n"
        "assert deck.ok and deck.slides[0].title\n"
        "print('markdown' in sys.modules)\n"
        "deck.slides[1].steps_html\n"
        "print('markdown' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.split() == ["False", "True"]


def test_a_conversion_that_fails_shows_the_text_plainly(caplog: pytest.LogCaptureFixture) -> None:
    converter = Converter(None)

    def broken(text: str) -> object:
        raise RecursionError("deep")

    converter.convert = broken  # type: ignore[method-assign,assignment]
    lazy = LazyHtml(converter, ["**one** <b>", "two"], "notes")
    html = lazy.get()
    assert html.steps_html == ("<p>**one** &lt;b&gt;</p>", "<p>**one** &lt;b&gt;</p>\n<p>two</p>")
    assert lazy.notes() == "<p>notes</p>"
    assert "could not be converted" in caplog.text


def test_a_slide_without_an_image_mark_has_no_images_without_converting(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "deck.md").write_text(
        "---\ntitle: T\n---\n# Text\n\n- a\n\n---\n# Picture\n\n![a calm hall](images/a.png)\n",
        "utf-8",
    )
    text, picture = load_deck(tmp_path / "deck.md", lazy=True).slides
    assert text.images == () and not text.content.converted
    assert picture.images == ("images/a.png",)
