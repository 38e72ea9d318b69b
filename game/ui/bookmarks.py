"""Taking over from history: the history level's bookmarks, and history played up to one off the
UI thread (some seconds for the later ones) with its progress, so the window never freezes.

History is `game.lab.backtest.history_until`: the scripted planner plays the months before the
bookmark as an experiment (the real removals guaranteed), then the game is an ordinary one. The
job also keeps what the desktop remembers of each month (`game.ui.session.History`), so the charts
and the series show the replayed months as the player's own past.
"""

from __future__ import annotations

from game.ui.jobs import Job

# Who took office at each bookmark: the i18n keys "bookmark.<who>" (the button) and
# "bookmark.<who>.story" (what happened up to there), in the order of game.lab.backtest.BOOKMARKS.
WHO = ("calderon", "pena", "amlo", "sheinbaum")


def bookmarks_of(raw: dict) -> list[tuple[str, str]]:
    """(month "YYYY-MM", who) for every bookmark a level offers; none but the history level.
    (The model is imported here, not when the menu opens.)"""
    from game.lab.backtest import BOOKMARKS, HISTORY_ID

    if raw.get("id") != HISTORY_ID:
        return []
    return list(zip(BOOKMARKS, WHO, strict=True))


class HistoryJob(Job):
    """History of `scenario` with `seed` played up to `month` in a daemon thread."""

    def __init__(self, scenario, month: str, seed: int):
        from game.lab.backtest import turn_of

        bookmark = turn_of(scenario, month)  # the first month the player plans
        super().__init__(max(bookmark - 1, 0))
        self.scenario = scenario
        self.month = month
        self.seed = seed
        self.bookmark = bookmark
        self.played: str | None = None  # "YYYY-MM" of the month just replayed
        self.game = None
        self.history = None

    def run(self) -> None:
        from game.lab.backtest import history_until
        from game.lab.runner import Game
        from game.ui.session import History

        history = History()
        self._record(history, Game.start(self.scenario, self.seed))

        def tick(game) -> None:
            self._record(history, game, game.last_events)
            self.played = game.national[-1].get("date")
            self.progress(game.state.turn)

        game = history_until(self.scenario, self.month, self.seed, on_turn=tick)
        self.game, self.history = game, history

    def _record(self, history, game, events=()) -> None:
        from game.sim.view import player_view

        history.record(game, player_view(game.state, self.scenario), list(events))
