"""The facilitator console: what is on the projector, what comes next, notes, time.

It is handed the controller and the renderer; it shows the state and writes back only
through the controller's intents.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from presenter.core.session.controller import SessionController
from presenter.core.session.view import SlideView
from presenter.render import fragments
from presenter.support.i18n import t, tn
from presenter.ui.presenting.bridge import Renderer, SessionSignals
from presenter.ui.presenting.chime import CountdownEndSound
from presenter.ui.presenting.console.agenda import (
    AgendaList,
    OverviewGrid,
    OverviewPage,
)
from presenter.ui.presenting.console.banners import Banners
from presenter.ui.presenting.console.captions import nothing_next_text, now_view, preview_labels
from presenter.ui.presenting.console.controls import SideControls, button
from presenter.ui.presenting.console.options import ConsoleOptions
from presenter.ui.presenting.console.previews import SlidePreview, Thumbnails, next_view
from presenter.ui.presenting.console.record_form import RecordForm, ReportBanner, ResumeBanner
from presenter.ui.presenting.console.record_lag import RecordLagWatch
from presenter.ui.presenting.console.slices import RepaintMeter, Slices
from presenter.ui.presenting.console.status import StatusStrip
from presenter.ui.presenting.console.style import (
    CONSOLE_STYLE,
    NOTES_SIZES,
    notes_size_step,
    set_notes_size,
)
from presenter.ui.presenting.keys import key_strip
from presenter.ui.widgets.elided import ElidedLabel
from presenter.ui.widgets.plaintext import DeckTextBrowser

log = logging.getLogger(__name__)

# Sized for a 1024x768 laptop: the three columns' least widths add up to well under it,
# and each column keeps its share of the width whatever the slide kind.
PREVIEWS_MIN_WIDTH = 220
MIDDLE_MIN_WIDTH = 330
SIDE_MIN_WIDTH = 210
COLUMN_SHARES = (36, 38, 26)
CONSOLE_MIN_SIZE = QSize(800, 560)
TALL_ENOUGH_FOR_TWO_LINES = 900
# What the clicker does: the console follows in slices, after the room's frame.
MOVES = frozenset({"goto", "overlay", "acknowledge"})


class PresenterConsole(RepaintMeter, QMainWindow):
    """``confirm_quit`` asks whether to end the workshop when the window is closed."""

    quit_confirmed = Signal()

    def __init__(
        self,
        controller: SessionController,
        signals: SessionSignals,
        renderer: Renderer,
        confirm_quit: Callable[[], bool],
        options: ConsoleOptions | None = None,
    ) -> None:
        super().__init__()
        options = options or ConsoleOptions()
        self.controller = controller
        self.renderer = renderer
        self.confirm_quit = confirm_quit
        # What is live beside the slide on the projector (the phones' QR code), so "Now"
        # shows exactly what the room sees.
        self.decorate: Callable[[SlideView], SlideView] = lambda view: view
        self.setObjectName("PresenterConsole")
        self.setWindowTitle(t("{title} — facilitator console", title=controller.deck.meta.title))
        self.setStyleSheet(CONSOLE_STYLE)
        self.notes_size = min(max(options.notes_size, NOTES_SIZES[0]), NOTES_SIZES[-1])
        self.chime = CountdownEndSound(controller, options.countdown_sound, options.sound, self)
        self.resume_banner = ResumeBanner()
        self.report_banner = ReportBanner()
        self.record_form = RecordForm(controller)
        self.status = StatusStrip(controller)
        self.banners = Banners()
        self.thumbnails = Thumbnails(renderer)  # Now and Next share them
        self.now = SlidePreview(renderer, thumbnails=self.thumbnails)
        self.next = SlidePreview(renderer, thumbnails=self.thumbnails)
        self.next.caption_colour = self.next.palette().dark().color()
        self.now.twin, self.next.twin = self.next, self.now
        self.notes = DeckTextBrowser(controller.deck.folder)
        self.notes.setObjectName("notes")
        self.notes.setOpenLinks(False)
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.controls = SideControls(controller)
        self.quick_note = QLineEdit()
        self.quick_note.setPlaceholderText(t("Quick note for the session record (Return saves)"))
        # Only a click puts the cursor here: a clicker's "." or "B" must never type.
        self.quick_note.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.quick_note.returnPressed.connect(self._save_note)
        self.note_count = QLabel()
        self.agenda = AgendaList(controller)
        self.overview = OverviewGrid(controller, renderer)
        self._build()
        self._notes_html: str | None = None
        # After a move the audience frame is painted first; the console follows in
        # slices, one per turn (see console.slices), the most wanted first.
        c = controller
        self.slices = Slices(
            [
                ("labels", self._show_labels),
                ("now", lambda: self.now.show_in_parts(*now_view(c, self.decorate))),
                ("notes", self._show_notes),
                ("next", self._show_next),
                ("controls", self.controls.refresh),
                ("lists", self._show_lists),
            ],
            self,
        )
        repaint = QEvent.Type.UpdateRequest
        self.slices.flush = lambda: QCoreApplication.sendPostedEvents(self, repaint)
        signals.changed.connect(self._refresh_soon)
        signals.record_failed.connect(self.show_record_error)
        self.record_lag = RecordLagWatch(controller, self.banners, self)
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._tick_refresh)
        self._tick.start()
        self.refresh()

    # -- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        previews = QWidget()
        previews.setMinimumWidth(PREVIEWS_MIN_WIDTH)
        left = QVBoxLayout(previews)
        left.setContentsMargins(0, 0, 0, 0)
        # Long titles and myth statements end in "…": they never widen the console.
        self.now_label = ElidedLabel(t("Now"))
        self.next_label = ElidedLabel(t("Next"))
        for label in (self.now_label, self.next_label):
            label.setObjectName("previewLabel")
        left.addWidget(self.now_label)
        left.addWidget(self.now)
        left.addSpacing(6)
        left.addWidget(self.next_label)
        left.addWidget(self.next)
        left.addStretch(1)

        middle = QWidget()
        middle.setMinimumWidth(MIDDLE_MIN_WIDTH)
        centre = QVBoxLayout(middle)
        centre.setContentsMargins(0, 0, 0, 0)
        notes_bar = QHBoxLayout()
        notes_title = QLabel(t("Notes"))
        notes_title.setObjectName("previewLabel")
        smaller = button(t("A−"), t("Smaller notes (Ctrl+−)"))
        bigger = button(t("A+"), t("Larger notes (Ctrl++)"))
        smaller.clicked.connect(lambda: self.change_notes_size(-1))
        bigger.clicked.connect(lambda: self.change_notes_size(1))
        notes_bar.addWidget(notes_title, 1)
        notes_bar.addWidget(smaller)
        notes_bar.addWidget(bigger)
        centre.addLayout(notes_bar)
        centre.addWidget(self.notes, 1)
        centre.addWidget(self.controls)
        self.extra_panels = (
            QVBoxLayout()
        )  # e.g. phones (presenter.ui.presenting.console.phones_panel)
        self.extra_panels.setContentsMargins(0, 0, 0, 0)
        centre.addLayout(self.extra_panels)
        note_row = QHBoxLayout()
        add = button(t("Add note"))
        add.clicked.connect(self._save_note)
        note_row.addWidget(self.quick_note, 1)
        note_row.addWidget(add)
        note_row.addWidget(self.note_count)
        centre.addLayout(note_row)

        tabs = QTabWidget()
        tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        tabs.tabBar().setExpanding(False)
        tabs.tabBar().setUsesScrollButtons(True)
        tabs.addTab(self.agenda, t("Agenda"))
        tabs.addTab(self.record_form, t("Record"))
        tabs.setTabToolTip(1, t("Attendee count, venue and initials (no names)"))
        self.tabs = tabs
        side = QWidget()
        side.setMinimumWidth(SIDE_MIN_WIDTH)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(tabs, 1)
        grid_button = button(t("All slides as a grid (O)"), t("Overview: every slide (O)"))
        grid_button.clicked.connect(self.toggle_overview)
        side_layout.addWidget(grid_button)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(previews)
        splitter.addWidget(middle)
        splitter.addWidget(side)
        for column, stretch in enumerate(COLUMN_SHARES):
            splitter.setStretchFactor(column, stretch)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        self.pages = QStackedWidget()
        self.pages.addWidget(splitter)
        self.overview_page = OverviewPage(self.overview, self.toggle_overview)
        self.pages.addWidget(self.overview_page)

        self.hints = ElidedLabel(key_strip())  # made from the one key table
        self.hints.setObjectName("keyHints")
        self.hints.setFixedHeight(26)

        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.setSpacing(4)
        outer.addWidget(self.status)
        outer.addWidget(self.resume_banner)
        outer.addWidget(self.report_banner)
        outer.addWidget(self.banners)
        outer.addWidget(self.pages, 1)
        outer.addWidget(self.hints)
        self.setCentralWidget(body)
        # The window never grows to fit its content: content shrinks, elides or scrolls
        # to fit the window, and the window fits the laptop (see presenting.place).
        layout = self.layout()
        if layout is not None:
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(CONSOLE_MIN_SIZE)
        self.resize(1280, 720)
        self._share_columns()
        for frame in (self.resume_banner, self.report_banner):
            frame.installEventFilter(self)
        self._apply_notes_size()

    def toggle_overview(self) -> None:
        """Every slide as a grid over the whole console (O), and back."""
        showing = self.pages.currentIndex() == 1
        self.pages.setCurrentIndex(0 if showing else 1)
        if not showing:
            self.overview.refresh()
            current = self.overview.currentItem()
            if current is not None:
                self.overview.scrollToItem(current)

    def overview_shown(self) -> bool:
        return self.pages.currentIndex() == 1

    def _share_columns(self) -> None:
        total = max(self.splitter.width(), sum(COLUMN_SHARES))
        whole = sum(COLUMN_SHARES)
        self.splitter.setSizes([round(total * share / whole) for share in COLUMN_SHARES])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._share_columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_banners()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            QTimer.singleShot(0, self._arrange_banners)
        return super().eventFilter(watched, event)

    def _arrange_banners(self) -> None:
        """At most one line of messages on a short screen: a question (resume, the
        report) takes the line, and the messages wait until it has gone."""
        asking = self.resume_banner.isVisibleTo(self) or self.report_banner.isVisibleTo(self)
        self.banners.set_suppressed(asking and self.height() < TALL_ENOUGH_FOR_TWO_LINES)

    def show_number(self, digits: str) -> None:
        """The slide number being typed, where the key help usually is."""
        if digits:
            self.hints.setObjectName("numberBuffer")
            self.hints.setText(t("Go to slide {n} — press Return", n=digits))
        else:
            self.hints.setObjectName("keyHints")
            self.hints.setText(key_strip())
        self.hints.style().unpolish(self.hints)
        self.hints.style().polish(self.hints)

    def add_panel(self, panel: QWidget) -> None:
        """A control group below the myth and timer controls."""
        self.extra_panels.addWidget(panel)

    # -- updates ---------------------------------------------------------------------

    def refresh_soon(self) -> None:
        """Refresh in the next turns (what the room's extras ask for)."""
        self.slices.request()

    def refreshing(self) -> bool:
        """Whether the console is still catching up with the last move."""
        return self.slices.pending()

    def _refresh_soon(self, kind: str = "") -> None:
        """Moving through the slides (the clicker) refreshes in slices after the room's
        frame; what the facilitator does on the console itself (counts) shows at once."""
        if kind in MOVES:
            self.slices.request()
        else:
            self.refresh()

    def _tick_refresh(self) -> None:
        self.status.refresh()
        self.controls.countdown.refresh()
        self.chime.check()
        if self.controller.countdown_slide() is not None:
            self.slices.request("now")  # the countdown on the room's picture

    def refresh(self, *_: object) -> None:
        """Everything at once, now."""
        self.slices.run()

    def _show_labels(self) -> None:
        now, upcoming = preview_labels(self.controller)
        self.now_label.setText(now)
        self.next_label.setText(upcoming)
        notes = self.controller.state.notes
        self.note_count.setText(tn("{n} note", "{n} notes", len(notes)) if notes else "")
        self.status.refresh()

    def _show_next(self) -> bool:
        view, caption = self._next_view()
        return self.next.show_in_parts(view, caption, nothing_next_text(self.controller))

    def _show_lists(self) -> None:
        self.agenda.refresh()
        self.overview.refresh()
        self.record_form.refresh()

    def _next_view(self) -> tuple[SlideView | None, str]:
        return next_view(self.controller)

    def _show_notes(self) -> None:
        html = fragments.console_notes(self.controller.slide)
        if html != self._notes_html:  # the same notes for every step of a slide
            self._notes_html = html
            self.notes.setHtml(html)

    def change_notes_size(self, delta: int) -> None:
        """One step larger (1) or smaller (-1), from whatever size the settings gave."""
        self.notes_size = notes_size_step(self.notes_size, delta)
        self._apply_notes_size()

    def _apply_notes_size(self) -> None:
        set_notes_size(self.notes, self.notes_size)

    def _save_note(self) -> None:
        text = self.quick_note.text().strip()
        if text:
            self.controller.note(text)
            self.quick_note.clear()
        # After this key press has finished travelling (see keys.KeyRouter).
        QTimer.singleShot(0, self.quick_note.clearFocus)

    def show_record_error(self, message: str) -> None:
        """``message`` says what failed and what to do (see core.recordfaults)."""
        self.banners.error("record", message)

    # -- closing ---------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_quit():
            event.accept()
            self.quit_confirmed.emit()
        else:
            event.ignore()
