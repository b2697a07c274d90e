"""Controls that depend on the slide: the discussion countdown and the show of hands."""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from presenter.core.session.controller import SessionController
from presenter.core.session.view import Tally
from presenter.support.i18n import t
from presenter.ui.presenting.console.status import clock_text

log = logging.getLogger(__name__)


def button(text: str, tip: str = "") -> QPushButton:
    """A console button that never takes keyboard focus, so clicker keys stay keys."""
    widget = QPushButton(text)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if tip:
        widget.setToolTip(tip)
    return widget


def share_text(tally: Tally | None) -> str:
    if tally is None:
        return t("not counted")
    share = tally.correct_share
    if share is None:
        return t("no answers")
    if tally.answer == "reality":
        return t("{pct}% said reality ({n} of {total})", pct=round(share * 100),
                 n=tally.said_reality, total=tally.total)  # fmt: skip
    return t("{pct}% said myth ({myth} of {total})", pct=round(share * 100),
             myth=tally.said_myth, total=tally.total)  # fmt: skip


class CountdownPanel(QGroupBox):
    """Start/pause and ±1 minute on the current slide's countdown."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(t("Countdown"), parent)
        self.controller = controller
        self.setObjectName("countdownPanel")
        layout = QHBoxLayout(self)
        self.remaining = QLabel("–")
        self.remaining.setObjectName("countdownValue")
        self.start = button(t("Start"), t("Start or pause the countdown (T)"))
        self.minus = button(t("−1 min"), t("One minute less (−)"))
        self.plus = button(t("+1 min"), t("One minute more (+)"))
        self.start.clicked.connect(controller.timer_toggle)
        self.minus.clicked.connect(lambda: controller.timer_adjust(-60))
        self.plus.clicked.connect(lambda: controller.timer_adjust(60))
        layout.addWidget(self.remaining, 1)
        for widget in (self.start, self.minus, self.plus):
            layout.addWidget(widget)

    def refresh(self) -> None:
        index = self.controller.countdown_slide()
        self.setVisible(index is not None)
        if index is None:
            return
        countdown = self.controller.state.countdowns[index]
        left = countdown.remaining(self.controller.clock.now())
        # Rounded up, as on the projector: 0:00 only when time is really up.
        self.remaining.setText(clock_text(math.ceil(left)) if left > 0 else t("Time's up"))
        clock = countdown.clock
        started = clock.running or clock.accumulated > 0
        self.start.setVisible(left > 0)  # time up: only more time (+1 min) makes sense
        self.start.setText(t("Pause") if clock.running else t("Resume") if started else t("Start"))


class MythPanel(QGroupBox):
    """Show of hands for the myth on screen: enter the counts, then reveal.

    The two counts are one small form: Tab and Shift+Tab move between them, Return
    saves both and lets go (so the clicker is a clicker again), and the panel says what
    was saved, and questions counts larger than the room when the record has its size."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(t("Show of hands"), parent)
        self.controller = controller
        self.setObjectName("mythPanel")
        self._item_key: tuple[int, int] | None = None
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(6)
        self.said_myth = QSpinBox()
        self.said_reality = QSpinBox()
        for spin in (self.said_myth, self.said_reality):
            spin.setRange(0, 999)
            # Only a click puts the cursor here: a clicker's "." or "B" must never type.
            spin.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            spin.setMinimumWidth(64)
            spin.installEventFilter(self)
            spin.lineEdit().installEventFilter(self)
        self.not_asked = QCheckBox(t("Not asked"))
        self.not_asked.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.save = button(t("Save"), t("Save both counts (Return in a count does too)"))
        self.reveal = button(t("Reveal"), t("Reveal the reality (same as Next)"))
        self.before_after = QLabel()
        self.before_after.setWordWrap(True)
        self.state_label = QLabel()
        self.state_label.setObjectName("mythState")
        self.state_label.setWordWrap(True)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("mythSaved")
        self.saved_label.setWordWrap(True)
        self._saved_style = "mythSaved"  # the object name the label was polished for
        grid.addWidget(QLabel(t("Said “myth”")), 0, 0)
        grid.addWidget(self.said_myth, 0, 1)
        grid.addWidget(QLabel(t("Said “reality”")), 0, 2)
        grid.addWidget(self.said_reality, 0, 3)
        row = QHBoxLayout()
        row.addWidget(self.not_asked)
        row.addStretch(1)
        row.addWidget(self.save)
        row.addWidget(self.reveal)
        grid.addLayout(row, 1, 0, 1, 5)
        grid.addWidget(self.state_label, 2, 0, 1, 5)
        grid.addWidget(self.saved_label, 3, 0, 1, 5)
        grid.addWidget(self.before_after, 4, 0, 1, 5)
        grid.setColumnStretch(4, 1)
        self.save.clicked.connect(self.commit)
        self.reveal.clicked.connect(self._reveal)
        self.not_asked.toggled.connect(self._not_asked)
        for spin in (self.said_myth, self.said_reality):
            spin.editingFinished.connect(self.commit)

    def _spin_of(self, watched: QObject) -> QSpinBox | None:
        for spin in (self.said_myth, self.said_reality):
            if watched is spin or watched is spin.lineEdit():
                return spin
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        spin = self._spin_of(watched)
        if spin is None or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            other = self.said_reality if spin is self.said_myth else self.said_myth
            reason = (
                Qt.FocusReason.BacktabFocusReason
                if key == Qt.Key.Key_Backtab
                else Qt.FocusReason.TabFocusReason
            )
            other.setFocus(reason)
            other.selectAll()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            for each in (self.said_myth, self.said_reality):
                each.interpretText()
            self.commit()
            # After this key press has finished travelling (see keys.KeyRouter).
            QTimer.singleShot(0, spin.clearFocus)
            return True
        return False

    def commit(self) -> None:
        """Record the counts if they changed (Return or leaving the field saves them)."""
        item = self.controller.current_myth_item()
        if item is None:
            return
        counts = (self.said_myth.value(), self.said_reality.value())
        entry = self.controller.state.result(item.slide, item.item)
        saved = (entry.said_myth, entry.said_reality) if entry and entry.counted else None
        if counts != saved and (saved is not None or counts != (0, 0)):
            self.controller.set_tally(*counts)
        self._show_saved()

    def _show_saved(self) -> None:
        """What the record holds for this show of hands, in words, and any doubt."""
        c = self.controller
        item = c.current_myth_item()
        entry = c.state.result(item.slide, item.item) if item is not None else None
        if entry is None or not entry.counted:
            text = t("Not asked: no counts are kept") if entry and entry.not_asked else ""
            self.saved_label.setObjectName("mythSaved")
            self.saved_label.setText(text)
        else:
            total = entry.said_myth + entry.said_reality
            text = t("Saved: {myth} said “myth”, {reality} said “reality”.",
                     myth=entry.said_myth, reality=entry.said_reality)  # fmt: skip
            attendees = c.state.attendees
            doubt = attendees is not None and total > attendees
            if doubt:
                text += " " + t(
                    "That is {total} hands, more than the {n} attendees in the record: "
                    "please check the counts.", total=total, n=attendees)  # fmt: skip
            self.saved_label.setObjectName("mythWarning" if doubt else "mythSaved")
            self.saved_label.setText(text)
        if self.saved_label.objectName() != self._saved_style:
            # Re-polishing re-resolves the style sheet and relayouts: only on a change.
            self._saved_style = self.saved_label.objectName()
            self.saved_label.style().unpolish(self.saved_label)
            self.saved_label.style().polish(self.saved_label)

    def _reveal(self) -> None:
        self.commit()
        s = self.controller.state
        if s.step % 2 == 0:
            self.controller.next()

    def _not_asked(self, checked: bool) -> None:
        item = self.controller.current_myth_item()
        if item is None:
            return
        entry = self.controller.state.result(item.slide, item.item)
        if checked != (entry is not None and entry.not_asked):
            self.controller.mark_not_asked(checked)

    def refresh(self) -> None:
        c = self.controller
        item = c.current_myth_item()
        self.setVisible(item is not None)
        if item is None:
            self._item_key = None
            return
        key = (item.slide, item.item)
        entry = c.state.result(*key)
        if key != self._item_key:  # a new item: load its counts once, never mid-typing
            self._item_key = key
            values = (entry.said_myth, entry.said_reality) if entry else (0, 0)
            for spin, value in zip((self.said_myth, self.said_reality), values, strict=True):
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
        self.not_asked.blockSignals(True)
        self.not_asked.setChecked(bool(entry and entry.not_asked))
        self.not_asked.blockSignals(False)
        revealed = c.state.step % 2 == 1
        self.reveal.setEnabled(not revealed)
        counted = entry is not None and (entry.counted or entry.not_asked)
        if revealed:
            self.state_label.setText(t("Revealed: the room sees the reality"))
        elif counted:
            self.state_label.setText(t("Asking: the room sees the statement"))
        else:
            self.state_label.setText(
                t("Asking: the room sees the statement. No counts yet: enter them, or "
                  "tick Not asked, before revealing.")
            )  # fmt: skip
        self._show_saved()
        before, after = c.before_after(item)
        if item.source_slide not in (None, item.slide):
            self.before_after.setText(
                t("Before: {before} · After: {after}", before=share_text(before),
                  after=share_text(after))
            )  # fmt: skip
        else:
            self.before_after.setText("")


class SideControls(QWidget):
    """The countdown and show-of-hands panels, stacked; each shows only when relevant."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.countdown = CountdownPanel(controller)
        self.myth = MythPanel(controller)
        layout.addWidget(self.countdown)
        layout.addWidget(self.myth)

    def refresh(self) -> None:
        self.countdown.refresh()
        self.myth.refresh()
