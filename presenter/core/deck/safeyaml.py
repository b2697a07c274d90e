"""YAML for untrusted decks: no aliases, no duplicate keys, no implicit typing.

PyYAML's ``safe_load`` still expands aliases (a 300-byte "billion laughs" document
becomes hundreds of millions of leaves once walked), silently keeps the last of two
duplicate keys, and applies YAML 1.1 typing (``NO`` becomes ``False``, ``1:30`` becomes
``90``). We compose the node tree with a pure-Python loader that refuses anchors and
aliases, then convert it ourselves: every scalar stays a string, and every mapping key
remembers its line so schema errors can point at it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

log = logging.getLogger(__name__)

MAX_NODES = 20_000
MAX_DEPTH = 20
_SURROGATE = re.compile("[\ud800-\udfff]")


class YamlProblem(Exception):
    """A problem in a YAML block, with a 0-based line relative to the block."""

    def __init__(self, line: int, column: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint


class _NoAliasLoader(yaml.SafeLoader):
    """Pure-Python loader (the C loader ignores this override) that refuses aliases."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise YamlProblem(
                event.start_mark.line,
                event.start_mark.column,
                "YAML aliases (*name) are not allowed in decks",
                "write the value out in full",
            )
        event = self.peek_event()
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlProblem(
                event.start_mark.line,
                event.start_mark.column,
                "YAML anchors (&name) are not allowed in decks",
                "write the value out in full",
            )
        return Composer.compose_node(self, parent, index)


def _compose(text: str) -> Node | None:
    """The node tree of one document, refusing anchors and aliases.

    With libyaml (PyYAML's wheels ship it) the C parser's events are scanned for
    anchors and aliases first, then the C composer builds the tree: about eight times
    faster than the pure-Python loader, which remains the fallback."""
    if _C_LOADER is None:
        loader = _NoAliasLoader(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    try:
        for event in yaml.parse(text, Loader=_C_LOADER):
            if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
                kind = "aliases (*name)" if isinstance(event, AliasEvent) else "anchors (&name)"
                mark = event.start_mark
                raise YamlProblem(
                    mark.line if mark else 0,
                    mark.column if mark else 0,
                    f"YAML {kind} are not allowed in decks",
                    "write the value out in full",
                )
        node: Node | None = yaml.compose(text, Loader=_C_LOADER)
    except yaml.YAMLError:
        # The pure-Python parser points at the line where the problem starts (the C
        # one often at the end of the block): ask it, for the message organizers see.
        loader = _NoAliasLoader(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    return node


_C_LOADER = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None


@dataclass
class YamlMap:
    """A parsed mapping: plain values plus the 0-based line of each key.

    ``item_lines`` holds, for a key whose value is a list, the 0-based line of each item
    (so a help contact's problem points at that contact, not at ``help:``)."""

    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)


def _text(node: ScalarNode) -> str:
    """A scalar as text; a lone surrogate (``"\\ud800"``) cannot be saved or shown."""
    value = str(node.value)
    bad = _SURROGATE.search(value)
    if bad is not None:
        raise YamlProblem(
            node.start_mark.line,
            node.start_mark.column,
            f"the text has an invalid character (\\u{ord(bad.group()):04x})",
            "remove that escape: it is half of a character and cannot be saved or shown",
        )
    return value


def _convert(node: Node, depth: int, budget: list[int]) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise YamlProblem(node.start_mark.line, node.start_mark.column, "YAML block is too large")
    if depth > MAX_DEPTH:
        raise YamlProblem(node.start_mark.line, node.start_mark.column, "YAML is nested too deeply")
    if isinstance(node, ScalarNode):
        return _text(node)
    if isinstance(node, SequenceNode):
        return [_convert(child, depth + 1, budget) for child in node.value]
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem(
                    key_node.start_mark.line, key_node.start_mark.column, "keys must be plain words"
                )
            key = _text(key_node)
            if key in out:
                raise YamlProblem(
                    key_node.start_mark.line,
                    key_node.start_mark.column,
                    f"'{key}' is given twice",
                    "keep one of them",
                )
            out[key] = _convert(value_node, depth + 1, budget)
        return out
    raise YamlProblem(node.start_mark.line, node.start_mark.column, "unsupported YAML")


def load_mapping(text: str) -> YamlMap:
    """Parse a YAML block that must be a mapping (or empty). Raises :class:`YamlProblem`."""
    try:
        root = _compose(text)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line if mark else 0
        column = mark.column if mark else 0
        problem = (exc.problem or exc.context or "malformed YAML").split("\n", 1)[0]
        hint = (
            "indent with spaces, not tabs"
            if "\t" in text
            else "check quotes, colons and indentation"
        )
        raise YamlProblem(line, column, f"malformed YAML: {problem}", hint) from None
    except yaml.YAMLError as exc:  # ReaderError: a character YAML does not allow
        position = getattr(exc, "position", 0) or 0
        line = text[:position].count("\n")
        first = str(exc).split("\n", 1)[0]
        raise YamlProblem(line, 0, f"malformed YAML: {first}") from None
    except RecursionError:
        raise YamlProblem(0, 0, "YAML is nested too deeply") from None
    if root is None:
        return YamlMap()
    if not isinstance(root, MappingNode):
        raise YamlProblem(
            root.start_mark.line,
            root.start_mark.column,
            "expected 'key: value' lines",
            "each line should look like  title: My workshop",
        )
    budget = [MAX_NODES]
    values = _convert(root, 0, budget)
    lines = {str(k.value): k.start_mark.line for k, _ in root.value if isinstance(k, ScalarNode)}
    item_lines = {
        str(k.value): [item.start_mark.line for item in v.value]
        for k, v in root.value
        if isinstance(k, ScalarNode) and isinstance(v, SequenceNode)
    }
    return YamlMap(values, lines, item_lines)
