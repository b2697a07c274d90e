"""What the home window's buttons start: a presentation, a preview, an export.

The home window is handed a :class:`Launcher`; tests hand it one that records calls.
Everything runs in the home window's own QApplication, so closing a presentation
brings the facilitator back to the library instead of quitting the app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from presenter.core.appcontext import AppContext
from presenter.core.record.resume import RESUME_BY_ID
from presenter.core.session.clock import SystemClock
from presenter.export.registry import FORMATS, ExportFormat, format_named
from presenter.support.i18n import t

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
        ctx: AppContext, parent: QWidget | None = None, how: str = RESUME_BY_ID,
    ) -> Any:  # fmt: skip
        """Open the presenting windows (the same start as ``presenter run``); raises
        ``DeckProblem`` with file:line problems."""
        from presenter.ui.app import check_variant, open_deck
        from presenter.ui.presenting.launch import StartOptions, start_presentation

        deck = open_deck(deck_path)
        check_variant(deck, variant)
        started = None

        # Ending the workshop returns to the home window instead of quitting the app.
        def finished() -> None:
            problem = started.close() if started is not None else ""
            if started is not None and started.presentation in self.open_windows:
                self.open_windows.remove(started.presentation)
            if parent is not None:
                parent.showNormal()
                parent.raise_()
                if problem:
                    from PySide6.QtWidgets import QMessageBox

                    QMessageBox.warning(parent, t("Session report"), problem)

        options = StartOptions(
            variant=variant, rehearse=rehearse, resume=resume, how=how, audience_first=True
        )
        started = start_presentation(ctx, deck, options, SystemClock(), on_quit=finished)
        self.open_windows.append(started.presentation)
        return started.presentation

    def preview(self, deck_path: Path, ctx: AppContext) -> Any:
        from presenter.render.checks import extra_checks
        from presenter.ui.preview.window import open_preview

        window = open_preview(deck_path, ctx, extra_checks=extra_checks(True))
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
