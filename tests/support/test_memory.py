"""Large blocks go back to the system when freed (see presenter/support/memory.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Two 8 MB blocks, one after the other, like two full-HD frames: glibc's default raises
# its mapping threshold when the first is freed, so the second stays in the heap after
# it is freed too. Tuned, both go back to the system.
SCRIPT = """
import ctypes, os
{tune}
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
size = 8 * 1024 * 1024
before = rss()
for _ in range(2):
    block = libc.malloc(size)
    ctypes.memset(block, 1, size)
    libc.free(block)
print(round((rss() - before) / 1e6, 1))
"""


def held_after_freeing(tune: str) -> float:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(tune=tune)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return float(result.stdout.strip())


glibc_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mallopt is glibc's")


@glibc_only
def test_freed_frames_are_returned_to_the_system() -> None:
    tuned = "from presenter.support.memory import return_large_blocks\nreturn_large_blocks()"
    assert held_after_freeing("") >= 7  # the untuned allocator keeps the second frame
    assert held_after_freeing(tuned) < 1


@glibc_only
def test_tuning_is_taken_once() -> None:
    from presenter.support import memory

    assert memory.return_large_blocks() is True
    assert memory.return_large_blocks() is True  # idempotent
