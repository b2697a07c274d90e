"""The home window: the deck library, what each deck is, and what to do with it.

Handed the application context (the settings and their store), the samples folder and
a launcher; it owns no globals. Checks run one deck per event-loop turn (cached by
content), from the window's first paint on, so the list appears at once and the status
column fills in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QDesktopServices, QFont, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from presenter.core.appcontext import AppContext
from presenter.core.settings import Settings, SettingsStore
from presenter.support.i18n import t
from presenter.ui.home import actions
from presenter.ui.home.details import DeckDetails
from presenter.ui.home.guide import GuidePanel
from presenter.ui.home.launch import Launcher, status_words
from presenter.ui.home.library import CheckCache, DeckEntry, DeckSummary, Source, list_decks
from presenter.ui.home.style import HOME_STYLE
from presenter.ui.widgets.fit import fitting_size
from presenter.ui.widgets.plaintext import message as plain_message
from presenter.ui.widgets.plaintext import tooltip

log = logging.getLogger(__name__)

PATH_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = 6
FIRST_CHECK_MS = 250  # when no paint came first (a window not shown)


def group_title(source: Source) -> str:
    return {
        Source.SAMPLE: t("Sample workshops"),
        Source.MINE: t("My decks"),
        Source.RECENT: t("Recently opened"),
    }[source]


class HomeWindow(QMainWindow):
    guide: GuidePanel  # made in _build; the buttons' lambdas reach it later

    def __init__(
        self,
        ctx: AppContext,
        samples: Path,
        launcher: Launcher,
        cache: CheckCache | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("HomeWindow")
        self.setWindowTitle(t("Workshop Presenter"))
        self.setStyleSheet(HOME_STYLE)
        self.ctx = ctx
        settings = ctx.settings
        self.samples = samples
        self.launcher = launcher
        self.cache = cache or CheckCache(settings.help_contacts)
        self.entries: list[DeckEntry] = []
        self._items: dict[str, QTreeWidgetItem] = {}
        self._pending: list[DeckEntry] = []
        self._checker = QTimer(self)
        self._checker.setInterval(0)
        self._checker.timeout.connect(self._check_next)
        # The first check waits for the window's first paint (a check lays a deck out:
        # tenths of a second), or for FIRST_CHECK_MS when the window is not shown.
        self._painted = False
        QTimer.singleShot(FIRST_CHECK_MS, self._first_paint_done)
        self._build()
        self.refresh()
        if not settings.first_run_done:
            self.guide.show()

    # -- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        heading = QLabel(t("Workshop Presenter"))
        heading.setObjectName("heading")
        sub = QLabel(t("Choose a workshop, check it, rehearse it, present it. Everything "
                       "works offline."))  # fmt: skip
        sub.setObjectName("subheading")
        sub.setWordWrap(True)  # the buttons keep their room on a 1024-pixel laptop
        self.new_button = QPushButton(t("New deck…"))
        self.folder_button = QPushButton(t("Add a decks folder…"))
        self.sessions_button = QPushButton(t("Past sessions"))
        self.guide_button = QPushButton(t("How to run a workshop"))
        self.settings_button = QPushButton(t("Settings"))
        self.about_button = QPushButton(t("About"))
        self.about_button.clicked.connect(lambda: actions.show_about(self))
        self.new_button.clicked.connect(lambda: actions.new_deck(self))
        self.folder_button.clicked.connect(lambda: actions.choose_decks_folder(self))
        self.sessions_button.clicked.connect(lambda: actions.show_sessions(self))
        self.guide_button.clicked.connect(lambda: self.guide.setVisible(not self.guide.isVisible()))
        self.settings_button.clicked.connect(lambda: actions.open_settings(self))
        # The heading and the subheading, then the buttons on a row of their own: beside
        # the subheading, the French labels pushed the window past a 1024-pixel screen.
        top = QVBoxLayout()
        top.setSpacing(2)
        top.addWidget(heading)
        top.addWidget(sub)
        row = QHBoxLayout()
        for button in (self.new_button, self.folder_button, self.sessions_button,
                       self.guide_button, self.settings_button, self.about_button):  # fmt: skip
            row.addWidget(button)
        row.addStretch(1)
        top.addSpacing(6)
        top.addLayout(row)
        self.guide: GuidePanel = GuidePanel(self._guide_done)
        self.guide.hide()
        self.tree = QTreeWidget()
        self.tree.setObjectName("library")
        self.tree.setHeaderLabels(
            [t("Workshop"), t("Audience"), t("Minutes"), t("Variants"), t("Theme"), t("Check")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(8)
        self.tree.setAlternatingRowColors(False)
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.tree.itemDoubleClicked.connect(lambda *_: actions.present(self))
        self.details = DeckDetails()
        self.details.action.connect(self._action)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tree)
        # Scrolls rather than pushing the window past a 768-pixel screen (first run:
        # the guide is open above the library).
        details_scroll = QScrollArea()
        details_scroll.setWidget(self.details)
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Never narrower than the details and their scroll bar: no button cut at the edge.
        bar = details_scroll.verticalScrollBar().sizeHint().width()
        least = max(self.details.minimumWidth(), self.details.minimumSizeHint().width())
        details_scroll.setMinimumWidth(least + bar + 2)
        split.addWidget(details_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 460])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.guide)
        layout.addWidget(split, 1)
        self.setCentralWidget(central)
        self.resize(fitting_size(self, 1240, 760))

    def _action(self, name: str) -> None:
        handlers: dict[str, Callable[[HomeWindow], object]] = {
            "present": actions.present,
            "preview": actions.preview,
            "export": actions.export,
            "check": actions.check,
            "folder": actions.open_folder,
            "resume": actions.resume,
            "end": actions.end_unfinished,
        }
        handlers[name](self)

    def _guide_done(self) -> None:
        self.guide.hide()
        if not self.settings.first_run_done:
            self.save_settings(self.settings.updated(first_run_done=True))

    # -- the library -----------------------------------------------------------------
    def refresh(self) -> None:
        """List the decks again; checks run for the decks whose files changed."""
        selected = self.selected_path()
        self.entries = list_decks(self.settings, self.samples)
        self.tree.clear()
        self._items.clear()
        groups: dict[Source, QTreeWidgetItem] = {}
        for entry in self.entries:
            group = groups.get(entry.source)
            if group is None:
                group = QTreeWidgetItem([group_title(entry.source)])
                font = QFont(self.tree.font())
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setFirstColumnSpanned(False)
                self.tree.addTopLevelItem(group)
                groups[entry.source] = group
            item = QTreeWidgetItem([entry.path.parent.name, "", "", "", "", ""])
            item.setData(0, PATH_ROLE, str(entry.path))
            group.addChild(item)
            self._items[str(entry.path)] = item
            cached = self.cache.cached(entry.path)
            self._fill(item, cached)
        self.tree.expandAll()
        # The title and the audience share what is left, so the check status is never
        # pushed out of view, even on a 1024-pixel laptop (full texts in the tooltips).
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)  # the style's default (about 100) is too wide here
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._pending = [e for e in self.entries if self.cache.cached(e.path) is None]
        if self._pending and self._painted:
            self._checker.start()
        self.select(selected or (str(self.entries[0].path) if self.entries else None))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            QTimer.singleShot(0, self._first_paint_done)  # once this frame is on screen

    def _first_paint_done(self) -> None:
        if self._painted:
            return
        self._painted = True
        if self._pending:
            self._checker.start()

    def _check_next(self) -> None:
        if not self._pending:
            self._checker.stop()
            return
        entry = self._pending.pop(0)
        summary = self.cache.summary(entry.path)
        item = self._items.get(str(entry.path))
        if item is not None:
            self._fill(item, summary)
            if item is self.tree.currentItem():
                self._selection_changed(item, None)

    def _fill(self, item: QTreeWidgetItem, summary: DeckSummary | None) -> None:
        words = status_words()
        if summary is None:
            item.setText(COLUMNS - 1, words["pending"])
            return
        deck = summary.deck
        item.setText(0, summary.title)
        if deck is not None:
            meta = deck.meta
            item.setText(1, meta.audience)
            item.setToolTip(1, tooltip(meta.audience))
            item.setText(2, f"{meta.duration:g}" if meta.duration else "")
            item.setText(3, ", ".join(meta.variants))
            item.setText(4, meta.theme)
        item.setText(COLUMNS - 1, words[summary.status.value])
        colour = {"clean": "#166534", "warnings": "#92400e", "errors": "#b91c1c"}
        item.setForeground(COLUMNS - 1, QBrush(QColor(colour[summary.status.value])))
        item.setToolTip(0, tooltip(f"{summary.title}\n{summary.path}"))

    def all_checked(self) -> bool:
        return not self._pending

    # -- selection -------------------------------------------------------------------
    def selected_path(self) -> str | None:
        item = self.tree.currentItem()
        value = item.data(0, PATH_ROLE) if item is not None else None
        return str(value) if value else None

    def select(self, path: str | None) -> None:
        item = self._items.get(path or "")
        if item is not None:
            self.tree.setCurrentItem(item)
        else:
            self.details.show_summary(None, None)

    def selected_summary(self) -> DeckSummary | None:
        path = self.selected_path()
        return self.cache.summary(Path(path)) if path else None

    def _selection_changed(self, item: QTreeWidgetItem | None, _old: object) -> None:
        path = item.data(0, PATH_ROLE) if item is not None else None
        if not path:
            self.details.show_summary(None, None)
            return
        summary = self.cache.cached(Path(path))
        self.details.show_summary(summary, actions.unfinished_session(self, Path(path)))
        if summary is not None and summary.deck is not None and summary.deck.slides:
            self.details.show_picture(actions.first_slide_picture(summary.deck))

    # -- settings --------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self.ctx.settings

    @property
    def store(self) -> SettingsStore:
        return self.ctx.store

    def save_settings(self, settings: Settings) -> None:
        """New settings: a new context for everything opened from now on, and saved."""
        self.ctx = self.ctx.with_settings(settings)
        try:
            self.store.save(settings)
        except OSError as error:
            log.warning("settings not saved to %s: %s", self.store.path, error)
            message = t("The settings could not be saved: {error}", error=error)
            plain_message(self, t("Settings not saved"), message)

    def remember(self, deck_path: Path) -> None:
        self.save_settings(self.settings.with_recent(deck_path))

    def open_local(self, folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def closeEvent(self, event: QCloseEvent) -> None:
        geometry = bytes(self.saveGeometry().toHex().data()).decode()
        self.store.save_window_state({"home": geometry})
        super().closeEvent(event)
