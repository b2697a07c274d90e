"""The session record behind a presentation, and the offer to resume an unfinished one.

Opening a deck that has an unfinished session shows a banner in the console before the
first slide: resume where it stopped, or start fresh. Until the facilitator chooses,
the actions go to a holding recorder; the choice writes them to the right journal, so
nothing done meanwhile is lost. After a crash the facilitator is standing with the
clicker, not looking at the laptop: presenting (Next, Back, a jump) therefore counts
as "resume". Blanking the screen or filling in the record form does not answer the
offer (they are carried into whichever record is chosen). Starting fresh is the
banner's own button; the interrupted record is then set aside, not closed: it is no
longer offered by itself but stays resumable from the home window until it is ended.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presenter.core.deck.model import Deck
from presenter.core.record.journal import JournalFormatError
from presenter.core.record.resume import (
    RESUME_BY_ID,
    OpenedSession,
    deck_changed,
    open_session,
    resume_session,
    set_aside,
    start_session,
)
from presenter.core.record.store import LoadedSession, find_unfinished
from presenter.core.session.clock import Clock
from presenter.core.session.controller import ADOPT, SessionController, action_summary
from presenter.core.session.state import Action, SessionState
from presenter.support.i18n import t
from presenter.ui.presenting.report_offer import ReportOffer, offer_report

if TYPE_CHECKING:
    from presenter.ui.presenting.presentation import Presentation

log = logging.getLogger(__name__)

# Filling in the record form is not presenting: it never answers the offer by itself.
RECORD_KEEPING = ("attendees", "venue", "initials")
# Carried over into the resumed session (blanking the projector while deciding).
CARRIED = (*RECORD_KEEPING, "overlay", "note")
NOT_A_CHOICE = (*CARRIED, "begin", "finish", ADOPT)


class HoldingRecorder:
    """Keeps the actions while the facilitator has not chosen which record they go to."""

    def __init__(self) -> None:
        self.actions: list[Action] = []

    def record(self, action: Action) -> None:
        self.actions.append(dict(action))


def stopped_at(session: LoadedSession) -> int:
    """The 1-based slide number (within its variant) where ``session`` stopped."""
    return session.stopped_at or 1


class SessionRecordKeeper:
    """Owns the :class:`OpenedSession` of one presentation (or the pending offer)."""

    def __init__(
        self,
        deck: Deck,
        variant: str | None,
        clock: Clock,
        root: Path | None,
        opened: OpenedSession | None,
        unfinished: LoadedSession | None = None,
        how: str = RESUME_BY_ID,
    ) -> None:
        self.deck = deck
        self.variant = opened.variant if opened is not None else variant
        self.clock = clock
        self.root = root
        self.opened = opened
        self.unfinished = unfinished
        self.how = how
        self.holding = HoldingRecorder() if unfinished is not None else None
        self.presentation: Presentation | None = None
        self._unsubscribe: Any = None
        self.report: ReportOffer | None = None

    @classmethod
    def open(
        cls, deck: Deck, variant: str | None, clock: Clock, root: Path | None, *,
        resume: bool, how: str = RESUME_BY_ID,
    ) -> SessionRecordKeeper:  # fmt: skip
        """``resume``: continue without asking. Otherwise offer it if there is one."""
        if not resume and deck.path is not None:
            try:
                unfinished = find_unfinished(deck.path, root)
            except (OSError, ValueError, JournalFormatError) as error:
                log.warning("unfinished sessions of %s not read: %s", deck.path, error)
                unfinished = None
            if unfinished is not None:
                log.info("offering to resume %s", unfinished.session_id)
                return cls(deck, variant, clock, root, None, unfinished, how)
        opened = open_session(deck, variant, clock, root, resume=resume, how=how)
        return cls(deck, variant, clock, root, opened, how=how)

    @property
    def pending(self) -> bool:
        return self.holding is not None

    @property
    def recorder(self) -> Any:
        if self.holding is not None:
            return self.holding
        return self.opened.recorder if self.opened is not None else None

    @property
    def state(self) -> SessionState | None:
        return self.opened.state if self.opened is not None else None

    def attach(self, presentation: Presentation) -> None:
        """Connect the record to the running presentation, or show the offer."""
        self.presentation = presentation
        if self.opened is not None:
            self._attached(self.opened)
            return
        session = self.unfinished
        assert session is not None
        # What Next does comes first: on a 1024-wide laptop the end of this line is cut.
        text = t("Next resumes the unfinished session of this workshop (or start fresh).")
        if deck_changed(session, self.deck):
            text += " " + t("The deck has changed since; slides are matched by their id.")
        presentation.console.resume_banner.offer(
            text, stopped_at(session), self.resume, self.start_fresh
        )
        self._unsubscribe = presentation.controller.subscribe(self._on_action)

    def _on_action(self, state: SessionState, action: Action) -> None:
        if self.pending and action.get("type") not in NOT_A_CHOICE:
            log.info("presenting on the resume offer (%s): resuming", action.get("type"))
            self.resume()

    def _stop_offering(self) -> list[Action]:
        assert self.presentation is not None and self.holding is not None
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.presentation.console.resume_banner.withdraw()
        held, self.holding = self.holding.actions, None
        return held

    def start_fresh(self) -> None:
        """A new record with everything done so far; the old one set aside (resumable
        from the home window until it is ended)."""
        if not self.pending or self.presentation is None or self.unfinished is None:
            return
        held = self._stop_offering()
        set_aside(self.unfinished, self.clock.now())
        log.info("started fresh; %s set aside", self.unfinished.session_id)
        opened = start_session(self.deck, self.variant, self.clock, self.root)
        controller = self.presentation.controller
        if opened.recorder is not None:
            try:
                for action in held:
                    opened.recorder.record(action)
            except OSError as error:
                log.warning("actions before the choice not recorded: %s", error)
                self.presentation.console.show_record_error(error.strerror or str(error))
        controller.adopt(controller.state, opened.recorder, controller.variant)
        self.opened = opened
        self._attached(opened)

    def resume(self) -> None:
        """Continue the unfinished session: its slide, step, timers, tallies and notes."""
        if not self.pending or self.presentation is None or self.unfinished is None:
            return
        held = self._stop_offering()
        opened = resume_session(self.unfinished, self.deck, self.clock, self.root, self.how)
        p = self.presentation
        controller = p.controller
        if opened.variant != controller.variant:
            opened.messages.append(
                t("The session was started for another audience variant; it continues "
                  "with that variant.")
            )  # fmt: skip
        controller.adopt(opened.state or SessionState(), opened.recorder, opened.variant)
        self.variant = opened.variant
        self.opened = opened
        p.console.chime.reset()
        self._attached(opened)
        for action in held:  # the record form and a blanked screen, meanwhile
            if action.get("type") in CARRIED:
                controller.dispatch(action_summary(action))

    def _attached(self, opened: OpenedSession) -> None:
        assert self.presentation is not None
        self.report = attach_record(self.presentation, opened, self.clock)

    def close(self) -> None:
        """The presentation closed: end or pause the record. An offer never answered
        leaves everything as it was (the old session can still be resumed)."""
        if self.pending or self.opened is None or self.presentation is None:
            return
        end_record(self.opened, self.presentation.controller, self.clock.now())


def attach_record(
    presentation: Presentation, opened: OpenedSession, clock: Clock
) -> ReportOffer | None:
    """Connect a session record to a running presentation: the journal, its notices
    on the console, and the report at the end. Both ways of presenting call this."""
    opened.attach(presentation.controller, clock)
    for n, message in enumerate([opened.notice, *opened.messages]):
        if message:
            presentation.console.banners.show_message(f"record{n}", message, "info")
    folder = opened.record.folder if opened.record is not None else None
    return offer_report(presentation, folder)


def end_record(opened: OpenedSession, controller: SessionController, now: float) -> None:
    """The windows closed: an ended workshop closes its record; otherwise the record is
    only paused, so the workshop can be resumed."""
    if opened.record is None:
        return
    if controller.state.finished is not None:
        opened.record.close(now, "ended")
    else:
        opened.record.stop()
