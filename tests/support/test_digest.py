"""Deck digests without OpenSSL (see presenter/support/digest.py)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from presenter.support import digest

SAMPLES = [b"", b"abc", "Mythe\x00réalité ✓".encode(), bytes(range(256)) * 40]


@pytest.mark.parametrize("data", SAMPLES)
def test_the_same_digests_as_hashlib(data: bytes) -> None:
    # Recorded sessions carry the deck's SHA-256: it must not change with the module.
    assert digest.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    assert digest.sha1(data).hexdigest() == hashlib.sha1(data).hexdigest()
    assert digest.sha256(data).digest() == hashlib.sha256(data).digest()


def test_update_in_parts() -> None:
    whole = digest.sha256()
    for part in SAMPLES:
        whole.update(part)
    assert whole.hexdigest() == hashlib.sha256(b"".join(SAMPLES)).hexdigest()


def test_loading_and_presenting_a_deck_loads_no_openssl(tmp_path: Path) -> None:
    deck = tmp_path / "deck.md"
    deck.write_text("---\ntitle: T\n---\n---\nkind: section\n---\n# One\n", "utf-8")
    script = textwrap.dedent(
        f"""
        import sys
        from presenter.core.deck.helpcontacts import deck_signature, resolve_help
        from presenter.core.deck.parser import load_deck
        from presenter.core.record.store import new_session_id
        from presenter.phones.room import AnswersRoom
        deck = load_deck({str(deck)!r})
        resolve_help(deck)
        deck_signature(deck.path)
        new_session_id(0.0)
        room = AnswersRoom(lambda: 0.0)
        assert len(room.code) == 4 and room.code.isdigit()
        print(deck.content_hash)
        print("_hashlib" in sys.modules, "hashlib" in sys.modules)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    content_hash, loaded = result.stdout.split("\n", 1)
    assert content_hash == hashlib.sha256(deck.read_bytes()).hexdigest()
    assert loaded.split() == ["False", "False"]
