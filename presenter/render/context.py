"""What every layout needs to know: the deck, its theme and language, the contacts."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import markupsafe
from markupsafe import Markup
from PySide6.QtCore import QPointF, QRectF, Qt

from presenter.core.deck.model import Deck, HelpContact, Slide
from presenter.render import fragments
from presenter.render.document import is_rtl
from presenter.render.frame import CANVAS_H, CANVAS_W, Frame, chip, label
from presenter.render.textfit import TextStyle
from presenter.render.theme import Theme
from presenter.support.i18n import t, tn

log = logging.getLogger(__name__)

FOOTER_H = 96.0  # the band for sources and the slide number


@dataclass(frozen=True)
class LayoutFlags:
    """The parts of a view that change the layout (not just what is drawn in a slot)."""

    countdown: bool = False
    tally: bool = False
    before_tally: bool = False
    phones: bool = False  # a QR code for phones beside the question


@dataclass(frozen=True)
class RenderContext:
    deck: Deck
    theme: Theme
    contacts: tuple[HelpContact, ...] = ()

    @property
    def lang(self) -> str:
        return self.deck.meta.language or "en"

    @property
    def rtl(self) -> bool:
        return is_rtl(self.lang)

    @property
    def folder(self) -> Path | None:
        return self.deck.folder

    @property
    def colors(self):  # type: ignore[no-untyped-def]
        return self.theme.colors

    @property
    def sizes(self):  # type: ignore[no-untyped-def]
        return self.theme.sizes

    @property
    def families(self) -> tuple[str, ...]:
        return self.theme.families

    @property
    def start_align(self) -> Qt.AlignmentFlag:
        """Where lines start: the right edge for right-to-left languages.

        Absolute, because each paragraph finds its own direction from its text (an
        untranslated English line in an Arabic deck still reads correctly).
        """
        side = Qt.AlignmentFlag.AlignRight if self.rtl else Qt.AlignmentFlag.AlignLeft
        return side | Qt.AlignmentFlag.AlignAbsolute

    @property
    def end_align(self) -> Qt.AlignmentFlag:
        side = Qt.AlignmentFlag.AlignLeft if self.rtl else Qt.AlignmentFlag.AlignRight
        return side | Qt.AlignmentFlag.AlignAbsolute

    def tr(self, text: str, **fields: object) -> str:
        return t(text, lang=self.lang, **fields)

    def tn(self, singular: str, plural: str, n: int, /, **fields: object) -> str:
        """``tn`` in the deck's language: the plural form the audience's language needs."""
        return tn(singular, plural, n, lang=self.lang, **fields)

    def style(self, **changes: object) -> TextStyle:
        return TextStyle.for_theme(self.theme, self.rtl, **changes)

    def frame(self, background: str | None = None) -> Frame:
        return Frame(background or self.colors.background)

    def content_rect(self, top: float = 96.0, bottom: float = FOOTER_H) -> QRectF:
        m = self.sizes.margin
        return QRectF(m, top, CANVAS_W - 2 * m, CANVAS_H - top - bottom)

    def start_x(self) -> float:
        """Where a start-anchored element begins (right edge when right-to-left)."""
        return CANVAS_W - self.sizes.margin if self.rtl else self.sizes.margin

    def chip(
        self,
        frame: Frame,
        text: str,
        y: float,
        *,
        fill: str = "",
        ink: str = "",
        outline: bool = False,
    ) -> QRectF:
        c = self.colors
        return chip(
            frame,
            text,
            QPointF(self.start_x(), y),
            self.sizes.source * 1.25,
            fill or c.accent,
            ink or c.on_accent,
            self.families,
            rtl=self.rtl,
            outline=outline,
        )

    def accent_rule(self, frame: Frame) -> None:
        """The thin band along the top that every slide shares."""
        from presenter.render.frame import rect_op

        frame.shapes.append(rect_op(QRectF(0, 0, CANVAS_W, 14), self.colors.accent))

    def footer(self, frame: Frame, sources: tuple[str, ...]) -> None:
        """Sources small but legible at the foot; a slot for the slide number at the end."""
        m, s, c = self.sizes.margin, self.sizes.source, self.colors
        top = CANVAS_H - FOOTER_H + 8
        number_w = 200.0
        if sources:
            text = fragments.sources_text(sources, self.lang)
            x = m + number_w if self.rtl else m
            rect = QRectF(x, top, CANVAS_W - 2 * m - number_w, FOOTER_H - 24)
            label(
                frame,
                text,
                rect,
                s,  # label() sets wrapped text smaller until it fits the band
                c.muted,
                self.families,
                align=self.start_align,
                wrap=True,
            )
        x = m if self.rtl else CANVAS_W - m - number_w
        frame.slots["number"] = QRectF(x, top, number_w, FOOTER_H - 24)


def escape(text: str) -> Markup:
    """Deck or UI text for HTML, escaped once (markupsafe): Markup passes through."""
    return markupsafe.escape(text)


def slide_sources(slide: Slide) -> tuple[str, ...]:
    found = list(slide.sources)
    if slide.myth is not None:
        found += [s for s in slide.myth.sources if s not in found]
    return tuple(found)
