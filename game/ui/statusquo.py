"""The status quo beside a game: the same world and seed played with no plan (the lab's
"passive" strategy), which the end-of-term grade is measured against. A game taken over from
history is compared from its bookmark: the status quo starts from the very state history handed
over (re-made from the order log, `game.lab.replay.handed_over`) and does nothing from there.

It is played in a background thread so the screen stays responsive, and only its national rows
are kept (a few kilobytes); the game state it plays through is dropped when it finishes.
"""

from __future__ import annotations

from game.ui.jobs import Job


class StatusQuo(Job):
    """`turns` months of `scenario` with `seed` under the passive strategy, off the UI thread;
    from the game handed over at the bookmark of `handover` (a replay Source) when given. Its
    `rows` start where the player's term starts (row 0: the start, or the state handed over)."""

    def __init__(self, scenario, seed: int, turns: int, handover=None):
        super().__init__(turns)
        self.key = key_of(scenario, seed, turns, handover.bookmark if handover else None)
        self._handover = handover
        self.turns = turns
        self.rows: list[dict] | None = None
        self._scenario = scenario
        self._seed = seed

    def _tick(self, game) -> None:
        self.progress(game.state.turn)

    def run(self) -> None:
        from game.lab.runner import run_game

        if self._handover is None:
            scenario, tick = self._scenario, self._tick
            game = run_game(scenario, "passive", self.turns, self._seed, on_turn=tick)
            self.rows = list(game.national)
        else:
            self.rows = self._from_bookmark()

    def finished(self) -> None:
        self._scenario = self._handover = None  # nothing of the world is kept but its rows

    def _from_bookmark(self) -> list[dict]:
        from game.ai.strategies import get_strategy
        from game.lab.replay import handed_over

        game = handed_over(self._handover, on_turn=self._tick)
        passive = get_strategy("passive")
        for turn in range(game.state.turn + 1, self.turns + 1):
            game.play(passive(game.state, self._scenario, turn))
            self._tick(game)
        return game.national[self._handover.bookmark - 1 :]


def key_of(scenario, seed: int, turns: int, bookmark: int | None = None) -> tuple:
    """What makes two status quos the same: the scenario (as played), the seed, the months and
    the bookmark they start from."""
    sc = scenario
    return (sc.id, sc.source, sc.difficulty, sc.budget, int(seed), turns, bookmark)
