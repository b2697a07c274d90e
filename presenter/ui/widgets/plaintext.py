"""Deck text in widgets: always plain text, never rich text.

Qt guesses: a QLabel, a tooltip or a message box whose text looks like HTML is shown
as rich text, and Qt's rich text loads the images it names (``<img src="/dev/zero">``
reads until memory runs out; ``<img src="/home/…">`` shows a private file). Deck
titles, headings, notes, help contacts, file names and error messages that quote
them all come from an untrusted deck, so every widget that can hold them goes
through these helpers:

* :func:`plain` and :func:`plain_label` fix a label to plain text;
* :func:`tooltip` escapes text for a tooltip (tooltips have no plain mode);
* :func:`message` shows a message box in plain text;
* :func:`diagnostic_line` words a deck's problem as one line, ``deck.md:12: error: …``;
* :class:`DeckTextBrowser` shows the deck's own converted HTML (notes), loading only
  images the path policy allows, decoded at a bounded size, and nothing else.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import Any

from markupsafe import escape
from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox, QTextBrowser, QWidget

from presenter.core.deck.diagnostics import Diagnostic, Level
from presenter.core.deck.paths import PathRefused, resolve_inside
from presenter.support.i18n import t

log = logging.getLogger(__name__)

NOTES_IMAGE = QSize(640, 480)  # the most a notes image is decoded to


def plain(label: QLabel) -> QLabel:
    """``label`` never interprets its text as HTML."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = plain(QLabel(parent))
    label.setText(text)
    return label


def tooltip(text: str) -> str:
    """Tooltip markup that shows ``text`` literally, line breaks kept."""
    return f'<p style="white-space:pre-wrap">{escape(text)}</p>'


def message(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> None:
    """A modal message box whose text is plain (it often quotes deck text)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _blank() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    return image


class DeckTextBrowser(QTextBrowser):
    """A read-only browser for deck HTML: images only from inside ``folder``.

    Qt would otherwise load any resource the HTML names, relative to the working
    directory, and falls back to reading the file itself when a loader returns
    nothing; so a refused resource gets an empty image, never ``None``.
    """

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.refused: list[str] = []

    def set_folder(self, folder: Path | None) -> None:
        self.folder = folder

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        ref = name.toString() if isinstance(name, QUrl) else str(name)
        if int(kind) != int(QTextDocument.ResourceType.ImageResource.value):
            self.refused.append(ref)
            return _blank()
        try:
            if self.folder is None:
                raise PathRefused("no deck folder")
            path = resolve_inside(self.folder, ref)
        except PathRefused as refused:
            log.info("notes resource refused: %r (%s)", ref, refused.reason)
            self.refused.append(ref)
            return _blank()
        from presenter.render.images import STORE

        image = STORE.scaled(path, NOTES_IMAGE)
        return image if image is not None else _blank()


def level_word(level: Level) -> str:
    return {Level.ERROR: t("error"), Level.WARNING: t("warning"), Level.INFO: t("info")}[level]


def diagnostic_line(diag: Diagnostic, folder: Path | None) -> str:
    """``deck.md:12: error: message (hint)``, the file named relative to the deck folder."""
    name = diag.file
    if folder is not None:
        with contextlib.suppress(ValueError):
            name = str(Path(diag.file).relative_to(folder))
    text = f"{name}:{diag.line}: {level_word(diag.level)}: {diag.message}"
    return f"{text} ({diag.hint})" if diag.hint else text
