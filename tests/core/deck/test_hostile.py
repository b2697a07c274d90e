"""Hostile decks: a deck is untrusted input and must never crash or escape its folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from presenter.core import DeckError, Level, parse_deck
from presenter.core.deck.parser import load_deck
from presenter.core.deck.paths import PathRefused, check_reference, resolve_inside


def deck_in(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "deck"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "ok.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 16)
    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"1" * 16)
    path = folder / "deck.md"
    path.write_text("---\ntitle: Hostile\n---\n" + body, "utf-8")
    return path


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        '<iframe src="http://example.invalid/"></iframe>',
        '<img src="http://example.invalid/x.png" onerror="alert(1)">',
        '<p onclick="x()">hi</p>',
        '<div style="background:url(http://example.invalid/a.png)">x</div>',
        '<link rel="stylesheet" href="http://example.invalid/s.css">',
    ],
)
def test_raw_html_is_shown_as_text(html: str) -> None:
    deck = parse_deck(f"# Title\n\n{html}\n\ntext after\n")
    out = deck.slides[0].html_at(0)
    assert "<script" not in out and "<iframe" not in out and "<link" not in out
    assert "<img" not in out
    assert not re.search(r"<[a-z]+[^>]*\b(onclick|onerror|style)=", out)
    assert "&lt;" in out
    assert "text after" in out


def test_javascript_links_lose_their_target() -> None:
    out = parse_deck("[click](javascript:alert(1)) [web](https://example.invalid)").slides[0]
    assert "href" not in out.html_at(0)


@pytest.mark.parametrize(
    ("ref", "reason"),
    [
        ("https://example.invalid/a.png", "remote"),
        ("http://example.invalid/a.png", "remote"),
        ("//server/share/a.png", "network share"),
        ("\\\\server\\share\\a.png", "network share"),
        ("file:///etc/passwd", "'file:'"),
        ("data:image/png;base64,AAAA", "'data:'"),
        ("C:/Windows/a.png", "'C:'"),
        ("C:\\Windows\\a.png", "'C:'"),
        ("/etc/hosts", "absolute"),
        ("../secret.png", "'..'"),
        ("images/../../secret.png", "'..'"),
        ("images\\ok.png", "backslash"),
        ("qrc:/icons/a.png", "'qrc:'"),
    ],
)
def test_refused_image_references(ref: str, reason: str) -> None:
    with pytest.raises(PathRefused) as refused:
        check_reference(ref)
    assert reason in refused.value.reason


def test_refused_images_get_a_diagnostic_with_line_and_no_src(tmp_path: Path) -> None:
    path = deck_in(tmp_path, "# Slide\n\n![x](../secret.png)\n\n![y](images/ok.png)\n")
    deck = load_deck(path)
    (error,) = deck.errors
    assert error.line == 6 and "'..'" in error.message
    html = deck.slides[0].html_at(0)
    assert "secret" not in html
    assert 'src="images/ok.png"' in html


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    path = deck_in(tmp_path, "![x](images/link.png)\n")
    (path.parent / "images" / "link.png").symlink_to(tmp_path / "secret.png")
    deck = load_deck(path)
    assert any("outside the deck's folder" in d.message for d in deck.errors)


def test_missing_image_is_reported(tmp_path: Path) -> None:
    deck = load_deck(deck_in(tmp_path, "![x](images/nothere.png)\n"))
    assert any("not found" in d.message and d.line == 4 for d in deck.errors)


def test_resolve_inside_accepts_plain_relative(tmp_path: Path) -> None:
    path = deck_in(tmp_path, "x")
    assert resolve_inside(path.parent, "images/ok.png").name == "ok.png"


def test_yaml_alias_bomb_is_refused_quickly() -> None:
    bomb = "\n".join(
        ["a: &a [x, x, x, x, x, x, x, x, x]"]
        + [
            f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]"
            for i in range(8)
        ]
    )
    deck = parse_deck(f"---\n{bomb}\n---\n# Hi\n")
    assert any("anchors" in d.message or "aliases" in d.message for d in deck.errors)
    assert deck.errors[0].line == 2


def test_self_referencing_alias_is_refused() -> None:
    deck = parse_deck("---\nvariants: &a [*a]\n---\n# Hi\n")
    assert deck.errors


def test_duplicate_keys_are_an_error() -> None:
    deck = parse_deck("---\ntitle: A\ntitle: B\n---\n# Hi\n")
    (error,) = deck.errors
    assert error.line == 3 and "twice" in error.message


def test_yaml_11_typing_does_not_apply() -> None:
    deck = parse_deck("---\ntitle: NO\nlanguage: no\nversion: 1.10\n---\n# Hi\n")
    assert deck.meta.title == "NO"
    assert deck.meta.language == "no"
    assert deck.meta.version == "1.10"


def test_python_tags_are_not_executed() -> None:
    deck = parse_deck("---\ntitle: !!python/object/apply:os.getpid []\n---\n# Hi\n")
    assert deck.errors


def test_front_matter_must_be_a_mapping() -> None:
    deck = parse_deck("---\n- just\n- a list\n---\n# Hi\n")
    assert deck.errors[0].line == 2


def test_tab_indentation_gets_a_hint() -> None:
    deck = parse_deck("---\nhelp:\n\t- name: x\n---\n# Hi\n")
    assert "tabs" in deck.errors[0].hint


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_text("# x\n" + "a" * (3 * 1024 * 1024), "utf-8")
    with pytest.raises(DeckError) as err:
        load_deck(path)
    assert "larger than 2 MB" in err.value.diagnostic.message


def test_binary_garbage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deck.md"
    path.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(DeckError) as err:
        load_deck(path)
    assert "binary" in err.value.diagnostic.message


def test_utf16_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "deck.md"
    path.write_bytes("---\ntitle: x\n---\n# Hi\n".encode("utf-16"))
    with pytest.raises(DeckError) as err:
        load_deck(path)
    assert "UTF-16" in err.value.diagnostic.message


def test_latin1_points_at_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "deck.md"
    path.write_bytes("---\ntitle: x\n---\n# Hi\n\nCaf\u00e9\n".encode("latin-1"))
    with pytest.raises(DeckError) as err:
        load_deck(path)
    assert err.value.diagnostic.line == 6
    assert "UTF-8" in err.value.diagnostic.hint


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DeckError):
        load_deck(tmp_path / "nothing.md")
    with pytest.raises(DeckError):
        load_deck(tmp_path)


def test_bracket_bomb_is_defused() -> None:
    deck = parse_deck("# x\n\n" + "[" * 4000 + "\n")
    assert any("too many '['" in d.message for d in deck.diagnostics)
    assert deck.slides[0].html_at(0).count("[") == 4000


def test_many_slides_are_capped() -> None:
    deck = parse_deck("\n---\n".join(f"# {i}" for i in range(5100)))
    assert len(deck.slides) == 5000
    assert any(d.level is Level.ERROR and "5000" in d.message for d in deck.diagnostics)
