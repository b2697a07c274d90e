"""Every slide's HTML made in the idle time after the room's first frame.

``presenter run`` parses lazily (:mod:`presenter.core.deck.content`): the first frame
waits for no Markdown. So that no press later waits for it either (a jump from the
overview or by number lands anywhere), :class:`SlideWarmer` converts the slides one
per turn of the event loop, from the first, until all are made; a press in between
waits for at most one slide's conversion (about a millisecond).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer

from presenter.core.deck.model import Deck, HtmlSource

log = logging.getLogger(__name__)


class SlideWarmer(QObject):
    def __init__(self, deck: Deck, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: Iterator[HtmlSource] = (slide.content for slide in deck.slides)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    @property
    def done(self) -> bool:
        return not self._timer.isActive()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _step(self) -> None:
        for content in self._pending:
            if not content.converted:
                content.get()
                content.notes()  # the console shows them
                return
        self._timer.stop()
        log.debug("every slide's HTML is made")
