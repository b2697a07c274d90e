"""Pushing the journal to the device off the GUI thread, and saying how far behind it is.

Why: an fsync costs 3 ms on a laptop's SSD but 20-50 ms on a cheap USB stick (portable
mode), and the facilitator's next press must not wait for it. Each action's line is
still *written* before the action is applied (so a crash or a kill of the app loses
nothing the screen showed: the line is in the operating system's hands); this thread
then makes it survive a power cut too, one fsync covering every line written since the
last one. Until that fsync returns the action is counted as unsaved, and the console
says so when that lasts long enough for a facilitator to care.

Snapshots (a few kilobytes, written atomically with their own fsyncs) go through the
same thread, in order, after the lines before them are on disk.

The standard library's ``concurrent.futures`` would give a worker but not the one thing
this needs, coalescing many lines into one fsync, so the loop is written here (about
seventy lines).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable

from presenter.support.safewrite import full_fsync

log = logging.getLogger(__name__)

Job = Callable[[], None]


class BackgroundSync:
    """Fsyncs ``fd`` whenever lines were written to it; runs queued jobs in order."""

    def __init__(self, fd: int, *, name: str = "journal-sync") -> None:
        self._fd = fd
        self._cond = threading.Condition()
        self._written = 0  # lines handed to the OS
        self._synced = 0  # lines known to be on the device
        self._times: deque[float] = deque()  # when each unsynced line was written
        self._jobs: deque[Job] = deque()
        self._error: OSError | None = None
        self._stopping = False
        self._busy = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    # -- called by the writer (any thread) ---------------------------------------
    def written(self) -> None:
        """One more line was written; make it durable soon."""
        with self._cond:
            self._written += 1
            self._times.append(time.monotonic())
            self._cond.notify()

    def submit(self, job: Job) -> None:
        """Run ``job`` on the sync thread once every line written so far is on disk."""
        with self._cond:
            self._jobs.append(job)
            self._cond.notify()

    def take_error(self) -> OSError | None:
        """The last fsync or job failure, once (the caller reports it)."""
        with self._cond:
            error, self._error = self._error, None
            return error

    # -- what the console reads --------------------------------------------------
    def lag(self) -> tuple[int, float]:
        """(lines not yet on disk, seconds the oldest of them has waited)."""
        with self._cond:
            behind = self._written - self._synced
            since = self._times[0] if self._times else None
        age = time.monotonic() - since if since is not None else 0.0
        return behind, age

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every line and job is done. False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while self._busy or self._jobs or self._synced < self._written:
                if not self._thread.is_alive():
                    return False
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._cond.wait(left)
            return True

    def stop(self, timeout: float | None = 10.0) -> bool:
        """Finish what is queued, then end the thread. False if it did not finish."""
        done = self.flush(timeout)
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._thread.join(timeout=1.0 if done else 0.0)
        return done

    # -- the thread --------------------------------------------------------------
    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopping and not self._jobs and self._synced == self._written:
                    self._cond.wait()
                if self._stopping and not self._jobs and self._synced == self._written:
                    return
                target = self._written
                job = self._jobs.popleft() if self._jobs and target == self._synced else None
                self._busy = True
            error: OSError | None = None
            try:
                if job is None:
                    full_fsync(self._fd)
                else:
                    job()
            except OSError as exc:
                error = exc
                log.warning("the session record could not be pushed to disk: %s", exc)
            with self._cond:
                self._busy = False
                if error is not None:
                    self._error = error
                if job is None:
                    # Counted as done even on failure, so the lag shows what is pending,
                    # and the failure itself is reported through take_error.
                    for _ in range(target - self._synced):
                        self._times.popleft()
                    self._synced = target
                self._cond.notify_all()
