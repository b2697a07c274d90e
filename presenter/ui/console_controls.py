"""Controls that depend on the slide: the discussion countdown and the show of hands."""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import Qt, QTimer
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

from presenter.core.session_control import SessionController
from presenter.core.view import Tally
from presenter.i18n import t
from presenter.ui.console_status import clock_text

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
        self.remaining.setText(clock_text(math.ceil(left)) if left > 0 else t("Time is up"))
        running = countdown.clock.running
        self.start.setText(t("Pause") if running else t("Start"))


class MythPanel(QGroupBox):
    """Show of hands for the myth on screen: enter the counts, then reveal."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(t("Show of hands"), parent)
        self.controller = controller
        self.setObjectName("mythPanel")
        self._item_key: tuple[int, int] | None = None
        grid = QGridLayout(self)
        self.said_myth = QSpinBox()
        self.said_reality = QSpinBox()
        for spin in (self.said_myth, self.said_reality):
            spin.setRange(0, 999)
            spin.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            spin.setMinimumWidth(80)
        self.not_asked = QCheckBox(t("Not asked"))
        self.not_asked.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.save = button(t("Save counts"))
        self.reveal = button(t("Reveal the reality"), t("Same as Next"))
        self.before_after = QLabel()
        self.before_after.setWordWrap(True)
        self.state_label = QLabel()
        self.state_label.setObjectName("mythState")
        grid.addWidget(QLabel(t("Said “myth”")), 0, 0)
        grid.addWidget(self.said_myth, 0, 1)
        grid.addWidget(QLabel(t("Said “reality”")), 0, 2)
        grid.addWidget(self.said_reality, 0, 3)
        grid.addWidget(self.not_asked, 0, 4)
        grid.addWidget(self.state_label, 1, 0, 1, 3)
        grid.addWidget(self.save, 1, 3)
        grid.addWidget(self.reveal, 1, 4)
        grid.addWidget(self.before_after, 2, 0, 1, 5)
        self.save.clicked.connect(self.commit)
        self.reveal.clicked.connect(self._reveal)
        self.not_asked.toggled.connect(self._not_asked)
        for spin in (self.said_myth, self.said_reality):
            spin.editingFinished.connect(self.commit)
            spin.lineEdit().returnPressed.connect(
                lambda spin=spin: QTimer.singleShot(0, spin.clearFocus)
            )

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
        self.state_label.setText(
            t("Revealed: the room sees the reality") if revealed
            else t("Asking: the room sees the statement")
        )  # fmt: skip
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
