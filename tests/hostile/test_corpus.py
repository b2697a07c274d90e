"""The hostile corpus through ``check``, ``export --png``, ``export --pack`` and a scripted
``run``: every deck is answered at ``file:line`` or cleanly refused, nothing crashes, and
no file outside the deck's folder is opened (``strace`` on the whole process, so Qt's own
C++ file reads count too).

By default ``check`` and the scripted run go through every deck; with ``CI=true`` the
exports too. The same expectations also run in process without strace, so a machine
without it still tests the answers.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import MAKERS, build, deck_file

DRIVER = Path(__file__).resolve().parent / "drive.py"
THOROUGH = os.environ.get("CI", "").lower() == "true"

# What check must say about each deck (a piece of one of its lines), or "" for nothing in
# particular; and whether the scripted run presents it (True) or refuses it (False). A deck
# with only layout-level problems (an image or help.yaml that cannot be used) is
# presented with those parts left out, as check says; parse errors refuse it.
EXPECT: dict[str, tuple[str, bool]] = {
    "html-title-devzero": ("", True),
    "yaml-surrogate-title": ("invalid character", False),
    "yaml-surrogate-myth": ("invalid character", False),
    "steps-3000": ("more than 40 reveal steps", True),
    "steps-20000": ("more than 40 reveal steps", True),
    "svg-external-refs": ("refers to another file", True),
    "svg-as-png": ("refers to another file", True),
    "svg-entity": ("entities", True),
    "language-path-traversal": ("language must be a language code", False),
    "language-absolute": ("language must be a language code", False),
    "deck-symlink-outside": ("link to a file outside", False),
    "help-symlink-outside": ("help contacts not read", True),
    "help-hostile": ("more than 40 help contacts", True),
    "notes-relative-image": ("", True),
    "symlink-loop": ("loop back on themselves", False),
    "path-name-too-long": ("too long", False),
    "path-very-long": ("too long", False),
    "hardlink-canary": ("hard link", False),
    "fifo-image": ("not a regular file", False),
    "symlink-to-device": ("outside the deck's folder", False),
    "deck-name-newline": ("\\n", False),
    "ansi-escape-injection": ("unacceptable character #x001b", False),
    "img-truncated-png": ("cannot be shown", True),
    "img-empty-png": ("cannot be shown", True),
    "img-text-as-png": ("cannot be shown", True),
    "img-gif-as-png": ("really a GIF", True),
    "img-huge-dimensions": ("too large to show", True),
    "theme-outside": ("theme not used", True),
    "theme-absolute": ("theme not used", True),
    "theme-symlink-outside": ("theme not used", True),
    "theme-typo": ("did you mean 'default'", True),
    "logo-outside": ("theme logo not used", True),
    "yaml-typo-cascade": ("malformed YAML", False),
    "slides-10000": ("more than 5000 slides", False),
}
DIAGNOSTIC = re.compile(r"^[^\n]+:\d+:\d+: (error|warning|info): ")


def test_every_class_has_an_expectation() -> None:
    assert set(EXPECT) == set(MAKERS)


def _drive(root: Path, names: list[str], *, full: bool, strace: bool) -> tuple[dict, str]:
    out = root / "result.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    command = [sys.executable, str(DRIVER), str(root), str(out), *(["--full"] if full else [])]
    command += names
    log = root / "strace.log"
    if strace:
        command = ["strace", "-f", "-qq", "-e", "trace=open,openat,openat2", "-o", str(log)]
        command += [sys.executable, str(DRIVER), str(root), str(out)]
        command += (["--full"] if full else []) + names
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    trace = log.read_text("utf-8", "replace") if strace else ""
    return json.loads(out.read_text("utf-8")), trace


def _check_answers(results: dict[str, Any]) -> list[str]:
    problems = []
    for name, result in results.items():
        expected, presents = EXPECT[name]
        for what in ("check", "png", "pack"):
            part = result.get(what)
            if part is None:
                continue
            if "traceback" in part:
                problems.append(f"{name} {what}: traceback\n{part['traceback']}")
                continue
            if part["odd"]:
                problems.append(f"{name} {what}: injected lines {part['odd']}")
            if "Traceback" in part["text"]:
                problems.append(f"{name} {what}: traceback printed")
        check = result["check"]
        lines = [line for line in check["text"].splitlines() if DIAGNOSTIC.match(line)]
        if expected and not any(expected in line for line in lines):
            problems.append(f"{name}: check does not say {expected!r}:\n{check['text'][-800:]}")
        run = result.get("run")
        if run is None:
            continue
        if "traceback" in run:
            problems.append(f"{name} run: traceback\n{run['traceback']}")
        elif presents != bool(run.get("presented")):
            problems.append(f"{name} run: presented={run.get('presented')}, expected {presents}")
        elif run.get("rich_labels"):
            problems.append(f"{name} run: labels in rich text {run['rich_labels']}")
        elif not presents and not DIAGNOSTIC.match(run.get("refused", "")):
            problems.append(f"{name} run: refusal not at file:line: {run.get('refused')!r}")
    return problems


def _canary_reads(trace: str, canary: Path) -> list[str]:
    """Successful opens of a canary path in an strace log (failed attempts are fine)."""
    opened = []
    for line in trace.splitlines():
        failed = re.search(r"= -1 [A-Z]+", line)
        if str(canary) in line and not failed and ("resumed>" in line or "open" in line):
            opened.append(line.strip()[:300])
    return opened


@pytest.fixture(scope="module")
def corpus_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    build(root)
    return root


def test_corpus_under_strace(corpus_root: Path) -> None:
    required = os.environ.get("PRESENTER_REQUIRE_STRACE") == "1"  # set by CI
    skip = pytest.fail if required else pytest.skip
    if shutil.which("strace") is None:
        skip("strace is not installed")
    probe = subprocess.run(["strace", "-qq", "-e", "trace=none", "true"], capture_output=True)
    if probe.returncode != 0:
        skip(f"strace cannot trace here: {probe.stderr.decode()[:200]}")
    results, trace = _drive(corpus_root, sorted(MAKERS), full=THOROUGH, strace=True)
    assert not _check_answers(results), "\n\n".join(_check_answers(results))
    reads = _canary_reads(trace, corpus_root / "canary")
    # A hard link and a link to a device are inside the folder by name: never opened.
    reads += _canary_reads(trace, corpus_root / "decks" / "hardlink-canary" / "linked.png")
    reads += _canary_reads(trace, corpus_root / "decks" / "symlink-to-device" / "zero.png")
    reads += [line for line in trace.splitlines() if '"/dev/zero"' in line]
    assert not reads, "files outside the deck were opened:\n" + "\n".join(reads[:20])
    # The notes image is shown from the deck, not from the working directory.
    assert str(corpus_root / "decks" / "notes-relative-image" / "images" / "ok.png") in trace


def test_corpus_answers_without_strace(corpus_root: Path) -> None:
    """The same answers in a plain process (and the exports, when not thorough above)."""
    names = [n for n in sorted(MAKERS) if not n.startswith(("slides-", "steps-20000"))]
    results, _ = _drive(corpus_root, names, full=not THOROUGH, strace=False)
    assert not _check_answers(results), "\n\n".join(_check_answers(results))


def test_canary_reads_are_recognised(tmp_path: Path) -> None:
    canary = tmp_path / "canary"
    trace = (
        f'12 openat(AT_FDCWD, "{canary}/secret.png", O_RDONLY|O_CLOEXEC) = 7\n'
        f'12 openat(AT_FDCWD, "{canary}/x.json", O_RDONLY) = -1 ENOENT (No such file)\n'
        f'13 openat(AT_FDCWD, "{tmp_path}/deck/a.png", O_RDONLY) = 5\n'
    )
    assert len(_canary_reads(trace, canary)) == 1


def test_deck_file_helper_finds_odd_names(corpus_root: Path) -> None:
    assert "\n" in deck_file(corpus_root / "decks" / "deck-name-newline").name
