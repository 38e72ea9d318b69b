"""The planner's operations against cartels: high-value targets and interdiction.

HVT odds grow with the state's intelligence on the target's faction; killing succeeds more often
than capturing but provokes more (a larger grievance: retaliation) and yields no testimony (a
capture exposes the organisation where courts work; game/sim/leadership.py).
A target may be written as `faction.leader`; it is resolved to the person when the order is made
(`HVT.made`), so the order log, events and reports all name the same person.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

import numpy as np

from game.scenario.types import Scenario
from game.sim.events import Cause, Event, Kind
from game.sim.leadership import remove_person
from game.sim.orders import Order
from game.sim.policy import exposure
from game.sim.state import GameState

MODES = ("capture", "kill")
MAX_ODDS = 0.95  # a game rule: no operation is certain
LEADER_SUFFIX = ".leader"


def leader_rows(state: GameState) -> list[int]:
    """Rows of the organisations with a leader the state can go after, largest first: named
    (not local) factions that still exist and have someone in charge."""
    roster = state.roster
    rows = np.flatnonzero(roster.led & ~roster.local & roster.alive)
    sizes = state.members[rows].sum(axis=1)
    return rows[np.argsort(-sizes, kind="stable")].tolist()


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


def hvt_odds(state: GameState, scenario: Scenario, target: str, mode: str) -> float:
    """Chance that an operation against `target` in `mode` succeeds now (0 if impossible)."""
    found = resolve_target(state, target)
    if found is None or mode not in MODES:
        return 0.0
    f, pid = found
    p = scenario.model
    info = state.factions[f]
    base, gain = (
        (p.hvt_base_kill, p.hvt_intel_kill)
        if mode == "kill"
        else (p.hvt_base_capture, p.hvt_intel_capture)
    )
    odds = base + gain * exposure(state, scenario)[f]
    if info.leader is not None and info.leader.id == pid:
        odds *= p.leader_protection
    odds *= 1.0 - p.low_profile_cover * (1.0 - state.posture[f])  # a low profile hides
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
        odds = 1.0 if self.guaranteed else hvt_odds(state, scenario, self.target, self.mode)
        person = state.person(pid)[1]
        turn = state.turn + 1
        p = scenario.model
        deaths = float(
            rng.poisson(p.raid_deaths_kill if self.mode == "kill" else p.raid_deaths_capture)
        )
        state.state_deaths[person.home] += deaths
        facts = {"person": pid, "name": person.name, "mode": self.mode, "odds": odds}
        if rng.random() >= odds:
            state.posture[f] = max(0.0, state.posture[f] - p.alerted_posture)  # alerted: lie low
            facts["deaths"] = deaths
            fid = state.factions[f].id
            return [Event(Kind.HVT_FAILED, turn, fid, person.home, Cause.HVT, facts)]
        how = "killed" if self.mode == "kill" else "captured"
        cause = Cause.HVT_KILL if self.mode == "kill" else Cause.HVT_CAPTURE
        events = remove_person(state, scenario, pid, how, turn, rng, cause=cause)
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


@dataclass(frozen=True)
class ConditionalTargeting(Order):
    """Announce (or end) conditional targeting: the most violent organisation is targeted first
    (Lessing 2017; focused deterrence, Braga & Weisburd 2012). Intelligence and arrests
    concentrate on it (game/sim/policy.py, `exposure`), and every cartel's AI knows the rule."""

    on: bool
    kind: ClassVar[str] = "conditional_targeting"

    def validate(self, state: GameState, scenario: Scenario) -> list[str]:
        return [] if isinstance(self.on, bool) else ["'on' must be true or false"]

    def apply(self, state: GameState, scenario: Scenario, rng: np.random.Generator) -> list[Event]:
        state.targeting = self.on
        if not self.on:
            state.target = ""
        data = {"on": self.on}
        return [Event(Kind.TARGETING, state.turn + 1, None, None, Cause.ORDER, data)]
