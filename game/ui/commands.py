"""What the app does with a game when a scene asks: start, load, save, play a month, team play.

Scenes return actions (`game.ui.scene`); these methods carry them out, so the scenes never play a
month, write a file or change the window themselves. Mixed into `App`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from game.ui import memory
from game.ui.paths import DEFAULT_SCENARIO
from game.ui.saves import autosave, latest, load_session, save_session
from game.ui.scene import Push, Reset

SEED_RANGE = (1, 2**31 - 1)
# What can go wrong reading a file someone else wrote: the loader's own error, and what a
# hostile file can still provoke in a JSON reader (deep nesting, absurd sizes).
UNREADABLE = (OSError, ValueError, RecursionError, MemoryError, TypeError, KeyError)


def random_seed() -> int:
    return int(np.random.default_rng().integers(*SEED_RANGE))


class GameCommands:
    """The app's commands about games (see `App` for the window and the stack)."""

    def new_game(self, scenario_file=None, difficulty=None, seed=None, tutorial=None):
        """Start a new game and show the map; a broken scenario is a message, not a crash."""
        from game.ui.scenes.map_screen import MapScreen
        from game.ui.session import Session

        path = Path(scenario_file or DEFAULT_SCENARIO)
        difficulty = difficulty or self.settings.difficulty
        scenario = self._scenario(path, difficulty)
        if not hasattr(scenario, "map"):
            return scenario  # the message saying what is wrong with it
        seed = random_seed() if seed is None else int(seed)
        self.session = Session.new(scenario, seed, str(path), difficulty)
        self.match = None
        self.tutorial.start(not self.settings.tutorial_done if tutorial is None else tutorial)
        return Reset(MapScreen(self))

    def take_over(self, scenario_file, month: str, difficulty=None, seed=None, who=None):
        """A game of the history level taken over at `month` ("YYYY-MM"): history plays the
        months before in the background ("Replaying history…"), then `hand_over`. The first
        month is an ordinary new game."""
        from game.lab.backtest import is_history, turn_of
        from game.ui.bookmarks import HistoryJob
        from game.ui.scenes.replaying import Replaying

        path = Path(scenario_file)
        difficulty = difficulty or self.settings.difficulty
        scenario = self._scenario(path, difficulty)
        if not hasattr(scenario, "map"):
            return scenario
        if not is_history(scenario):
            return self.message(self.t("error.no_bookmarks", path=path.name), "")
        if turn_of(scenario, month) <= 1:
            return self.new_game(path, difficulty, seed)
        seed = random_seed() if seed is None else int(seed)
        job = HistoryJob(scenario, month, seed).start()
        return Push(Replaying(self, job, str(path), difficulty, who))

    def hand_over(self, job, scenario_file: str, difficulty: str):
        """The game history handed over (a finished `HistoryJob`) becomes the session."""
        from game.ui.scenes.map_screen import MapScreen
        from game.ui.session import Session

        self.session = Session(job.game, scenario_file, difficulty, job.history, job.bookmark)
        self.match = None
        self.tutorial.start(not self.settings.tutorial_done)
        self.toast(self.t("toast.taken_over", month=self.t.month(job.month)))
        return Reset(MapScreen(self))

    def _scenario(self, path: Path, difficulty: str, turns: int | None = None):
        """The scenario at `difficulty` (and `turns` months long), or a message action."""
        from dataclasses import replace

        from game.scenario import ScenarioError, load_scenario

        try:
            scenario = load_scenario(path, difficulty=difficulty)
        except (ScenarioError, *UNREADABLE) as exc:
            return self.message(self.t("error.scenario", path=path.name), str(exc))
        if turns is not None and turns < scenario.turns:  # a shorter term (team play)
            raw = {**scenario.raw, "turns": turns}
            scenario = replace(scenario, turns=turns, raw=raw)
        return scenario

    def open_save(self, path: Path):
        """Load a save; a damaged one offers the latest autosave instead. A finished game opens
        on its end-of-term screen."""
        from game.sim.save import SaveError
        from game.ui.scenes.endterm import EndOfTerm
        from game.ui.scenes.map_screen import MapScreen

        try:
            session = load_session(path)
        except (SaveError, *UNREADABLE) as exc:
            auto = latest(self.paths.saves, auto_only=True)
            offer = auto if auto and auto.path != Path(path) else None
            return self.message(self.t("error.save"), str(exc), autosave=offer)
        self.session = session
        self.match = None
        self.tutorial.start(False)
        self.toast(self.t("toast.loaded", name=Path(path).stem))
        board = MapScreen(self)
        if not session.finished:
            return Reset(board)
        board.end_shown = True
        return [Reset(board), Push(EndOfTerm(self))]

    def save(self, name: str | None = None) -> bool:
        if self.session is None:
            return False
        try:
            path = save_session(self.session, self.paths.saves, name)
        except OSError as exc:
            self.toast(self.t("toast.save_failed", reason=exc.strerror or str(exc)), "bad")
            return False
        self.toast(self.t("toast.saved", name=path.stem))
        return True

    def autosave(self) -> None:
        try:
            if self.match is not None:  # each team's game has its own file, saved every month
                self.match.save(self.paths.saves)
                self.session.dirty = False
                return
            autosave(self.session, self.paths.saves)
        except OSError as exc:
            self.toast(self.t("toast.save_failed", reason=exc.strerror or str(exc)), "bad")

    def play_month(self):
        """End the month being planned: play it, autosave, and show its report (or, once the
        term is over, the end of the term or the next team)."""
        from game.ui.scenes.endterm import EndOfTerm
        from game.ui.scenes.report import TurnReport

        session = self.session
        if session is None:
            return None
        if session.finished:
            return self.next_team() if self.match else Push(EndOfTerm(self))
        events = session.end_turn()
        self.autosave()
        if session.state.us_offer:
            self.toast(self.t("diplomacy.offer_toast"), seconds=8)
        self.tutorial.signal("ended_turn")
        self._caption()
        memory.trim()
        if session.finished and (self.match is None or self.match.finished):
            self.status_quo()  # the grade's reference, played while the report is read
        return Push(TurnReport(self, events))

    def status_quo(self):
        """The status quo of the game (or the match) being played: the same world and seed with
        no plan, for as many months as the longest game; started in the background if needed."""
        from game.ui.statusquo import StatusQuo, key_of

        sessions = self.match.sessions if self.match is not None else [self.session]
        if not sessions or sessions[0] is None:
            return None
        first = sessions[0]
        turns = max(s.state.turn for s in sessions)
        quo = getattr(self, "_quo", None)
        key = key_of(first.scenario, first.state.seed, turns, first.bookmark)
        if quo is None or quo.key != key:
            if quo is not None:
                quo.cancel()
            quo = StatusQuo(first.scenario, first.state.seed, turns, first.handover())
            self._quo = quo.start()
        return self._quo

    def issue(self, order) -> list[str]:
        problems = self.session.propose(order) if self.session else ["no game"]
        if problems:
            self.toast(self.t("toast.refused", problems="; ".join(problems)), "bad")
        return problems

    def message(self, title: str, body: str, autosave=None):
        from game.ui.scenes.dialogs import MessageDialog

        return Push(MessageDialog(self, title, body, autosave))

    # --- team play ----------------------------------------------------------------------------

    def start_match(self, scenario_file, teams: int, seed: int, turns: int | None = None):
        """Team play: every team gets its own game of one scenario and seed; team 1 starts."""
        from game.ui.match import Match
        from game.ui.scenes.teams import HandOver

        path = Path(scenario_file)
        difficulty = self.settings.difficulty
        scenario = self._scenario(path, difficulty, turns)
        if not hasattr(scenario, "map"):
            return scenario
        self.match = Match.start(scenario, seed, teams, str(path), difficulty)
        self.session = self.match.session
        self.tutorial.start(False)
        return Reset(HandOver(self))

    def next_team(self):
        """After a team's month: the hand-over to the next team, or the class table at the end."""
        from game.ui.scenes.teams import ClassTable, HandOver

        if self.match is None:
            return None
        if not self.match.advance():
            return Reset(ClassTable(self))
        self.session = self.match.session
        self._caption()
        return Reset(HandOver(self))
