"""The facilitator console: what is on the projector, what comes next, notes, time.

It is handed the controller and the renderer; it shows the state and writes back only
through the controller's intents.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from presenter.core.session_control import SessionController
from presenter.core.view import SlideView
from presenter.i18n import t
from presenter.ui.agenda import AgendaList, OverviewGrid, slide_label
from presenter.ui.bridge import Renderer, SessionSignals
from presenter.ui.chime import CountdownEndSound
from presenter.ui.console_controls import SideControls, button
from presenter.ui.console_options import ConsoleOptions
from presenter.ui.console_record import RecordForm, ReportBanner, ResumeBanner
from presenter.ui.console_status import StatusStrip, overlay_name
from presenter.ui.previews import SlidePreview
from presenter.ui.previews import whole_seconds as _seconds
from presenter.ui.record_lag import RecordLagWatch
from presenter.ui.style import CONSOLE_STYLE

log = logging.getLogger(__name__)

NOTES_SIZES = (14, 16, 18, 20, 22, 24, 28, 32, 36, 42, 48)
CONSOLE_REFRESH_DELAY_MS = 30


class Banners(QWidget):
    """Messages for the facilitator (never shown to the room), each with its own key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._labels: dict[str, QLabel] = {}

    def show_message(self, key: str, text: str, level: str = "warning") -> None:
        label = self._labels.get(key)
        if label is None:
            label = QLabel()
            label.setWordWrap(True)
            label.setObjectName(f"banner_{level}")
            self._labels[key] = label
            self._layout.addWidget(label)
        label.setText(text)
        label.show()

    def hide_message(self, key: str) -> None:
        if key in self._labels:
            self._labels[key].hide()

    def text(self, key: str) -> str:
        label = self._labels.get(key)
        return label.text() if label is not None and not label.isHidden() else ""


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
        self.notes = QTextBrowser()
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
        left = QVBoxLayout(previews)
        left.setContentsMargins(0, 0, 0, 0)
        self.now_label = QLabel(t("Now"))
        self.next_label = QLabel(t("Next"))
        for label in (self.now_label, self.next_label):
            label.setObjectName("previewLabel")
            # Long myth statements must not widen the console past the laptop screen.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        left.addWidget(self.now_label)
        left.addWidget(self.now, 5)
        left.addWidget(self.next_label)
        left.addWidget(self.next, 3)

        middle = QWidget()
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
        note_row = QHBoxLayout()
        add = button(t("Add note"))
        add.clicked.connect(self._save_note)
        note_row.addWidget(self.quick_note, 1)
        note_row.addWidget(add)
        note_row.addWidget(self.note_count)
        centre.addLayout(note_row)

        tabs = QTabWidget()
        tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        tabs.addTab(self.agenda, t("Agenda"))
        tabs.addTab(self.overview, t("Overview"))
        tabs.addTab(self.record_form, t("Record"))
        tabs.setTabToolTip(2, t("Attendee count, venue and initials (no names)"))
        self.tabs = tabs

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(previews)
        splitter.addWidget(middle)
        splitter.addWidget(tabs)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 5)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([480, 520, 340])
        splitter.setChildrenCollapsible(False)

        hints = QLabel(
            t("Next: PageDown / → / Space · Back: PageUp / ← · Black: B · Calm: C · "
              "Help: H · Go to: number + Return · Timer: T, +, − · Swap screens: S")
        )  # fmt: skip
        hints.setObjectName("keyHints")

        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.addWidget(self.status)
        outer.addWidget(self.resume_banner)
        outer.addWidget(self.report_banner)
        outer.addWidget(self.banners)
        outer.addWidget(splitter, 1)
        outer.addWidget(hints)
        self.setCentralWidget(body)
        self.resize(1280, 720)
        self._apply_notes_size()

    # -- updates ---------------------------------------------------------------------

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
        if view.overlay is not None:
            caption = t("Room sees: {what}", what=overlay_name(view.overlay))
            # The slide underneath, with the overlay named across it.
            self.now.show_view(_seconds(c.slide_view()), caption)
        else:
            self.now.show_view(_seconds(view))
        self.now_label.setText(t("Now: {label}", label=slide_label(c, s.slide)))
        next_view, next_caption = self._next_view()
        self.next.show_view(next_view, next_caption, t("End of the workshop"))
        self.next_label.setText(
            t("Next: {label}", label=slide_label(c, next_view.slide_index))
            if next_view is not None and next_view.slide_index is not None
            else t("Next: end of the workshop")
        )
        if self._notes_for != (s.slide, s.step):
            self._notes_for = (s.slide, s.step)
            self._show_notes()
        self.note_count.setText(t("{n} notes", n=len(s.notes)) if s.notes else "")
        self.status.refresh()
        self.controls.refresh()
        self.agenda.refresh()
        self.overview.refresh()
        self.record_form.refresh()

    def _next_view(self) -> tuple[SlideView | None, str]:
        c = self.controller
        s = c.state
        slide = c.slide
        if s.step < slide.step_count - 1:
            caption = ""
            if slide.kind in ("myth", "recap") and s.step % 2 == 0:
                caption = t("Next press reveals the reality")
            return SlideView(s.slide, s.step + 1), caption
        following = c.next_slide()
        if following is None:
            return None, ""
        return SlideView(following.index, 0), ""

    def _show_notes(self) -> None:
        slide = self.controller.slide
        parts = [slide.notes_html or f"<p><i>{html.escape(t('No notes for this slide.'))}</i></p>"]
        if slide.discussion is not None and slide.discussion.followups:
            items = "".join(f"<li>{html.escape(q)}</li>" for q in slide.discussion.followups)
            parts.append(f"<h4>{html.escape(t('Follow-up questions'))}</h4><ul>{items}</ul>")
        if slide.myth is not None:
            parts.append(
                f"<p><b>{html.escape(t('Myth'))}:</b> {html.escape(slide.myth.statement)}<br>"
                f"<b>{html.escape(t('Reality'))}:</b> {html.escape(slide.myth.reality)}</p>"
            )
        self.notes.setHtml("".join(parts))

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
        self.banners.show_message(
            "record",
            t("The session record could not be saved ({message}). Presenting goes on; "
              "free some disk space when you can.", message=message),
            "error",
        )  # fmt: skip

    # -- closing ---------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_quit():
            event.accept()
            self.quit_confirmed.emit()
        else:
            event.ignore()
