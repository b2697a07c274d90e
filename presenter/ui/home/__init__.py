"""The home window: what a facilitator sees after double-clicking the app.

``run_home(ctx)`` is what ``presenter`` with no subcommand calls.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

if TYPE_CHECKING:
    from presenter.core.appcontext import AppContext
    from presenter.core.deck.checker import ExtraCheck

log = logging.getLogger(__name__)


def render_checks() -> list[ExtraCheck]:
    """The renderer's layout checks, imported when the library first checks a deck,
    after the window's first paint (the renderer is not needed to show the window)."""
    from presenter.render.checks import extra_checks

    return extra_checks(True)


def run_home(ctx: AppContext) -> int:
    from presenter.render.fonts import ensure_fonts
    from presenter.support.resources import sample_decks_dir
    from presenter.ui.appsetup import application
    from presenter.ui.home.launch import Launcher
    from presenter.ui.home.library import CheckCache
    from presenter.ui.home.window import HomeWindow

    app = application()
    ensure_fonts()
    cache = CheckCache(ctx.settings.help_contacts, render_checks)
    window = HomeWindow(ctx, sample_decks_dir(), Launcher(), cache)
    geometry = ctx.store.load_window_state().get("home")
    if geometry:
        window.restoreGeometry(QByteArray.fromHex(geometry.encode()))
    window.show()
    if ctx.problem:
        from PySide6.QtWidgets import QMessageBox

        from presenter.support.i18n import t

        QMessageBox.information(window, t("Settings"), ctx.problem_text())
    code = int(app.exec())
    log.info("home window closed (%s)", code)
    return code


__all__ = ["run_home"]
