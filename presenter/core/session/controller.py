"""The facilitator's intents, turned into recorded actions, and what the room sees.

:class:`SessionController` is the only writer of a :class:`SessionState`. Each intent
(next, calm, enter a show of hands, ...) is resolved against the deck into one action,
which is first handed to the recorder (the journal appends and fsyncs it), then applied,
then announced to subscribers. A recorder that fails with OSError never stops the
workshop: the error goes to the error listeners (and the log) and presenting carries on.
Taking over a state from a record (a resume) goes through :meth:`SessionController.adopt`,
announced to the same subscribers as an ``adopt`` notification (never recorded).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from presenter.core.deck.kinds import kind_of
from presenter.core.deck.model import Deck, Slide
from presenter.core.session.clock import Clock
from presenter.core.session.pacing import Pacing, PacingThresholds
from presenter.core.session.results import MythItem
from presenter.core.session.state import Action, SessionState
from presenter.core.session.view import Overlay, SlideView, Tally

log = logging.getLogger(__name__)

__all__ = ["ADOPT", "MythItem", "Pacing", "PacingThresholds", "Recorder",
           "SessionController", "action_summary"]  # fmt: skip

ADOPT = "adopt"  # the notification after adopt(); not an action, never in a journal
Listener = Callable[[SessionState, Action], None]
ErrorListener = Callable[[OSError, Action], None]


class Recorder(Protocol):
    def record(self, action: Action) -> None: ...


class SessionController:
    def __init__(
        self,
        deck: Deck,
        variant: str | None,
        clock: Clock,
        recorder: Recorder | None = None,
        state: SessionState | None = None,
        thresholds: PacingThresholds | None = None,
    ) -> None:
        if variant is not None and deck.meta.variants and variant not in deck.meta.variants:
            raise ValueError(f"unknown variant {variant!r}")
        self.deck = deck
        self.variant = variant
        self.clock = clock
        self._recorder = recorder
        self.thresholds = thresholds or PacingThresholds()
        self.visible: tuple[int, ...] = tuple(s.index for s in deck.slides_for(variant))
        self._listeners: list[Listener] = []
        self._error_listeners: list[ErrorListener] = []
        self.last_error: OSError | None = None
        if state is not None:
            self._state = state
        else:
            self._state = SessionState()
            first = self.visible[0] if self.visible else 0
            self.dispatch(
                {"type": "begin", "deck_hash": deck.content_hash, "variant": variant,
                 "slide": first}
            )  # fmt: skip
            if not deck.meta.has_content_warning:
                self.dispatch({"type": "acknowledge"})

    # -- plumbing --------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def recorder(self) -> Recorder | None:
        return self._recorder

    def adopt(self, state: SessionState, recorder: Recorder | None, variant: str | None) -> None:
        """Continue from ``state`` (read back from a record), writing to ``recorder``.

        The one way to replace the state or the recorder: the variant's slides are
        recomputed and every subscriber is told once, with an ``adopt`` notification."""
        if (
            variant is not None
            and self.deck.meta.variants
            and variant not in self.deck.meta.variants
        ):
            raise ValueError(f"unknown variant {variant!r}")
        self._state, self._recorder, self.variant = state, recorder, variant
        self.visible = tuple(s.index for s in self.deck.slides_for(variant))
        self.last_error = None
        log.info("session adopted at slide %s step %s (seq %s)", state.slide, state.step, state.seq)
        notice: Action = {"type": ADOPT, "t": self.clock.now(), "seq": state.seq}
        for listener in list(self._listeners):
            listener(self._state, notice)

    def subscribe(self, callback: Listener) -> Callable[[], None]:
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def on_error(self, callback: ErrorListener) -> Callable[[], None]:
        self._error_listeners.append(callback)
        return lambda: (
            self._error_listeners.remove(callback) if callback in self._error_listeners else None
        )

    def dispatch(self, action: Action) -> Action:
        """Record, then apply, then announce one action. Returns it as recorded."""
        action = dict(action)
        action.setdefault("t", self.clock.now())
        action["seq"] = self.state.seq + 1
        if self.recorder is not None:
            try:
                self.recorder.record(action)
            except OSError as error:
                log.warning("action %s not recorded: %s", action.get("type"), error)
                self.last_error = error
                for error_listener in list(self._error_listeners):
                    error_listener(error, action)
        self.state.apply(action)
        for listener in list(self._listeners):
            listener(self.state, action)
        return action

    # -- where we are ----------------------------------------------------------------

    @property
    def slide(self) -> Slide:
        return self.deck.slides[self.state.slide]

    def position(self) -> int:
        """0-based position of the current slide within the variant."""
        try:
            return self.visible.index(self.state.slide)
        except ValueError:
            return 0

    def next_slide(self) -> Slide | None:
        pos = self.position() + 1
        return self.deck.slides[self.visible[pos]] if pos < len(self.visible) else None

    def at_end(self) -> bool:
        return self.state.overlay is Overlay.END

    # -- navigation ------------------------------------------------------------------

    def next(self) -> None:
        s = self.state
        if not s.started:
            self.acknowledge_warning()
        elif s.overlay is Overlay.END:
            return
        elif s.overlay is not None:
            self.clear_overlay()
        elif s.step < self.slide.step_count - 1:
            self._goto(s.slide, s.step + 1)
        elif self.position() + 1 < len(self.visible):
            self._goto(self.visible[self.position() + 1], 0)
        else:
            self.dispatch({"type": "overlay", "overlay": Overlay.END.value, "under": None})

    def prev(self) -> None:
        s = self.state
        if not s.started:
            return
        if s.overlay is Overlay.END:
            self.dispatch({"type": "overlay", "overlay": None, "under": None})
        elif s.overlay is not None:
            self.clear_overlay()
        elif s.step > 0:
            self._goto(s.slide, s.step - 1)
        elif self.position() > 0:
            index = self.visible[self.position() - 1]
            self._goto(index, self._entry_step_from_after(index))

    def goto(self, index: int, step: int = 0) -> bool:
        """Jump to ``deck.slides[index]`` at ``step``. Hidden slides are refused (False).

        An overlay (black, calm, ...) stays up, so a jump never flashes the slides it
        passes: the facilitator can blank, jump, then un-blank."""
        if index not in self.visible:
            return False
        slide = self.deck.slides[index]
        self._goto(index, max(0, min(step, slide.step_count - 1)))
        return True

    def goto_number(self, number: int) -> bool:
        """Jump to the 1-based slide number the audience sees in the footer."""
        if 1 <= number <= len(self.visible):
            return self.goto(self.visible[number - 1])
        return False

    def first(self) -> None:
        if self.visible:
            self.goto(self.visible[0])

    def last(self) -> None:
        if self.visible:
            self.goto(self.visible[-1])

    def _entry_step_from_after(self, index: int) -> int:
        """Going back into a slide shows it complete, unless that would reveal a myth
        the room has not been asked yet."""
        slide = self.deck.slides[index]
        return kind_of(slide).entry_step(slide, lambda item: self.state.is_revealed(index, item))

    def _goto(self, index: int, step: int) -> None:
        action: Action = {"type": "goto", "slide": index, "step": step}
        slide = self.deck.slides[index]
        kind = kind_of(slide)
        if kind.timed and slide.minutes and index not in self.state.countdowns:
            action["countdown"] = slide.minutes * 60.0
        if (item := kind.revealed_at(step)) is not None:
            action["reveal"] = item
        self.dispatch(action)

    # -- overlays --------------------------------------------------------------------

    def toggle_overlay(self, overlay: Overlay) -> None:
        """Show ``overlay``; the same overlay again returns exactly to what was there."""
        s = self.state
        if s.overlay is overlay:
            self.dispatch({"type": "overlay", "overlay": _value(s.overlay_under), "under": None})
        else:
            under = s.overlay if s.overlay is not Overlay.END else None
            self.dispatch({"type": "overlay", "overlay": overlay.value, "under": _value(under)})

    def clear_overlay(self) -> None:
        if self.state.overlay is not None:
            self.dispatch({"type": "overlay", "overlay": None, "under": None})

    def acknowledge_warning(self) -> None:
        if not self.state.started:
            self.dispatch({"type": "acknowledge"})

    # -- timers ----------------------------------------------------------------------

    def countdown_slide(self) -> int | None:
        """The slide whose countdown the console controls: the current one, if timed."""
        return self.state.slide if self.state.slide in self.state.countdowns else None

    def timer_start(self) -> None:
        if (index := self.countdown_slide()) is not None:
            self.dispatch({"type": "countdown_start", "slide": index})

    def timer_pause(self) -> None:
        if (index := self.countdown_slide()) is not None:
            self.dispatch({"type": "countdown_pause", "slide": index})

    def timer_toggle(self) -> None:
        index = self.countdown_slide()
        if index is not None:
            running = self.state.countdowns[index].clock.running
            self.timer_pause() if running else self.timer_start()

    def timer_adjust(self, seconds: float) -> None:
        if (index := self.countdown_slide()) is not None:
            self.dispatch({"type": "countdown_adjust", "slide": index, "seconds": seconds})

    def talk_start(self) -> None:
        self.dispatch({"type": "talk_start"})

    def talk_pause(self) -> None:
        self.dispatch({"type": "talk_pause"})

    def finish(self) -> None:
        if self.state.finished is None:
            self.dispatch({"type": "finish"})

    # -- myths -----------------------------------------------------------------------

    def current_myth_item(self) -> MythItem | None:
        return self.myth_item(self.state.slide, self.state.step)

    def myth_item(self, index: int, step: int) -> MythItem | None:
        slide = self.deck.slides[index]
        if slide.myth is not None:
            return MythItem(index, 0, slide.myth.id, index, slide.myth.answer)
        if slide.recap_ids:
            item = min(step // 2, len(slide.recap_ids) - 1)
            myth_id = slide.recap_ids[item]
            first = next((s for s in self.deck.slides if s.myth and s.myth.id == myth_id), None)
            answer = first.myth.answer if first is not None and first.myth else "myth"
            return MythItem(index, item, myth_id, first.index if first else None, answer)
        return None

    def set_tally(self, said_myth: int, said_reality: int) -> None:
        if (item := self.current_myth_item()) is not None:
            self.dispatch(
                {"type": "tally", "slide": item.slide, "item": item.item,
                 "said_myth": int(said_myth), "said_reality": int(said_reality)}
            )  # fmt: skip

    def set_phone_tally(self, item: MythItem, said_myth: int, said_reality: int) -> None:
        """Record the totals of the phones' answers to ``item`` (only when they change)."""
        entry = self.state.result(item.slide, item.item)
        if entry is not None and (entry.phone_myth, entry.phone_reality) == (
            said_myth,
            said_reality,
        ):
            return
        if entry is None and not (said_myth or said_reality):
            return
        self.dispatch(
            {"type": "phone_tally", "slide": item.slide, "item": item.item,
             "said_myth": int(said_myth), "said_reality": int(said_reality)}
        )  # fmt: skip

    def mark_not_asked(self, value: bool = True) -> None:
        if (item := self.current_myth_item()) is not None:
            self.dispatch(
                {"type": "not_asked", "slide": item.slide, "item": item.item, "value": value}
            )

    def before_after(self, item: MythItem) -> tuple[Tally | None, Tally | None]:
        """For a recap item: (the first ask on its myth slide, this ask)."""
        after = self.state.tally(item.slide, item.item, item.answer)
        if item.source_slide is None or item.source_slide == item.slide:
            return None, after
        return self.state.tally(item.source_slide, 0, item.answer), after

    # -- record-keeping --------------------------------------------------------------

    def note(self, text: str) -> None:
        if text.strip():
            self.dispatch({"type": "note", "slide": self.state.slide, "text": text.strip()})

    def set_attendees(self, count: int | None) -> None:
        self.dispatch({"type": "attendees", "count": count})

    def set_venue(self, text: str) -> None:
        self.dispatch({"type": "venue", "text": text})

    def set_initials(self, text: str) -> None:
        self.dispatch({"type": "initials", "text": text})

    # -- what the room sees ----------------------------------------------------------

    def audience_view(self) -> SlideView:
        """The one decision about what the projector shows right now."""
        s = self.state
        number = self.position() + 1 if self.visible else None
        total = len(self.visible) or None
        if not s.started and self.deck.meta.has_content_warning:
            return SlideView(s.slide, 0, Overlay.CONTENT_WARNING, slide_number=number,
                             slide_total=total)  # fmt: skip
        if s.overlay is not None:  # a cover is not a slide: no page number on it
            return SlideView(s.slide, s.step, s.overlay)
        return self.slide_view()

    def slide_view(self) -> SlideView:
        """The current slide at its step, with its countdown and results, ignoring any
        overlay: what the room will see when the overlay goes (the console shows it)."""
        s = self.state
        number = self.position() + 1 if self.visible else None
        total = len(self.visible) or None
        remaining = total_seconds = None
        running = False
        countdown = s.countdowns.get(s.slide)
        if countdown is not None:
            remaining = max(0.0, countdown.remaining(self.clock.now()))
            total_seconds, running = countdown.total, countdown.clock.running
        tally = before = None
        item = self.current_myth_item()
        if item is not None and kind_of(self.slide).revealed_at(s.step) is not None:
            before, tally = self.before_after(item)
        return SlideView(
            s.slide, s.step, None, remaining, total_seconds, running, tally, before,
            number, total,
        )  # fmt: skip

    # -- pacing ----------------------------------------------------------------------

    def planned_before(self, index: int) -> float:
        """Planned minutes of the visible slides before ``deck.slides[index]``."""
        return sum(self.deck.slides[i].minutes or 0.0 for i in self.visible if i < index)

    def pacing(self) -> Pacing:
        now = self.clock.now()
        s = self.state
        elapsed = s.elapsed(now) / 60.0
        current = self.slide.minutes or 0.0
        on_slide = min(s.time_on_slide(s.slide, now) / 60.0, current)
        planned = self.planned_before(s.slide) + on_slide
        return Pacing(planned, elapsed, self.thresholds.level(elapsed - planned))


def _value(overlay: Overlay | None) -> str | None:
    return overlay.value if overlay is not None else None


def action_summary(action: Action) -> dict[str, Any]:
    """The action without bookkeeping fields, for logs and tests."""
    return {k: v for k, v in action.items() if k not in ("t", "seq")}
