"""A workshop with the answers room open on 127.0.0.1, and phones to talk to it.

The server runs on the test's Qt event loop; phones are plain HTTP clients in worker
threads (as real phones are other machines), and the test pumps the event loop while
they talk. Everything stays on 127.0.0.1.
"""

from __future__ import annotations

import http.client
import json
import re
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from presenter.core.session.clock import FakeClock
from presenter.core.session.controller import SessionController
from presenter.phones.service import PhonesService

DECK = """\
---
title: Phones workshop
language: en
duration: 10
---
kind: title
---
# Phones workshop

---
kind: myth
id: border
myth: Trafficking always means crossing a border.
reality: Many people are exploited in their own country.
source: UNODC Global Report on Trafficking in Persons 2024
---

---
kind: myth
id: strangers
myth: Traffickers are usually strangers.
reality: Many victims are recruited by someone they know.
source: UNODC Global Report on Trafficking in Persons 2024
---

---
kind: recap
myths: [border]
---
"""


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float = 0.0

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Phone:
    """One phone: an HTTP client with its own cookie jar (just the device cookie)."""

    port: int
    cookie: str = ""
    timeout: float = 20.0
    source: str = "127.0.0.1"  # another 127.x.y.z: another phone (loopback all the same)
    sent: list[Reply] = field(default_factory=list)

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        conn = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=self.timeout, source_address=(self.source, 0)
        )
        all_headers = dict(headers or {})
        if self.cookie:
            all_headers["Cookie"] = self.cookie
        start = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=all_headers)
            response = conn.getresponse()
            data = response.read()
        finally:
            conn.close()
        reply = Reply(
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            data,
            time.perf_counter() - start,
        )
        match = re.match(r"(wp_device=[^;]+)", reply.headers.get("set-cookie", ""))
        if match:
            self.cookie = match.group(1)
        self.sent.append(reply)
        return reply

    def join(self, code: str) -> Reply:
        return self.request("GET", "/?" + urlencode({"code": code}))

    def state(self) -> Reply:
        return self.request("GET", "/api/state")

    def answer(self, question: object, choice: object) -> Reply:
        body = json.dumps({"question": question, "choice": choice}).encode()
        return self.request("POST", "/api/answer", body, {"Content-Type": "application/json"})


@pytest.fixture
def deck_path(tmp_path: Path) -> Path:
    folder = tmp_path / "phones"
    folder.mkdir()
    (folder / "deck.md").write_text(DECK, "utf-8")
    return folder / "deck.md"


@pytest.fixture
def controller(deck_path: Path) -> SessionController:
    from presenter.core.deck.parser import load_deck

    return SessionController(load_deck(deck_path), None, FakeClock(1_800_000_000.0))


@pytest.fixture
def service(qapp, controller: SessionController) -> Iterator[PhonesService]:
    phones = PhonesService(controller)
    phones.start("127.0.0.1", 0)
    yield phones
    phones.close()
    phones.deleteLater()


@pytest.fixture
def on_loop(qtbot) -> Callable[..., Any]:
    """Run ``fn(*args)`` in a worker thread while the Qt loop serves; return its result."""
    pool = ThreadPoolExecutor(max_workers=64)

    def run(fn: Callable[..., Any], *args: Any, timeout: float = 60.0, **kwargs: Any) -> Any:
        future: Future[Any] = pool.submit(fn, *args, **kwargs)
        qtbot.waitUntil(future.done, timeout=int(timeout * 1000))
        return future.result()

    yield run
    pool.shutdown(wait=False, cancel_futures=True)


def goto_myth(controller: SessionController, myth_id: str = "border") -> None:
    index = next(s.index for s in controller.deck.slides if s.myth and s.myth.id == myth_id)
    controller.goto(index)
