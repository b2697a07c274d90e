"""The one way to start presenting, for ``presenter run`` and the home window alike.

:func:`start_presentation` opens the session record (or the offer to resume an
unfinished one, see :mod:`presenter.ui.presenting.record`), builds the windows from the
application context and places them. :meth:`Started.close` ends or pauses the record
when the windows have closed. Both entry points therefore follow one rule for an
interrupted session: the offer is a banner on the laptop's console (never a dialog on
the projector), Next on the offer resumes, and starting fresh is a button of its own
that leaves the old record resumable from the home window until it is ended.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from presenter.core.appcontext import AppContext
from presenter.core.deck.model import Deck
from presenter.core.record.resume import RESUME_BY_ID
from presenter.core.session.clock import Clock
from presenter.support.i18n import t
from presenter.ui.presenting.chime import play_chime
from presenter.ui.presenting.presentation import Presentation
from presenter.ui.presenting.record import SessionRecordKeeper
from presenter.ui.presenting.warmup import SlideWarmer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartOptions:
    """How to present: for whom, rehearsal or not, with a record, resuming or not."""

    variant: str | None = None
    rehearse: bool = False
    record: bool = True  # rehearsals keep none
    resume: bool = False  # continue the unfinished session without asking
    how: str = RESUME_BY_ID  # after the deck changed: match slides by id or position
    theme: str | None = None  # the command line's --theme
    screen: int | None = None  # the command line's --screen (1, 2, ...)
    audience_first: bool = False  # paint the room's first frame before building the console


@dataclass
class Started:
    """A running presentation and the record behind it."""

    presentation: Presentation
    keeper: SessionRecordKeeper | None
    warmer: SlideWarmer | None = None  # makes the slides' HTML after the first frames

    def close(self) -> str:
        """The windows are done: stop listening to keys and screens, then end (workshop
        finished) or pause the record. Returns a problem to show, or ""."""
        if self.warmer is not None:
            self.warmer.stop()
        self.presentation.shutdown()
        if self.keeper is None:
            return ""
        try:
            self.keeper.close()
        except OSError as error:
            log.warning("session record not closed: %s", error)
            return t("The session record could not be closed: {error}", error=error)
        return ""


def start_presentation(
    ctx: AppContext,
    deck: Deck,
    options: StartOptions,
    clock: Clock,
    *,
    on_quit: Callable[[], None] | None,
    confirm_quit: Callable[[], bool] | None = None,
    sound: Callable[[], None] = play_chime,
) -> Started:
    """Open the record, build and place the windows. The deck must be presentable."""
    from presenter.ui.app import build_presentation

    keeper = None
    variant = options.variant
    if options.record and not options.rehearse:
        keeper = SessionRecordKeeper.open(
            deck, variant, clock, ctx.records_root(), resume=options.resume, how=options.how
        )
        variant = keeper.variant
    log.info(
        "presenting %s (variant %s, rehearse %s, record %s, resume %s)",
        deck.file_label, variant, options.rehearse, keeper is not None, options.resume,
    )  # fmt: skip
    presentation = build_presentation(
        deck,
        variant,
        clock,
        theme=options.theme,
        recorder=keeper.recorder if keeper is not None else None,
        state=keeper.state if keeper is not None else None,
        audience_screen=options.screen or ctx.settings.preferred_screen or None,
        rehearse=options.rehearse,
        confirm_quit=confirm_quit,
        ctx=ctx,
        on_quit=on_quit,
        sound=sound,
        show_audience_first=options.audience_first,
    )
    if keeper is not None:
        keeper.attach(presentation)
    presentation.place()
    warmer = SlideWarmer(deck, presentation)
    warmer.start()
    return Started(presentation, keeper, warmer)
