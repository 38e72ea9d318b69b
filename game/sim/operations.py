"""The planner's operations against cartels: high-value targets and interdiction.

HVT odds grow with the state's intelligence on the target's faction; killing succeeds more often
than capturing but provokes more (retaliation, a larger shock where the target operated).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from game.scenario.types import Scenario
from game.sim.events import Event
from game.sim.leadership import add_tension, remove_person
from game.sim.orders import Order, register
from game.sim.policy import exposure
from game.sim.state import GameState

MODES = ("capture", "kill")
# Base odds and the gain from full intelligence, per mode (an estimate: Calderón's campaign
# removed 33 of the 37 most wanted in nine years with heavy US intelligence support).
BASE_ODDS = {"capture": 0.08, "kill": 0.15}
INTEL_GAIN = {"capture": 0.6, "kill": 0.65}
LEADER_FACTOR = 0.7  # leaders are better protected than lieutenants
RAID_DEATHS = {"capture": 1.0, "kill": 5.0}  # mean people killed in the operation itself


def resolve_target(state: GameState, target: str) -> tuple[int, str] | None:
    """(faction index, person id) for a person id or `faction.leader`; None if not found."""
    if target.endswith(".leader"):
        fid = target[: -len(".leader")]
        for i, f in enumerate(state.factions):
            if f.id == fid and f.leader is not None and f.dissolved is None:
                return i, f.leader.id
        return None
    found = state.find_person(target)
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
    odds *= 1.0 - 0.3 * (1.0 - state.posture[f])  # a low profile is harder to find
    return float(np.clip(odds, 0.0, 0.95))


@register
@dataclass(frozen=True)
class HVT(Order):
    """Capture or kill a named leader or lieutenant (`target`: a person id or `faction.leader`)."""

    target: str
    mode: str = "capture"
    guaranteed: bool = False  # experiments only: the operation cannot fail
    kind: ClassVar[str] = "hvt"
    random: ClassVar[bool] = True

    def validate(self, state: GameState, scenario: Scenario) -> list[str]:
        problems = []
        if self.mode not in MODES:
            problems.append(f"mode must be 'capture' or 'kill', not '{self.mode}'")
        if resolve_target(state, self.target) is None:
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
        person = state.find_person(pid)[1]
        turn = state.turn + 1
        deaths = float(rng.poisson(RAID_DEATHS[self.mode]))
        state.state_deaths[person.home] += deaths
        if rng.random() >= odds:
            state.posture[f] = max(0.0, state.posture[f] - 0.1)  # alerted: lie low
            return [
                Event(
                    "hvt_failed",
                    turn,
                    state.factions[f].id,
                    person.home,
                    "hvt",
                    {
                        "person": pid,
                        "name": person.name,
                        "mode": self.mode,
                        "odds": odds,
                        "deaths": deaths,
                    },
                )
            ]
        how = "killed" if self.mode == "kill" else "captured"
        events = remove_person(state, scenario, pid, how, turn, rng, cause=f"hvt_{self.mode}")
        if self.mode == "kill":
            presence = np.zeros(state.n_regions)
            presence[person.home] = 1.0
            add_tension(state, scenario, presence, 0.3)
        events[0] = Event(
            events[0].kind,
            turn,
            events[0].faction,
            events[0].region,
            events[0].cause,
            {**events[0].data, "odds": odds, "deaths": deaths},
        )
        return events

    @classmethod
    def options(cls, state: GameState, scenario: Scenario) -> list[HVT]:
        return [
            cls(p.id, mode)
            for f in state.factions
            if f.dissolved is None
            for p in f.people()
            for mode in MODES
        ]


@register
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
            from game.sim.levers import BY_ID, Allocate

            cost = BY_ID["interdiction"].full_cost(scenario, self.region)
            problems += Allocate("interdiction", self.level * cost, self.region).validate(
                state, scenario
            )
        return problems

    def apply(self, state: GameState, scenario: Scenario, rng: np.random.Generator) -> list[Event]:
        # A shorthand for funding the interdiction line of one state at `level` of full effort.
        from game.sim.levers import BY_ID, key

        cost = BY_ID["interdiction"].full_cost(scenario, self.region)
        state.allocation[key("interdiction", self.region)] = self.level * cost
        state.interdiction[self.region] = self.level
        return [
            Event(
                "interdiction_set",
                state.turn + 1,
                region=self.region,
                cause="order",
                data={"level": self.level},
            )
        ]
