"""Work off the UI thread: a daemon thread with its progress, a way to stop it, and any error
kept for the screen instead of a crash. The lab's batch (`labjob`), history played up to a
bookmark (`bookmarks`) and the status quo beside a game (`statusquo`) are jobs.

A job stops at its next `progress` call after `cancel`: nothing half-finished is kept.
"""

from __future__ import annotations

import threading


class Cancelled(Exception):
    """The job was asked to stop (the player went back, or a newer game needs the thread)."""


class Job:
    """Subclasses do their work in `run`, calling `progress` as it goes."""

    def __init__(self, total: int):
        self.done = 0
        self.total = total
        self.error: str | None = None
        self.cancelled = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._work, daemon=True)

    def start(self):
        self._thread.start()
        return self

    def run(self) -> None:
        raise NotImplementedError

    def finished(self) -> None:
        """Called in the thread once `run` has ended, however it ended."""

    def _work(self) -> None:
        try:
            self.run()
        except Cancelled:
            self.cancelled = True
        except Exception as exc:  # noqa: BLE001 - shown to the player instead of a crash
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            self.finished()

    def progress(self, done: int, total: int | None = None) -> None:
        """Record progress; raises `Cancelled` once the job has been asked to stop."""
        self.done = done
        if total is not None:
            self.total = total
        if self._stop.is_set():
            raise Cancelled

    def cancel(self) -> None:
        self._stop.set()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    @property
    def fraction(self) -> float:
        return self.done / max(self.total, 1)

    def wait(self, seconds: float = 120.0) -> None:
        if self._thread.is_alive():
            self._thread.join(seconds)
