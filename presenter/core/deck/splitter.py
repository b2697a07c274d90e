"""Split deck text into front matter and raw slides, keeping line numbers.

The rules (documented for organizers in docs/deck-format.md):

* Front matter: line 1 is exactly ``---``; it closes at the next line that is ``---``
  or ``...``.
* A line that is exactly ``---`` (trailing spaces allowed) outside a code fence starts
  a new slide.
* Options block: if the first line after a separator (or after the front matter) looks
  like ``lowercase_key: ...``, the lines up to the next ``---`` are that slide's options.
* ``???`` alone on a line (or a line starting ``Note:``/``Notes:``) starts the notes.
* ``--`` alone on a line splits the slide into reveal steps.
* HTML comments ``<!-- ... -->`` are authoring comments and are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SEPARATOR = re.compile(r"^---[ \t]*$")
FM_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")
OPTION_LINE = re.compile(r"^[a-z_][a-z0-9_-]*[ \t]*:(\s|$)")
FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
NOTES_MARK = re.compile(r"^\?\?\?[ \t]*$")
NOTE_PREFIX = re.compile(r"^(?i:notes?):[ \t]?")
STEP_MARK = re.compile(r"^--[ \t]*$")


@dataclass
class RawSlide:
    line: int  # 1-based first line of the slide (its separator, or first content line)
    end_line: int
    options_text: str = ""
    options_line: int = 0  # 1-based line of the first option line (0: no options)
    steps: list[str] = field(default_factory=list)  # raw Markdown per step
    step_lines: list[int] = field(default_factory=list)  # 1-based first line of each step
    notes: str = ""
    raw: str = ""


@dataclass
class SplitDeck:
    front_matter: str | None
    front_matter_line: int  # 1-based line of the first front matter key
    front_matter_closed: bool
    slides: list[RawSlide]


def _strip_comments(lines: list[str]) -> list[str]:
    """Blank out <!-- --> comments outside code fences, keeping the line count."""
    out: list[str] = []
    in_comment = False
    fence: str | None = None
    for line in lines:
        if in_comment:
            end = line.find("-->")
            if end < 0:
                out.append("")
                continue
            in_comment = False
            line = line[end + 3 :]
        if fence is None:
            match = FENCE.match(line)
            if match:
                fence = match.group(1)[0]
                out.append(line)
                continue
        elif FENCE.match(line) and line.strip().startswith(fence * 3):
            fence = None
            out.append(line)
            continue
        if fence is not None:
            out.append(line)
            continue
        while "<!--" in line:
            start = line.index("<!--")
            end = line.find("-->", start + 4)
            if end < 0:
                line = line[:start]
                in_comment = True
                break
            line = line[:start] + line[end + 3 :]
        out.append(line)
    return out


def split(text: str) -> SplitDeck:
    lines = _strip_comments(text.split("\n"))
    index = 0
    front: str | None = None
    front_line = 0
    closed = True
    if lines and lines[0].rstrip() == "---":
        closed = False
        front_line = 2
        for j in range(1, len(lines)):
            if FM_CLOSE.match(lines[j]):
                front = "\n".join(lines[1:j])
                index = j + 1
                closed = True
                break
        if not closed:
            front = "\n".join(lines[1:])
            index = len(lines)

    chunks: list[_Chunk] = []
    current = _Chunk(sep_line=0, first_line=index + 1)
    fence: str | None = None
    for j in range(index, len(lines)):
        line = lines[j]
        if fence is None and SEPARATOR.match(line):
            chunks.append(current)
            current = _Chunk(sep_line=j + 1, first_line=j + 2)
            continue
        fence = _track_fence(line, fence)
        current.lines.append(line)
    chunks.append(current)
    return SplitDeck(front, front_line, closed, _pair_options(chunks))


@dataclass
class _Chunk:
    sep_line: int  # 1-based line of the separator that opened it (0: none)
    first_line: int  # 1-based line of lines[0]
    lines: list[str] = field(default_factory=list)

    @property
    def is_options(self) -> bool:
        return bool(self.lines) and bool(OPTION_LINE.match(self.lines[0]))

    @property
    def blank(self) -> bool:
        return not any(line.strip() for line in self.lines)

    @property
    def last_line(self) -> int:
        return self.first_line + max(0, len(self.lines) - 1)


def _track_fence(line: str, fence: str | None) -> str | None:
    match = FENCE.match(line)
    if not match:
        return fence
    mark = match.group(1)
    if fence is None:
        return mark
    stripped = line.strip()
    if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
        return None
    return fence


def _pair_options(chunks: list[_Chunk]) -> list[RawSlide]:
    """An options chunk takes the chunk after it as its body (Slidev's convention)."""
    slides: list[RawSlide] = []
    k = 0
    if chunks and chunks[0].sep_line == 0 and chunks[0].blank and len(chunks) > 1:
        k = 1  # nothing between the front matter and the first separator
    while k < len(chunks):
        chunk = chunks[k]
        if chunk.is_options:
            body = chunks[k + 1] if k + 1 < len(chunks) else _Chunk(0, chunk.last_line + 1)
            slides.append(_finish(chunk, body))
            k += 2
        else:
            slides.append(_finish(None, chunk))
            k += 1
    return slides


def _finish(options: _Chunk | None, body: _Chunk) -> RawSlide:
    head = options if options is not None else body
    first = head.sep_line or head.first_line
    end = max(body.last_line if body.lines else body.first_line - 1, first)
    if options is not None and not body.lines:
        end = max(end, options.last_line + 1)
    slide = RawSlide(line=first, end_line=end)
    if options is not None:
        slide.options_text = "\n".join(options.lines)
        slide.options_line = options.first_line
    steps: list[list[str]] = [[]]
    step_lines = [body.first_line]
    notes: list[str] = []
    in_notes = False
    fence: str | None = None
    for k, line in enumerate(body.lines):
        number = body.first_line + k
        if in_notes:
            notes.append(line)
            continue
        was_fenced = fence is not None
        fence = _track_fence(line, fence)
        if not was_fenced and fence is None:
            if NOTES_MARK.match(line):
                in_notes = True
                continue
            note = NOTE_PREFIX.match(line)
            if note:
                in_notes = True
                notes.append(line[note.end() :])
                continue
            if STEP_MARK.match(line):
                steps.append([])
                step_lines.append(number + 1)
                continue
        steps[-1].append(line)
    slide.steps = ["\n".join(s) for s in steps]
    slide.step_lines = step_lines
    slide.notes = "\n".join(notes).strip("\n")
    slide.raw = slide.options_text + "\n\x00\n" + "\n".join(body.lines)
    return slide
