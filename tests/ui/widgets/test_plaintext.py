"""Deck text in widgets is plain text; the notes browser loads only the deck's images."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument

from presenter.ui.widgets.plaintext import DeckTextBrowser, plain_label, tooltip
from tests.render.conftest import make_image

HOSTILE = '<img src="/dev/zero"><b>bold</b>'


def test_labels_and_tooltips_never_interpret_html(qtbot) -> None:
    label = plain_label(HOSTILE)
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == HOSTILE
    tip = tooltip(HOSTILE + "\nsecond line")
    assert "<img" not in tip and "&lt;img" in tip and "pre-wrap" in tip


def test_notes_images_come_from_the_deck_folder_only(qtbot, tmp_path: Path) -> None:
    deck = tmp_path / "deck"
    make_image(deck / "images" / "ok.png", 40, 30)
    make_image(tmp_path / "secret.png", 50, 50)
    browser = DeckTextBrowser(deck)
    qtbot.addWidget(browser)
    kind = int(QTextDocument.ResourceType.ImageResource.value)
    inside = browser.loadResource(kind, QUrl("images/ok.png"))
    assert isinstance(inside, QImage) and inside.width() == 40
    for ref in (str(tmp_path / "secret.png"), "../secret.png", "/dev/zero", "file:///etc/passwd"):
        refused = browser.loadResource(kind, QUrl(ref))
        # An image, never None: given nothing, Qt would read the file itself.
        assert isinstance(refused, QImage) and refused.width() == 1
    assert len(browser.refused) == 4
    browser.setHtml('<p>x <img src="../secret.png"> <img src="images/ok.png"></p>')
    browser.resize(300, 200)
    browser.grab()  # lays the text out, which is when Qt asks for the images
    assert browser.refused[-1] == "../secret.png"


def test_a_report_viewer_loads_nothing(qtbot) -> None:
    browser = DeckTextBrowser(None)
    qtbot.addWidget(browser)
    kind = int(QTextDocument.ResourceType.StyleSheetResource.value)
    assert isinstance(browser.loadResource(kind, QUrl("/etc/passwd")), QImage)
    assert browser.refused == ["/etc/passwd"]
