"""Offline proof: a scripted workshop session never touches the network.

Method (research: reliability.md §3), each part in a subprocess of its own:

(a) An audit hook (``sys.addaudithook``) records every ``socket.*``, ``urllib.Request``,
    ``http.client.connect``, ``webbrowser.open``, ``subprocess.Popen`` and
    ``os.startfile`` event while the session runs: open sample decks and a hostile deck
    (remote and network-share images), present with the real windows and keys, show the
    overlays, export PNG and PDF. Hooks cannot be removed, so it is switched on by a flag
    in the child only; a control run that misbehaves on purpose proves it catches things.
(b) After the session no ``PySide6.QtNetwork`` or ``QtWebEngine*`` module is loaded.
(c) Linux: the same session under ``strace -f -e trace=socket,connect`` opens no
    AF_INET/AF_INET6 socket. Audit hooks miss Qt's C++ sockets; strace does not.
    Skipped (with the reason) where strace is missing or not allowed to trace.
(e) Phones (the one network feature): a session that switches phones on listens on
    127.0.0.1 only while they are on, and under strace never connects anywhere.
(d) The frozen app (when ``dist/WorkshopPresenter`` exists, or must, with
    ``PRESENTER_REQUIRE_BUNDLE=1``) exports a deck under strace with no such socket.

The child is this file run as a script: ``python tests/test_offline.py session OUT.json``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NAME = "WorkshopPresenter"
SAMPLE_DECKS = ("understanding-trafficking", "online-safety-youth", "facilitator-briefing")

HOSTILE_DECK = """\
---
title: Hostile references
duration: 5
content_warning: none
---
## Remote picture

![remote](http://192.0.2.1/tracker.png)

---
## Network share

![share](//192.0.2.1/share/a.png) and <img src="https://192.0.2.1/b.png">

---
## A link

[click](https://192.0.2.1/) and <iframe src="http://192.0.2.1/"></iframe>
"""

# Audit events that mean "the app tried to reach out". Prefixes end with ".".
WATCHED_PREFIXES = ("socket.",)
WATCHED_EVENTS = frozenset(
    {
        "urllib.Request",
        "http.client.connect",
        "http.client.send",
        "webbrowser.open",
        "subprocess.Popen",
        "os.startfile",
        "os.system",
        "os.posix_spawn",
        "os.exec",
        "os.spawn",
        "ftplib.connect",
        "smtplib.connect",
    }
)
FORBIDDEN_MODULES = re.compile(r"^PySide6\.(QtNetwork|QtWebEngine\w*|QtWebSockets)$")
INET_SOCKET = re.compile(r"\b(socket|connect)\(.*\bAF_INET6?\b")


# -- the child: a scripted session -------------------------------------------------------


class Guard:
    """Records watched audit events once switched on; never switched off (hooks stay)."""

    def __init__(self) -> None:
        self.on = False
        self.seen: list[str] = []

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.on:
            return
        if event in WATCHED_EVENTS or event.startswith(WATCHED_PREFIXES):
            shown = ", ".join(repr(a)[:80] for a in args[:3])
            self.seen.append(f"{event}({shown})")
            print(f"offline guard: {event}", file=sys.stderr, flush=True)


def listening_sockets() -> list[str]:
    """This process's listening TCP sockets as "address:port" (Linux /proc)."""
    import socket as socket_module

    mine = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            mine.add(target[8:-1])
    found = []
    for table, family in (("tcp", socket_module.AF_INET), ("tcp6", socket_module.AF_INET6)):
        try:
            lines = Path(f"/proc/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] != "0A" or fields[9] not in mine:  # 0A: LISTEN
                continue
            address, port = fields[1].split(":")
            raw = bytes.fromhex(address)
            if family == socket_module.AF_INET:
                raw = raw[::-1]
            else:
                raw = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
            found.append(f"{socket_module.inet_ntop(family, raw)}:{int(port, 16)}")
    return sorted(found)


def phones_session(app: Any, report: dict[str, Any]) -> None:
    """Present a sample deck, switch phones on (127.0.0.1), walk its myths, switch off.
    Nothing connects: what the room would receive is tested in tests/phones."""
    from presenter.core.deck.locate import find_deck_file
    from presenter.core.deck.parser import load_deck
    from presenter.core.session.clock import FakeClock
    from presenter.ui.app import build_presentation
    from presenter.ui.presenting.keys import KeyAction

    deck = load_deck(find_deck_file(ROOT / "decks" / SAMPLE_DECKS[0]))
    clock = FakeClock()
    presentation = build_presentation(deck, None, clock, confirm_quit=lambda: False)
    presentation.place()
    app.processEvents()
    report["listening_before"] = listening_sockets()
    panel = presentation.phones_panel
    panel.address, panel.port = "127.0.0.1", 0
    report["phones_started"] = panel.switch_on()
    report["listening_on"] = listening_sockets()
    for _ in range(sum(s.step_count for s in deck.slides) + 2):
        presentation.perform(KeyAction.NEXT)
        clock.advance(5)
        app.processEvents()
        report["badges"] = report.get("badges", 0) + (presentation.audience.view.phones is not None)
    panel.toggle.click()  # off
    for _ in range(5):
        app.processEvents()
    report["listening_after"] = listening_sockets()
    presentation.shutdown()


def run_session(
    out: Path, *, guard: bool, misbehave: bool, marker: bool = False, phones: bool = False
) -> int:
    """Open, present and export decks offscreen; write what happened to ``out`` as JSON."""
    watcher = Guard()
    if guard:
        sys.addaudithook(watcher)
        watcher.on = True  # from here on, including the imports of the whole app
    sys.path.insert(0, str(ROOT))
    report: dict[str, Any] = {"steps_shown": 0, "pngs": 0, "pdf_pages": 0, "presented": False}
    work = Path(tempfile.mkdtemp(prefix="presenter-offline-"))
    try:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([sys.argv[0]])
        hostile = work / "hostile"
        hostile.mkdir()
        (hostile / "deck.md").write_text(HOSTILE_DECK, "utf-8")
        decks = [ROOT / "decks" / name for name in SAMPLE_DECKS] + [hostile]
        if misbehave:  # the control: Qt is up, then reach out (no need for a whole session)
            misbehave_on_purpose()
        elif phones:
            phones_session(app, report)
        else:
            report["presented"] = present(app, decks, report)
            export(decks, work, report)
        if marker:
            leave_a_marker()
        app.processEvents()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report["violations"] = watcher.seen
    report["network_modules"] = sorted(m for m in sys.modules if FORBIDDEN_MODULES.match(m))
    out.write_text(json.dumps(report, indent=2), "utf-8")
    return 0


def present(app: Any, decks: list[Path], report: dict[str, Any]) -> bool:
    """Present each deck with the real windows: every step by the keys' own actions, the
    overlays, a few real key presses; paint the audience view after each change."""
    try:
        from presenter.core.deck.locate import find_deck_file
        from presenter.core.deck.parser import load_deck
        from presenter.core.session.clock import FakeClock
        from presenter.ui.app import build_presentation
        from presenter.ui.presenting.keys import KeyAction
    except ImportError as exc:  # the presenting windows are not in this checkout yet
        print(f"offline session: not presenting ({exc})", file=sys.stderr)
        return False
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    for folder in decks:
        # load_deck, not open_deck: the hostile deck has errors (refused images) that
        # would stop `presenter run`, and the renderer must stay offline even so.
        deck = load_deck(find_deck_file(folder))
        clock = FakeClock()
        presentation = build_presentation(deck, None, clock, confirm_quit=lambda: False)
        presentation.place()
        app.processEvents()
        for action in (KeyAction.HELP, KeyAction.HELP, KeyAction.CALM, KeyAction.CALM):
            presentation.perform(action)
            app.processEvents()
            presentation.audience.grab()
        for _ in range(sum(s.step_count for s in deck.slides) + 2):
            presentation.perform(KeyAction.NEXT)
            clock.advance(5)
            app.processEvents()
            presentation.audience.grab()  # a real paint of the audience window
            report["steps_shown"] += 1
        for key in (Qt.Key.Key_PageUp, Qt.Key.Key_B, Qt.Key.Key_B, Qt.Key.Key_PageDown):
            QTest.keyClick(presentation.audience, key)
            app.processEvents()
        shutdown = getattr(presentation, "shutdown", None)
        if callable(shutdown):
            shutdown()
        for window in (presentation.audience, presentation.console):
            window.hide()
            window.deleteLater()
        app.processEvents()
    return True


def export(decks: list[Path], work: Path, report: dict[str, Any]) -> None:
    """PNG through the export command, PDF through the export package when it exists."""
    from presenter.cli import main as cli_main

    for n, folder in enumerate(decks):
        target = work / f"png{n}"
        code = cli_main(["export", str(folder), "--png", str(target), "--size", "640x360"])
        if code != 0 and folder.name != "hostile":  # hostile: exported, with exit 1
            raise SystemExit(f"export --png failed for {folder} (exit {code})")
        report["pngs"] += len(list(target.glob("*.png")))
    try:
        from presenter.export import export_slides_pdf
    except ImportError as exc:
        print(f"offline session: no PDF export ({exc})", file=sys.stderr)
        return
    from presenter.core.deck.locate import find_deck_file
    from presenter.core.deck.parser import load_deck

    for n, folder in enumerate(decks):
        deck = load_deck(find_deck_file(folder))
        report["pdf_pages"] += export_slides_pdf(deck, work / f"slides{n}.pdf", steps=True)


def leave_a_marker() -> None:
    """One local AF_UNIX socket: proof in the strace log that tracing works, and that
    the check tells local sockets from network ones."""
    import socket

    socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).close()


def misbehave_on_purpose() -> None:
    """What the guard and strace must catch: the control run does each of these."""
    import socket
    import webbrowser

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.sendto(b"x", ("192.0.2.1", 9))  # TEST-NET-1: never routed, nothing answers
    webbrowser.register("nothing", None, webbrowser.GenericBrowser("true"))
    subprocess.run([sys.executable, "-c", "pass"], check=True)


# -- the tests ---------------------------------------------------------------------------


def child_env(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["WORKSHOP_PRESENTER_PORTABLE"] = str(data)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_child(
    tmp: Path, *args: str, prefix: list[str] | None = None
) -> tuple[dict[str, Any], subprocess.CompletedProcess[str]]:
    out = tmp / "report.json"
    command = [*(prefix or []), sys.executable, __file__, "session", str(out), *args]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=600, env=child_env(tmp / "data")
    )
    assert result.returncode == 0, f"the session failed:\n{result.stderr[-4000:]}"
    return json.loads(out.read_text("utf-8")), result


def strace_usable() -> str | None:
    """None when strace can trace here, else the reason it cannot."""
    if not sys.platform.startswith("linux"):
        return "strace is Linux only"
    if shutil.which("strace") is None:
        return "strace is not installed (apt-get install strace)"
    probe = subprocess.run(
        ["strace", "-f", "-e", "trace=socket", "-o", os.devnull, "true"],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        return f"strace cannot trace here: {probe.stderr.strip()[:200]}"
    return None


def inet_lines(log: Path) -> list[str]:
    return [
        line for line in log.read_text("utf-8", "replace").splitlines() if INET_SOCKET.search(line)
    ]


def test_guarded_session_reaches_nothing(tmp_path: Path) -> None:
    import importlib.util

    report, _ = run_child(tmp_path, "--guard")
    assert report["pngs"] > 50
    if importlib.util.find_spec("presenter.ui.app") is not None:
        # The windows exist, so the session must really have presented (not skipped).
        assert report["presented"] is True and report["steps_shown"] > 100
    if importlib.util.find_spec("presenter.export") is not None:
        assert report["pdf_pages"] > 50
    assert report["violations"] == [], "network or process use during the session"
    assert report["network_modules"] == []


def test_guard_catches_misbehaviour(tmp_path: Path) -> None:
    """The control: a session that reaches out on purpose is caught by the guard."""
    report, _ = run_child(tmp_path, "--guard", "--misbehave")
    seen = " ".join(report["violations"])
    assert "socket.__new__" in seen and "socket.sendto" in seen
    assert "subprocess.Popen" in seen


def test_session_under_strace_opens_no_inet_socket(tmp_path: Path) -> None:
    import pytest

    reason = strace_usable()
    if reason:
        pytest.skip(reason)
    log = tmp_path / "strace.log"
    prefix = ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(log)]
    report, _ = run_child(tmp_path, "--marker", prefix=prefix)
    assert report["pngs"] > 0
    assert "AF_UNIX" in log.read_text("utf-8", "replace"), "strace did not see the marker"
    found = inet_lines(log)
    assert not found, "AF_INET/AF_INET6 sockets during the session:\n" + "\n".join(found[:20])


def test_phones_listen_only_while_on_and_never_reach_out(tmp_path: Path) -> None:
    """Phones on: one listening socket on the address asked for (127.0.0.1), gone when
    phones are switched off; no connect() to any network address, ever."""
    import pytest

    if not sys.platform.startswith("linux"):
        pytest.skip("reads /proc and uses strace: Linux only")
    reason = strace_usable()
    prefix: list[str] = []
    log = tmp_path / "strace.log"
    if not reason:
        prefix = ["strace", "-f", "-qq", "-e", "trace=socket,connect,bind", "-o", str(log)]
    report, _ = run_child(tmp_path, "--phones", prefix=prefix)
    assert report["phones_started"] is True
    assert report["listening_before"] == []
    assert len(report["listening_on"]) == 1 and report["listening_on"][0].startswith("127.0.0.1:")
    assert report["listening_after"] == []
    assert report["badges"] > 0  # the sample deck's myths showed the QR code
    if reason:
        pytest.skip(f"listening checked; the no-connect proof needs strace: {reason}")
    lines = log.read_text("utf-8", "replace").splitlines()
    connects = [line for line in lines if "connect(" in line and "AF_INET" in line]
    assert not connects, "outgoing connections with phones on:\n" + "\n".join(connects[:20])
    binds = [line for line in lines if "bind(" in line and "AF_INET" in line]
    assert binds and all("127.0.0.1" in line for line in binds), binds[:20]


def test_strace_check_catches_an_inet_socket(tmp_path: Path) -> None:
    """The control: the same check flags a session that opens a UDP socket."""
    import pytest

    reason = strace_usable()
    if reason:
        pytest.skip(reason)
    log = tmp_path / "strace.log"
    prefix = ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(log)]
    run_child(tmp_path, "--misbehave", prefix=prefix)
    assert inet_lines(log), "the control's AF_INET socket was not seen"


def test_frozen_app_under_strace_opens_no_inet_socket(tmp_path: Path) -> None:
    import pytest

    bundle = Path(os.environ.get("PRESENTER_BUNDLE_DIR") or ROOT / "dist" / NAME)
    exe = bundle / (f"{NAME}.exe" if sys.platform.startswith("win") else NAME)
    if not exe.is_file():
        if os.environ.get("PRESENTER_REQUIRE_BUNDLE") == "1":
            pytest.fail(f"PRESENTER_REQUIRE_BUNDLE=1 but there is no {exe}")
        pytest.skip(f"no frozen app at {exe}: python -m PyInstaller build.spec")
    reason = strace_usable()
    if reason:
        pytest.skip(reason)
    log = tmp_path / "strace.log"
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    (hostile / "deck.md").write_text(HOSTILE_DECK, "utf-8")
    for deck in (ROOT / "decks" / SAMPLE_DECKS[0], hostile):
        # execve too: its line proves strace really traced the frozen app.
        command = ["strace", "-f", "-qq", "-e", "trace=execve,socket,connect", "-o", str(log)]
        command += [str(exe), "export", str(deck), "--png", str(tmp_path / "png"), "--size",
                    "640x360", "--pack", str(tmp_path / "pack")]  # fmt: skip
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=600, env=child_env(tmp_path / "d")
        )
        expected = 1 if deck == hostile else 0  # hostile: exported, refused images reported
        assert result.returncode == expected, result.stderr[-3000:]
        assert f'execve("{exe}' in log.read_text("utf-8", "replace")
        found = inet_lines(log)
        assert not found, f"the frozen app opened AF_INET sockets ({deck.name}):\n" + "\n".join(
            found[:20]
        )
    assert list((tmp_path / "png").glob("*.png"))


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "session":
        return run_session(
            Path(argv[1]),
            guard="--guard" in argv,
            misbehave="--misbehave" in argv,
            marker="--marker" in argv,
            phones="--phones" in argv,
        )
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
