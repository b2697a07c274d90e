"""The first-run panel: how to run a workshop, in a few calm lines."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from presenter.support.i18n import t
from presenter.ui.presenting.keys import essential_keys

log = logging.getLogger(__name__)


def guide_html() -> str:
    columns = [
        (
            t("Before"),
            [
                t("Pick a sample workshop and read its README."),
                t("Add your area's support contacts (Settings, or help.yaml)."),
                t("Press Check, then rehearse once with Present → Rehearse."),
            ],
        ),
        (
            t("Keys while presenting"),
            essential_keys(),  # from the one key table
        ),
        (
            t("Looking after the room"),
            [
                t("Read the content warning; anyone may step out without explaining."),
                t("If someone is upset, press C and pause. Nobody has to share."),
                t("Show the help contacts (H) at the end, and whenever they are needed."),
            ],
        ),
    ]
    cells = []
    for title, points in columns:
        items = "".join(f"<li>{html.escape(p)}</li>" for p in points)
        cells.append(
            f"<td width='33%' valign='top'><b>{html.escape(title)}</b>"
            f"<ul style='margin-left:-20px'>{items}</ul></td>"
        )
    return f"<table width='100%' cellspacing='8'><tr>{''.join(cells)}</tr></table>"


class GuidePanel(QFrame):
    """Shown on first run and from the "How to run a workshop" button."""

    def __init__(self, done: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        top = QHBoxLayout()
        title = QLabel(t("How to run a workshop"))
        title.setObjectName("sectionTitle")
        top.addWidget(title, 1)
        self.close_button = QPushButton(t("Got it"))
        self.close_button.clicked.connect(done)
        top.addWidget(self.close_button)
        layout.addLayout(top)
        self.text = QLabel(guide_html())
        self.text.setWordWrap(True)
        # A wrapped label asks for the height it needs at its narrowest, far taller than
        # at the window's width (in French, taller than a 768-pixel screen): ask instead
        # for the height at the width it has (see resizeEvent).
        self.text.setMinimumSize(1, 1)
        layout.addWidget(self.text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.text.heightForWidth(self.text.width())
        if needed > 0 and needed != self.text.minimumHeight():
            self.text.setMinimumHeight(needed)
