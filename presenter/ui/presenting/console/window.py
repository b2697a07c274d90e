"""The facilitator console: what is on the projector, what comes next, notes, time.

It is handed the controller and the renderer; it shows the state and writes back only
through the controller's intents.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
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
from presenter.core.session.view import Overlay, SlideView
from presenter.render import fragments
from presenter.support.i18n import t, tn
from presenter.ui.presenting.bridge import Renderer, SessionSignals
from presenter.ui.presenting.chime import CountdownEndSound
from presenter.ui.presenting.console.agenda import (
    AgendaList,
    OverviewGrid,
    OverviewPage,
    slide_label,
)
from presenter.ui.presenting.console.banners import Banners
from presenter.ui.presenting.console.controls import SideControls, button
from presenter.ui.presenting.console.options import ConsoleOptions
from presenter.ui.presenting.console.previews import SlidePreview, next_view
from presenter.ui.presenting.console.previews import whole_seconds as _seconds
from presenter.ui.presenting.console.record_form import RecordForm, ReportBanner, ResumeBanner
from presenter.ui.presenting.console.record_lag import RecordLagWatch
from presenter.ui.presenting.console.status import StatusStrip, overlay_name
from presenter.ui.presenting.console.style import CONSOLE_STYLE
from presenter.ui.presenting.keys import key_strip
from presenter.ui.widgets.elided import ElidedLabel
from presenter.ui.widgets.plaintext import DeckTextBrowser

log = logging.getLogger(__name__)

NOTES_SIZES = (14, 16, 18, 20, 22, 24, 28, 32, 36, 42, 48)
# Sized for a 1024x768 laptop: the three columns' least widths add up to well under it,
# and each column keeps its share of the width whatever the slide kind.
PREVIEWS_MIN_WIDTH = 220
MIDDLE_MIN_WIDTH = 330
SIDE_MIN_WIDTH = 210
COLUMN_SHARES = (36, 38, 26)
CONSOLE_MIN_SIZE = QSize(800, 560)
TALL_ENOUGH_FOR_TWO_LINES = 900
CONSOLE_REFRESH_DELAY_MS = 30


class PresenterConsole(QMainWindow):
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
        self.now = SlidePreview(renderer)
        self.next = SlidePreview(renderer)
        self.next.caption_colour = self.next.palette().dark().color()
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
        # After a move the audience frame is painted first; the console follows a
        # moment later, once for a burst of presses, so a quick second press of the
        # clicker never waits for the console's widgets to repaint.
        self._deferred = QTimer(self)
        self._deferred.setSingleShot(True)
        self._deferred.setInterval(CONSOLE_REFRESH_DELAY_MS)
        self._deferred.timeout.connect(self.refresh)
        signals.changed.connect(self._refresh_soon)
        signals.record_failed.connect(self.show_record_error)
        self.record_lag = RecordLagWatch(controller, self.banners, self)
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._tick_refresh)
        self._tick.start()
        self._notes_for: tuple[int, int] | None = None
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
        """Refresh a moment later, once per burst (what the room's extras ask for)."""
        if not self._deferred.isActive():
            self._deferred.start()

    def _refresh_soon(self, kind: str = "") -> None:
        """Moving through the slides (the clicker) refreshes a moment later; what the
        facilitator does on the console itself (counts, timers) shows at once."""
        if kind != "goto":
            self._deferred.stop()
            self.refresh()
        elif not self._deferred.isActive():
            self._deferred.start()

    def _tick_refresh(self) -> None:
        self.status.refresh()
        self.controls.countdown.refresh()
        self.chime.check()
        if self.controller.countdown_slide() is not None:
            self.refresh()

    def refresh(self, *_: object) -> None:
        c = self.controller
        s = c.state
        view = c.audience_view()
        if view.overlay is not None and view.overlay is not Overlay.CONTENT_WARNING:
            caption = t("Room sees: {what}", what=overlay_name(view.overlay))
            # The slide underneath, with the overlay named across it.
            self.now.show_view(_seconds(c.slide_view()), caption)
        else:
            self.now.show_view(_seconds(self.decorate(view)))
        shown = view.overlay is Overlay.CONTENT_WARNING
        self.now_label.setText(
            t("Now: {label}", label=overlay_name(Overlay.CONTENT_WARNING))
            if shown
            else t("Now: {label}", label=slide_label(c, s.slide))
        )
        next_view, next_caption = self._next_view()
        at_end = s.overlay is Overlay.END
        self.next.show_view(
            next_view,
            next_caption,
            t("Nothing: the workshop is over") if at_end else t("End of the workshop"),
        )
        self.next_label.setText(
            t("Next: {label}", label=slide_label(c, next_view.slide_index))
            if next_view is not None and next_view.slide_index is not None
            else t("Next: nothing (the room sees the end screen)")
            if at_end
            else t("Next: end of the workshop")
        )
        if self._notes_for != (s.slide, s.step):
            self._notes_for = (s.slide, s.step)
            self._show_notes()
        self.note_count.setText(tn("{n} note", "{n} notes", len(s.notes)) if s.notes else "")
        self.status.refresh()
        self.controls.refresh()
        self.agenda.refresh()
        self.overview.refresh()
        self.record_form.refresh()

    def _next_view(self) -> tuple[SlideView | None, str]:
        return next_view(self.controller)

    def _show_notes(self) -> None:
        self.notes.setHtml(fragments.console_notes(self.controller.slide))

    def change_notes_size(self, delta: int) -> None:
        """One step larger (1) or smaller (-1), from whatever size the settings gave."""
        if delta > 0:
            self.notes_size = next((n for n in NOTES_SIZES if n > self.notes_size), NOTES_SIZES[-1])
        elif delta < 0:
            smaller = [n for n in NOTES_SIZES if n < self.notes_size]
            self.notes_size = smaller[-1] if smaller else NOTES_SIZES[0]
        self._apply_notes_size()

    def _apply_notes_size(self) -> None:
        # The console's style sheet sets every widget's font size; the notes' own rule
        # wins over it, so the size holds through re-polishing.
        self.notes.setStyleSheet(f"QTextBrowser#notes {{ font-size: {self.notes_size}px; }}")
        self.notes.ensurePolished()
        font = self.notes.font()
        font.setPixelSize(self.notes_size)
        self.notes.setFont(font)
        self.notes.document().setDefaultFont(font)

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
