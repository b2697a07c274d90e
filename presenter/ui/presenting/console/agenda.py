"""The agenda (sections and slides with planned times) and the overview grid.

Both jump straight to the chosen slide: one action, so the projector never shows the
slides in between.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QImage, QPainter, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from presenter.core.deck.kinds import kind_of
from presenter.core.session.controller import SessionController
from presenter.core.session.view import SlideView
from presenter.support.i18n import t
from presenter.ui.presenting.bridge import Renderer
from presenter.ui.presenting.console.status import minutes_text
from presenter.ui.widgets.elided import ElidedLabel
from presenter.ui.widgets.plaintext import tooltip

log = logging.getLogger(__name__)

ROLE_INDEX = Qt.ItemDataRole.UserRole
FILL_SLICE_S = 0.004  # thumbnails drawn per turn of the event loop, in time


def slide_label(controller: SessionController, index: int) -> str:
    slide = controller.deck.slides[index]
    kind = kind_of(slide)
    title = slide.title or t("(untitled)")
    if kind.default_title and slide.title == kind.default_title:
        title = t(slide.title)  # "Break" when the author gave no title: in French, "Pause"
    if slide.myth is not None and not slide.title:
        title = slide.myth.statement
    tag = t(kind.label)
    if not kind.tagged or title.casefold() in (tag.casefold(), kind.label.casefold()):
        return title  # "Break", not "Break: Break"
    return f"{tag}: {title}"


class AgendaList(QTreeWidget):
    """Sections as groups, slides inside with planned minutes and the planned start."""

    def __init__(self, controller: SessionController) -> None:
        super().__init__()
        self.controller = controller
        self.setObjectName("agenda")
        self.setColumnCount(3)
        self.setHeaderLabels([t("Slide"), t("Min"), t("Starts")])
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._items: dict[int, QTreeWidgetItem] = {}
        self._current: int | None = None
        self._build()
        self.itemActivated.connect(self._jump)
        self.itemDoubleClicked.connect(self._jump)
        header = self.header()
        header.setStretchLastSection(False)
        # The style's default minimum (about 100 px with the console's large type) made the
        # minutes and starts as wide as the titles, and pushed "Starts" out of sight on a
        # 1024-wide laptop; the narrow columns only need their contents.
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("000′") + 12)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, header.ResizeMode.ResizeToContents)

    def _build(self) -> None:
        c = self.controller
        group: QTreeWidgetItem | None = None
        planned = 0.0
        for number, index in enumerate(c.visible, start=1):
            slide = c.deck.slides[index]
            minutes = slide.minutes or 0.0
            row = [f"{number}. {slide_label(c, index)}",
                   minutes_text(minutes) if slide.minutes else "",
                   f"{int(planned)}′"]  # fmt: skip
            if kind_of(slide).starts_part:
                group = QTreeWidgetItem(self, row)
                font = QFont(group.font(0))
                font.setBold(True)
                for col in range(3):
                    group.setFont(col, font)
                group.setExpanded(True)
                item = group
            else:
                item = QTreeWidgetItem(group if group is not None else self, row)
            item.setData(0, ROLE_INDEX, index)
            item.setToolTip(0, tooltip(row[0]))
            self._items[index] = item
            planned += minutes

    def _jump(self, item: QTreeWidgetItem) -> None:
        index = item.data(0, ROLE_INDEX)
        if isinstance(index, int):
            self.controller.goto(index)

    def refresh(self) -> None:
        index = self.controller.state.slide
        if index == self._current:
            return
        for old in (self._current,):
            if old in self._items:
                for col in range(3):
                    self._items[old].setBackground(col, QBrush())
        self._current = index
        item = self._items.get(index)
        if item is not None:
            for col in range(3):
                item.setBackground(col, QBrush(QColor("#cfe3dc")))
            self.scrollToItem(item)


class OverviewGrid(QListWidget):
    """Every slide of the variant as a thumbnail; activate one to go there."""

    THUMB = QSize(224, 126)

    def __init__(self, controller: SessionController, renderer: Renderer) -> None:
        super().__init__()
        self.controller = controller
        self.renderer = renderer
        self.setObjectName("overview")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(self.THUMB)
        self.setSpacing(8)
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._filled = False
        self._unfilled: list[int] = []  # slides whose thumbnail is still to be drawn
        self._filler = QTimer(self)  # the next few, in the next turn
        self._filler.setSingleShot(True)
        self._filler.setInterval(0)
        self._filler.timeout.connect(self._fill_some)
        self._items: dict[int, QListWidgetItem] = {}
        for number, index in enumerate(controller.visible, start=1):
            item = QListWidgetItem(f"{number}. {slide_label(controller, index)}")
            item.setData(ROLE_INDEX, index)
            item.setSizeHint(QSize(self.THUMB.width() + 16, self.THUMB.height() + 48))
            self.addItem(item)
            self._items[index] = item
        self.itemActivated.connect(self._jump)

    def fill_thumbnails(self) -> None:
        """Render the thumbnails when the grid is first shown: a few per turn of the
        event loop, the slides nearest the current one first, so pressing O on a long
        deck never holds up the clicker; through the renderer's uncached paint, so the
        grid never pushes the room's next frame out of the renderer's cache."""
        if self._filled:
            return
        self._filled = True
        here = self.controller.state.slide
        self._unfilled = sorted(self._items, key=lambda index: abs(index - here))
        self._fill_some()

    def unfilled(self) -> int:
        """How many thumbnails are still to be drawn."""
        return len(self._unfilled)

    def _fill_some(self) -> None:
        started = time.perf_counter()
        while self._unfilled:  # at least one a turn, then as many as fit in the slice
            index = self._unfilled.pop(0)
            slide = self.controller.deck.slides[index]
            view = SlideView(index, kind_of(slide).overview_step(slide))
            picture = QImage(self.THUMB, QImage.Format.Format_RGB32)
            picture.fill(QColor("black"))
            painter = QPainter(picture)
            try:
                self.renderer.paint(
                    painter, QRectF(0, 0, self.THUMB.width(), self.THUMB.height()), view
                )
            finally:
                painter.end()
            self._items[index].setIcon(QIcon(QPixmap.fromImage(picture)))
            if time.perf_counter() - started >= FILL_SLICE_S:
                break
        if self._unfilled:
            self._filler.start()

    def showEvent(self, event: QShowEvent) -> None:
        self.fill_thumbnails()
        super().showEvent(event)

    def _jump(self, item: QListWidgetItem) -> None:
        index = item.data(ROLE_INDEX)
        if isinstance(index, int):
            self.controller.goto(index)

    def refresh(self) -> None:
        item = self._items.get(self.controller.state.slide)
        if item is not None and self.currentItem() is not item:
            self.setCurrentItem(item)


class OverviewPage(QWidget):
    """The overview grid over the whole console (O), with how to use it and the way back."""

    def __init__(self, grid: OverviewGrid, back: Callable[[], None]) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        title = QLabel(t("Overview"))
        title.setObjectName("previewLabel")
        hint = ElidedLabel(
            t("Double-click a slide to show it to the room; a single click only selects it.")
        )  # fmt: skip
        hint.setObjectName("overviewHint")
        back_button = QPushButton(t("Back to the console (O)"))
        back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        back_button.clicked.connect(back)
        bar.addWidget(title)
        bar.addWidget(hint, 1)
        bar.addWidget(back_button)
        layout.addLayout(bar)
        layout.addWidget(grid, 1)
