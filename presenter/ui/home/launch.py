"""What the home window's buttons start: a presentation, a preview, an export.

The home window is handed a :class:`Launcher`; tests hand it one that records calls.
Everything runs in the home window's own QApplication, so closing a presentation
brings the facilitator back to the library instead of quitting the app.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from presenter.core.appcontext import AppContext
from presenter.core.clock import SystemClock
from presenter.core.resume import RESUME_BY_ID
from presenter.i18n import t

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportKind:
    key: str
    module: str
    function: str
    suffix: str  # ".pdf", or "" for a folder


EXPORT_KINDS = (
    ExportKind("pack", "presenter.export.pack", "export_pack", ""),
    ExportKind("slides", "presenter.export.slides", "export_slides_pdf", ".pdf"),
    ExportKind("guide", "presenter.export.guide", "export_guide", ".pdf"),
    ExportKind("handout", "presenter.export.handout", "export_handout", ".pdf"),
    ExportKind("cards", "presenter.export.cards", "export_cards", ".pdf"),
    ExportKind("png", "presenter.commands.export", "", ""),
)


def export_label(key: str) -> str:
    return {
        "pack": t("Workshop pack (every printout, in one folder)"),
        "slides": t("Slides (PDF)"),
        "guide": t("Facilitator guide (PDF)"),
        "handout": t("Handout for participants (PDF)"),
        "cards": t("Myth cards (PDF)"),
        "png": t("Slide pictures (PNG, in one folder)"),
    }[key]


def export_function(kind: ExportKind) -> Callable[..., Any] | None:
    """The export function for ``kind`` if this build has it, else None."""
    import importlib

    try:
        module = importlib.import_module(kind.module)
    except ImportError:
        return None
    if kind.key == "png":
        return png_export if hasattr(module, "run") else None
    found = getattr(module, kind.function, None)
    return found if callable(found) else None


def png_export(deck: Any, folder: Path, *, variant: str | None = None,
               theme: str | None = None, help_contacts: Any = (),
               progress: Callable[[int, int], None] | None = None) -> int:  # fmt: skip
    """Every slide as a PNG, through the one renderer (the same as ``--png``)."""
    from PySide6.QtCore import QSize

    from presenter.render import SlideRenderer, load_theme
    from presenter.ui.preview_strip import final_view

    renderer = SlideRenderer(deck, load_theme(theme or deck.meta.theme, deck.folder),
                             help_contacts)  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    slides = deck.slides_for(variant)
    for done, slide in enumerate(slides):
        if progress is not None:
            progress(done, len(slides))
        image = renderer.image(final_view(slide), QSize(1920, 1080))
        image.save(str(folder / f"slide-{done + 1:03d}.png"))
    if progress is not None:
        progress(len(slides), len(slides))
    return len(slides)


def call_export(function: Callable[..., Any], deck: Any, target: Path, **options: Any) -> Any:
    """Call an export function with the options it accepts."""
    accepted = inspect.signature(function).parameters
    given = {k: v for k, v in options.items() if k in accepted}
    return function(deck, target, **given)


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
        from presenter.ui.start import StartOptions, start_presentation

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

        options = StartOptions(variant=variant, rehearse=rehearse, resume=resume, how=how)
        started = start_presentation(ctx, deck, options, SystemClock(), on_quit=finished)
        self.open_windows.append(started.presentation)
        return started.presentation

    def preview(self, deck_path: Path, ctx: AppContext) -> Any:
        from presenter.commands.check import extra_checks
        from presenter.ui.preview_window import open_preview

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
