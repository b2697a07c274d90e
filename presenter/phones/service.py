"""Phones in a running workshop: the room follows the slides, totals go to the record.

:class:`PhonesService` listens to the controller (the question on screen opens when a
myth is asked and closes at its reveal) and to the server (an answer changed a total).
Totals reach the session record only through the controller, as ``phone_tally`` actions,
a moment after the last change (so 200 phones answering at once make a few journal
lines, not 200) and at once when the reveal closes the question. Totals recorded before
a restart are kept: the room counts on from them.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from presenter.core.session.controller import SessionController
from presenter.core.session.state import Action, SessionState
from presenter.core.session.view import PhonesBadge, SlideView
from presenter.phones.network import url_host
from presenter.phones.questions import Question, current_question, question_id
from presenter.phones.room import AnswersRoom, workshop_key

if TYPE_CHECKING:
    from presenter.phones.server import PhonesServer

log = logging.getLogger(__name__)

FLUSH_MS = 400


class PhonesService(QObject):
    """Owns the room and its server for one workshop. ``changed`` fires when phones are
    switched on or off and when the number of answers changes."""

    changed = Signal()

    def __init__(
        self,
        controller: SessionController,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.room = AnswersRoom(clock)
        self.room.base = recorded_totals(controller.state)
        self.room.workshop = workshop_key(controller.state.deck_hash, controller.state.began)
        self._server: PhonesServer | None = None  # Qt's network modules load only when on
        self._pending: set[str] = set()
        self._questions: dict[str, Question] = {}
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(FLUSH_MS)
        self._flush.timeout.connect(self.flush)
        self._unsubscribe = controller.subscribe(self._on_action)
        self._follow()

    # -- switching -------------------------------------------------------------

    @property
    def server(self) -> PhonesServer:
        if self._server is None:
            from presenter.phones.server import PhonesServer

            self._server = PhonesServer(self.room, self.controller.deck.meta.language, self)
            self._server.answered.connect(self._answered)
        return self._server

    @property
    def running(self) -> bool:
        return self._server is not None and self._server.running

    def start(self, address: str, port: int = 0) -> None:
        """Open the room (raises AddressRefused or ServerError when it cannot)."""
        if self.controller.state.finished is not None:
            raise RuntimeError("the workshop is over")
        self.server.start(address, port)
        self._follow()
        self.changed.emit()

    def stop(self) -> None:
        """Close the room; answers so far are recorded first."""
        was = self.running
        self.flush()
        if self._server is not None:
            self._server.stop()
        if was:
            self.changed.emit()

    def close(self) -> None:
        """The workshop is over: stop, and stop listening to the controller."""
        self.stop()
        self._unsubscribe()

    def status_line(self) -> str:
        """``Phones: http://ADDR:PORT/ (code NNNN)``, the line ``run`` prints."""
        return f"Phones: {self.server.url()} (code {self.room.code})"

    # -- what the room sees ----------------------------------------------------

    def badge(self) -> PhonesBadge | None:
        question = self.room.question
        if not self.running or question is None or not question.open:
            return None
        return PhonesBadge(
            self.server.join_url(),
            f"{url_host(self.server.address)}:{self.server.port}",
            self.room.code,
            self.room.count(question.id),
        )

    def decorate(self, view: SlideView) -> SlideView:
        """``view`` with the QR code and answer count while a question is open on it."""
        badge = self.badge()
        if badge is None or view.overlay is not None or view.step % 2 == 1:
            return view
        return dataclasses.replace(view, phones=badge)

    # -- following the workshop ------------------------------------------------

    def _on_action(self, state: SessionState, action: Action) -> None:
        if action.get("type") == "finish":
            QTimer.singleShot(0, self.close)
            return
        if action.get("type") == "phone_tally":
            return
        self.room.workshop = workshop_key(state.deck_hash, state.began)
        before = self.room.question
        self._follow()
        if before is not None and before.open and before.id in self._pending:
            QTimer.singleShot(0, self.flush)  # the reveal: record the final totals now

    def _follow(self) -> None:
        question = current_question(self.controller)
        if question is not None:
            self._questions[question.id] = question
        if question != self.room.question:
            self.room.ask(question)
            if self.running:  # while phones are off nothing shows the question
                self.changed.emit()

    def _answered(self) -> None:
        question = self.room.question
        if question is not None:
            self._pending.add(question.id)
        if not self._flush.isActive():
            self._flush.start()
        self.changed.emit()

    def flush(self) -> None:
        """Record the totals that changed since the last flush."""
        self._flush.stop()
        pending, self._pending = self._pending, set()
        for qid in sorted(pending):
            question = self._questions.get(qid)
            if question is None:
                continue
            self.controller.set_phone_tally(question.item, *self.room.totals(qid))


def recorded_totals(state: SessionState) -> dict[str, tuple[int, int]]:
    """Phone totals already in the record (after a resume), by question id."""
    from presenter.core.session.controller import MythItem

    return {
        question_id(MythItem(slide, item, None, None)): (r.phone_myth, r.phone_reality)
        for (slide, item), r in state.results.items()
        if r.phones
    }
