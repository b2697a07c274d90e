"""The take-home handout: where to get support, what to do first, the key points, the
myths and realities with their sources, and where to find out more.

Never the facilitator's notes, and never what only makes sense in the room (discussion
prompts, "hands up", breathing exercises): only what helps at home. A slide chooses
with ``handout: first`` (printed first, under the support contacts), ``handout: yes``
or ``handout: no``. A deck that says nothing prints every content slide, as before.

The handout aims at two pages: it is laid out at the normal type size, then at
smaller sizes until it fits (never below ``MIN_SIZE``). A myth and its reality are one
block and never split across a page break.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from presenter.core.deck.kinds import kind_of
from presenter.core.deck.model import Deck, HelpContact, MythData, Slide
from presenter.export import content as c
from presenter.export.blocks import contacts_html, esc
from presenter.export.flow import Flow, Ink, footer, text_document
from presenter.export.pdf import A4, Paper, ensure_app, pdf_painter
from presenter.export.progress import ProgressCallback, report
from presenter.render import fragments
from presenter.render.document import size_images
from presenter.render.theme import load_theme
from presenter.support.i18n import t

log = logging.getLogger(__name__)

TARGET_PAGES = 2
SIZES = (10.5, 10.0, 9.5, 9.0, 8.5)  # body type, points, largest first
MIN_SIZE = SIZES[-1]
MAX_IMAGE_H = 160.0  # points
MARGINS = (40.0, 44.0, 50.0, 44.0)  # a little tighter than the guide: it is two pages
GUTTER = 18.0  # points between the two columns


def export_handout(
    deck: Deck,
    path: str | os.PathLike[str],
    *,
    paper: Paper = A4,
    variant: str | None = None,
    help_contacts: Sequence[HelpContact] = (),
    progress: ProgressCallback | None = None,
) -> int:
    """Write the handout; return its page count. ``help_contacts`` as resolved for the
    deck (``resolve_help``); the deck's own ``help`` is used when none are given."""
    ensure_app()
    report(progress, 0, 1)
    lang = deck.meta.language or "en"
    contacts = tuple(help_contacts) or deck.meta.help
    flow = layout(deck, paper, variant, contacts, lang)
    title = deck.meta.title
    with pdf_painter(path, paper, f"{title} · {t('Handout', lang=lang)}") as pdf:
        return flow.paint(
            pdf, footer(flow.ink, paper, title, t("Page {n} of {total}", lang=lang)), progress
        )


def layout(
    deck: Deck,
    paper: Paper,
    variant: str | None,
    contacts: Sequence[HelpContact],
    lang: str,
) -> Flow:
    """The handout poured at the largest type size that keeps it to two pages."""
    flow = None
    for size in SIZES:
        flow = _pour(deck, paper, variant, contacts, lang, size)
        if len(flow.pages) <= TARGET_PAGES:
            break
    assert flow is not None
    if len(flow.pages) > TARGET_PAGES:
        log.info("handout for %s runs to %d pages", deck.meta.title, len(flow.pages))
    return flow


def _pour(
    deck: Deck,
    paper: Paper,
    variant: str | None,
    contacts: Sequence[HelpContact],
    lang: str,
    size: float,
) -> Flow:
    ink = Ink.from_theme(load_theme("print"), size=size)
    flow = Flow(paper, ink, margins=MARGINS, folder=deck.folder)
    first, points = chosen_slides(deck, variant)
    myths = [myth for _, myth in c.unique_myths(deck, variant)]
    refs = Citations.of([*first, *points], myths)
    heading(flow, deck)
    support_box(flow, contacts, first, deck, lang, refs)
    column = (flow.width - GUTTER) / 2
    if points:
        flow.space(6)
        two_columns(
            flow,
            [slide_html(s, column, deck, lang, refs) for s in points],
            heading=f"<h2>{esc(t('Key points', lang=lang))}</h2>",
        )
    if myths:
        flow.space(6)
        two_columns(
            flow,
            [myth_block(myth, lang, refs) for myth in myths],
            heading=f"<h2>{esc(t('Myth or reality?', lang=lang))}</h2>",
        )
    if refs.sources:
        flow.space(6)
        flow.html(
            f"<h3>{esc(t('Sources and where to find out more', lang=lang))}</h3>",
            min_first=60,
        )
        half = (len(refs.sources) + 1) // 2
        lists = [
            f'<ol class="small" start="{start + 1}">'
            + "".join(f"<li>{esc(s)}</li>" for s in refs.sources[start : start + half])
            + "</ol>"
            for start in range(0, len(refs.sources), half)
        ]
        flow.html(columns_html(lists))
    return flow


@dataclass
class Citations:
    """The sources of what the handout prints (not of slides it leaves out), once
    each, numbered in order of first citation."""

    sources: list[str] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, slides: Sequence[Slide], myths: Sequence[MythData]) -> Citations:
        refs = cls()
        for source in [
            *(s for slide in slides for s in slide.sources),
            *(s for myth in myths for s in myth.sources),
        ]:
            key = _key(source)
            if key not in refs.numbers:
                refs.sources.append(_whole_work(source))
                refs.numbers[key] = len(refs.sources)
        return refs

    def line(self, sources: Sequence[str], lang: str) -> str:
        """ "Sources: 2, 5" in small type, pointing into the numbered list."""
        numbers = sorted({self.numbers[_key(s)] for s in sources if _key(s) in self.numbers})
        if not numbers:
            return ""
        label = t("Sources:", lang=lang) if len(numbers) > 1 else t("Source:", lang=lang)
        return (
            f'<p class="small muted"><i>{esc(label)}</i> {", ".join(str(n) for n in numbers)}</p>'
        )


def _key(source: str) -> str:
    return " ".join(_whole_work(source).split()).casefold().rstrip(".")


_ARTICLE = re.compile(r",?\s*Art(icle)?\.?\s+\d+[^,;]*$", re.IGNORECASE)


def _whole_work(source: str) -> str:
    """The work without its article ("…, 2000, Art. 3(b)" → "…, 2000"): on paper one
    entry per treaty is enough; the slides and the guide keep the article."""
    return _ARTICLE.sub("", source.strip())


def myth_block(myth: MythData, lang: str, refs: Citations) -> str:
    """The statement under its answer ("MYTH" or "REALITY"), then the explanation and
    its source numbers: the same words as the reveal and the cards."""
    block = Markup(
        '<p><span class="label">{}</span>&nbsp; <b>{}</b></p>'
        '<p><span class="label">{}</span>&nbsp; {}</p>'
    ).format(
        fragments.answer_label(myth, lang).upper(),
        fragments.statement_html(myth),
        fragments.explanation_label(myth, lang).upper(),
        fragments.explanation_html(myth),
    )
    return str(block) + refs.line(myth.sources, lang)


def chosen_slides(deck: Deck, variant: str | None) -> tuple[list[Slide], list[Slide]]:
    """(what to do first, key points) for the variant.

    When any slide in the deck says ``handout:``, only ``first`` and ``yes`` slides are
    printed; otherwise every content slide except ``handout: no`` ones (and the
    references slide, which the handout lists anyway)."""
    slides = list(deck.slides_for(variant))
    chooses = any("handout" in s.options for s in deck.slides)
    first = [s for s in slides if s.options.get("handout") == "first"]
    if chooses:
        points = [s for s in slides if s.options.get("handout") == "yes"]
    else:
        references = t("References").casefold()
        points = [
            s
            for s in slides
            if kind_of(s).take_home
            and s.options.get("handout") != "no"
            and s.title.casefold() != references
        ]
    return first, points


def heading(flow: Flow, deck: Deck) -> None:
    text = f"<h1>{esc(deck.meta.title)}</h1>"
    if deck.meta.subtitle:
        text += f'<p class="big" style="font-weight: normal;">{esc(deck.meta.subtitle)}</p>'
    flow.html(text)
    flow.space(2)


def support_box(
    flow: Flow,
    contacts: Sequence[HelpContact],
    first: Sequence[Slide],
    deck: Deck,
    lang: str,
    refs: Citations,
) -> None:
    """A ruled box: the support contacts, then what to do first (``handout: first``)."""
    intro = t(
        "If anything today brings something up for you or someone you know, you can talk "
        "to any of these, today or any time later.",
        lang=lang,
    )
    column = (flow.width - 24 - GUTTER) / 2
    title = f"<h3>{esc(t('What to do first', lang=lang))}</h3>"
    steps = [slide_html(s, column, deck, lang, refs) for s in first]
    if len(steps) == 1:  # contacts on the left, the one set of steps on the right
        inside = columns_html([contacts_html(contacts, lang), title + steps[0]])
    else:
        if contacts:
            inside = columns_html([contacts_html([contact], lang) for contact in contacts])
        else:
            inside = contacts_html((), lang)
        if steps:
            inside += title + columns_html(steps)
    keep_together(
        flow,
        f'<table width="100%" cellspacing="0" cellpadding="10" style="border: 1.2px solid '
        f'{flow.ink.text};"><tr><td style="border: none;">'
        f"<h3>{esc(t('Where to get support', lang=lang))}</h3><p>{esc(intro)}</p>"
        f"{inside}</td></tr></table>",
    )
    flow.space(6)


def two_columns(flow: Flow, parts: Sequence[str], *, heading: str = "") -> None:
    """``parts`` two to a row, left then right; a row is never split across pages, and
    ``heading`` stays with the first row."""
    for i in range(0, len(parts), 2):
        keep_together(flow, (heading if i == 0 else "") + columns_html(parts[i : i + 2]))
        flow.space(flow.ink.size * 0.2)


def columns_html(parts: Sequence[str]) -> str:
    """A borderless table with ``parts`` two to a row; an odd last one spans both."""
    rows = []
    for i in range(0, len(parts), 2):
        pair = parts[i : i + 2]
        span = ' colspan="2"' if len(pair) == 1 and len(parts) > 1 else ' width="50%"'
        cells = "".join(
            f'<td{span} valign="top" style="border: none; '
            f'padding: 0px {GUTTER / 2:g}px 0px 0px;">{part}</td>'
            for part in pair
        )
        rows.append(f"<tr>{cells}</tr>")
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" style="border: none;">'
        f"{''.join(rows)}</table>"
    )


def keep_together(flow: Flow, html: str) -> None:
    """``html`` as one block: it moves whole to the next page rather than split (a block
    taller than a page is still cut between lines)."""
    doc = text_document(html, flow.width, flow.ink, flow.folder)
    height = doc.size().height()
    if height <= flow.bottom - flow.top:
        flow.document(doc, breaks=[height], min_first=height)
    else:
        flow.document(doc)


def slide_html(slide: Slide, width: float, deck: Deck, lang: str, refs: Citations) -> str:
    """What the room saw on ``slide``, fully revealed, headings one level down, with
    the numbers of its sources."""
    body = str(slide.html_at(slide.step_count - 1))  # rewritten below as plain HTML text
    body = re.sub(r"<(/?)h[1-3]\b", r"<\1h4", body)
    body = size_images(body, deck.folder, width * 0.6, MAX_IMAGE_H)
    return f"<div>{body}{refs.line(slide.sources, lang)}</div>"
