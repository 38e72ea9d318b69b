"""The planner's operations against cartels: high-value targets and interdiction.

HVT odds grow with the state's intelligence on the target's faction; killing succeeds more often
than capturing but provokes more (retaliation, a larger shock where the target operated).
A target may be written as `faction.leader`; it is resolved to the person when the order is made
(`HVT.made`), so the order log, events and reports all name the same person.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

import numpy as np

from game.scenario.types import Scenario
from game.sim.events import Cause, Event, Kind
from game.sim.leadership import add_tension, remove_person
from game.sim.orders import Order
from game.sim.policy import exposure
from game.sim.state import GameState

MODES = ("capture", "kill")
# Base odds and the gain from full intelligence, per mode (an estimate: Calderón's campaign
# removed 33 of the 37 most wanted in nine years with heavy US intelligence support).
BASE_ODDS = {"capture": 0.08, "kill": 0.15}
INTEL_GAIN = {"capture": 0.6, "kill": 0.65}
LEADER_FACTOR = 0.7  # leaders are better protected than lieutenants
LOW_PROFILE_COVER = 0.3  # odds lost by a faction lying fully low
MAX_ODDS = 0.95
RAID_DEATHS = {"capture": 1.0, "kill": 5.0}  # mean people killed in the operation itself
KILL_SHOCK = 0.3  # extra tension where a target is killed
ALERTED = 0.1  # posture lost by a faction after a failed operation against it
LEADER_SUFFIX = ".leader"


def leader_rows(state: GameState) -> list[int]:
    """Rows of the organisations with a leader the state can go after, largest first: named
    (not local) factions that still exist and have someone in charge."""
    sizes = state.members.sum(axis=1)
    rows = [
        f
        for f, info in enumerate(state.factions)
        if info.leader is not None and not info.local and info.dissolved is None
    ]
    return sorted(rows, key=lambda f: -sizes[f])


def resolve_target(state: GameState, target: str) -> tuple[int, str] | None:
    """(row, person id) for a person id or `faction.leader`; None if there is no such person."""
    if target.endswith(LEADER_SUFFIX):
        try:
            f = state.row(target[: -len(LEADER_SUFFIX)])
        except KeyError:
            return None
        info = state.factions[f]
        if info.leader is None or info.dissolved is not None:
            return None
        return f, info.leader.id
    found = state.person(target)
    return (found[0], found[1].id) if found else None


def hvt_odds(state: GameState, target: str, mode: str) -> float:
    """Chance that an operation against `target` in `mode` succeeds now (0 if impossible)."""
    found = resolve_target(state, target)
    if found is None or mode not in MODES:
        return 0.0
    f, pid = found
    info = state.factions[f]
    odds = BASE_ODDS[mode] + INTEL_GAIN[mode] * exposure(state)[f]
    if info.leader is not None and info.leader.id == pid:
        odds *= LEADER_FACTOR
    odds *= 1.0 - LOW_PROFILE_COVER * (1.0 - state.posture[f])  # a low profile is harder to find
    return float(np.clip(odds, 0.0, MAX_ODDS))


@dataclass(frozen=True)
class HVT(Order):
    """Capture or kill a named leader or lieutenant (`target`: a person id or `faction.leader`)."""

    target: str
    mode: str = "capture"
    guaranteed: bool = False  # experiments only: the operation cannot fail
    kind: ClassVar[str] = "hvt"
    random: ClassVar[bool] = True

    def made(self, state: GameState) -> HVT:
        """This order with `faction.leader` resolved to the person who leads it now."""
        found = resolve_target(state, self.target) if isinstance(self.target, str) else None
        return replace(self, target=found[1]) if found else self

    def validate(self, state: GameState, scenario: Scenario) -> list[str]:
        problems = []
        if self.mode not in MODES:
            problems.append(f"mode must be 'capture' or 'kill', not '{self.mode}'")
        if not isinstance(self.target, str) or resolve_target(state, self.target) is None:
            gone = self.target in state.removed
            problems.append(
                f"'{self.target}' has already been removed"
                if gone
                else f"no active leader or lieutenant '{self.target}'"
            )
        if self.guaranteed and not state.experiment:
            problems.append("guaranteed operations exist for experiments only")
        return problems

    def apply(self, state: GameState, scenario: Scenario, rng: np.random.Generator) -> list[Event]:
        f, pid = resolve_target(state, self.target)
        odds = 1.0 if self.guaranteed else hvt_odds(state, self.target, self.mode)
        person = state.person(pid)[1]
        turn = state.turn + 1
        deaths = float(rng.poisson(RAID_DEATHS[self.mode]))
        state.state_deaths[person.home] += deaths
        facts = {"person": pid, "name": person.name, "mode": self.mode, "odds": odds}
        if rng.random() >= odds:
            state.posture[f] = max(0.0, state.posture[f] - ALERTED)  # alerted: lie low
            facts["deaths"] = deaths
            fid = state.factions[f].id
            return [Event(Kind.HVT_FAILED, turn, fid, person.home, Cause.HVT, facts)]
        how = "killed" if self.mode == "kill" else "captured"
        cause = Cause.HVT_KILL if self.mode == "kill" else Cause.HVT_CAPTURE
        events = remove_person(state, scenario, pid, how, turn, rng, cause=cause)
        if self.mode == "kill":
            presence = np.zeros(state.n_regions)
            presence[person.home] = 1.0
            add_tension(state, scenario, presence, KILL_SHOCK)
        first = events[0]
        events[0] = replace(first, data={**first.data, "odds": odds, "deaths": deaths})
        return events


@dataclass(frozen=True)
class Interdict(Order):
    """Set interdiction effort (0-1) at a region's highways, ports and crossings."""

    region: int
    level: float
    kind: ClassVar[str] = "interdict"

    def validate(self, state: GameState, scenario: Scenario) -> list[str]:
        problems = []
        if not 0 <= self.region < state.n_regions:
            problems.append(f"no region {self.region}")
        if not (0.0 <= self.level <= 1.0):
            problems.append(f"level must be between 0 and 1, not {self.level}")
        if not problems:  # the same money rules as funding the line directly
            problems += self._allocation(scenario).validate(state, scenario)
        return problems

    def _allocation(self, scenario: Scenario):
        from game.sim.levers import BY_ID, Allocate

        cost = BY_ID["interdiction"].full_cost(scenario, self.region)
        return Allocate("interdiction", self.level * cost, self.region)

    def apply(self, state: GameState, scenario: Scenario, rng: np.random.Generator) -> list[Event]:
        # A shorthand for funding the interdiction line of one state at `level` of full effort.
        self._allocation(scenario).apply(state, scenario, rng)
        state.interdiction[self.region] = self.level
        data = {"level": self.level}
        return [Event(Kind.INTERDICTION_SET, state.turn + 1, None, self.region, Cause.ORDER, data)]
