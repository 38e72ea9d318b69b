"""The status quo beside a game: the same world and seed played with no plan (the lab's
"passive" strategy), which the end-of-term grade is measured against.

It is played in a background thread so the screen stays responsive, and only its national rows
are kept (a few kilobytes); the game state it plays through is dropped when it finishes.
"""

from __future__ import annotations

import threading


class Stopped(Exception):
    """A newer game needs the thread."""


class StatusQuo:
    """`turns` months of `scenario` with `seed` under the passive strategy, off the UI thread."""

    def __init__(self, scenario, seed: int, turns: int):
        self.key = key_of(scenario, seed, turns)
        self.turns = turns
        self.done = 0
        self.rows: list[dict] | None = None
        self.error: str | None = None
        self._scenario = scenario
        self._seed = seed
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._work, daemon=True)

    def start(self) -> StatusQuo:
        self._thread.start()
        return self

    def _tick(self, game) -> None:
        self.done = game.state.turn
        if self._stop.is_set():
            raise Stopped

    def _work(self) -> None:
        from game.lab.runner import run_game

        try:
            game = run_game(self._scenario, "passive", self.turns, self._seed, on_turn=self._tick)
            self.rows = list(game.national)
        except Stopped:
            pass
        except Exception as exc:  # noqa: BLE001 - shown beside the grade instead of a crash
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            self._scenario = None  # nothing of the world is kept but its rows

    def stop(self) -> None:
        self._stop.set()

    @property
    def busy(self) -> bool:
        return self._thread.is_alive()

    @property
    def fraction(self) -> float:
        return self.done / max(self.turns, 1)

    def wait(self, seconds: float = 120.0) -> None:
        if self._thread.is_alive():
            self._thread.join(seconds)


def key_of(scenario, seed: int, turns: int) -> tuple:
    """What makes two status quos the same: the scenario (as played), the seed, the months."""
    return (scenario.id, scenario.source, scenario.difficulty, scenario.budget, int(seed), turns)
