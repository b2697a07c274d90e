"""The phone page in a real browser: headless chromium, a small phone screen, on
127.0.0.1. With JavaScript (taps, live state) and without (plain forms)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from presenter.phones.service import PhonesService
from tests.phones.cdp import CHROMIUM, Browser
from tests.phones.conftest import goto_myth

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")

SHOTS = Path(os.environ.get("PRESENTER_SHOTS", "")) if os.environ.get("PRESENTER_SHOTS") else None


@pytest.fixture
def browser(on_loop):
    made = on_loop(Browser, timeout=60)
    on_loop(
        made.call, "Emulation.setDeviceMetricsOverride",
        width=360, height=740, deviceScaleFactor=2, mobile=True,
    )  # fmt: skip
    yield made
    on_loop(made.close)


def shot(browser: Browser, on_loop, name: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        on_loop(browser.screenshot, SHOTS / f"{name}.png")


def test_a_phone_scans_taps_and_sees_the_reveal(service, controller, browser, on_loop, qtbot):
    goto_myth(controller)
    on_loop(browser.open, service.server.join_url())  # what the QR code carries
    text = on_loop(browser.wait_for, "document.getElementById('statement').textContent")
    assert text == "Trafficking always means crossing a border."
    assert on_loop(browser.evaluate, "document.cookie") == ""  # HttpOnly: not for scripts
    shot(browser, on_loop, "phone-question")
    on_loop(browser.evaluate, "document.querySelector('button.reality').click()")
    on_loop(browser.wait_for, "document.getElementById('status').textContent.includes('Reality')")
    assert service.room.totals("s1i0") == (0, 1)
    on_loop(browser.evaluate, "document.querySelector('button.myth').click()")
    pressed = "document.querySelector('button.myth').getAttribute('aria-pressed') === 'true'"
    on_loop(browser.wait_for, pressed)
    assert service.room.totals("s1i0") == (1, 0)  # replaced, not added
    shot(browser, on_loop, "phone-answered")
    controller.next()  # the reveal
    on_loop(browser.wait_for, "document.querySelector('button.myth').disabled")
    status = on_loop(browser.evaluate, "document.getElementById('status').textContent")
    assert "closed" in status
    shot(browser, on_loop, "phone-closed")
    qtbot.waitUntil(lambda: controller.state.tally(1, 0) is not None)
    assert controller.state.results[(1, 0)].phone_myth == 1
    controller.goto(2)  # the next myth arrives without reloading
    on_loop(
        browser.wait_for,
        "document.getElementById('statement').textContent.includes('strangers')",
    )
    assert on_loop(browser.evaluate, "document.querySelector('button.myth').disabled") is False


def test_the_page_works_without_javascript(service, controller, browser, on_loop, qtbot):
    on_loop(browser.call, "Emulation.setScriptExecutionDisabled", value=True)
    goto_myth(controller)
    on_loop(browser.open, service.server.url())
    assert on_loop(browser.evaluate, "!!document.querySelector('input[name=code]')")
    shot(browser, on_loop, "phone-join")
    # Typing the code and pressing Join submits a plain GET form.
    on_loop(
        browser.evaluate,
        f"document.querySelector('input[name=code]').value = '{service.room.code}';"
        "document.querySelector('form.join').submit()",
    )
    on_loop(browser.wait_for, "!!document.querySelector('button.myth')")
    on_loop(browser.evaluate, "document.querySelector('button.myth').click()")
    on_loop(
        browser.wait_for,
        "document.querySelector('button.myth').getAttribute('aria-pressed') === 'true'",
    )
    assert service.room.totals("s1i0") == (1, 0)
    shot(browser, on_loop, "phone-nojs-answered")


def test_the_page_loads_nothing_from_outside(service, controller, browser, on_loop):
    """Every request the page makes goes to the room itself."""
    on_loop(browser.call, "Network.enable")
    goto_myth(controller)
    on_loop(browser.open, service.server.join_url())
    on_loop(browser.wait_for, "document.getElementById('statement').textContent.length > 0")
    on_loop(browser.evaluate, "new Promise(r => setTimeout(r, 2500))")
    urls = [
        e["params"]["request"]["url"]
        for e in browser.events
        if e.get("method") == "Network.requestWillBeSent"
    ]
    room = service.server.url()
    assert urls and all(url.startswith(room) for url in urls), urls
    assert any(url.endswith("/api/state") for url in urls)


def test_the_page_speaks_the_decks_language(tmp_path, qapp, browser, on_loop):
    from presenter.core.deck.parser import load_deck
    from presenter.core.session.clock import FakeClock
    from presenter.core.session.controller import SessionController

    folder = tmp_path / "fr"
    folder.mkdir()
    (folder / "deck.md").write_text(
        "---\ntitle: Atelier\nlanguage: fr\n---\nkind: myth\nid: m\n"
        "myth: La traite implique toujours une frontière.\n"
        "reality: Beaucoup sont exploités dans leur propre pays.\nsource: ONUDC 2024\n---\n",
        "utf-8",
    )
    controller = SessionController(load_deck(folder / "deck.md"), None, FakeClock(1.0))
    service = PhonesService(controller)
    service.start("127.0.0.1", 0)
    try:
        controller.goto(0)
        on_loop(browser.open, service.server.join_url())
        on_loop(browser.wait_for, "document.getElementById('statement').textContent.length > 0")
        labels = on_loop(
            browser.evaluate,
            "[...document.querySelectorAll('button')].map(b => b.textContent).join('|')",
        )
        assert labels == "Mythe|Réalité"
        assert on_loop(browser.evaluate, "document.documentElement.lang") == "fr"
        status = "document.getElementById('status').textContent"
        assert on_loop(browser.wait_for, status).startswith("Touchez votre réponse")
        shot(browser, on_loop, "phone-fr")
    finally:
        service.close()


def test_after_a_restart_a_phone_does_not_answer_twice(
    service, controller, browser, on_loop, qtbot
):
    """The app restarts mid-workshop: a new room code and new device cookies, the totals
    carried over from the record. A phone that rejoins is told it already answered the
    question on screen and cannot add to it; the next question it can answer."""
    from presenter.core.session.controller import SessionController
    from presenter.core.session.state import SessionState

    goto_myth(controller)
    on_loop(browser.open, service.server.join_url())
    on_loop(browser.wait_for, "document.getElementById('statement').textContent.length > 0")
    on_loop(browser.evaluate, "document.querySelector('button.reality').click()")
    on_loop(browser.wait_for, "document.getElementById('status').textContent.includes('Reality')")
    service.flush()
    assert controller.state.results[(1, 0)].phone_reality == 1
    port = service.server.port
    service.close()  # the power cut; then the app comes back, resuming from the record

    resumed = SessionController(
        controller.deck, None, controller.clock, None,
        SessionState.from_dict(controller.state.to_dict()),
    )  # fmt: skip
    again = PhonesService(resumed)
    again.start("127.0.0.1", port)  # the usual port, so the page's origin is the same
    try:
        assert again.room.workshop == service.room.workshop != ""
        assert again.room.totals("s1i0") == (0, 1)
        on_loop(browser.open, again.server.join_url())  # the phone scans the new code
        status = "document.getElementById('status').textContent"
        assert on_loop(browser.wait_for, f"{status}.includes('already')")
        disabled = "[...document.querySelectorAll('button')].every(b => b.disabled)"
        assert on_loop(browser.evaluate, disabled) is True
        shot(browser, on_loop, "phone-answered-before-restart")
        assert again.room.totals("s1i0") == (0, 1)  # not counted twice
        goto_myth(resumed, "strangers")  # a question it never answered: open to it
        on_loop(browser.wait_for, "document.getElementById('statement').textContent"
                ".includes('strangers')")  # fmt: skip
        on_loop(browser.wait_for, f"!{status}.includes('already')")
        on_loop(browser.evaluate, "document.querySelector('button.myth').click()")
        on_loop(browser.wait_for, f"{status}.includes('Myth')")
        assert again.room.totals("s2i0") == (1, 0)
    finally:
        again.close()
        again.deleteLater()
