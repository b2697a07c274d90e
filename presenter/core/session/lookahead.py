"""What the projector would show after one press of next or previous.

The audience window renders these frames while the room is looking at the current one,
so the next press only has to copy a finished picture to the screen. The answer comes
from a throwaway copy of the session (same deck, copied state, no journal), so the
navigation rules live in one place and nothing is recorded.
"""

from __future__ import annotations

from collections.abc import Callable

from presenter.core.session.controller import SessionController
from presenter.core.session.view import SlideView

Move = Callable[[SessionController], None]


def view_after(controller: SessionController, move: Move) -> SlideView | None:
    """The audience view after ``move`` (e.g. ``SessionController.next``), or None when
    the move would not change what the room sees."""
    shadow = SessionController(
        controller.deck,
        controller.variant,
        controller.clock,
        recorder=None,
        state=controller.state.copy(),
        thresholds=controller.thresholds,
    )
    move(shadow)
    after = shadow.audience_view()
    return None if after == controller.audience_view() else after


def neighbour_views(controller: SessionController) -> list[SlideView]:
    """The frames one press of next and one press of previous would show."""
    views = [view_after(controller, SessionController.next),
             view_after(controller, SessionController.prev)]  # fmt: skip
    return [view for view in views if view is not None]
