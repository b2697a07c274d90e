"""True statements in the myth quiz, the two-page handout and the help card, with
hostile inputs: markup in contacts, far too many contacts, a myth taller than a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from presenter.core import Level, parse_deck
from presenter.core.deck.checker import check_deck
from presenter.core.deck.model import HelpContact
from presenter.export.handout import chosen_slides, export_handout
from presenter.export.helpcard import CardGrid, export_help_card
from presenter.export.pdf import A4, LETTER
from tests.export.conftest import pdf_pages, pdf_text

HEAD = "---\ntitle: Quiz\ncontent_warning: none\n---\n"
TRUE_ITEM = (
    "---\nkind: myth\nid: t\nanswer: reality\nmyth: Water is wet.\n"
    "reality: It is, whatever people say.\nsource: Physics, 2020\n---\n"
)
FALSE_ITEM = (
    "---\nkind: myth\nid: f\nmyth: The moon is cheese.\nreality: It is rock.\n"
    "source: Astronomy, 2021\n---\n"
)


def test_answer_defaults_to_myth_and_may_be_reality() -> None:
    deck = parse_deck(HEAD + TRUE_ITEM + FALSE_ITEM)
    assert deck.ok, deck.diagnostics
    true, false = (s.myth for s in deck.slides)
    assert true is not None and true.is_true and true.answer == "reality"
    assert false is not None and not false.is_true and false.answer == "myth"


@pytest.mark.parametrize(
    ("option", "needle"),
    [("answer: maybe", "must be one of: myth, reality"), ("answer: [1, 2]", "answer")],
)
def test_a_bad_answer_is_an_error_on_its_line(option: str, needle: str) -> None:
    text = HEAD + f"---\nkind: myth\nmyth: M.\nreality: R.\nsource: S, 2020\n{option}\n---\n"
    found = check_deck(parse_deck(text, "/d/deck.md"))
    errors = [d for d in found if d.level is Level.ERROR]
    assert errors and needle in errors[0].message
    assert errors[0].line == 10


def test_answer_belongs_to_myth_slides_only() -> None:
    found = check_deck(parse_deck(HEAD + "---\nanswer: reality\n---\n## Hi\n", "/d/deck.md"))
    assert any(d.level is Level.ERROR and "answer" in d.message for d in found)


def test_reveal_of_a_true_statement_says_in_fact(qapp: object) -> None:
    from presenter.core.session.view import SlideView
    from presenter.render import SlideRenderer, load_theme

    deck = parse_deck(HEAD + TRUE_ITEM + FALSE_ITEM)
    renderer = SlideRenderer(deck, load_theme("default"), ())
    true = renderer.frame(SlideView(0, 1)).blocks[0].doc.toPlainText()
    false = renderer.frame(SlideView(1, 1)).blocks[0].doc.toPlainText()
    assert "In fact" in true and "Reality" not in true  # the block under the "Reality" chip
    assert "Reality" in false and "In fact" not in false


HANDOUT_DECK = (
    HEAD
    + "---\nhandout: first\n---\n## Do this first\n\n- Call someone you trust\n"
    + "---\nhandout: yes\nsource: Key Source, 2022\n---\n## A key point\n\nKeep this.\n"
    + "---\nhandout: no\n---\n## Hands up\n\n- Feet on the floor\n"
    + "---\n## Unmarked slide\n\nNot chosen.\n"
    + TRUE_ITEM
    + FALSE_ITEM
)


def test_handout_prints_first_and_chosen_slides_only(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "h.pdf"
    export_handout(parse_deck(HANDOUT_DECK), out, help_contacts=[HelpContact("Line", "Call 1")])
    pages = pdf_pages(out)
    text = " ".join(" ".join(pages).split())
    assert len(pages) == 1
    assert text.index("Call 1") < text.index("What to do first") < text.index("Do this first")
    assert text.index("Do this first") < text.index("A key point") < text.index("Water is wet")
    assert "Feet on the floor" not in text and "Unmarked slide" not in text
    assert "REALITY" in text and "IN FACT" in text and "MYTH" in text
    assert "Key Source, 2022" in text and "Physics, 2020" in text


def test_handout_without_handout_options_prints_content_not_prompts(
    qapp: object, tmp_path: Path
) -> None:
    deck = parse_deck(
        HEAD
        + "---\n## Content one\n\nA.\n"
        + "---\nkind: discussion\nminutes: 5\nformat: pairs\nfollowups: [x]\n---\n## Talk?\n"
    )
    first, points = chosen_slides(deck, None)
    assert first == [] and [s.title for s in points] == ["Content one"]


def test_handout_escapes_markup_in_contacts(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "h.pdf"
    hostile = HelpContact("<b>Line</b> & <img src=x>", "Call <i>1</i>", "<script>", "&amp;")
    export_handout(parse_deck(HANDOUT_DECK), out, help_contacts=[hostile])
    text = pdf_text(out)
    assert "<b>Line</b> & <img src=x>" in text and "Call <i>1</i>" in text


def test_a_myth_taller_than_a_page_is_cut_not_lost(qapp: object, tmp_path: Path) -> None:
    words = " ".join(f"word{n}" for n in range(2500))
    deck = parse_deck(
        HEAD
        + f"---\nkind: myth\nid: long\nmyth: Long.\nreality: {words} END\nsource: S, 2020\n---\n"
    )
    out = tmp_path / "h.pdf"
    pages = export_handout(deck, out)
    assert pages >= 2
    assert "END" in pdf_text(out)


def test_help_card_sheet_holds_ten_wallet_cards() -> None:
    grid = CardGrid(A4)
    assert (grid.columns, grid.rows) == (2, 5)
    assert CardGrid(LETTER).columns * CardGrid(LETTER).rows >= 8
    last = grid.cell(grid.rows - 1, grid.columns - 1)
    assert grid.cell(0, 0).left() > 20 and last.right() < A4.width - 20
    assert last.bottom() < A4.height - 30


def test_help_card_survives_too_many_and_hostile_contacts(
    qapp: object, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    deck = parse_deck(HANDOUT_DECK)
    many = [HelpContact(f"<b>Service {n}</b>", f"Call 0{n} " * 8, "Any time") for n in range(30)]
    out = tmp_path / "card.pdf"
    assert export_help_card(deck, out, help_contacts=many) == 1
    text = pdf_text(out)
    assert "<b>Service 0</b>" in text
    assert "Quiz" not in text  # the deck's title never appears on the card
    assert any("do not fit" in r.getMessage() for r in caplog.records)


def test_help_card_on_letter_paper(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    export_help_card(parse_deck(HANDOUT_DECK), out, paper=LETTER, help_contacts=[])
    (page,) = pdf_pages(out)
    assert "Useful contacts" in page and "Cut along the lines" in page


def test_command_line_writes_the_help_card_alone(tmp_path: Path) -> None:
    from tests.export.test_export_cli import presenter

    folder = tmp_path / "deck"
    folder.mkdir()
    (folder / "deck.md").write_text(HANDOUT_DECK, "utf-8")
    (folder / "help.yaml").write_text(
        'help:\n  - name: Night line\n    reach: "Call 01632 960 321"\n', "utf-8"
    )
    out = tmp_path / "card.pdf"
    result = presenter(str(folder), "--help-card", str(out))
    assert result.returncode == 0, result.stderr
    assert "cut along the lines" in result.stdout + result.stderr
    assert pdf_text(out).count("Call 01632 960 321") == 10
