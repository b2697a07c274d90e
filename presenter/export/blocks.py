"""HTML pieces shared by the guide and the handout: myths, contacts, references.

Deck text arrives as Markup (the parser's HTML) or is escaped here through markupsafe;
nothing a deck says can become markup, and nothing is escaped twice (``esc`` leaves
Markup as it is). The myth, contact and sources fragments live in
:mod:`presenter.render.fragments`, shared with the slides and the console.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from markupsafe import Markup, escape

from presenter.core.deck.model import HelpContact, MythData
from presenter.export.content import Reference
from presenter.render import fragments
from presenter.support.i18n import t

log = logging.getLogger(__name__)


def esc(text: str) -> Markup:
    """Deck or UI text as HTML: escaped once; Markup passes through unchanged."""
    return escape(text)


def sources_line(sources: Sequence[str], lang: str | None = None) -> Markup:
    return fragments.sources_html(sources, lang)


def myth_html(myth: MythData, lang: str | None = None, *, number: str = "") -> Markup:
    """The statement under its answer ("Myth" or "Reality"), what is true, the sources."""
    return fragments.myth_block(myth, lang, number=number)


def contacts_html(contacts: Sequence[HelpContact], lang: str | None = None) -> Markup:
    """The support contacts; with none, ruled space to write local ones in by hand."""
    if not contacts:
        note = t(
            "No local support contacts were set for this deck. Write them here before "
            "printing copies, or ask the facilitator.",
            lang=lang,
        )
        lines = "".join(
            '<tr><td style="border-bottom: 0.6px solid #888888; height: 22px;">&nbsp;</td></tr>'
            for _ in range(4)
        )
        return Markup(
            '<p class="muted">{}</p><table width="100%" cellspacing="0" style="border: none;">'
            + lines
            + "</table>"
        ).format(note)
    return Markup("").join(fragments.contact_html(c, printed=True) for c in contacts)


def references_html(refs: Sequence[Reference], lang: str | None = None, *, slides: bool) -> Markup:
    """A numbered list of every source; with ``slides``, where each one is cited."""
    if not refs:
        return Markup('<p class="muted">{}</p>').format(t("This deck cites no sources.", lang=lang))
    items = []
    for ref in refs:
        where = Markup("")
        if slides:
            numbers = ", ".join(str(n) for n in ref.slides)
            label = t("slide", lang=lang) if len(ref.slides) == 1 else t("slides", lang=lang)
            where = Markup(' <span class="small muted">({} {})</span>').format(label, numbers)
        items.append(Markup("<li>{}{}</li>").format(ref.source, where))
    return Markup("<ol>{}</ol>").format(Markup("").join(items))
