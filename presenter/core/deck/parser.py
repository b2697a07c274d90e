"""Text to :class:`Deck`: never raises for content problems, only :class:`DeckError`
when the file cannot be read as a deck at all (missing, too big, binary, not UTF-8)."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from types import MappingProxyType
from typing import Any

from presenter.core.deck.content import Converter, LazyHtml
from presenter.core.deck.diagnostics import DeckError, Diagnostic, DiagnosticSink, Level
from presenter.core.deck.frontmatter import parse_front_matter
from presenter.core.deck.kinds import KINDS, kind_named
from presenter.core.deck.model import Deck, MythData, Slide, may_have_images
from presenter.core.deck.options import OptionError, did_you_mean
from presenter.core.deck.paths import PathRefused, contained_file
from presenter.core.deck.safeyaml import YamlProblem, load_mapping
from presenter.core.deck.splitter import RawSlide, split
from presenter.support import digest

log = logging.getLogger(__name__)

MAX_DECK_BYTES = 2 * 1024 * 1024
MAX_SLIDE_CHARS = 64 * 1024
MAX_SLIDES = 5000
MAX_STEPS = 40  # reveal steps on one slide: a room follows far fewer
MAX_BRACKETS = 300  # Python-Markdown's link parser is quadratic in unclosed '['

# Python-Markdown's inline work grows with the square of the marks in one paragraph: a
# slide with more than this many is shown as plain text (no real slide comes close).
MAX_MARKS = 3000
_MARKS = ("*", "_", "`", "\\", "<", "&")

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.M)
_IMAGE_REF = re.compile(r"!\[[^\]\n]*\]\(\s*<?([^)>\s]*)")


def load_deck(path: str | Path, *, lazy: bool = False) -> Deck:
    """Read and parse a deck file (``lazy``: see :func:`parse_deck`). Raises
    :class:`DeckError` if it cannot be read."""
    path = Path(path)
    label = str(path)

    def fatal(message: str, hint: str = "", line: int = 1) -> DeckError:
        return DeckError(Diagnostic(label, line, 1, Level.ERROR, message, hint))

    try:
        if path.is_dir():
            raise fatal("this is a folder, not a deck file", "give the deck's .md file")
        real = contained_file(path, path.parent, what="the deck file", max_bytes=1 << 62)
        size = real.stat().st_size
        if size > MAX_DECK_BYTES:
            raise fatal(
                f"the deck is larger than {MAX_DECK_BYTES // (1024 * 1024)} MB",
                "split it into several decks; images belong in files beside it",
            )
        data = real.read_bytes()
    except PathRefused as refused:
        raise fatal(refused.reason, refused.hint) from None
    except (OSError, RuntimeError) as exc:
        raise fatal(f"cannot read the deck: {getattr(exc, 'strerror', None) or exc}") from None
    return parse_deck(decode_deck_bytes(data, label), path, lazy=lazy)


def decode_deck_bytes(data: bytes, label: str) -> str:
    def fatal(message: str, hint: str, line: int = 1) -> DeckError:
        return DeckError(Diagnostic(label, line, 1, Level.ERROR, message, hint))

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fatal("the deck is saved as UTF-16", "save it as UTF-8 in your editor")
    if b"\x00" in data[:8192]:
        raise fatal(
            "this looks like a binary file, not a Markdown deck",
            "decks are plain text files ending in .md",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise fatal("the deck is not UTF-8 text", "save it as UTF-8 in your editor", line) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise fatal("the deck contains a NUL character", "save it again as plain text", line)
    return text


def parse_deck(text: str, path: str | Path | None = None, *, lazy: bool = False) -> Deck:
    """Parse deck text. ``path`` locates images and names the file in diagnostics.

    ``lazy``: make each slide's HTML when it is first read (see
    :mod:`presenter.core.deck.content`); the diagnostics are the same either way."""
    deck_path = Path(path) if path is not None else None
    label = str(deck_path) if deck_path is not None else "<deck>"
    sink = DiagnosticSink(label)
    if len(text) > MAX_DECK_BYTES:
        raise DeckError(
            Diagnostic(
                label, 1, 1, Level.ERROR, "the deck is too large", "split it into several decks"
            )
        )
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    parts = split(text)
    if not parts.front_matter_closed:
        sink.error(
            1, "the front matter is not closed", "add a line with just --- after the deck settings"
        )
    meta = parse_front_matter(parts.front_matter, parts.front_matter_line, sink)
    converter = Converter(deck_path.parent if deck_path is not None else None)
    raws = [r for r in parts.slides if r.raw.strip("\n\x00 \t") or r.options_text]
    if len(raws) > MAX_SLIDES:
        sink.error(raws[MAX_SLIDES].line, f"more than {MAX_SLIDES} slides; the rest are ignored")
        raws = raws[:MAX_SLIDES]
    slides = tuple(_build_slide(i, raw, converter, sink, lazy=lazy) for i, raw in enumerate(raws))
    if not slides:
        sink.error(1, "the deck has no slides", "separate slides with a line containing just ---")
    return Deck(
        path=deck_path,
        meta=meta,
        slides=slides,
        content_hash=digest.sha256(text.encode("utf-8")).hexdigest(),
        diagnostics=tuple(sink.items),
    )


def _read_options(raw: RawSlide, sink: DiagnosticSink) -> tuple[dict[str, Any], dict[str, int]]:
    if not raw.options_text:
        return {}, {}
    try:
        parsed = load_mapping(raw.options_text)
    except YamlProblem as problem:
        sink.error(
            raw.options_line + problem.line,
            problem.message,
            problem.hint,
            column=problem.column + 1,
            code="yaml",
        )
        return {}, {}
    lines = {k: raw.options_line + v for k, v in parsed.lines.items()}
    return parsed.values, lines


def _build_slide(
    index: int, raw: RawSlide, md: Converter, sink: DiagnosticSink, *, lazy: bool = False
) -> Slide:
    values, lines = _read_options(raw, sink)
    kind_name = (
        str(values.get("kind", "content")).strip().lower()
        if isinstance(values.get("kind", "content"), str)
        else "content"
    )
    kind = kind_named(kind_name)
    if kind is None:
        sink.error(
            lines.get("kind", raw.line),
            f"unknown slide kind '{kind_name}'",
            did_you_mean(kind_name, KINDS) or f"kinds: {', '.join(KINDS)}",
        )
        kind = KINDS["content"]
    specs = kind.all_options()
    options: dict[str, Any] = {}
    for key, value in values.items():
        line = lines.get(key, raw.line)
        spec = specs.get(key)
        if spec is None:
            sink.error(
                line,
                f"unknown option '{key}' for a {kind.name} slide",
                did_you_mean(key, specs) or f"options: {', '.join(sorted(specs))}",
            )
            continue
        try:
            options[key] = spec.coerce(value)
        except OptionError as err:
            sink.error(line, err.message, err.hint)
    options["kind"] = kind.name

    steps = list(raw.steps)
    body = "\n\n".join(steps)
    if len(body) > MAX_SLIDE_CHARS:
        sink.error(raw.line, "this slide is too long to show", "split it into several slides")
        steps = [s[: MAX_SLIDE_CHARS // max(1, len(steps))] for s in steps]
    plain = sum(body.count(mark) for mark in _MARKS) > MAX_MARKS
    if plain:
        sink.warning(
            raw.line,
            "too much Markdown punctuation on this slide (* _ ` \\ < &); it is shown as plain text",
            "split the slide, or remove the extra marks",
        )
    if body.count("[") > MAX_BRACKETS:
        sink.warning(raw.line, "too many '[' on this slide; links and images on it are ignored")
        steps = [s.replace("[", "\\[") for s in steps]

    if len(steps) > MAX_STEPS:
        at = raw.step_lines[MAX_STEPS] if len(raw.step_lines) > MAX_STEPS else raw.line
        sink.warning(
            at,
            f"more than {MAX_STEPS} reveal steps on this slide; the rest show together",
            "split the slide into several slides",
        )
        steps = [*steps[: MAX_STEPS - 1], "\n\n".join(steps[MAX_STEPS - 1 :])]

    # Each step is converted once and the pieces are joined (linear in the slide's
    # length), now or, parsing lazily, when the slide is first shown: only a slide whose
    # text could hold an image can have a conversion problem to report.
    content = LazyHtml(md, steps, raw.notes, plain=plain)
    if not lazy or (not plain and may_have_images(steps)):
        for src, refused in content.get().refused:
            line, column = _locate(src, raw)
            sink.error(line, f"image refused: {refused.reason}", refused.hint, column=column)

    extras = kind.extras(options, md.inline)
    myth = extras.get("myth")
    step_count = kind.step_count(len(steps), options)

    title = _title_of(options, body, myth, index, kind.default_title)
    revision = digest.sha1(
        f"{kind.name}\x00{raw.raw}\x00{raw.notes}".encode("utf-8", "surrogatepass")
    ).hexdigest()[:16]
    return Slide(
        index=index,
        kind=kind.name,
        title=title,
        body=body,
        notes=raw.notes,
        line=raw.line,
        end_line=raw.end_line,
        revision=revision,
        options=MappingProxyType(options),
        option_lines=MappingProxyType(lines),
        id=options.get("id"),
        minutes=options.get("minutes"),
        only=tuple(options.get("only", ())),
        except_=tuple(options.get("except", ())),
        sources=tuple(options.get("source", ())),
        content=content,
        step_count=step_count,
        **extras,
    )


def _title_of(
    options: dict[str, Any], body: str, myth: MythData | None, index: int, default: str
) -> str:
    if options.get("title"):
        return str(options["title"]).strip()
    match = _HEADING.search(body)
    if match:
        return match.group(1).strip("*_ ") or f"Slide {index + 1}"
    if myth is not None and myth.statement:
        return myth.statement
    for line in body.split("\n"):
        text = line.strip().lstrip("-*>0123456789. ").strip()
        if text:
            return text[:80]
    return default or f"Slide {index + 1}"


def _locate(src: str, raw: RawSlide) -> tuple[int, int]:
    """The line and column of an image reference within a slide, for diagnostics."""
    for step_text, first_line in zip(raw.steps, raw.step_lines, strict=False):
        for offset, line in enumerate(step_text.split("\n")):
            for match in _IMAGE_REF.finditer(line):
                if match.group(1).strip() == src.strip():
                    return first_line + offset, match.start() + 1
    return raw.line, 1
