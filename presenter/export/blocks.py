"""HTML pieces shared by the guide and the handout: myths, contacts, references.

Deck text arrives escaped (the parser's HTML) or is escaped here; nothing a deck says
can become markup.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence

from presenter.core.model import HelpContact, MythData
from presenter.export.content import Reference
from presenter.i18n import t

log = logging.getLogger(__name__)


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def sources_line(sources: Sequence[str], lang: str | None = None) -> str:
    if not sources:
        return ""
    label = t("Sources:", lang=lang) if len(sources) > 1 else t("Source:", lang=lang)
    return f'<p class="small muted"><i>{esc(label)}</i> {esc("; ".join(sources))}</p>'


def myth_html(myth: MythData, lang: str | None = None, *, number: str = "") -> str:
    """The statement, marked myth or true, and the reality with its sources."""
    prefix = f"{esc(number)} " if number else ""
    said, why = ("TRUE", "WHY") if myth.is_true else ("MYTH", "REALITY")
    return (
        f'<p><span class="label">{prefix}{esc(t(said, lang=lang))}</span><br>'
        f"<b>{myth.statement_html}</b></p>"
        f'<p><span class="label">{esc(t(why, lang=lang))}</span><br>'
        f"{myth.reality_html}</p>" + sources_line(myth.sources, lang)
    )


def contacts_html(contacts: Sequence[HelpContact], lang: str | None = None) -> str:
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
        return (
            f'<p class="muted">{esc(note)}</p>'
            f'<table width="100%" cellspacing="0" style="border: none;">{lines}</table>'
        )
    parts = []
    for contact in contacts:
        parts.append(f'<p style="margin-bottom: 1px;"><b>{esc(contact.name)}</b></p>')
        if contact.reach:
            parts.append(f'<p class="big" style="margin-bottom: 1px;">{esc(contact.reach)}</p>')
        if contact.when:
            parts.append(f'<p class="small muted">{esc(contact.when)}</p>')
        if contact.notes:
            parts.append(f'<p class="small">{esc(contact.notes)}</p>')
    return "".join(parts)


def references_html(refs: Sequence[Reference], lang: str | None = None, *, slides: bool) -> str:
    """A numbered list of every source; with ``slides``, where each one is cited."""
    if not refs:
        return f'<p class="muted">{esc(t("This deck cites no sources.", lang=lang))}</p>'
    items = []
    for ref in refs:
        where = ""
        if slides:
            numbers = ", ".join(str(n) for n in ref.slides)
            label = t("slide", lang=lang) if len(ref.slides) == 1 else t("slides", lang=lang)
            where = f' <span class="small muted">({esc(label)} {numbers})</span>'
        items.append(f"<li>{esc(ref.source)}{where}</li>")
    return "<ol>" + "".join(items) + "</ol>"
