"""Arabic console language: the console and the home window mirror, numbers stay readable.

Set ``PRESENTER_SHOTS=/some/folder`` to keep the screenshots these tests take.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from presenter.support import i18n
from presenter.ui.appsetup import apply_layout_direction
from presenter.ui.presenting.presentation import Presentation

RTL = Qt.LayoutDirection.RightToLeft


@pytest.fixture
def arabic() -> Iterator[None]:
    i18n.set_console_language("ar")
    apply_layout_direction()
    yield
    i18n.set_console_language(None)
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("PRESENTER_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def centre_x(widget: QWidget, window: QWidget) -> float:
    return widget.mapTo(window, QPoint(0, 0)).x() + widget.width() / 2


def labels(window: QWidget) -> str:
    return "\n".join(w.text() for w in window.findChildren(QLabel) if w.isVisible())


def test_the_console_mirrors_in_arabic(qtbot: QtBot, make_presentation, deck_path: Path) -> None:
    ltr: Presentation = make_presentation(deck_path)
    now_ltr = centre_x(ltr.console.now, ltr.console) / ltr.console.width()
    ltr.shutdown()
    i18n.set_console_language("ar")
    apply_layout_direction()
    try:
        p: Presentation = make_presentation(deck_path)
        console = p.console
        assert console.layoutDirection() == RTL and console.isRightToLeft()
        now_rtl = centre_x(console.now, console) / console.width()
        assert now_ltr < 0.4  # the room's picture sits at the start of the line...
        assert now_rtl == pytest.approx(1 - now_ltr, abs=0.05)  # ...and swaps sides
        text = labels(console)
        assert "الشريحة" in text  # the console speaks Arabic ("slide")
        assert "Small workshop" in p.console.windowTitle()  # the English title is kept whole
        shot(console, "console-ar")
    finally:
        i18n.set_console_language(None)
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_inserted_text_keeps_its_own_direction(arabic: None) -> None:
    title = i18n.t("Preview: {title}", title="Myths (2024)")
    assert title == "معاينة: \u2068Myths (2024)\u2069"
    assert i18n.t("Slide {n} of {total}", n=3, total=12) == "الشريحة 3 من 12"  # digits as is
    assert i18n.t("Preview: {title}", lang="en", title="x") == "Preview: x"  # no marks


def test_the_home_window_mirrors_in_arabic(qtbot: QtBot, data_dir: Path, arabic: None) -> None:
    from presenter.core.appcontext import AppContext
    from presenter.core.settings import DEFAULTS, SettingsStore
    from presenter.support.resources import sample_decks_dir
    from presenter.ui.home.launch import Launcher
    from presenter.ui.home.window import HomeWindow

    window = HomeWindow(
        AppContext.of(DEFAULTS, SettingsStore(data_dir)), sample_decks_dir(), Launcher()
    )
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitUntil(window.all_checked, timeout=60000)
    assert window.isRightToLeft()
    assert "ورش نموذجية" in labels(window) or "ورش نموذجية" in window_text(window)
    shot(window, "home-ar")


def window_text(window: QWidget) -> str:
    from PySide6.QtWidgets import QTreeWidget

    texts = []
    for tree in window.findChildren(QTreeWidget):
        for i in range(tree.topLevelItemCount()):
            texts.append(tree.topLevelItem(i).text(0))
    return "\n".join(texts)


def test_label_lines_follow_the_console_direction(arabic: None) -> None:
    text = i18n.in_console_direction(["Before you run a workshop", "السمة: default"])
    assert text.split("\n") == ["\u200fBefore you run a workshop", "\u200fالسمة: default"]
    i18n.set_console_language("en")
    assert i18n.in_console_direction(["a", "b"]) == "a\nb"


def test_an_arabic_title_in_an_english_sentence_is_isolated() -> None:
    i18n.set_console_language("en")
    try:
        assert i18n.t("Preview: {title}", title="خرافات (2024)") == (
            "Preview: \u2068خرافات (2024)\u2069"
        )
        assert i18n.t("Preview: {title}", title="Myths (2024)") == "Preview: Myths (2024)"
    finally:
        i18n.set_console_language(None)
