"""Each broken deck gets the right file:line message from the checker."""

from __future__ import annotations

from pathlib import Path

import pytest

from presenter.core import Level, parse_deck
from presenter.core.deck.checker import check_deck
from presenter.core.deck.model import HelpContact

GOOD_HEAD = "---\ntitle: T\ncontent_warning: none\n---\n"


def diags(text: str, path: str = "/decks/x/deck.md", **kw):
    return check_deck(parse_deck(text, path), **kw)


def find(found, level: Level, needle: str):
    return [d for d in found if d.level is level and needle in d.message]


CASES = [
    # (deck text, line, level, message fragment, hint fragment)
    (GOOD_HEAD + "---\nkind: mith\n---\n# x\n", 6, Level.ERROR, "unknown slide kind", "myth"),
    (
        GOOD_HEAD + "---\nminuts: 3\n---\n# x\n",
        6,
        Level.ERROR,
        "unknown option 'minuts'",
        "minutes",
    ),
    (
        "---\ntitle: T\ncontent_warning: none\nduraton: 5\n---\n# x\n",
        4,
        Level.WARNING,
        "unknown deck setting",
        "duration",
    ),
    (
        "---\ntitle: T\ncontent_warning: none\nvariants: [a\n---\n# x\n",
        4,
        Level.ERROR,
        "malformed YAML",
        "",
    ),
    (
        GOOD_HEAD + "---\nkind: myth\nmyth: M\nsource: S\n---\n\n",
        5,
        Level.ERROR,
        "without the reality",
        "",
    ),
    (
        GOOD_HEAD + "---\nkind: myth\nmyth: M\nreality: R\n---\n\n",
        5,
        Level.ERROR,
        "without a source",
        "",
    ),
    (
        GOOD_HEAD + "# x\n\n![a](https://example.invalid/a.png)\n",
        7,
        Level.ERROR,
        "remote images",
        "",
    ),
    (
        GOOD_HEAD + "---\nkind: discussion\n---\n## Talk\n",
        5,
        Level.WARNING,
        "discussion without minutes",
        "",
    ),
    (
        GOOD_HEAD + "---\nid: a\n---\n# x\n---\nid: a\n---\n# y\n",
        10,
        Level.ERROR,
        "id 'a' is used twice",
        "line 5",
    ),
    (
        GOOD_HEAD + "---\nkind: recap\nmyths: [nope]\n---\n\n",
        7,
        Level.ERROR,
        "unknown myth 'nope'",
        "",
    ),
    (
        GOOD_HEAD + "---\nonly: [kids]\n---\n# x\n",
        6,
        Level.ERROR,
        "variant 'kids' is not declared",
        "",
    ),
    (
        GOOD_HEAD + "# Scale\n\nAbout 6.3 million people.\n",
        5,
        Level.WARNING,
        "without a source",
        "",
    ),
    (GOOD_HEAD + "# Scale\n\n61% were women and girls.\n", 5, Level.WARNING, "figure ('61%')", ""),
    (
        GOOD_HEAD + "# Scale\n\nOne in five young people.\n",
        5,
        Level.WARNING,
        "without a source",
        "",
    ),
    ("---\ntitle: T\n---\n# x\n", 1, Level.WARNING, "no content_warning", "none"),
    (
        "---\ntitle: T\ncontent_warning: none\nduration: 60\n---\n---\nminutes: 10\n---\n# x\n",
        4,
        Level.WARNING,
        "plan 10 minutes",
        "",
    ),
    (GOOD_HEAD + "# x\n\nSee [this](https://example.invalid).\n", 5, Level.WARNING, "web link", ""),
    (
        GOOD_HEAD + "# x\n\nShe was accused of self-trafficking.\n",
        5,
        Level.WARNING,
        "blames the victim",
        "",
    ),
    (GOOD_HEAD + "---\nkind: break\n---\n\n", 5, Level.WARNING, "break without minutes", ""),
    (
        GOOD_HEAD + "---\nkind: myth\nmyth: A\nreality: B\nsource: C\n---\nkind: myth\n",
        5,
        Level.WARNING,
        "looks like options",
        "",
    ),
    (
        "---\ntitle: T\ncontent_warning: none\nhelp:\n  - name: <your service>\n"
        "    reach: <phone>\n---\n# x\n",
        4,
        Level.WARNING,
        "still a placeholder",
        "",
    ),
    (GOOD_HEAD + "---\nminutes: soon\n---\n# x\n", 6, Level.ERROR, "must be a number", ""),
    (
        GOOD_HEAD + "---\nkind: discussion\nformat: trios\nminutes: 3\n---\n# x\n",
        7,
        Level.ERROR,
        "'format' must be one of",
        "",
    ),
]


@pytest.mark.parametrize(("text", "line", "level", "message", "hint"), CASES)
def test_broken_deck_gets_the_right_line(text, line, level, message, hint) -> None:
    found = diags(text)
    matching = find(found, level, message)
    assert matching, "\n".join(d.format() for d in found)
    assert matching[0].line == line, matching[0].format()
    assert matching[0].file == "/decks/x/deck.md"
    assert hint in matching[0].hint


def test_format_is_compiler_like() -> None:
    (problem,) = find(diags(CASES[0][0]), Level.ERROR, "unknown slide kind")
    assert problem.format().startswith("/decks/x/deck.md:6:1: error: unknown slide kind 'mith'")


def test_quoted_words_to_avoid_are_allowed() -> None:
    found = diags(GOOD_HEAD + '# Words\n\nAvoid "self-trafficking": it blames.\n')
    assert not find(found, Level.WARNING, "blames the victim")


def test_source_silences_the_statistic_warning() -> None:
    found = diags(GOOD_HEAD + "---\nsource: ILO 2022\n---\n# 6.3 million people\n")
    assert not find(found, Level.WARNING, "without a source")


def test_content_warning_none_is_accepted() -> None:
    assert not find(diags(GOOD_HEAD + "# x\n"), Level.WARNING, "content_warning")


def test_minutes_within_ten_percent_pass() -> None:
    text = "---\ntitle: T\ncontent_warning: none\nduration: 10\n---\n---\nminutes: 9.5\n---\n# x\n"
    assert not find(diags(text), Level.WARNING, "minutes")


def test_minutes_are_checked_per_variant() -> None:
    text = (
        "---\ntitle: T\ncontent_warning: none\nduration: 10\nvariants: [a, b]\n---\n"
        "---\nminutes: 10\nonly: [a]\n---\n# x\n"
        "---\nminutes: 4\nonly: [b]\n---\n# y\n"
    )
    found = find(diags(text), Level.WARNING, "for variant 'b'")
    assert len(found) == 1 and found[0].line == 4


def test_no_help_contacts_is_information_only() -> None:
    found = diags(GOOD_HEAD + "# x\n")
    (info,) = [d for d in found if d.level is Level.INFO]
    assert "no help contacts" in info.message
    assert not [d for d in found if d.level is not Level.INFO]


def test_help_contacts_from_settings_and_folder(tmp_path: Path) -> None:
    deck_dir = tmp_path / "decks" / "one"
    deck_dir.mkdir(parents=True)
    path = deck_dir / "deck.md"
    path.write_text(GOOD_HEAD + "# x\n", "utf-8")
    settings = [HelpContact("Local line", "call 1", "always")]
    found = check_deck(parse_deck(path.read_text(), path), settings_contacts=settings)
    assert not [d for d in found if d.level is Level.INFO]
    (tmp_path / "decks" / "help.yaml").write_text(
        "help:\n  - name: TODO fill in\n    reach: x\n", "utf-8"
    )
    found = check_deck(parse_deck(path.read_text(), path), settings_contacts=settings)
    (warning,) = find(found, Level.WARNING, "placeholder")
    assert warning.file.endswith("help.yaml")


def test_help_yaml_errors_are_reported_in_that_file(tmp_path: Path) -> None:
    (tmp_path / "help.yaml").write_text("help:\n  - name: [oops\n", "utf-8")
    path = tmp_path / "deck.md"
    path.write_text(GOOD_HEAD + "# x\n", "utf-8")
    found = check_deck(parse_deck(path.read_text(), path))
    assert any(d.file.endswith("help.yaml") and d.level is Level.ERROR for d in found)


def test_diagnostics_are_sorted_by_line() -> None:
    found = diags(GOOD_HEAD + "---\nkind: mith\n---\n# x\n---\nminuts: 1\n---\n# y\n")
    lines = [d.line for d in found if d.file == "/decks/x/deck.md"]
    assert lines == sorted(lines)


def test_broken_front_matter_does_not_add_noise() -> None:
    found = diags("---\ntitle: T\nvariants: [a\n---\n# x\n")
    assert [d.level for d in found if d.level is not Level.INFO] == [Level.ERROR]


def test_a_help_file_shared_by_several_decks_is_reported_once(tmp_path: Path) -> None:
    from presenter.commands.check import check_paths

    (tmp_path / "help.yaml").write_text(
        'help:\n  - name: Helpline\n    reach: "<phone number>"\n', "utf-8"
    )
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "deck.md").write_text(
            "---\ntitle: x\ncontent_warning: none\n---\n# Hi\n", "utf-8"
        )
    found = check_paths([str(tmp_path / "one"), str(tmp_path / "two")], render=False)
    placeholders = [d for d in found if "placeholder" in d.message]
    assert len(placeholders) == 1 and placeholders[0].file.endswith("help.yaml")
