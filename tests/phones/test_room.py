"""The answers room and its rules, without Qt or a network."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from presenter.core.session.controller import MythItem, SessionController
from presenter.core.session.state import SessionState, replay
from presenter.phones.network import AddressRefused, check_address, room_addresses
from presenter.phones.questions import Question, current_question, plain_text
from presenter.phones.room import AnswersRoom, Outcome, workshop_key


class Tick:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def question(qid: str = "s1i0", open_: bool = True) -> Question:
    return Question(qid, MythItem(1, 0, "x", 1), "A statement", (("myth", "Myth"),
                    ("reality", "Reality")), open_)  # fmt: skip


def test_join_needs_the_room_code() -> None:
    room = AnswersRoom(Tick(), code="4821")
    assert room.join("1111", "10.0.0.5") is None
    token = room.join(" 4821 ", "10.0.0.5")
    assert token and room.is_device(token)
    assert room.join("4821", "10.0.0.6") != token  # every device its own token


def test_guessing_the_code_is_slowed_per_address() -> None:
    clock = Tick()
    room = AnswersRoom(clock, code="4821")
    for guess in range(8):
        assert room.join(f"{guess:04d}", "10.0.0.9") is None
    assert room.join("4821", "10.0.0.9") is None  # out of tries, even with the right code
    assert room.join("4821", "10.0.0.10")  # another phone is not punished
    clock.now += 60
    assert room.join("4821", "10.0.0.9")  # a minute later, some tries come back


def test_the_room_has_a_cap_on_devices() -> None:
    room = AnswersRoom(Tick(), code="0001", max_devices=3)
    tokens = [room.join("0001", f"10.0.0.{i}") for i in range(4)]
    assert all(tokens[:3]) and tokens[3] is None and room.full


def test_each_device_has_a_request_budget() -> None:
    clock = Tick()
    room = AnswersRoom(clock, code="0001", rate=1.0, burst=5)
    token = room.join("0001", "p")
    assert [room.allow(token) for _ in range(6)] == [True] * 5 + [False]
    clock.now += 2.0
    assert room.allow(token) and room.allow(token) and not room.allow(token)
    assert not room.allow("made-up") and not room.allow(None)


def test_one_answer_per_device_replaced_until_the_reveal() -> None:
    room = AnswersRoom(Tick(), code="0001")
    a, b = room.join("0001", "a"), room.join("0001", "b")
    room.ask(question())
    assert room.answer(a, "s1i0", "myth") is Outcome.COUNTED
    assert room.answer(a, "s1i0", "myth") is Outcome.COUNTED
    assert room.answer(b, "s1i0", "myth") is Outcome.COUNTED
    assert room.totals("s1i0") == (2, 0)
    assert room.answer(a, "s1i0", "reality") is Outcome.COUNTED
    assert room.totals("s1i0") == (1, 1)
    room.ask(question(open_=False))
    assert room.answer(b, "s1i0", "reality") is Outcome.CLOSED
    assert room.totals("s1i0") == (1, 1)


@pytest.mark.parametrize(
    ("token", "qid", "choice", "outcome"),
    [
        (None, "s1i0", "myth", Outcome.NOT_A_DEVICE),
        ("forged", "s1i0", "myth", Outcome.NOT_A_DEVICE),
        ("ok", "s2i0", "myth", Outcome.NOT_THIS_QUESTION),
        ("ok", ["s1i0"], "myth", Outcome.NOT_THIS_QUESTION),
        ("ok", "s1i0", "maybe", Outcome.UNKNOWN_CHOICE),
        ("ok", "s1i0", {"x": 1}, Outcome.UNKNOWN_CHOICE),
        ("ok", "s1i0", None, Outcome.UNKNOWN_CHOICE),
        ("ok", "s1i0", "<script>", Outcome.UNKNOWN_CHOICE),
    ],
)
def test_bad_answers_are_refused(token, qid, choice, outcome) -> None:
    room = AnswersRoom(Tick(), code="0001")
    real = room.join("0001", "a")
    room.ask(question())
    assert room.answer(real if token == "ok" else token, qid, choice) is outcome
    assert room.totals("s1i0") == (0, 0)


def test_no_question_no_answers() -> None:
    room = AnswersRoom(Tick(), code="0001")
    token = room.join("0001", "a")
    assert room.answer(token, "s1i0", "myth") is Outcome.NOT_THIS_QUESTION
    assert room.state(token) == {
        "question": None, "open": False, "answers": 0, "yours": None, "workshop": "",
    }  # fmt: skip


def test_totals_count_on_from_before_a_restart() -> None:
    room = AnswersRoom(Tick(), code="0001")
    room.base = {"s1i0": (10, 4)}
    room.ask(question())
    room.answer(room.join("0001", "a"), "s1i0", "reality")
    assert room.totals("s1i0") == (10, 5)
    assert room.state(None)["answers"] == 15


def test_the_workshop_keeps_its_name_across_a_restart(controller: SessionController) -> None:
    # The phone page remembers what it answered under this name: the same deck and
    # start give the same name (a restart resumes both from the record), another
    # workshop of the same deck another one. It is a hash: it names nobody.
    first = workshop_key("deck-a", 1_800_000_000.0)
    assert first == workshop_key("deck-a", 1_800_000_000.0)
    assert first != workshop_key("deck-a", 1_800_003_600.0)
    assert first != workshop_key("deck-b", 1_800_000_000.0)
    assert len(first) == 16 and "deck" not in first


def test_the_service_names_the_workshop_it_follows(qapp, controller) -> None:  # type: ignore[no-untyped-def]
    from presenter.phones.service import PhonesService

    phones = PhonesService(controller)
    try:
        state = controller.state
        assert state.began is not None  # the controller's first action
        assert phones.room.workshop == workshop_key(state.deck_hash, state.began)
        controller.next()
        assert phones.room.state(None)["workshop"] == workshop_key(state.deck_hash, state.began)
    finally:
        phones.close()
        phones.deleteLater()


@pytest.mark.parametrize(
    "address", ["127.0.0.1", "192.168.1.20", "10.4.0.1", "172.16.0.3", "::1", "fd00::5"]
)
def test_room_addresses_are_allowed(address: str) -> None:
    assert check_address(address) == address


@pytest.mark.parametrize(
    "address",
    ["8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "0.0.0.0", "::", "224.0.0.1",
     "255.255.255.255", "example.org", "", "192.168.1", "127.0.0.1; rm -rf /"],
)  # fmt: skip
def test_public_and_odd_addresses_are_refused(address: str) -> None:
    with pytest.raises(AddressRefused):
        check_address(address)


def test_room_addresses_prefer_the_private_network() -> None:
    found = room_addresses(["127.0.0.1", "8.8.8.8", "fe80::1%wlan0", "192.168.0.12", "fd00::2"])
    assert found == ["192.168.0.12", "fd00::2", "127.0.0.1", "fe80::1"]


def test_the_question_is_plain_text() -> None:
    assert plain_text("<b>Traffickers</b> are <em>strangers</em> &amp; more") == (
        "Traffickers are strangers & more"
    )


def test_phone_totals_add_to_hands_and_replay(controller: SessionController) -> None:
    controller.goto(1)
    item = controller.current_myth_item()
    assert item is not None
    controller.set_phone_tally(item, 7, 3)
    controller.set_phone_tally(item, 7, 3)  # unchanged: nothing recorded
    controller.set_tally(2, 1)  # hands counted too
    assert controller.state.tally(1, 0).said_myth == 9
    assert controller.state.tally(1, 0).said_reality == 4
    again = SessionState.from_dict(json.loads(json.dumps(controller.state.to_dict())))
    assert again.tally(1, 0) == controller.state.tally(1, 0)
    assert again.results[(1, 0)].phone_myth == 7


def test_phone_tally_replays_from_actions_alone() -> None:
    state = replay(
        [
            {"type": "begin", "t": 1.0, "slide": 0},
            {"type": "phone_tally", "t": 2.0, "slide": 1, "item": 0, "said_myth": 5,
             "said_reality": -3},
            {"type": "phone_tally", "t": 3.0, "slide": 1, "item": 0, "said_myth": "x"},
        ]
    )  # fmt: skip
    assert state.tally(1, 0) is not None
    assert (state.tally(1, 0).said_myth, state.tally(1, 0).said_reality) == (5, 0)


def test_current_question_follows_the_slides(controller: SessionController) -> None:
    controller.acknowledge_warning()
    assert current_question(controller) is None  # title slide
    controller.goto(1)
    q = current_question(controller)
    assert q is not None and q.open and q.id == "s1i0"
    assert q.text == "Trafficking always means crossing a border."
    controller.next()  # the reveal
    q = current_question(controller)
    assert q is not None and not q.open
    controller.goto(3)  # the recap asks the same myth again, as its own question
    q = current_question(controller)
    assert q is not None and q.open and q.id == "s3i0" and "border" in q.text
    controller.finish()
    assert current_question(controller) is None


def test_the_room_is_plain_python() -> None:
    """Room, questions and addresses import without Qt (the server is the Qt part)."""
    from tests.core.test_qt_free import BLOCKER, ROOT

    modules = ["presenter.phones.room", "presenter.phones.questions", "presenter.phones.network"]
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, *modules], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
