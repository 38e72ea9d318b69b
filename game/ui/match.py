"""Hot-seat team play: 2-6 teams, each with its own session and save file of one scenario and seed.

Teams take the months in turn (team 1 plays March, then team 2 plays March, ...). The match only
decides whose turn it is and where each team's game is saved; the games are ordinary sessions.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from game.ui.saves import save_session

TEAMS = (2, 6)


@dataclass
class Match:
    sessions: list  # one Session per team, in team order
    seed: int
    stamp: str = field(default_factory=lambda: time.strftime("%Y%m%d-%H%M"))
    current: int = 0

    @classmethod
    def start(cls, scenario, seed: int, teams: int, scenario_file: str = "", difficulty="normal"):
        from game.ui.session import Session

        teams = max(TEAMS[0], min(TEAMS[1], teams))
        sessions = [Session.new(scenario, seed, scenario_file, difficulty) for _ in range(teams)]
        return cls(sessions, seed)

    @property
    def session(self):
        return self.sessions[self.current]

    @property
    def finished(self) -> bool:
        return all(s.finished for s in self.sessions)

    def save_name(self, team: int) -> str:
        return f"class-{self.stamp}-team{team + 1}"

    def save(self, folder: Path, team: int | None = None) -> Path:
        """Write one team's game to its own save file (the current team's by default)."""
        team = self.current if team is None else team
        return save_session(self.sessions[team], folder, self.save_name(team))

    def advance(self) -> bool:
        """Hand over to the next team that still has months to play; False when all are done.

        Turn order: the team with the fewest months played goes next, ties by team number, so
        every team plays month N before anyone plays month N + 1.
        """
        waiting = [k for k, s in enumerate(self.sessions) if not s.finished]
        if not waiting:
            return False
        after = [k for k in waiting if k > self.current]
        turn = min(self.sessions[k].state.turn for k in waiting)
        level = [k for k in waiting if self.sessions[k].state.turn == turn]
        later = [k for k in level if k in after]
        self.current = (later or level)[0]
        return True

    def ranking(self, baseline: list[dict] | None = None) -> list[tuple[int, int, object]]:
        """(rank, team index, Evaluation), best first, scored against `baseline` (the status
        quo's national rows) when given; equal scores share a rank (1, 1, 3)."""
        from game.sim.evaluation import evaluate

        scored = [(k, evaluate(s.term_rows, baseline)) for k, s in enumerate(self.sessions)]
        scored.sort(key=lambda item: (-item[1].score, item[0]))
        out: list[tuple[int, int, object]] = []
        for place, (k, evaluation) in enumerate(scored, start=1):
            tied = out and out[-1][2].score == evaluation.score
            out.append((out[-1][0] if tied else place, k, evaluation))
        return out

    def rows(self, names: list[str], baseline: list[dict] | None = None, quo_name="") -> list[dict]:
        """Run rows (one run per team, and the status quo if given) for the compare charts."""
        out = []
        runs = [(names[k], s.game.national) for k, s in enumerate(self.sessions)]
        if baseline:
            runs.append((quo_name or "status quo", baseline))
        for name, national in runs:
            for row in national:
                out.append({"run_id": name, "strategy": name, "seed": self.seed} | row)
        return out
