"""The preview's filmstrip: one thumbnail per slide, re-painted only when a slide changed.

Thumbnails are cached by what decides their look (the slide's revision, plus the myths
a recap asks again and the help contacts a help slide shows), never by position, so
inserting a slide above costs one new thumbnail, not all of them.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from presenter.core.deck.kinds import ContentKind, kind_of
from presenter.core.deck.model import Deck, Slide
from presenter.core.session.view import SlideView
from presenter.render import fragments
from presenter.support.i18n import t
from presenter.ui.presenting.bridge import Renderer

log = logging.getLogger(__name__)

THUMB = QSize(224, 126)


def follow_slide(old: Sequence[Slide], new: Sequence[Slide], position: int) -> int:
    """Where the slide at ``position`` in ``old`` is in ``new``.

    Unchanged slides are matched by revision (in order, so slides added or removed above
    move the position along); an edited slide by its id, then its title, then by where
    it sits among the changed ones.
    """
    if not new:
        return 0
    if not old or not 0 <= position < len(old):
        return min(max(position, 0), len(new) - 1)
    matcher = difflib.SequenceMatcher(
        a=[s.revision for s in old], b=[s.revision for s in new], autojunk=False
    )
    for tag, a0, a1, b0, _b1 in matcher.get_opcodes():
        if tag == "equal" and a0 <= position < a1:
            return b0 + (position - a0)
    current = old[position]
    if current.id:
        for n, slide in enumerate(new):
            if slide.id == current.id:
                return n
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if a0 <= position < a1 or (a0 == a1 == position):
            if tag == "replace":
                return min(b0 + (position - a0), b1 - 1)
            break
    titled = [n for n, s in enumerate(new) if s.title == current.title]
    if titled:
        return min(titled, key=lambda n: abs(n - position))
    return min(position, len(new) - 1)


def look_key(deck: Deck, slide: Slide, extra: object = None) -> tuple[object, ...]:
    """Everything that decides how a slide looks at its last step."""
    key: list[object] = [slide.revision, slide.step_count, extra]
    for myth_id in slide.recap_ids:
        myth = deck.myth_by_id(myth_id)
        key.append((myth.statement, myth.reality, myth.sources, myth.answer) if myth else None)
    if kind_of(slide).shows_contacts:
        key.append(deck.meta.language)
    return tuple(key)


def final_view(slide: Slide) -> SlideView:
    """The slide with every step revealed, as an organizer wants to check it."""
    return SlideView(slide.index, step=max(0, slide.step_count - 1))


def kind_label(kind: str) -> str:
    """The slide kind in the organizer's language."""
    return fragments.kind_label(kind)


def slide_caption(number: int, slide: Slide) -> str:
    kind = "" if kind_of(slide) is ContentKind else f"  [{kind_label(slide.kind)}]"
    return f"{number}. {slide.title or t('(untitled)')}{kind}"


class Filmstrip(QListWidget):
    """Thumbnails of the shown slides; ``rendered`` counts thumbnails actually painted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filmstrip")
        self.setIconSize(THUMB)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListWidget.Movement.Static)
        self.setWordWrap(True)
        self.setGridSize(QSize(THUMB.width() + 20, THUMB.height() + 46))
        self.setUniformItemSizes(True)
        self.setFixedWidth(THUMB.width() + 44)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self._cache: dict[tuple[object, ...], QPixmap] = {}
        self.rendered = 0
        self.slides: tuple[Slide, ...] = ()

    def show_slides(
        self, deck: Deck, slides: Sequence[Slide], renderer: Renderer, extra: object
    ) -> None:
        """Fill the strip; only slides whose look changed are painted again."""
        keep: dict[tuple[object, ...], QPixmap] = {}
        self.slides = tuple(slides)
        current = self.currentRow()
        self.blockSignals(True)
        self.clear()
        for number, slide in enumerate(slides, 1):
            key = look_key(deck, slide, extra)
            pixmap = self._cache.get(key)
            if pixmap is None:
                image = renderer.image(final_view(slide), THUMB * 2)
                pixmap = QPixmap.fromImage(image).scaled(
                    THUMB,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                self.rendered += 1
            keep[key] = pixmap
            icon = QIcon(pixmap)
            icon.addPixmap(pixmap, QIcon.Mode.Selected)  # no blue tint over the slide
            item = QListWidgetItem(icon, slide_caption(number, slide))
            item.setToolTip(t("Line {line} of the deck file", line=slide.line))
            self.addItem(item)
        self._cache = keep
        if self.count():
            self.setCurrentRow(min(max(current, 0), self.count() - 1))
        self.blockSignals(False)

    def forget(self) -> None:
        """Drop every thumbnail (the theme or the help contacts changed)."""
        self._cache.clear()
