"""A Babel extraction method that reads Python with ``ast``, so calls inside f-strings count.

Babel's own Python extractor skips ``t(...)`` written inside an f-string on Python 3.11
(``f"<p>{escape(ctx.tr('Break'))}</p>"``), and the renderer writes many of those. This
one walks the syntax tree instead: ``t("...")``, ``ctx.tr("...")`` and
``tn("...", "...", n)`` wherever they are, implicitly joined literals included.

Used by ``tests/tools/catalogues.py`` and by ``babel.cfg`` (``pybabel extract -F babel.cfg``
with the repository root on ``PYTHONPATH``).
"""

from __future__ import annotations

import ast
import logging
from collections.abc import Collection, Iterator
from typing import IO, Any

log = logging.getLogger(__name__)

TRANSLATORS = ("t", "tr", "tn")


def calls(
    source: str, filename: str = "<source>"
) -> Iterator[tuple[int, str, tuple[str | None, ...]]]:
    """``(line, function, positional string arguments)`` for every translator call."""
    tree = ast.parse(source, filename)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else (
            func.attr if isinstance(func, ast.Attribute) else "")  # fmt: skip
        if name not in TRANSLATORS:
            continue
        args = tuple(
            a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
            for a in node.args
        )
        if args[0] is not None:
            yield node.lineno, name, args


def extract_python_ast(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str],
    options: dict[str, Any],
) -> Iterator[tuple[int, str, tuple[str | None, ...], list[str]]]:  # fmt: skip
    """Babel's extraction-method interface."""
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    for lineno, name, args in calls(source, getattr(fileobj, "name", "<source>")):
        if name in keywords:
            yield lineno, name, args, []
