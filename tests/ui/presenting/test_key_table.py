"""One key table: key handling, the console's strip, the short lists and docs/keys.md
are all made from it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from presenter.ui.presenting.keys import (
    CTRL,
    KEY_NAMES,
    KEY_TABLE,
    PLAIN,
    KeyAction,
    action_for,
    essential_keys,
    key_strip,
    with_key_table,
)

DOCS = Path(__file__).resolve().parents[3] / "docs" / "keys.md"
K = Qt.Key
NONE = Qt.KeyboardModifier.NoModifier


def test_docs_keys_md_is_the_table() -> None:
    text = DOCS.read_text("utf-8")
    assert with_key_table(text) == text, (
        "docs/keys.md differs from presenter/ui/presenting/keys.py: run\n"
        '  python -c "from pathlib import Path; '
        "from presenter.ui.presenting.keys import with_key_table; "
        "p = Path('docs/keys.md'); p.write_text(with_key_table(p.read_text('utf-8')), 'utf-8')\""
    )


def test_every_action_has_a_row_and_every_row_works() -> None:
    in_table = {row.action for row in KEY_TABLE if row.action is not None}
    assert in_table == set(KeyAction)
    for row in KEY_TABLE:
        mods = Qt.KeyboardModifier.ControlModifier if row.ctrl else NONE
        if row.shift:
            mods = Qt.KeyboardModifier.ShiftModifier
        for key in row.keys:
            assert action_for(key, mods) is row.action, (row.label, key)
        assert all(k in KEY_NAMES for k in row.keys[:1]), row.label


def test_one_key_one_action() -> None:
    plain = [(k, r.action) for r in KEY_TABLE if not r.ctrl and not r.shift for k in r.keys]
    assert len({k for k, _ in plain}) == len(plain) == len(PLAIN)
    assert CTRL[K.Key_Q] is KeyAction.QUIT and K.Key_Q not in PLAIN


def test_strip_and_short_lists_show_the_table() -> None:
    strip = key_strip()
    assert strip.startswith("Next: PageDown / → / Space · Back: PageUp / ←")
    assert "Help: H" in strip and "Fullscreen: F5" in strip and "Esc" in strip
    assert "Console: P" in strip and "Go to" not in strip  # typing digits shows its own line
    assert essential_keys()[-1] == "Leave fullscreen: Esc"
    assert len(strip) < 200  # one line on a 1024-pixel laptop console
