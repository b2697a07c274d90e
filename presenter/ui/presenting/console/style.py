"""The console's look: readable at arm's length in a dim room, calm colours."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QTextBrowser

log = logging.getLogger(__name__)

NOTES_SIZES = (14, 16, 18, 20, 22, 24, 28, 32, 36, 42, 48)

CONSOLE_STYLE = """
QMainWindow, QWidget#PresenterConsole { background: #f3f4f6; }
QWidget { font-size: 14px; }
QFrame#statusStrip { background: #ffffff; border: 1px solid #d1d5db; border-radius: 8px; }
QLabel#readoutCaption { color: #4b5563; font-size: 12px; }
QLabel#readoutValue { font-size: 24px; font-weight: bold; color: #111827; }
QLabel#previewLabel { font-size: 15px; font-weight: bold; color: #374151; }
QLabel#keyHints { color: #4b5563; font-size: 12px; }
QTextBrowser#notes { background: #ffffff; border: 1px solid #d1d5db; border-radius: 6px;
    padding: 6px; color: #111827; }
QLabel#countdownValue { font-size: 30px; font-weight: bold; color: #111827; }
QLabel#mythState { font-weight: bold; color: #374151; }
QFrame#banner { border-radius: 6px; border: 1px solid #e0b252; background: #fff4d6; }
QFrame#banner QLabel { color: #5c3c00; font-size: 14px; }
QFrame#banner[level="error"] { background: #fde2e1; border-color: #e08080; }
QFrame#banner[level="error"] QLabel { color: #7a1010; font-weight: bold; }
QFrame#banner[level="info"] { background: #e0f0ea; border-color: #84bfa3; }
QFrame#banner[level="info"] QLabel { color: #12412b; }
QFrame#banner QPushButton { padding: 1px 8px; font-size: 13px; }
QPushButton#bannerClose { font-size: 16px; font-weight: bold; padding: 0 8px; border: none;
    background: transparent; }
QLabel#numberBuffer { font-size: 18px; font-weight: bold; color: #1d4ed8; }
QLabel#overviewHint { color: #4b5563; font-size: 13px; }
QFrame#resumeBanner { background: #e3ecfb; border: 1px solid #8aa8e0; border-radius: 6px; }
QFrame#resumeBanner QLabel { color: #14305e; font-size: 15px; font-weight: bold; }
QPushButton#resumeButton { font-weight: bold; }
QLabel#recordHint { color: #4b5563; font-size: 13px; }
QGroupBox { font-weight: bold; border: 1px solid #d1d5db; border-radius: 6px;
    margin-top: 10px; padding-top: 6px; background: #ffffff; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
QPushButton { padding: 5px 8px; font-size: 14px; }
QTreeWidget, QListWidget { background: #ffffff; font-size: 14px; }
QLabel#mythWarning { color: #9a3412; font-weight: bold; }
QLabel#mythSaved { color: #1e6e3c; }
QLabel#roomSees { color: white; border-radius: 6px; padding: 6px 12px; font-weight: bold; }
"""


def notes_size_step(size: int, delta: int) -> int:
    """One step of ``NOTES_SIZES`` larger (1) or smaller (-1) than ``size``."""
    if delta > 0:
        return next((n for n in NOTES_SIZES if n > size), NOTES_SIZES[-1])
    if delta < 0:
        smaller = [n for n in NOTES_SIZES if n < size]
        return smaller[-1] if smaller else NOTES_SIZES[0]
    return size


def set_notes_size(notes: QTextBrowser, size: int) -> None:
    """The notes' type size. The console's style sheet sets every widget's font size;
    the notes' own rule wins over it, so the size holds through re-polishing."""
    notes.setStyleSheet(f"QTextBrowser#notes {{ font-size: {size}px; }}")
    notes.ensurePolished()
    font = notes.font()
    font.setPixelSize(size)
    notes.setFont(font)
    notes.document().setDefaultFont(font)
