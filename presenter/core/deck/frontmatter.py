"""Deck front matter: the schema, coerced from the YAML strings with line numbers."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from types import MappingProxyType
from typing import Any

from presenter.core.deck.diagnostics import DiagnosticSink
from presenter.core.deck.model import DeckMeta, HelpContact
from presenter.core.deck.options import LIST, NUMBER, TEXT, OptionError, OptionSpec, did_you_mean
from presenter.core.deck.safeyaml import YamlProblem, load_mapping

log = logging.getLogger(__name__)

MAX_FRONT_MATTER = 64 * 1024
MAX_HELP_CONTACTS = 40  # far more than any screen or handout shows
LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?")

DECK_OPTIONS: dict[str, OptionSpec] = {
    spec.name: spec
    for spec in (
        OptionSpec("title", TEXT, "the workshop's name"),
        OptionSpec("subtitle", TEXT, "a line under the title"),
        OptionSpec("audience", TEXT, "who it is for (shown to the facilitator)"),
        OptionSpec("language", TEXT, "language code of the slides, e.g. en, fr, ar"),
        OptionSpec("duration", NUMBER, "planned length in minutes"),
        OptionSpec("theme", TEXT, "a bundled theme name, or a theme file beside the deck"),
        OptionSpec("content_warning", TEXT, "notice shown before slide 1 ('none' for none)"),
        OptionSpec("help", LIST, "support contacts (name, reach, when)"),
        OptionSpec("variants", LIST, "audience bands, e.g. [youth, adults]"),
        OptionSpec("authors", LIST, "who wrote the deck"),
        OptionSpec("version", TEXT, "the deck's version"),
    )
}

_CONTACT_KEYS = {
    "name": "name",
    "reach": "reach",
    "contact": "reach",
    "phone": "reach",
    "how": "reach",
    "when": "when",
    "hours": "when",
    "notes": "notes",
}


def parse_contacts(
    value: Any,
    line: int,
    sink: DiagnosticSink,
    item_lines: Sequence[int] = (),
    lines_out: list[int] | None = None,
) -> tuple[HelpContact, ...]:
    """Help contacts: a list of mappings with name / reach / when (a few aliases accepted).

    ``item_lines`` are the 1-based lines of the list's items, so each contact's problem
    is reported on that contact's own line."""
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        sink.error(
            line,
            "'help' must be a list of contacts",
            "e.g.  help: [{name: ..., reach: ..., when: ...}]",
        )
        return ()
    contacts: list[HelpContact] = []
    if len(value) > MAX_HELP_CONTACTS:
        at = item_lines[MAX_HELP_CONTACTS] if len(item_lines) > MAX_HELP_CONTACTS else line
        sink.error(
            at,
            f"more than {MAX_HELP_CONTACTS} help contacts; the rest are ignored",
            "list the few contacts people in this room need most",
        )
        value = value[:MAX_HELP_CONTACTS]
    for number, item in enumerate(value):
        here = item_lines[number] if number < len(item_lines) else line
        if isinstance(item, str):
            contacts.append(HelpContact(name=item))
            if lines_out is not None:
                lines_out.append(here)
            continue
        if not isinstance(item, dict):
            sink.error(here, "each help contact must have name, reach and when")
            continue
        fields: dict[str, str] = {}
        for key, val in item.items():
            target = _CONTACT_KEYS.get(key)
            if target is None:
                sink.warning(
                    here,
                    f"unknown help contact field '{key}'",
                    did_you_mean(key, _CONTACT_KEYS) or "use name, reach, when, notes",
                )
                continue
            if not isinstance(val, str):
                sink.error(here, f"help contact field '{key}' must be text")
                continue
            fields[target] = val.strip()
        if not fields.get("name"):
            sink.error(here, "a help contact has no name")
            continue
        contacts.append(HelpContact(**fields))
        if lines_out is not None:
            lines_out.append(here)
    return tuple(contacts)


def parse_front_matter(text: str | None, first_line: int, sink: DiagnosticSink) -> DeckMeta:
    if text is None:
        return DeckMeta()
    if len(text.encode("utf-8")) > MAX_FRONT_MATTER:
        sink.error(
            first_line,
            f"front matter is larger than {MAX_FRONT_MATTER // 1024} KB",
            "keep settings short; put content on slides",
        )
        return DeckMeta(parsed=False)
    try:
        parsed = load_mapping(text)
    except YamlProblem as problem:
        sink.error(
            first_line + problem.line, problem.message, problem.hint, column=problem.column + 1
        )
        return DeckMeta(parsed=False)
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key, raw in parsed.values.items():
        line = first_line + parsed.lines.get(key, 0)
        lines[key] = line
        if key == "help":
            items = [first_line + n for n in parsed.item_lines.get("help", ())]
            values["help"] = parse_contacts(raw, line, sink, items)
            continue
        spec = DECK_OPTIONS.get(key)
        if spec is None:
            sink.warning(
                line,
                f"unknown deck setting '{key}'",
                did_you_mean(key, DECK_OPTIONS) or "see docs/deck-format.md",
            )
            continue
        try:
            values[key] = spec.coerce(raw)
        except OptionError as err:
            sink.error(line, err.message, err.hint)
    language = values.get("language")
    if isinstance(language, str) and not LANGUAGE_CODE.fullmatch(language.strip()):
        sink.error(
            lines["language"],
            "language must be a language code, like en, fr or pt-BR",
            "the slides' fixed words are then shown in that language",
        )
        values["language"] = "en"
    warning = values.pop("content_warning", None)
    if isinstance(warning, str) and warning.strip().lower() in ("none", "no", "false", ""):
        warning = ""
    meta = DeckMeta(
        title=str(values.get("title") or "Untitled workshop").strip(),
        subtitle=str(values.get("subtitle", "")).strip(),
        audience=str(values.get("audience", "")).strip(),
        language=str(values.get("language", "en")).strip() or "en",
        duration=values.get("duration"),
        theme=str(values.get("theme", "default")).strip() or "default",
        content_warning=warning.strip() if isinstance(warning, str) else None,
        help=values.get("help", ()),
        variants=tuple(v.strip() for v in values.get("variants", ())),
        authors=values.get("authors", ()),
        version=str(values.get("version", "")).strip(),
        lines=MappingProxyType(lines),
    )
    return meta
