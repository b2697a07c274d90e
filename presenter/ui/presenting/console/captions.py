"""What the console says about its two pictures: the lines above Now and Next, and
what Now shows while the room's screen is covered."""

from __future__ import annotations

import logging
from collections.abc import Callable

from presenter.core.session.controller import SessionController
from presenter.core.session.view import Overlay, SlideView
from presenter.support.i18n import t
from presenter.ui.presenting.console.agenda import slide_label
from presenter.ui.presenting.console.previews import next_view, whole_seconds
from presenter.ui.presenting.console.status import overlay_name

log = logging.getLogger(__name__)


def now_view(
    c: SessionController, decorate: Callable[[SlideView], SlideView]
) -> tuple[SlideView, str]:
    """What Now shows: the room's view, or under a cover the slide beneath it, with the
    cover named across it."""
    view = c.audience_view()
    if view.overlay is not None and view.overlay is not Overlay.CONTENT_WARNING:
        return whole_seconds(c.slide_view()), t(
            "Room sees: {what}", what=overlay_name(view.overlay)
        )
    return whole_seconds(decorate(view)), ""


def preview_labels(c: SessionController) -> tuple[str, str]:
    """The lines above Now and Next."""
    s = c.state
    if c.audience_view().overlay is Overlay.CONTENT_WARNING:
        now = t("Now: {label}", label=overlay_name(Overlay.CONTENT_WARNING))
    else:
        now = t("Now: {label}", label=slide_label(c, s.slide))
    view, _ = next_view(c)
    if view is not None and view.slide_index is not None:
        upcoming = t("Next: {label}", label=slide_label(c, view.slide_index))
    elif s.overlay is Overlay.END:
        upcoming = t("Next: nothing (the room sees the end screen)")
    else:
        upcoming = t("Next: end of the workshop")
    return now, upcoming


def nothing_next_text(c: SessionController) -> str:
    """What the empty Next picture says."""
    if c.state.overlay is Overlay.END:
        return t("Nothing: the workshop is over")
    return t("End of the workshop")
