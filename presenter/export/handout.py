"""The attendee handout: key points, myths and realities with sources, where to get
support, and the references. Never the facilitator's notes: only what the room saw."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Sequence

from markupsafe import Markup

from presenter.core.kinds import kind_of
from presenter.core.model import Deck, HelpContact, Slide
from presenter.export import content as c
from presenter.export.blocks import contacts_html, esc, myth_html, references_html, sources_line
from presenter.export.flow import Flow, Ink, footer
from presenter.export.pdf import A4, Paper, ensure_app, pdf_painter
from presenter.export.progress import ProgressCallback, report
from presenter.i18n import t
from presenter.render.document import size_images
from presenter.render.theme import load_theme

log = logging.getLogger(__name__)

# Slides whose words belong in the handout, besides myths (printed on their own).
MAX_IMAGE_H = 160.0  # points


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
    ink = Ink.from_theme(load_theme("print"), size=10.5)
    flow = Flow(paper, ink, folder=deck.folder)
    contacts = tuple(help_contacts) or deck.meta.help
    heading(flow, deck, lang)
    support_box(flow, contacts, lang)
    key_points(flow, deck, variant, lang)
    myths = c.unique_myths(deck, variant)
    if myths:
        flow.space(8)
        flow.html(f"<h2>{esc(t('Myths and realities', lang=lang))}</h2>", min_first=120)
        for _, myth in myths:
            flow.html(myth_html(myth, lang), min_first=60)
            flow.space(9)
    flow.space(8)
    refs = c.references(deck, variant)
    flow.html(
        Markup("<h2>{}</h2>").format(t("References", lang=lang))
        + references_html(refs, lang, slides=False),
        min_first=60,
    )
    title = deck.meta.title
    with pdf_painter(path, paper, f"{title} · {t('Handout', lang=lang)}") as pdf:
        return flow.paint(
            pdf, footer(ink, paper, title, t("Page {n} of {total}", lang=lang)), progress
        )


def heading(flow: Flow, deck: Deck, lang: str) -> None:
    text = f"<h1>{esc(deck.meta.title)}</h1>"
    if deck.meta.subtitle:
        text += f'<p class="big" style="font-weight: normal;">{esc(deck.meta.subtitle)}</p>'
    flow.html(text)
    flow.space(4)


def support_box(flow: Flow, contacts: Sequence[HelpContact], lang: str) -> None:
    intro = t(
        "If anything today brings something up for you or someone you know, you can talk "
        "to any of these, today or any time later.",
        lang=lang,
    )
    flow.html(
        f'<table width="100%" cellspacing="0" cellpadding="10" style="border: 1.2px solid '
        f'{flow.ink.text};"><tr><td style="border: none;">'
        f"<h3>{esc(t('Where to get support', lang=lang))}</h3><p>{esc(intro)}</p>"
        f"{contacts_html(contacts, lang)}</td></tr></table>"
    )
    flow.space(8)


def key_points(flow: Flow, deck: Deck, variant: str | None, lang: str) -> None:
    flow.html(f"<h2>{esc(t('Key points', lang=lang))}</h2>", min_first=100)
    section = ""
    references = t("References", lang=lang).casefold()
    for slide in deck.slides_for(variant):
        kind = kind_of(slide)
        if kind.starts_part:
            section = slide.title
            continue
        if not kind.take_home or slide.title.casefold() == references:
            continue
        if section:
            flow.space(6)
            flow.html(f"<h3>{esc(section)}</h3>", min_first=70)
            section = ""
        flow.html(slide_html(slide, flow.width, deck, lang), min_first=40)


def slide_html(slide: Slide, width: float, deck: Deck, lang: str) -> str:
    """What the room saw on ``slide``, fully revealed, headings one level down."""
    body: str = slide.html_at(slide.step_count - 1)
    body = re.sub(r"<(/?)h[1-3]\b", r"<\1h4", body)
    body = size_images(body, deck.folder, width * 0.6, MAX_IMAGE_H)
    return f'<div style="margin-left: 8px;">{body}{sources_line(slide.sources, lang)}</div>'
