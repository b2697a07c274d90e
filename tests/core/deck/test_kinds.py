"""Slide kinds carry their behaviour, and a myth-or-reality statement may be true."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from presenter.core import Level, parse_deck
from presenter.core.deck.checker import check_deck
from presenter.core.deck.kinds import KINDS, WorstCase, kind_of
from presenter.core.session.clock import FakeClock
from presenter.core.session.controller import SessionController
from presenter.core.session.view import Tally
from tests.core.session.test_session import recap_pairs

ROOT = Path(__file__).resolve().parents[3]
HEAD = "---\ntitle: T\ncontent_warning: none\n---\n"
TRUE_MYTH = """---
kind: myth
id: known
answer: reality
myth: Most children who are exploited know the person who exploits them.
reality: About two in three knew them; strangers are the minority.
source: "Example survey, 2024"
---
"""
FALSE_MYTH = """---
kind: myth
id: border
myth: Trafficking always means crossing a border.
reality: Many are exploited in their own country.
source: "Example report, 2024"
---
"""
RECAP = "---\nkind: recap\nmyths: [known, border]\n---\n"


def test_every_kind_answers_the_behaviour_questions() -> None:
    deck = parse_deck(HEAD + TRUE_MYTH + RECAP + "---\nkind: break\nminutes: 5\n---\n")
    myth, recap, pause = deck.slides
    assert kind_of(myth).reveals and kind_of(recap).reveals and not kind_of(pause).reveals
    assert kind_of(pause).timed and not kind_of(myth).timed
    assert (myth.step_count, recap.step_count, pause.step_count) == (2, 4, 1)
    assert kind_of(recap).revealed_at(3) == 1 and kind_of(recap).revealed_at(2) is None
    assert kind_of(pause).revealed_at(1) is None
    assert kind_of(myth).worst_case(myth) == [WorstCase(0), WorstCase(1, tally=True)]
    assert kind_of(pause).worst_case(pause) == [WorstCase(0, countdown=True)]
    assert kind_of(recap).entry_step(recap, lambda item: item == 0) == 0
    assert kind_of(recap).entry_step(recap, lambda item: True) == 3
    assert pause.title == "Break" and recap.title == "Asked again"
    for kind in KINDS.values():
        assert kind.label and kind.summary and kind.document_label()


def kind_comparisons(source: str) -> list[str]:
    """Comparisons of a ``.kind`` (or a call mentioning kind) with kind names."""
    names = set(KINDS)
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        parts = [node.left, *node.comparators]
        kindish = any(
            (isinstance(p, ast.Attribute) and p.attr == "kind")
            or (isinstance(p, ast.Call) and "kind" in ast.unparse(p))
            for p in parts
        )
        literal = any(
            (isinstance(p, ast.Constant) and p.value in names)
            or (
                isinstance(p, ast.Tuple | ast.Set | ast.List)
                and any(isinstance(e, ast.Constant) and e.value in names for e in p.elts)
            )
            for p in parts
        )
        if kindish and literal:
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


def test_the_ladder_finder_finds_ladders() -> None:
    source = (
        'if slide.kind == "myth": pass\n'
        'if s.kind in ("myth", "recap"): pass\n'
        'if e.get("kind") != "section": pass\n'
        "if slide.kind == other.kind: pass\n"
    )
    assert [line.split(":")[0] for line in kind_comparisons(source)] == ["1", "2", "3"]


def test_no_kind_name_ladders_outside_the_kinds() -> None:
    """Only core/kinds.py (and the layout table) may compare kind names."""
    allowed = {"presenter/core/deck/kinds.py", "presenter/render/layouts/__init__.py"}
    found = []
    for path in sorted((ROOT / "presenter").rglob("*.py")):
        shown = path.relative_to(ROOT).as_posix()
        if shown not in allowed:
            found += [f"{shown}:{hit}" for hit in kind_comparisons(path.read_text("utf-8"))]
    assert not found, "\n".join(found)


def test_answer_reality_is_parsed_and_other_answers_are_errors() -> None:
    deck = parse_deck(HEAD + TRUE_MYTH + FALSE_MYTH)
    true, false = (s.myth for s in deck.slides)
    assert true is not None and false is not None
    assert (true.answer, true.is_myth, true.answer_label) == ("reality", False, "Reality")
    assert (false.answer, false.is_myth, false.answer_label) == ("myth", True, "Myth")
    wrong = parse_deck(HEAD + TRUE_MYTH.replace("answer: reality", "answer: true"), "d.md")
    errors = [d for d in check_deck(wrong) if d.level is Level.ERROR]
    assert [(d.line, d.message) for d in errors] == [(8, "'answer' must be one of: myth, reality")]
    assert errors[0].format().startswith("d.md:8:")


@pytest.mark.parametrize(
    ("answer", "said", "share"), [("myth", (15, 5), 0.75), ("reality", (15, 5), 0.25)]
)
def test_a_tally_is_right_by_the_statements_answer(
    answer: str, said: tuple[int, int], share: float
) -> None:
    assert Tally(*said).answering(answer).correct_share == share


def test_the_controller_scores_true_statements_by_reality() -> None:
    deck = parse_deck(HEAD + TRUE_MYTH + FALSE_MYTH + RECAP)
    control = SessionController(deck, None, FakeClock(0.0))
    control.next()  # past the content warning screen (declared none: no-op)
    while control.state.slide != 0 or control.state.step != 1:
        control.next()
    control.set_tally(5, 15)  # 15 said "reality": right for a true statement
    view = control.slide_view()
    assert view.tally is not None and view.tally.correct_share == 0.75
    control.goto(2)
    control.next()  # reveal the first recap item (the true statement again)
    control.set_tally(2, 18)
    before, after = recap_pairs(control)[0][1:]
    assert before is not None and after is not None
    assert (before.correct_share, after.correct_share) == (0.75, 0.9)


def test_reports_score_a_true_statement_by_reality(tmp_path: Path) -> None:
    import csv
    import io

    from presenter.core.deck.parser import load_deck
    from presenter.core.record.resume import open_session
    from presenter.core.record.store import load_session
    from presenter.core.report.build import build_report
    from presenter.core.report.formats import csv_rows, to_csv, to_markdown
    from tests.conftest import write_deck

    deck = load_deck(write_deck(tmp_path / "deck", HEAD + TRUE_MYTH + FALSE_MYTH + RECAP))
    clock = FakeClock(1_800_000_000.0)
    opened = open_session(deck, None, clock, tmp_path / "data")
    control = SessionController(deck, None, clock, opened.recorder)
    opened.attach(control)
    control.next()
    counts = {(0, 1): (5, 15), (1, 1): (12, 8), (2, 1): (2, 18), (2, 3): (16, 4)}
    while not control.at_end():
        if (said := counts.get((control.state.slide, control.state.step))) is not None:
            control.set_tally(*said)
        control.next()
    control.finish()
    assert opened.record is not None
    opened.record.close(clock.now())
    report = build_report(load_session(opened.record.folder))
    known, border = report.myths
    assert (known.answer, border.answer) == ("reality", "myth")
    assert known.before is not None and known.before.correct_share == 0.75
    assert known.shift == pytest.approx(15.0)  # 75 % -> 90 % said "reality"
    assert border.shift == pytest.approx(20.0)  # 60 % -> 80 % said "myth"
    text = to_markdown(report)
    assert "(reality)" in text and "Some statements are true" in text
    rows = [r for r in csv.DictReader(io.StringIO(to_csv(csv_rows(report)))) if r["myth_id"]]
    assert [(r["myth_id"], r["myth_answer"]) for r in rows] == [
        ("known", "reality"),
        ("border", "myth"),
    ]


def test_the_checker_suggests_a_true_statement_when_all_are_myths() -> None:
    three_myths = HEAD + "".join(FALSE_MYTH.replace("id: border", f"id: m{n}") for n in range(3))
    found = check_deck(parse_deck(three_myths))
    infos = [d for d in found if "statements are myths" in d.message]
    assert [(d.line, d.level) for d in infos] == [(5, Level.INFO)]
    assert "answer: reality" in infos[0].hint
    mixed = three_myths + TRUE_MYTH
    assert not [d for d in check_deck(parse_deck(mixed)) if "statements are myths" in d.message]
