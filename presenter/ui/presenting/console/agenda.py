"""The agenda (sections and slides with planned times) and the overview grid.

Both jump straight to the chosen slide: one action, so the projector never shows the
slides in between.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QIcon,
    QImage,
    QPainter,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
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
    """Every slide of the variant as a thumbnail; activate one to go there.

    Thumbnails are drawn for the slides in view, when they come into view, and at most
    :data:`THUMBS_KEPT` are kept: drawing all 300 of a long deck when O was pressed
    froze the console for seconds and kept 34 MB of pictures. They are painted straight
    from the renderer, so the projector's prefetched next slide stays in its cache."""

    THUMB = QSize(224, 126)
    THUMBS_KEPT = 60  # about three screens of the grid: 7 MB

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
        self._unfilled: list[int] = []  # slides in view whose thumbnail is still to draw
        self._filler = QTimer(self)  # the next few, in the next turn
        self._filler.setSingleShot(True)
        self._filler.setInterval(0)
        self._filler.timeout.connect(self._fill_some)
        self._items: dict[int, QListWidgetItem] = {}
        self._thumbs: OrderedDict[int, QListWidgetItem] = OrderedDict()  # drawn, by use
        for number, index in enumerate(controller.visible, start=1):
            item = QListWidgetItem(f"{number}. {slide_label(controller, index)}")
            item.setData(ROLE_INDEX, index)
            item.setSizeHint(QSize(self.THUMB.width() + 16, self.THUMB.height() + 48))
            self.addItem(item)
            self._items[index] = item
        self.itemActivated.connect(self._jump)
        self.verticalScrollBar().valueChanged.connect(self.fill_thumbnails)

    def fill_thumbnails(self, *_: object) -> None:
        """Draw the thumbnails of the slides in view that have none yet: a few per turn
        of the event loop (the first at once), the slides nearest the current one
        first, so pressing O on a long deck never holds up the clicker; and forget the
        ones longest out of view beyond :data:`THUMBS_KEPT`. Through the renderer's
        uncached paint, so the grid never pushes the room's next frame out of its cache."""
        if not self.isVisible():
            return
        shown = self.viewport().rect()
        in_view = [
            index
            for index, item in self._items.items()
            if self.visualItemRect(item).intersects(shown)
        ]
        for index in in_view:
            if index in self._thumbs:
                self._thumbs.move_to_end(index)
        here = self.controller.state.slide or 0
        missing = (index for index in in_view if index not in self._thumbs)
        self._unfilled = sorted(missing, key=lambda index: abs(index - here))
        if not self._filler.isActive():  # else the turns already under way go on
            self._fill_some()

    def unfilled(self) -> int:
        """How many thumbnails of the slides in view are still to be drawn."""
        return len(self._unfilled)

    def _fill_some(self) -> None:
        started = time.perf_counter()
        while self._unfilled:  # at least one a turn, then as many as fit in the slice
            index = self._unfilled.pop(0)
            if index in self._thumbs:
                continue
            item = self._items[index]
            item.setIcon(QIcon(QPixmap.fromImage(self._thumbnail(index))))
            self._thumbs[index] = item
            while len(self._thumbs) > self.THUMBS_KEPT:
                self._thumbs.popitem(last=False)[1].setIcon(QIcon())
            if time.perf_counter() - started >= FILL_SLICE_S:
                break
        if self._unfilled:
            self._filler.start()

    def _thumbnail(self, index: int) -> QImage:
        slide = self.controller.deck.slides[index]
        view = SlideView(index, kind_of(slide).overview_step(slide))
        image = QImage(self.THUMB, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        try:
            self.renderer.paint(painter, QRectF(image.rect()), view)
        finally:
            painter.end()
        return image

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fill_thumbnails()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fill_thumbnails()

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
