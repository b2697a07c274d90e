"""Which addresses the answers room may listen on: the room's own network, never public.

Phones reach the laptop over a hotspot or the hall's Wi-Fi, so the default is the
laptop's own private address; loopback is allowed for rehearsals and tests. Anything
that could be reached from the internet (a public address), or every interface at once
(``0.0.0.0``), is refused.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Iterable

log = logging.getLogger(__name__)

DEFAULT_PORT = 8765


class AddressRefused(ValueError):
    """The address is not one of the room's own network (or not an address at all)."""


def check_address(text: str) -> str:
    """``text`` as a normalised IP address, if answers may be served on it."""
    try:
        address = ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError as error:
        raise AddressRefused(f"{text!r} is not an IP address") from error
    if address.is_loopback:
        return str(address)
    if address.is_unspecified or address.is_multicast or address.is_reserved:
        raise AddressRefused(f"{address} is not one computer's address")
    if not address.is_private or address.is_global:
        raise AddressRefused(
            f"{address} is a public address: answers are only served on the room's own "
            "network (a private address such as 192.168.x.x, 10.x.x.x or 172.16-31.x.x)"
        )
    return str(address)


def room_addresses(candidates: Iterable[str]) -> list[str]:
    """The usable addresses among ``candidates``, best first: private IPv4 (what a
    hotspot or Wi-Fi hands out), then private IPv6, then loopback; link-local last."""

    def rank(text: str) -> tuple[int, str]:
        address = ipaddress.ip_address(text)
        if address.is_loopback:
            return (3, text)
        if address.is_link_local:
            return (4, text)
        return (0 if address.version == 4 else 1, text)

    usable = []
    for text in candidates:
        try:
            usable.append(check_address(text.split("%")[0]))
        except AddressRefused:
            log.debug("not offering %s for phones", text)
    return sorted(dict.fromkeys(usable), key=rank)


def url_host(address: str) -> str:
    """``address`` as it goes in a URL (IPv6 in brackets)."""
    return f"[{address}]" if ":" in address else address
