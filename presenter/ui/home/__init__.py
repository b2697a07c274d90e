"""The home window: what a facilitator sees after double-clicking the app.

``run_home(ctx)`` is what ``presenter`` with no subcommand calls.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

if TYPE_CHECKING:
    from presenter.core.appcontext import AppContext

log = logging.getLogger(__name__)


def run_home(ctx: AppContext) -> int:
    from presenter.render.checks import extra_checks
    from presenter.render.fonts import ensure_fonts
    from presenter.support.resources import sample_decks_dir
    from presenter.ui.appsetup import application
    from presenter.ui.home.launch import Launcher
    from presenter.ui.home.library import CheckCache
    from presenter.ui.home.window import HomeWindow

    app = application()
    ensure_fonts()
    cache = CheckCache(ctx.settings.help_contacts, lambda: extra_checks(True))
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
