"""The sample workshops in decks/: the first thing an organizer opens.

These tests hold the decks to the content rules, beyond what `presenter check`
enforces for every deck: every figure traceable to a source and year, notes on every
slide, no wording or figures the fact sheet rules out, no invented help numbers,
planned minutes that match the duration for every audience variant, true statements
mixed into the myth quiz, reporting routes and first steps for young people, one
disclosure and crisis protocol instead of a sentence pasted on every slide, the help
slide last, and a take-home handout of at most two pages.

Each rule is a small function that returns a list of problems, so the negative tests at
the bottom can show that each rule really fails on a bad deck.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from presenter.commands.check import check_paths
from presenter.core.deck.diagnostics import Level
from presenter.core.deck.helpcontacts import is_placeholder, read_help_file
from presenter.core.deck.model import Deck, HelpContact, Slide
from presenter.core.deck.parser import load_deck, parse_deck
from presenter.export.content import unique_myths
from presenter.export.handout import export_handout
from presenter.export.helpcard import export_help_card

ROOT = Path(__file__).resolve().parents[2]
DECKS = ROOT / "decks"
SAMPLES = ("understanding-trafficking", "online-safety-youth", "facilitator-briefing")

# Figures and claims the fact sheet marks "?" or "don't use", and ideology from the
# opinion pieces among the source documents. Never in a deck, not even quoted.
NEVER = (
    "12 to 27 million",
    "12-27 million",
    "12–27 million",
    "27 million",
    "age of entry",
    "third-largest",
    "third largest",
    "quarter of",
    "super bowl",
    "10,000 victims",
    "bought for",
    "30 clients",
    "120,000",
    "detected domestically",
    "90% of parents",
    "60% of teens",
    "20% of parents",
    "self-trafficking",
    "self trafficking",
    "prostitut",
    "child porn",
    "equal money",
    "eqafe",
    # sources retired by the content review: secondary, unfindable or clickbait
    "acrath",
    "canada dnd",
    "people for sale",
    "ngo blog",
    "child-protection guidance",
)
# Framing to avoid; allowed only inside double quotes (e.g. a list of words to avoid).
UNQUOTED = ("rescue", "predator")
_DOUBLE_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")

# Help lines are local: no phone numbers, including the US examples in the fact sheet.
PHONE = re.compile(
    r"\b\d{3,4}[\s.-]\d{3}[\s.-]\d{3,4}\b|\b1-8\d\d\b|\b\d{5,}\b|373-7888|843-5678|233733"
)
# Broader than the checker's rule: also thousands, currency and "N in M".
STATISTIC = re.compile(
    r"\d[\d,.]*\s*(%|per ?cent\b|percent\b|million\b|billion\b|bn\b|M\b)"
    r"|\b(one|two|three|four|five|\d+) in (every )?(\d+|two|three|four|five|six|seven|eight|"
    r"nine|ten)\b"
    r"|US\$|[$£€]\s?\d|\b\d{1,3}(,\d{3})+\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(19|20)\d\d\b")
NOTE_PARTS = ("**say:**", "**ask", "**watch for:**")  # "**Ask (optional):**" counts
DISCLOSURE_LINE = re.compile(r"\*\*if someone discloses", re.IGNORECASE)
MAX_DISCLOSURE_LINES = 10  # only where the risk is higher; the protocol card has the rest
# The protocol card, in the title slide's notes of every audience deck.
PROTOCOL = (
    "protocol card",
    "safe right now",
    "confront",
    "parent",
    "secrecy",
    "hurt themselves",
    "crisis line",
    "own words",
)
AUDIENCE = ("understanding-trafficking", "online-safety-youth")
MIN_TRUE = {"understanding-trafficking": 3, "online-safety-youth": 3, "facilitator-briefing": 1}
# What a young person must be told on the slides (lower case).
YOUTH_MUST_SAY = (
    "trusted adult",
    "don't pay",
    "delete",
    "report",
    "police",
    "hotline",
    "say no",
    "take it down",
    "report remove",
    "never leaves",
)


def load(name: str) -> Deck:
    return load_deck(DECKS / name / "deck.md")


def variants_of(deck: Deck) -> list[str | None]:
    return list(deck.meta.variants) or [None]


def slide_text(slide: Slide) -> str:
    parts = [slide.body]
    if slide.myth is not None:
        parts += [slide.myth.statement, slide.myth.reality]
    return "\n".join(parts)


def sources_of(slide: Slide) -> tuple[str, ...]:
    return slide.myth.sources if slide.myth is not None else slide.sources


def where(slide: Slide) -> str:
    return f"slide {slide.index + 1} (line {slide.line}, {slide.title!r})"


# --- rules: each returns a list of problems --------------------------------------------


def forbidden_problems(text: str) -> list[str]:
    lowered = text.lower()
    found = [f"forbidden: {phrase!r}" for phrase in NEVER if phrase in lowered]
    unquoted = _DOUBLE_QUOTED.sub("", lowered)
    found += [f"unquoted: {word!r}" for word in UNQUOTED if word in unquoted]
    found += [f"phone-like number: {m.group(0)!r}" for m in PHONE.finditer(text)]
    return found


def statistic_problems(deck: Deck) -> list[str]:
    problems = []
    for slide in deck.slides:
        on_slide = STATISTIC.search(slide_text(slide))
        in_notes = STATISTIC.search(slide.notes)
        sources = sources_of(slide)
        if (on_slide or in_notes) and not sources:
            found = (on_slide or in_notes).group(0)  # type: ignore[union-attr]
            problems.append(f"{where(slide)}: figure {found!r} without source")
        if on_slide:
            if not any(YEAR.search(s) for s in sources):
                problems.append(f"{where(slide)}: figure's source has no year")
            if not YEAR.search(slide.notes):
                problems.append(f"{where(slide)}: figure's year is not in the notes")
    return problems


def notes_problems(deck: Deck) -> list[str]:
    problems = []
    for slide in deck.slides:
        notes = slide.notes.lower()
        missing = [part for part in NOTE_PARTS if part not in notes]
        if missing:
            problems.append(f"{where(slide)}: notes lack {missing}")
    return problems


def myth_problems(deck: Deck) -> list[str]:
    problems = []
    for slide in deck.slides:
        if slide.myth is None:
            continue
        if not (slide.myth.statement and slide.myth.reality and slide.myth.sources):
            problems.append(f"{where(slide)}: myth needs statement, reality and source")
        if not slide.id:
            problems.append(f"{where(slide)}: myth has no id")
    return problems


def recap_problems(deck: Deck) -> list[str]:
    problems = []
    for variant in variants_of(deck):
        shown: list[Slide] = list(deck.slides_for(variant))
        asked: set[str] = set()
        for slide in shown:
            if slide.myth is not None and slide.id:
                asked.add(slide.id)
            for myth_id in slide.recap_ids:
                if myth_id not in asked:
                    problems.append(
                        f"{where(slide)}: recap asks {myth_id!r}, not shown earlier "
                        f"for variant {variant}"
                    )
        if not any(s.kind == "recap" for s in shown):
            problems.append(f"no recap for variant {variant}")
    return problems


def minutes_problems(deck: Deck) -> list[str]:
    duration = deck.meta.duration
    if duration is None:
        return ["no duration"]
    return [
        f"variant {variant}: {deck.planned_minutes(variant):g} planned, duration {duration:g}"
        for variant in variants_of(deck)
        if abs(deck.planned_minutes(variant) - duration) > 1e-6
    ]


def structure_problems(deck: Deck) -> list[str]:
    problems = []
    warning = deck.meta.content_warning or ""
    if not warning.strip() or warning.strip().lower() == "none":
        problems.append("no content warning")
    if deck.meta.help:
        problems.append("sample decks carry no help contacts of their own")
    for variant in variants_of(deck):
        shown = deck.slides_for(variant)
        kinds = [s.kind for s in shown]
        label = f"variant {variant}"
        for kind in ("title", "section", "help", "discussion", "myth", "recap"):
            if kind not in kinds:
                problems.append(f"{label}: no {kind} slide")
        bodies = [s.body.lower() for s in shown]
        if not any("agreement" in s.title.lower() for s in shown):
            problems.append(f"{label}: no group agreements slide")
        if not any("step out" in b for b in bodies[:3]) and "step out" not in warning:
            problems.append(f"{label}: the right to step out is not said up front")
        if not any("breathe" in b for b in bodies[-5:]):
            problems.append(f"{label}: no grounding close near the end")
        if shown[-1].kind != "help":
            problems.append(f"{label}: the last slide is not the help slide")
        if any(s.title == "References" for s in shown):
            problems.append(f"{label}: a references slide (sources belong in the handout)")
        for slide in shown:
            if slide.kind == "discussion":
                d = slide.discussion
                if d is None or not d.minutes or not d.format or not d.followups:
                    problems.append(f"{where(slide)}: discussion needs minutes/format/followups")
            if slide.images or "![" in slide.body:
                problems.append(f"{where(slide)}: the sample decks use no images")
    return problems


def disclosure_problems(deck: Deck) -> list[str]:
    """One protocol card in the title slide's notes; a disclosure line only where the
    risk is higher, never pasted on every slide."""
    problems = []
    lines = sum(len(DISCLOSURE_LINE.findall(s.notes)) for s in deck.slides)
    if lines > MAX_DISCLOSURE_LINES:
        problems.append(f"{lines} 'If someone discloses' lines: keep them for higher risk")
    repeated: dict[str, int] = {}
    for slide in deck.slides:
        for line in slide.notes.split("- **")[1:]:
            if DISCLOSURE_LINE.match("**" + line):
                key = " ".join(line.split()).lower()
                repeated[key] = repeated.get(key, 0) + 1
    problems += [
        f"disclosure line pasted {n} times: {k[:50]!r}" for k, n in repeated.items() if n > 2
    ]
    return problems


def protocol_problems(deck: Deck) -> list[str]:
    notes = " ".join(deck.slides[0].notes.lower().split()) if deck.slides else ""
    return [f"the protocol card lacks {part!r}" for part in PROTOCOL if part not in notes]


def true_statement_problems(deck: Deck, minimum: int) -> list[str]:
    """The quiz mixes true statements in, in every variant, and is not all true."""
    problems = []
    for variant in variants_of(deck):
        myths = [s.myth for s in deck.slides_for(variant) if s.myth is not None]
        true = sum(1 for m in myths if m.is_true)
        if true < minimum:
            problems.append(f"variant {variant}: {true} true statements, want {minimum}+")
        if true * 2 > len(myths):
            problems.append(f"variant {variant}: most statements are true")
    return problems


def youth_safety_problems(deck: Deck, variant: str | None) -> list[str]:
    text = " ".join(slide_text(s) for s in deck.slides_for(variant)).lower()
    text = " ".join(text.replace("’", "'").split())
    return [f"variant {variant}: slides never say {p!r}" for p in YOUTH_MUST_SAY if p not in text]


def shape_problems(deck: Deck, *, needs_break: bool, closing: bool) -> list[str]:
    """Practice and Closing sections, discussions long enough to form pairs or groups,
    optional "Ask" lines, and a break when the session is long."""
    problems = []
    for variant in variants_of(deck):
        shown = deck.slides_for(variant)
        sections = [s.title.lower() for s in shown if s.kind == "section"]
        if not any(t.startswith("practice") for t in sections):
            problems.append(f"variant {variant}: no Practice section")
        if closing and "closing" not in sections:
            problems.append(f"variant {variant}: no Closing section")
        if needs_break and not any(s.kind == "break" for s in shown):
            problems.append(f"variant {variant}: no break")
        for slide in shown:
            d = slide.discussion
            if d is None:
                continue
            least = {"pairs": 3, "groups": 6}.get(d.format, 0)
            if (d.minutes or 0) < least:
                problems.append(f"{where(slide)}: {d.format} need {least}+ minutes")
    if not any("**ask (optional):**" in s.notes.lower() for s in deck.slides):
        problems.append("no Ask line is marked optional")
    return problems


def source_year_problems(deck: Deck) -> list[str]:
    """Every source has a year: of publication, or when a web page was last checked."""
    return [
        f"{where(slide)}: source without a year: {source!r}"
        for slide in deck.slides
        for source in sources_of(slide) + (slide.sources if slide.myth is not None else ())
        if not YEAR.search(source)
    ]


# --- the sample decks ------------------------------------------------------------------


@pytest.fixture(params=SAMPLES)
def name(request: pytest.FixtureRequest) -> str:
    return request.param


def test_parses_without_errors(name: str) -> None:
    deck = load(name)
    assert deck.ok, [d.format() for d in deck.errors]
    assert len(deck.slides) > 10


def test_strict_check_is_clean(name: str) -> None:
    found = check_paths([str(DECKS / name)], render=False)
    problems = [d.format() for d in found if d.level is not Level.INFO]
    assert problems == []


def test_every_myth_is_complete(name: str) -> None:
    assert myth_problems(load(name)) == []


def test_every_slide_has_full_notes(name: str) -> None:
    assert notes_problems(load(name)) == []


def test_every_figure_has_source_and_year(name: str) -> None:
    assert statistic_problems(load(name)) == []


def test_structure(name: str) -> None:
    assert structure_problems(load(name)) == []


def test_recaps_ask_myths_already_shown(name: str) -> None:
    assert recap_problems(load(name)) == []


def test_planned_minutes_match_duration(name: str) -> None:
    assert minutes_problems(load(name)) == []


@pytest.mark.parametrize("filename", ["deck.md", "README.md"])
def test_no_forbidden_phrases_or_numbers(name: str, filename: str) -> None:
    text = (DECKS / name / filename).read_text("utf-8")
    assert forbidden_problems(text) == []


def test_expected_lengths_and_variants() -> None:
    # Timed for a first-time facilitator: the adult session has a break, the youth
    # session needs a double period, the briefing is mostly practice.
    assert load("understanding-trafficking").meta.duration == 90
    youth = load("online-safety-youth")
    assert youth.meta.duration == 50
    assert set(youth.meta.variants) == {"youth", "parents"}
    assert load("facilitator-briefing").meta.duration == 35


def test_briefing_names_the_keys() -> None:
    body = "\n".join(s.body for s in load("facilitator-briefing").slides)
    for key in ("PageDown", "PageUp", "Backspace", "Return", "F5", "Esc", "--variant"):
        assert key in body
    for key in ("**H:**", "**C:**", "**B**", "**W**", "**T:**", "counts", "--rehearse"):
        assert key in body


def test_disclosure_notes_are_one_protocol_not_boilerplate(name: str) -> None:
    assert disclosure_problems(load(name)) == []


@pytest.mark.parametrize("deck_name", AUDIENCE)
def test_audience_decks_carry_the_protocol_card(deck_name: str) -> None:
    assert protocol_problems(load(deck_name)) == []


def test_quiz_mixes_true_statements_in(name: str) -> None:
    assert true_statement_problems(load(name), MIN_TRUE[name]) == []


@pytest.mark.parametrize("variant", ["youth", "parents"])
def test_youth_deck_gives_reporting_routes_and_first_steps(variant: str) -> None:
    assert youth_safety_problems(load("online-safety-youth"), variant) == []


def test_timing_and_shape(name: str) -> None:
    deck = load(name)
    long = name == "understanding-trafficking"
    assert shape_problems(deck, needs_break=long, closing=name in AUDIENCE) == []


def test_every_source_has_a_year(name: str) -> None:
    assert source_year_problems(load(name)) == []


def test_briefing_covers_crisis_terminology_and_training() -> None:
    text = " ".join(
        slide_text(s) + " " + s.notes for s in load("facilitator-briefing").slides
    ).lower()
    for part in (
        "not safeguarding training",
        "luxembourg",
        "hurt themselves",
        "headlines",
        "don't confront",
        "parent or carer",
        "crisis line",
    ):
        assert part in " ".join(text.split()), part


# --- help contacts ---------------------------------------------------------------------


def test_help_example_is_placeholders_only() -> None:
    path = DECKS / "help.example.yaml"
    contacts, diagnostics, _ = read_help_file(path)
    assert diagnostics == ()
    assert len(contacts) >= 3
    assert all(is_placeholder(c) for c in contacts)
    assert forbidden_problems(path.read_text("utf-8")) == []
    assert not (DECKS / "help.yaml").exists(), "the repository must not ship real contacts"


def test_unfilled_help_example_makes_strict_check_fail(tmp_path: Path) -> None:
    folder = tmp_path / "decks"
    shutil.copytree(DECKS / "facilitator-briefing", folder / "facilitator-briefing")
    shutil.copy(DECKS / "help.example.yaml", folder / "help.yaml")
    found = check_paths([str(folder / "facilitator-briefing")], render=False)
    assert any(d.level is Level.WARNING and "placeholder" in d.message for d in found)


# --- the rules themselves can fail -----------------------------------------------------

BAD = """---
title: Bad
duration: 10
variants: [youth, parents]
---
kind: myth
myth: Everyone agrees.
reality: No.
source: Nobody
minutes: 2
---

???
- **Say:** hi
---
minutes: 3
source: Someone
---
## Big number

About 27 million people, the average age of entry, call 1-888-373-7888.

???
Just read it.
---
minutes: 1
only: [youth]
---
## Money

US$10 billion

???
- **Say:** x - **Ask:** x - **Watch for:** x - **If someone discloses:** x
---
kind: recap
myths: [later]
minutes: 1
---

---
kind: myth
id: later
myth: Late.
reality: Late.
source: Late, 2020
minutes: 1
only: [parents]
---
"""


def test_rules_catch_a_bad_deck() -> None:
    deck = parse_deck(BAD)
    assert any("without source" in p for p in statistic_problems(deck))
    assert any("source has no year" in p for p in statistic_problems(deck))
    assert any("lack" in p for p in notes_problems(deck))
    assert any("no id" in p for p in myth_problems(deck))
    assert any("'later'" in p for p in recap_problems(deck))
    assert any("planned" in p for p in minutes_problems(deck))
    problems = structure_problems(deck)
    assert "no content warning" in problems
    assert any("agreements" in p for p in problems)
    assert any("help slide" in p for p in problems)
    hits = forbidden_problems(BAD)
    assert any("27 million" in p for p in hits)
    assert any("age of entry" in p for p in hits)
    assert any("phone-like" in p for p in hits)


def test_quoted_words_to_avoid_are_allowed() -> None:
    assert forbidden_problems('Avoid "rescue" and "predator" framing.') == []
    assert forbidden_problems("Raids rescue people.") == ["unquoted: 'rescue'"]
    assert forbidden_problems('Never say "self-trafficking".') == ["forbidden: 'self-trafficking'"]


def test_rules_catch_the_v2_faults() -> None:
    deck = parse_deck(BAD)
    assert any("protocol card" in p for p in protocol_problems(deck))
    assert any("true statements" in p for p in true_statement_problems(deck, 1))
    assert youth_safety_problems(deck, None)
    shape = shape_problems(deck, needs_break=True, closing=True)
    assert any("Practice" in p for p in shape)
    assert any("Closing" in p for p in shape)
    assert any("no break" in p for p in shape)
    assert any("optional" in p for p in shape)
    assert any("without a year" in p for p in source_year_problems(deck))
    assert any("not the help slide" in p for p in structure_problems(deck))
    pasted = BAD + "".join(
        f"---\nminutes: 0\n---\n## S{n}\n\n???\n- **If someone discloses:** Thank them.\n"
        for n in range(12)
    )
    found = disclosure_problems(parse_deck(pasted))
    assert any("keep them for higher risk" in p for p in found)
    assert any("pasted 12 times" in p for p in found)
    short = parse_deck(
        "---\ntitle: x\n---\nkind: discussion\nminutes: 2\nformat: groups\n"
        "followups: [a]\n---\n## Talk\n"
    )
    assert any(
        "groups need 6+" in p for p in shape_problems(short, needs_break=False, closing=False)
    )


# --- the printed take-home documents ---------------------------------------------------

CONTACTS = (
    HelpContact("Example support line", "Phone 01632 960 123", "Any time", "Free, confidential"),
    HelpContact("Example crisis line", "Text 01632 960 456", "Any time"),
    HelpContact("Emergency services", "Phone 01632 960 999", "If someone is in danger now"),
)
CLASSROOM_ONLY = ("hands up", "feet on the floor", "next slide", "breathe in", "press t")
PRINTED = [
    (name, variant, contacts)
    for name in SAMPLES
    for variant in variants_of(load(name))
    for contacts in (CONTACTS, ())
]


def pdf_page_texts(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def first_words(html_text: str, count: int = 5) -> str:
    plain = re.sub(r"<[^>]+>", "", html_text).replace("&amp;", "&").replace("&#x27;", "'")
    return " ".join(plain.replace("&quot;", '"').split()[:count])


@pytest.mark.parametrize(
    ("deck_name", "variant", "contacts"),
    PRINTED,
    ids=[f"{n}-{v}-{'contacts' if c else 'blank'}" for n, v, c in PRINTED],
)
def test_handout_is_two_pages_for_home(
    qapp: object, tmp_path: Path, deck_name: str, variant: str | None, contacts: tuple
) -> None:
    deck = load(deck_name)
    out = tmp_path / "handout.pdf"
    export_handout(deck, out, variant=variant, help_contacts=contacts)
    pages = pdf_page_texts(out)
    assert len(pages) <= 2
    text = " ".join(pages)
    assert text.startswith(deck.meta.title.split(":")[0])
    assert text.index("Where to get support") < 400
    for contact in contacts:
        assert contact.reach in pages[0]
    lowered = text.lower()
    assert [w for w in CLASSROOM_ONLY if w in lowered] == []
    if deck_name == "online-safety-youth":
        assert "What to do first" in pages[0]
        assert "police or a hotline" in lowered
    # A myth and its reality are on the same page, never split by the page break.
    for _, myth in unique_myths(deck, variant):
        statement, reality = first_words(myth.statement_html), first_words(myth.reality_html)
        where_statement = [n for n, page in enumerate(pages) if statement in page]
        assert where_statement, statement
        assert reality in pages[where_statement[0]], (statement, reality)


@pytest.mark.parametrize("contacts", [CONTACTS, ()], ids=["contacts", "blank"])
def test_help_card_is_discreet(qapp: object, tmp_path: Path, contacts: tuple) -> None:
    deck = load("online-safety-youth")
    out = tmp_path / "card.pdf"
    assert export_help_card(deck, out, help_contacts=contacts) == 1
    (page,) = pdf_page_texts(out)
    lowered = page.lower()
    for word in ("sextortion", "grooming", "trafficking", "exploitation", "workshop on"):
        assert word not in lowered
    for contact in contacts:
        assert page.count(contact.reach) >= 8  # several cards on the sheet
    assert "Cut along the lines" in page
