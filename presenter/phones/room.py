"""The answers room: who may answer, what they answered, and the totals. Plain Python.

A phone joins with the room code and gets an anonymous device token (a random value
kept only in this process's memory and in the phone's cookie). Each device holds at most
one answer per question; a new answer replaces the old one until the reveal, after which
answers are refused. Only the totals leave the room (to the session record, through the
controller): no token, address or device ever does.

Limits that keep a crowded or hostile room from hurting the workshop: a cap on devices,
a per-device budget of requests (token bucket), and a per-address budget of wrong codes,
so the four-digit code cannot be guessed by trying them all.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from presenter.phones.questions import Question
from presenter.support.digest import sha256

log = logging.getLogger(__name__)

# The room is made with every workshop, phones on or not, and ``secrets`` imports hmac,
# which loads OpenSSL (3.7 MB resident): the code comes from the same system source
# ``secrets`` draws on, and ``secrets`` is imported when a phone first joins.
_SYSTEM_RANDOM = random.SystemRandom()

MAX_DEVICES = 400
MAX_PEERS = 4096  # addresses whose wrong codes are remembered
REQUESTS_PER_SECOND = 4.0  # sustained, per device (the page polls every 2 s)
REQUEST_BURST = 20.0
CODE_TRIES = 8  # wrong codes per address before it must wait
CODE_TRIES_PER_MINUTE = 4.0
TOKEN_BYTES = 18


class Outcome(Enum):
    """What became of an answer (the server turns each into its HTTP status)."""

    COUNTED = "counted"
    NOT_A_DEVICE = "not_a_device"  # no or unknown device cookie
    UNKNOWN_CHOICE = "unknown_choice"
    NOT_THIS_QUESTION = "not_this_question"  # the slide moved on, or no question is asked
    CLOSED = "closed"  # revealed


@dataclass
class Bucket:
    """A token bucket: ``capacity`` requests at once, refilled at ``rate`` per second."""

    capacity: float
    rate: float
    level: float = -1.0
    stamp: float = 0.0

    def take(self, now: float) -> bool:
        if self.level < 0:
            self.level, self.stamp = self.capacity, now
        self.level = min(self.capacity, self.level + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.level < 1.0:
            return False
        self.level -= 1.0
        return True


@dataclass
class Device:
    bucket: Bucket


@dataclass
class AnswersRoom:
    """Answers to the question on screen. ``clock`` gives monotonic seconds."""

    clock: Callable[[], float]
    code: str = field(default_factory=lambda: f"{_SYSTEM_RANDOM.randrange(10000):04d}")
    max_devices: int = MAX_DEVICES
    rate: float = REQUESTS_PER_SECOND
    burst: float = REQUEST_BURST
    question: Question | None = None
    devices: dict[str, Device] = field(default_factory=dict)
    answers: dict[str, dict[str, str]] = field(default_factory=dict)  # question -> device -> choice
    base: dict[str, tuple[int, int]] = field(default_factory=dict)  # totals from before a restart
    # Names this workshop, the same after a restart (see workshop_key): a phone's page
    # remembers under it which questions it answered, so it does not answer one twice.
    workshop: str = ""
    _code_tries: dict[str, Bucket] = field(default_factory=dict)

    # -- joining -----------------------------------------------------------------

    def join(self, code: str, peer: str) -> str | None:
        """A new device token if ``code`` is the room's, else None (also when the address
        has tried too many wrong codes, or the room is full)."""
        import secrets  # here: see _SYSTEM_RANDOM

        if len(self._code_tries) >= MAX_PEERS and peer not in self._code_tries:
            self._code_tries.pop(next(iter(self._code_tries)))  # forget the oldest
        tries = self._code_tries.setdefault(peer, Bucket(CODE_TRIES, CODE_TRIES_PER_MINUTE / 60.0))
        if not tries.take(self.clock()):
            log.info("too many room-code tries from one address")
            return None
        if not secrets.compare_digest(code.strip().encode(), self.code.encode()):
            return None
        tries.level = min(tries.capacity, tries.level + 1.0)  # a right code costs nothing
        if len(self.devices) >= self.max_devices:
            log.warning("answers room full (%d devices)", self.max_devices)
            return None
        token = secrets.token_urlsafe(TOKEN_BYTES)
        self.devices[token] = Device(Bucket(self.burst, self.rate))
        return token

    def is_device(self, token: str | None) -> bool:
        return token is not None and token in self.devices

    def allow(self, token: str | None) -> bool:
        """Take one request from the device's budget (False: too fast, or no device)."""
        device = self.devices.get(token or "")
        return device is not None and device.bucket.take(self.clock())

    @property
    def full(self) -> bool:
        return len(self.devices) >= self.max_devices

    # -- asking ------------------------------------------------------------------

    def ask(self, question: Question | None) -> None:
        """The question on screen now (None: none). Answers are kept per question, so
        going back to a myth before its reveal keeps what the room said."""
        self.question = question

    def answer(self, token: str | None, question_id: object, choice: object) -> Outcome:
        if not self.is_device(token):
            return Outcome.NOT_A_DEVICE
        question = self.question
        if question is None or question_id != question.id:
            return Outcome.NOT_THIS_QUESTION
        if not question.open:
            return Outcome.CLOSED
        if not isinstance(choice, str) or choice not in {cid for cid, _ in question.choices}:
            return Outcome.UNKNOWN_CHOICE
        assert token is not None
        self.answers.setdefault(question.id, {})[token] = choice
        return Outcome.COUNTED

    def my_answer(self, token: str | None) -> str | None:
        if self.question is None or token is None:
            return None
        return self.answers.get(self.question.id, {}).get(token)

    # -- totals ------------------------------------------------------------------

    def totals(self, question_id: str) -> tuple[int, int]:
        """(said myth, said reality) for ``question_id``, including totals recorded
        before the app was restarted."""
        given = self.answers.get(question_id, {})
        myth = sum(1 for c in given.values() if c == "myth")
        reality = sum(1 for c in given.values() if c == "reality")
        before = self.base.get(question_id, (0, 0))
        return before[0] + myth, before[1] + reality

    def count(self, question_id: str) -> int:
        return sum(self.totals(question_id))

    def state(self, token: str | None) -> dict[str, object]:
        """The documented ``/api/state`` body."""
        question = self.question
        return {
            "question": question.to_json() if question is not None else None,
            "open": bool(question is not None and question.open),
            "answers": self.count(question.id) if question is not None else 0,
            "yours": self.my_answer(token),
            "workshop": self.workshop,
        }


def workshop_key(deck_hash: str, began: float | None) -> str:
    """A short name for one workshop: the deck and the moment it began, both kept in the
    record, so a restarted app gives the same name. It names no person or device."""
    seed = f"{deck_hash}|{began!r}".encode()
    return sha256(seed).hexdigest()[:16]
