"""The home window exports through the same registry and PNG exporter as the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from presenter.core.deck.parser import load_deck
from presenter.export.png import png_views
from presenter.export.registry import FORMATS, format_named
from presenter.support.i18n import t
from presenter.ui.home import actions
from presenter.ui.home.dialogs import ExportDialog
from tests.ui.home.test_home import make_home


def test_home_png_export_matches_the_command_line(
    qtbot: QtBot, tmp_path: Path, deck_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_home(qtbot, tmp_path / "settings")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    monkeypatch.setattr(actions, "plain_message", lambda *args: warnings.append(args[2]))
    deck = load_deck(deck_path)
    target = tmp_path / "pictures"
    assert actions.run_export(window, format_named("png"), deck, target, "youth") == target
    assert not warnings
    names = sorted(p.name for p in target.iterdir())
    assert names == sorted(name for name, _ in png_views(deck, "youth"))

    (tmp_path / "blocked" / "001-01.png").mkdir(parents=True)
    assert actions.run_export(window, format_named("png"), deck, tmp_path / "blocked", None) is None
    assert warnings and "001-01.png: could not write the image" in warnings[0]


def test_the_export_dialog_offers_the_registry(qtbot: QtBot, deck_path: Path) -> None:
    dialog = ExportDialog(load_deck(deck_path))
    qtbot.addWidget(dialog)
    offered = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
    assert offered == [fmt.key for fmt in FORMATS]
    assert dialog.kind.itemText(0) == t(FORMATS[0].label)
