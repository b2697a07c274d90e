"""Phone answers in the session record: journalled, resumed after a crash, reported."""

from __future__ import annotations

from pathlib import Path

from presenter.core.deck.parser import load_deck
from presenter.core.record.resume import open_session
from presenter.core.record.store import load_session
from presenter.core.report.build import build_report
from presenter.core.report.formats import to_markdown
from presenter.core.session.clock import FakeClock
from presenter.core.session.controller import SessionController
from presenter.phones.service import PhonesService
from tests.phones.conftest import Phone


def answer_from(service: PhonesService, on_loop, choices: list[str], source: str) -> None:
    def phones() -> None:
        for n, choice in enumerate(choices):
            phone = Phone(service.server.port, source=f"{source}.{n + 1}")
            assert phone.join(service.room.code).status == 303
            assert phone.answer(service.room.question.id, choice).status == 200

    on_loop(phones)


def test_answers_are_journalled_resumed_and_reported(
    deck_path: Path, data_dir: Path, qapp, on_loop, qtbot
) -> None:
    deck = load_deck(deck_path)
    clock = FakeClock(1_800_000_000.0)
    opened = open_session(deck, None, clock, data_dir)
    controller = SessionController(deck, None, clock, opened.recorder)
    opened.attach(controller)
    service = PhonesService(controller)
    service.start("127.0.0.1", 0)
    controller.goto(1)
    answer_from(service, on_loop, ["myth"] * 6 + ["reality"] * 2, "127.0.2")
    qtbot.waitUntil(lambda: controller.state.tally(1, 0) is not None)
    qtbot.waitUntil(lambda: controller.state.tally(1, 0).total == 8)
    # The power goes: no reveal, no goodbye. The journal is all there is.
    service.server.stop()
    folder = opened.record.folder
    journal = "".join(p.read_text("utf-8") for p in folder.rglob("*") if p.is_file())
    assert '"phone_tally"' in journal
    for device in service.room.devices:
        assert device not in journal
    assert "127.0.2" not in journal and "wp_device" not in journal

    # Restart: the same session resumes with the totals, and the new room counts on.
    clock2 = FakeClock(1_800_000_600.0)
    resumed = open_session(load_deck(deck_path), None, clock2, data_dir, resume=True)
    assert resumed.state is not None and resumed.state.tally(1, 0).said_myth == 6
    controller2 = SessionController(load_deck(deck_path), None, clock2, resumed.recorder,
                                    resumed.state)  # fmt: skip
    resumed.attach(controller2, clock2)
    service2 = PhonesService(controller2)
    service2.start("127.0.0.1", 0)
    assert service2.room.code  # a new room: phones join again
    answer_from(service2, on_loop, ["reality"], "127.0.3")
    controller2.set_tally(3, 1)  # hands, counted as well
    controller2.next()  # the reveal: final totals recorded at once
    qtbot.waitUntil(lambda: controller2.state.results[(1, 0)].phone_reality == 3)
    tally = controller2.state.tally(1, 0)
    assert (tally.said_myth, tally.said_reality) == (6 + 3, 3 + 1)
    controller2.finish()
    qtbot.waitUntil(lambda: not service2.running)
    resumed.record.close(clock2.now())

    report = build_report(load_session(resumed.record.folder))
    border = next(m for m in report.myths if m.myth_id == "border")
    assert (border.before.said_myth, border.before.said_reality) == (9, 4)
    assert border.before.phones == 9  # 6 + 2 before the power cut, 1 after
    assert "9 myth / 4 reality" in to_markdown(report)
    assert "9 by phone" in to_markdown(report)
    service.close()
