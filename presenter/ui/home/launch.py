"""What the home window's buttons start: a presentation, a preview, an export.

The home window is handed a :class:`Launcher`; tests hand it one that records calls.
Everything runs in the home window's own QApplication, so closing a presentation
brings the facilitator back to the library instead of quitting the app.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from presenter.core.clock import SystemClock
from presenter.core.resume import RESUME_BY_ID
from presenter.core.settings import Settings, user_data_dir
from presenter.export.registry import FORMATS, ExportFormat, format_named
from presenter.i18n import t

log = logging.getLogger(__name__)


# The export formats the home window offers: the one registry, in its order.
EXPORT_KINDS: tuple[ExportFormat, ...] = FORMATS


def export_label(key: str) -> str:
    return t(format_named(key).label)


def export_function(kind: ExportFormat) -> Callable[..., Any] | None:
    """The export function for ``kind`` if this build has it, else None."""
    return kind.load()


class Launcher:
    """Starts presentations and previews in-process; keeps them alive while open."""

    def __init__(self) -> None:
        self.open_windows: list[Any] = []

    def present(
        self, deck_path: Path, variant: str | None, rehearse: bool, resume: bool,
        settings: Settings, parent: QWidget | None = None, how: str = RESUME_BY_ID,
    ) -> Any:  # fmt: skip
        """Open the presenting windows; raises ``DeckProblem`` with file:line problems."""
        from presenter.core.resume import open_session
        from presenter.ui.app import build_presentation, check_variant, open_deck
        from presenter.ui.session_record import attach_record, end_record

        deck = open_deck(deck_path)
        check_variant(deck, variant)
        clock = SystemClock()
        opened = None
        if not rehearse:
            root = user_data_dir(settings)
            opened = open_session(deck, variant, clock, root, resume=resume, how=how)
            variant = opened.variant

        # Ending the workshop returns to the home window instead of quitting the app.
        def finished() -> None:
            if opened is not None:
                with contextlib.suppress(OSError):
                    end_record(opened, presentation.controller, clock.now())
            if presentation in self.open_windows:
                self.open_windows.remove(presentation)
            if parent is not None:
                parent.showNormal()
                parent.raise_()

        presentation = build_presentation(
            deck,
            variant,
            clock,
            theme=settings.default_theme or None,
            recorder=opened.recorder if opened is not None else None,
            state=opened.state if opened is not None else None,
            settings_contacts=settings.help_contacts,
            audience_screen=settings.preferred_screen or None,
            rehearse=rehearse,
            settings=settings,
            on_quit=finished,
        )
        if opened is not None:
            attach_record(presentation, opened, clock)

        presentation.place()
        self.open_windows.append(presentation)
        return presentation

    def preview(self, deck_path: Path, settings: Settings) -> Any:
        from presenter.render.checks import extra_checks
        from presenter.ui.preview_window import open_preview

        window = open_preview(
            deck_path,
            theme=settings.default_theme or None,
            settings_contacts=settings.help_contacts,
            extra_checks=extra_checks(True),
        )
        window.show()
        self.open_windows.append(window)
        window.destroyed.connect(lambda *_: self._forget(window))
        return window

    def _forget(self, window: Any) -> None:
        if window in self.open_windows:
            self.open_windows.remove(window)


def status_words() -> dict[str, str]:
    return {
        "pending": t("Checking…"),
        "clean": t("Ready"),
        "warnings": t("Warnings"),
        "errors": t("Errors"),
    }
