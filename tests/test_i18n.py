"""The French catalogue covers every string the app passes to ``t()``.

The source is scanned with ``ast`` for ``t("literal", ...)`` calls (implicitly joined
literals included), so a new user-visible string without its translation fails here.
"""

from __future__ import annotations

import ast
import json
import string
from pathlib import Path

import pytest

from presenter import i18n
from presenter.i18n import t

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "presenter"
FRENCH = PACKAGE / "locale" / "fr.json"


def translated_strings(folder: Path = PACKAGE) -> dict[str, str]:
    """Every literal first argument of a ``t(...)`` call, with where it is."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and _is_translator(node.func)
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                where = f"{shown}:{node.lineno}"
                found.setdefault(node.args[0].value, where)
    return found


def _is_translator(func: ast.expr) -> bool:
    """``t(...)`` and the renderer's ``ctx.tr(...)`` (``t`` with the deck's language)."""
    if isinstance(func, ast.Name):
        return func.id == "t"
    return isinstance(func, ast.Attribute) and func.attr == "tr"


def data_strings() -> dict[str, str]:
    """Strings kept as data and translated through a variable: checked here by name."""
    from presenter.core.kinds import KINDS
    from presenter.core.model import DiscussionData, MythData

    found = {
        DiscussionData(None, fmt, ()).format_label: "presenter/core/model.py format_label"
        for fmt in ("solo", "pairs", "groups", "whole room")
    }
    for kind in KINDS.values():
        found[kind.label] = f"presenter/core/kinds.py {kind.__name__}.label"
        found[kind.document_label()] = f"presenter/core/kinds.py {kind.__name__}.print_label"
    from presenter.export.registry import FORMATS
    from presenter.ui.keys import KEY_TABLE

    for fmt in FORMATS:
        found[fmt.label] = f"presenter/export/registry.py {fmt.key}"
    for row in KEY_TABLE:
        found[row.short] = f"presenter/ui/keys.py KEY_TABLE {row.label}"
        if row.typed:
            found[row.typed] = f"presenter/ui/keys.py KEY_TABLE {row.label}"
    for answer in ("myth", "reality"):
        label = MythData("", "", "", "", (), None, answer).answer_label
        found[label] = "presenter/core/model.py MythData.answer_label"
    return found


def all_strings() -> dict[str, str]:
    return {**data_strings(), **translated_strings()}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_scan_finds_the_app_strings() -> None:
    found = translated_strings()
    assert "Sample workshops" in found  # the home window
    assert "Myth or reality?" in found  # what the audience sees, through ctx.tr
    assert len(found) > 100


def test_french_covers_every_string() -> None:
    catalogue = json.loads(FRENCH.read_text("utf-8"))
    missing = {text: where for text, where in all_strings().items() if text not in catalogue}
    assert not missing, "missing French translations:\n" + "\n".join(
        f"  {where}: {text!r}" for text, where in sorted(missing.items(), key=lambda i: i[1])
    )


def test_french_keeps_every_placeholder() -> None:
    catalogue = json.loads(FRENCH.read_text("utf-8"))
    wrong = {k: v for k, v in catalogue.items() if fields(k) != fields(v) or not v.strip()}
    assert not wrong


def test_helper_uses_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_console_language", "fr")
    assert t("Sample workshops") == "Ateliers d'exemple"
    assert t("Slide {n} of {total}", n=2, total=9) == "Diapositive 2 sur 9"
    assert t("Sample workshops", lang="en") == "Sample workshops"
    assert t("A string nobody translated") == "A string nobody translated"


def test_a_missing_catalogue_entry_is_reported(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text('from presenter.i18n import t\nt("Brand new words")\n')
    assert "Brand new words" in translated_strings(tmp_path)
