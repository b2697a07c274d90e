"""The home window: what a facilitator sees after double-clicking the app.

``run_home(args)`` is what ``presenter`` with no subcommand calls.
"""

from __future__ import annotations

import argparse

from PySide6.QtCore import QByteArray


def run_home(args: argparse.Namespace | None = None) -> int:
    from presenter.core.settings import SettingsStore
    from presenter.i18n import set_console_language
    from presenter.render.checks import extra_checks
    from presenter.render.fonts import ensure_fonts
    from presenter.resources import sample_decks_dir
    from presenter.ui.home.launch import Launcher
    from presenter.ui.home.library import CheckCache
    from presenter.ui.home.window import HomeWindow

    store = SettingsStore()
    settings = store.load()
    set_console_language(settings.console_language or None)
    from presenter.ui.appsetup import application

    app = application()
    ensure_fonts()
    cache = CheckCache(settings.help_contacts, lambda: extra_checks(True))
    window = HomeWindow(store, settings, sample_decks_dir(), Launcher(), cache)
    geometry = store.load_window_state().get("home")
    if geometry:
        window.restoreGeometry(QByteArray.fromHex(geometry.encode()))
    window.show()
    if store.problem:
        from PySide6.QtWidgets import QMessageBox

        from presenter.i18n import t

        QMessageBox.information(window, t("Settings"),
                                t("Your settings could not be read, so the defaults are used "
                                  "for now:\n{problem}", problem=store.problem))  # fmt: skip
    return int(app.exec())


__all__ = ["run_home"]
