"""The console's Phones switch, and wiring the answers room into a presentation.

Off by default. Switching on asks which address to use when the laptop has several
(hotspot and hall Wi-Fi, say), then shows the facilitator the address, the room code and
the number of answers. The audience screen gets its QR code through
:meth:`PhonesService.decorate`, painted by the one renderer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QInputDialog, QLabel, QWidget

from presenter.phones.network import DEFAULT_PORT, AddressRefused, room_addresses
from presenter.phones.service import PhonesService
from presenter.support.i18n import t
from presenter.ui.presenting.console.controls import button

log = logging.getLogger(__name__)

Chooser = Callable[[QWidget, list[str]], str | None]


def local_addresses() -> list[str]:
    """This computer's addresses phones could reach, best first (loopback last)."""
    from PySide6.QtNetwork import QNetworkInterface  # only once phones are switched on

    return room_addresses(a.toString() for a in QNetworkInterface.allAddresses())


def ask_address(parent: QWidget, addresses: list[str]) -> str | None:
    if len(addresses) == 1:
        return addresses[0]
    choice, ok = QInputDialog.getItem(
        parent,
        t("Phones"),
        t("This laptop is on several networks. Which one are the phones on?"),
        addresses,
        0,
        False,
    )
    return choice if ok and choice else None


class PhonesPanel(QGroupBox):
    """On/off, and what the facilitator tells the room if the QR code will not scan."""

    def __init__(
        self,
        service: PhonesService,
        parent: QWidget | None = None,
        *,
        addresses: Callable[[], list[str]] = local_addresses,
        choose: Chooser = ask_address,
        port: int = DEFAULT_PORT,
    ) -> None:
        super().__init__(t("Phones"), parent)
        self.setObjectName("phonesPanel")
        self.service = service
        self._addresses = addresses
        self._choose = choose
        self.port = port
        self.address: str | None = None
        self.setToolTip(
            t("Answers from phones are anonymous. Hands you count in Show of hands are "
              "added to them.")
        )  # fmt: skip
        layout = QHBoxLayout(self)
        self.toggle = button(t("Phones: off"), t("Let phones answer myths anonymously"))
        self.toggle.setCheckable(True)
        self.toggle.clicked.connect(self._toggled)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.toggle)
        layout.addWidget(self.info, 1)
        service.changed.connect(self.refresh)
        self.refresh()

    def _toggled(self, on: bool) -> None:
        if on:
            self.switch_on()
        else:
            self.service.stop()
        self.refresh()

    def switch_on(self) -> bool:
        if self.service.running:
            return True
        if self.address is None:
            found = self._addresses()
            if not found:
                self.info.setText(t("No network: start the laptop's hotspot or join the Wi-Fi."))
                self.refresh(keep_message=True)
                return False
            self.address = self._choose(self, found)
            if self.address is None:
                self.refresh()
                return False
        from presenter.phones.server import ServerError

        try:
            try:
                self.service.start(self.address, self.port)
            except ServerError:
                self.service.start(self.address, 0)  # the usual port is taken
        except (AddressRefused, ServerError, RuntimeError) as error:
            log.warning("phones could not start: %s", error)
            self.address = None
            self.info.setText(t("Phones could not start: {error}", error=error))
            self.refresh(keep_message=True)
            return False
        self.refresh()
        return True

    def refresh(self, *_: object, keep_message: bool = False) -> None:
        service = self.service
        on = service.running
        self.toggle.setChecked(on)
        self.toggle.setText(t("Phones: on") if on else t("Phones: off"))
        if keep_message:
            return
        if not on:
            self.info.setText(t("Off. Nothing is listening on the network."))
            return
        badge = service.badge()
        where = t("{url}  code {code}", url=service.server.url(), code=service.room.code)
        if badge is not None:
            self.info.setText(t("{where} · {n} answers so far", where=where, n=badge.answers))
        else:
            self.info.setText(t("{where} · waiting for a myth", where=where))


def attach_phones(presentation: object, service: PhonesService) -> PhonesPanel:
    """Give the presentation's console the switch and its audience screen the QR code."""
    from presenter.ui.presenting.presentation import Presentation

    assert isinstance(presentation, Presentation)
    audience = presentation.audience
    audience.decorate = service.decorate
    presentation.console.decorate = service.decorate
    service.changed.connect(audience.refresh)
    service.changed.connect(presentation.console.refresh_soon)  # never ahead of the clicker
    panel = PhonesPanel(service)
    presentation.console.add_panel(panel)
    return panel
