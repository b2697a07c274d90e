"""Phones in a running presentation: the console switch and the QR code on the audience."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter

from presenter.render.phones import QUIET, qr_area, qr_box, qr_matrix
from presenter.ui.presenting.presentation import Presentation


def myth_index(presentation: Presentation) -> int:
    return next(s.index for s in presentation.controller.deck.slides if s.kind == "myth")


def switch_on(presentation: Presentation) -> None:
    panel = presentation.phones_panel
    assert panel is not None
    panel._addresses = lambda: ["127.0.0.1"]
    panel.port = 0
    panel.toggle.click()
    assert presentation.phones is not None and presentation.phones.running


def qr_modules_match(image: QImage, panel: QRectF, matrix) -> bool:
    """Read the code back off the picture: every module's centre is dark exactly where
    the matrix says (the picture is the 1920x1080 canvas, so canvas units are pixels)."""
    box, module = qr_box(qr_area(panel), len(matrix))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            px = int(box.left() + (x + QUIET + 0.5) * module)
            py = int(box.top() + (y + QUIET + 0.5) * module)
            if (image.pixelColor(px, py).lightness() < 128) != dark:
                return False
    return True


def render(presentation: Presentation, size: QSize | None = None) -> QImage:
    size = size or QSize(1920, 1080)
    view = presentation.audience.view
    image = QImage(size, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    presentation.audience.renderer.paint(painter, QRectF(0, 0, size.width(), size.height()), view)
    painter.end()
    return image


def test_phones_are_off_until_switched_on(presentation: Presentation) -> None:
    assert presentation.phones is not None and not presentation.phones.running
    panel = presentation.phones_panel
    assert panel is not None and not panel.toggle.isChecked()
    assert "Nothing is listening" in panel.info.text()


def test_the_audience_shows_the_qr_code_while_the_question_is_open(
    presentation: Presentation, qtbot
) -> None:
    controller = presentation.controller
    controller.acknowledge_warning()
    switch_on(presentation)
    phones = presentation.phones
    assert phones is not None
    controller.goto(myth_index(presentation))
    qtbot.waitUntil(lambda: presentation.audience.view.phones is not None)
    badge = presentation.audience.view.phones
    assert badge.join_url == phones.server.join_url() and badge.answers == 0
    assert badge.code in presentation.phones_panel.info.text()
    image = render(presentation)
    shots = os.environ.get("PRESENTER_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(shots) / "audience-phones.png"))
        render(presentation, QSize(1024, 576)).save(str(Path(shots) / "audience-phones-small.png"))
    frame = presentation.audience.renderer.frame(presentation.audience.view)
    assert qr_modules_match(image, frame.slots["phones"], qr_matrix(badge.join_url))
    # Answers raise the count on screen, but no results before the reveal.
    question = phones.room.question
    assert question is not None
    token = phones.room.join(phones.room.code, "10.0.0.2")
    phones.room.answer(token, question.id, "myth")
    phones.server.answered.emit()
    qtbot.waitUntil(lambda: presentation.audience.view.phones.answers == 1)
    assert presentation.audience.view.tally is None
    controller.next()  # reveal: the QR code goes, the bar shows the phones' answer
    qtbot.waitUntil(lambda: presentation.audience.view.tally is not None)
    assert presentation.audience.view.phones is None
    assert presentation.audience.view.tally.said_myth == 1
    assert presentation.audience.view.tally.phones == 1  # the bar is titled "Answers"
    shots = os.environ.get("PRESENTER_SHOTS")
    if shots:
        render(presentation).save(str(Path(shots) / "audience-reveal.png"))


def test_switching_off_closes_the_room(presentation: Presentation, qtbot) -> None:
    switch_on(presentation)
    panel = presentation.phones_panel
    panel.toggle.click()
    assert not presentation.phones.running
    assert panel.toggle.text() == "Phones: off"


def test_several_networks_the_facilitator_picks(presentation: Presentation) -> None:
    panel = presentation.phones_panel
    offered: list[list[str]] = []
    panel._addresses = lambda: ["127.0.0.1", "127.0.0.2"]
    panel._choose = lambda parent, addresses: offered.append(addresses) or addresses[1]
    panel.port = 0
    assert panel.switch_on()
    assert offered == [["127.0.0.1", "127.0.0.2"]]
    assert presentation.phones.server.address == "127.0.0.2"


def test_a_public_address_is_refused(presentation: Presentation) -> None:
    panel = presentation.phones_panel
    panel.address = "8.8.8.8"
    assert not panel.switch_on()
    assert "public address" in panel.info.text()
    assert not presentation.phones.running
