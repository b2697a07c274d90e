"""The answers room over HTTP on 127.0.0.1: the documented API, and what it refuses."""

from __future__ import annotations

import json
import socket
import statistics

import pytest

from presenter.core.session.controller import SessionController
from presenter.phones.network import AddressRefused
from presenter.phones.service import PhonesService
from tests.phones.conftest import Phone, goto_myth


def joined(service: PhonesService) -> Phone:
    phone = Phone(service.server.port)
    reply = phone.join(service.room.code)
    assert reply.status == 303 and phone.cookie.startswith("wp_device=")
    return phone


def test_status_line(service: PhonesService) -> None:
    line = service.status_line()
    assert line == f"Phones: http://127.0.0.1:{service.server.port}/ (code {service.room.code})"
    assert len(service.room.code) == 4 and service.room.code.isdigit()


def test_a_phone_joins_answers_and_changes_its_mind(service, controller, on_loop, qtbot) -> None:
    goto_myth(controller)

    def phone_session() -> list[tuple[int, object]]:
        phone = Phone(service.server.port)
        first = phone.request("GET", "/")
        assert first.status == 200 and b'name="code"' in first.body and not phone.cookie
        phone = joined(service)
        page = phone.request("GET", "/")
        assert b"Trafficking always means crossing a border." in page.body
        state = phone.state().json()
        qid = state["question"]["id"]
        return [
            (phone.answer(qid, "myth").status, None),
            (phone.answer(qid, "reality").status, phone.state().json()),
        ]

    (first, _), (second, state) = on_loop(phone_session)
    assert first == second == 200
    assert state["answers"] == 1 and state["yours"] == "reality" and state["open"] is True
    assert state["question"]["choices"] == [
        {"id": "myth", "label": "Myth"},
        {"id": "reality", "label": "Reality"},
    ]
    qtbot.waitUntil(lambda: controller.state.results.get((1, 0)) is not None)
    entry = controller.state.results[(1, 0)]
    assert (entry.phone_myth, entry.phone_reality) == (0, 1)


def test_after_the_reveal_answers_get_409(service, controller, on_loop, qtbot) -> None:
    goto_myth(controller)
    phone = on_loop(joined, service)
    qid = on_loop(phone.state).json()["question"]["id"]
    assert on_loop(phone.answer, qid, "myth").status == 200
    controller.next()  # reveal
    reply = on_loop(phone.answer, qid, "reality")
    assert reply.status == 409 and reply.json()["outcome"] == "closed"
    state = on_loop(phone.state).json()
    assert state["open"] is False and state["answers"] == 1
    qtbot.waitUntil(lambda: controller.state.tally(1, 0) is not None)
    assert controller.state.tally(1, 0).said_myth == 1


def test_the_page_works_as_a_plain_form(service, controller, on_loop, qtbot) -> None:
    """Without JavaScript: a GET form for the code, a POST form for the answer."""
    goto_myth(controller)

    def no_script() -> tuple[int, str | None, bytes]:
        phone = joined(service)
        reply = phone.request(
            "POST", "/api/answer", b"question=s1i0&choice=myth",
            {"Content-Type": "application/x-www-form-urlencoded"},
        )  # fmt: skip
        return reply.status, reply.headers.get("location"), phone.request("GET", "/").body

    status, location, page = on_loop(no_script)
    assert (status, location) == (303, "/")
    assert b'aria-pressed="true"' in page and b"Your answer: Myth" in page
    qtbot.waitUntil(lambda: controller.state.tally(1, 0) is not None)


def test_hostile_requests_get_4xx_never_a_crash(service, controller, on_loop) -> None:
    goto_myth(controller)

    def attack() -> dict[str, int]:
        phone = joined(service)
        stranger = Phone(service.server.port)
        forged = Phone(service.server.port, cookie="wp_device=made-up")
        post = phone.request
        j = {"Content-Type": "application/json"}
        results = {
            "bad json": post("POST", "/api/answer", b"{not json", j).status,
            "not utf-8": post("POST", "/api/answer", b"\xff\xfe", j).status,
            "a list": post("POST", "/api/answer", b"[1, 2]", j).status,
            "unknown choice": phone.answer("s1i0", "maybe").status,
            "choice as object": phone.answer("s1i0", {"$ne": 1}).status,
            "wrong question": phone.answer("s9i9", "myth").status,
            "no type": post("POST", "/api/answer", b'{"question":"s1i0"}').status,
            "too big": post("POST", "/api/answer", b"x" * 10_000, j).status,
            "GET answer": post("GET", "/api/answer").status,
            "POST state": post("POST", "/api/state", b"{}", j).status,
            "DELETE root": post("DELETE", "/").status,
            "unknown path": post("GET", "/admin").status,
            "traversal": post("GET", "/../../etc/passwd").status,
            "encoded traversal": post("GET", "/%2e%2e/%2e%2e/etc/passwd").status,
            "asset path": post("GET", "/assets/phones/page.js").status,
            "favicon": post("GET", "/favicon.ico").status,
            "no cookie state": stranger.state().status,
            "no cookie answer": stranger.answer("s1i0", "myth").status,
            "forged cookie": forged.answer("s1i0", "myth").status,
            "wrong code": stranger.join("0000" if service.room.code != "0000" else "1111").status,
            "huge code": stranger.request("GET", "/?code=" + "9" * 5000).status,
            "another host name": phone.request(
                "GET", "/api/state", None, {"Host": "evil.test"}
            ).status,
            "host without port": phone.request("GET", "/", None, {"Host": "127.0.0.1"}).status,
            "still alive": phone.state().status,
        }
        return results

    results = on_loop(attack)
    assert results.pop("still alive") == 200
    assert all(400 <= status < 500 for status in results.values()), results
    assert service.room.totals("s1i0") == (0, 0)


def test_every_reply_carries_the_security_headers(service, on_loop) -> None:
    phone = Phone(service.server.port)
    for reply in (on_loop(phone.request, "GET", "/"), on_loop(phone.request, "GET", "/nope")):
        assert reply.headers["cache-control"] == "no-store"
        assert reply.headers["x-content-type-options"] == "nosniff"
        csp = reply.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "connect-src 'self'" in csp
    page = on_loop(phone.request, "GET", "/").body.decode()
    for outside in ("http://", "https://", "//fonts", "<link", "<img", "src="):
        assert outside not in page.split("</main>")[0].replace("http-equiv", ""), (
            f"{outside!r} would reach outside the room"
        )


def test_deck_text_is_escaped_on_the_page(tmp_path, qapp, on_loop) -> None:
    from presenter.core.deck.parser import load_deck
    from presenter.core.session.clock import FakeClock

    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "deck.md").write_text(
        "---\ntitle: T\n---\nkind: myth\nid: m\n"
        "myth: '</p><script>alert(1)</script><img src=x onerror=alert(2)>'\n"
        "reality: R\nsource: S 2024\n---\n",
        "utf-8",
    )
    controller = SessionController(load_deck(folder / "deck.md"), None, FakeClock(1.0))
    service = PhonesService(controller)
    service.start("127.0.0.1", 0)
    try:
        controller.goto(0)
        phone = on_loop(joined, service)
        page = on_loop(phone.request, "GET", "/").body.decode()
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;" in page or "alert(1)" not in page
    finally:
        service.close()


def test_a_device_that_floods_is_slowed(service, controller, on_loop) -> None:
    goto_myth(controller)

    def flood() -> list[int]:
        phone = joined(service)
        return [phone.state().status for _ in range(60)]

    statuses = on_loop(flood)
    assert statuses[0] == 200 and 429 in statuses


def test_the_room_refuses_public_addresses(qapp, controller) -> None:
    service = PhonesService(controller)
    with pytest.raises(AddressRefused):
        service.start("8.8.8.8", 0)
    with pytest.raises(AddressRefused):
        service.start("0.0.0.0", 0)
    assert not service.running


def test_stopping_closes_the_socket(qapp, controller, qtbot) -> None:
    service = PhonesService(controller)
    service.start("127.0.0.1", 0)
    port = service.server.port
    with socket.create_connection(("127.0.0.1", port), timeout=2):
        pass
    service.stop()
    qtbot.wait(50)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_the_room_closes_when_the_workshop_ends(service, controller, qtbot) -> None:
    controller.finish()
    qtbot.waitUntil(lambda: not service.running)
    with pytest.raises(RuntimeError):
        service.start("127.0.0.1", 0)


def test_no_device_identifier_reaches_the_record(service, controller, on_loop, qtbot) -> None:
    recorded: list[dict] = []
    controller.subscribe(lambda state, action: recorded.append(dict(action)))
    goto_myth(controller)
    phones = [on_loop(joined, service) for _ in range(5)]
    for phone in phones:
        on_loop(phone.answer, "s1i0", "myth")
    controller.next()
    qtbot.waitUntil(lambda: any(a["type"] == "phone_tally" for a in recorded))
    text = json.dumps(recorded) + json.dumps(controller.state.to_dict())
    for phone in phones:
        assert phone.cookie.split("=", 1)[1] not in text
    assert "127.0.0.1" not in text and "wp_device" not in text
    assert controller.state.tally(1, 0).said_myth == 5


def test_two_hundred_phones_at_once_are_all_counted(service, controller, qtbot) -> None:
    """200 phones join, then all answer at the same moment; every answer is counted,
    the record has the totals, and the p95 answer latency is reported."""
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    goto_myth(controller)
    n = 200
    barrier = Barrier(n, timeout=60)

    def one_phone(i: int) -> tuple[int, float]:
        phone = Phone(service.server.port, timeout=30, source=f"127.0.1.{i + 1}")
        assert phone.join(service.room.code).status == 303
        barrier.wait()
        reply = phone.answer("s1i0", "myth" if i % 3 else "reality")
        return reply.status, reply.seconds

    with ThreadPoolExecutor(max_workers=n) as pool:
        futures = [pool.submit(one_phone, i) for i in range(n)]
        qtbot.waitUntil(lambda: all(f.done() for f in futures), timeout=120_000)
        results = [f.result() for f in futures]
    assert [status for status, _ in results] == [200] * n
    latencies = sorted(seconds for _, seconds in results)
    p95 = statistics.quantiles(latencies, n=20)[-1]
    print(f"\n200 phones: p95 answer latency {p95 * 1000:.0f} ms, "
          f"median {statistics.median(latencies) * 1000:.0f} ms")  # fmt: skip
    expected = (sum(1 for i in range(n) if i % 3), sum(1 for i in range(n) if not i % 3))
    assert service.room.totals("s1i0") == expected
    controller.next()  # the reveal records the final totals at once
    qtbot.waitUntil(lambda: controller.state.tally(1, 0) is not None)
    entry = controller.state.results[(1, 0)]
    assert (entry.phone_myth, entry.phone_reality) == expected
    assert p95 < 5.0


def test_off_and_on_again_keeps_the_room(service, controller, on_loop) -> None:
    """Switching phones off and on keeps the code, the devices and the answers."""
    goto_myth(controller)
    phone = on_loop(joined, service)
    assert on_loop(phone.answer, "s1i0", "myth").status == 200
    code = service.room.code
    service.stop()
    service.start("127.0.0.1", 0)
    phone.port = service.server.port
    assert service.room.code == code
    assert on_loop(phone.answer, "s1i0", "reality").status == 200
    assert service.room.totals("s1i0") == (0, 1)
