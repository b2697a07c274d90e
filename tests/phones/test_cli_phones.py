"""``presenter run DECK --phones``: one line says where phones go; bad addresses refused."""

from __future__ import annotations

import http.client
import os
import re
import selectors
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "WORKSHOP_PRESENTER_PORTABLE": str(tmp_path / "data"),
        "PYTHONPATH": str(ROOT),
    }


def presenter(*args: str) -> list[str]:
    return [sys.executable, "-m", "presenter", *args]


def test_run_with_phones_prints_one_line_and_serves(tmp_path: Path, deck_path: Path) -> None:
    command = presenter(
        "run", str(deck_path), "--rehearse", "--phones",
        "--phones-address", "127.0.0.1", "--phones-port", "0",
    )  # fmt: skip
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(tmp_path)
    )
    try:
        assert process.stdout is not None
        selector = selectors.DefaultSelector()
        selector.register(process.stdout, selectors.EVENT_READ)
        assert selector.select(timeout=60), "run printed nothing"
        line = process.stdout.readline().strip()
        match = re.fullmatch(r"Phones: http://127\.0\.0\.1:(\d+)/ \(code (\d{4})\)", line)
        assert match, line
        conn = http.client.HTTPConnection("127.0.0.1", int(match.group(1)), timeout=10)
        conn.request("GET", f"/?code={match.group(2)}")
        response = conn.getresponse()
        assert response.status == 303 and "wp_device=" in (response.getheader("set-cookie") or "")
        conn.close()
    finally:
        process.terminate()
        process.wait(30)
        for pipe in (process.stdout, process.stderr):
            if pipe is not None:
                pipe.close()


def test_run_refuses_a_public_address(tmp_path: Path, deck_path: Path) -> None:
    for address in ("8.8.8.8", "0.0.0.0", "not-an-address"):
        result = subprocess.run(
            presenter("run", str(deck_path), "--phones-address", address),
            capture_output=True, text=True, timeout=60, env=env(tmp_path),
        )  # fmt: skip
        assert result.returncode == 2, result.stderr
        assert "--phones-address" in result.stderr


def test_run_refuses_a_bad_port(tmp_path: Path, deck_path: Path) -> None:
    result = subprocess.run(
        presenter("run", str(deck_path), "--phones-port", "70000"),
        capture_output=True, text=True, timeout=60, env=env(tmp_path),
    )  # fmt: skip
    assert result.returncode == 2 and "port" in result.stderr
