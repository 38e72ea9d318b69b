"""Orders a cartel's AI can give. Validated like the planner's; each names its reason.

`reason` is a code the narration turns into words ("vacuum": a rival lost its leader there;
"route": a trafficking route runs through; "weak_state": police and courts are weak there...).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

import numpy as np

from game.scenario.types import Scenario
from game.sim.events import Cause, Event, Kind
from game.sim.orders import Order
from game.sim.state import GameState

RETALIATION_FORMS = ("ambush", "blockade", "burned_vehicles")


def _faction_problems(state: GameState, faction: str) -> list[str]:
    try:
        f = state.row(faction)
    except (KeyError, TypeError):
        return [f"no faction '{faction}'"]
    if state.factions[f].dissolved is not None:
        return [f"faction '{faction}' no longer exists"]
    return []


@dataclass(frozen=True)
class CartelOrder(Order):
    faction: str
    reason: Cause = Cause.NONE
    side: ClassVar[str] = "cartel"

    def validate(self, state: GameState, scenario: Scenario) -> list[str]:
        return _faction_problems(state, self.faction)


@dataclass(frozen=True)
class Move(CartelOrder):
    """Send `count` members from region `src` to the neighbouring region `dst`."""

    src: int = 0
    dst: int = 0
    count: float = 0.0
    kind: ClassVar[str] = "move"

    def validate(self, state, scenario) -> list[str]:
        problems = super().validate(state, scenario)
        n = state.n_regions
        if not (0 <= self.src < n and 0 <= self.dst < n):
            return problems + ["no such region"]
        if self.dst not in scenario.map.neighbours(self.src):
            problems.append("regions are not neighbours")
        if not problems:
            have = state.members[state.row(self.faction), self.src]
            if not 0 < self.count <= have:
                problems.append(f"cannot move {self.count:.0f} of {have:.0f} members")
        return problems

    def apply(self, state, scenario, rng) -> list[Event]:
        f = state.row(self.faction)
        new_region = state.members[f, self.dst] < 1.0
        state.members[f, self.src] -= self.count
        state.members[f, self.dst] += self.count
        kind = Kind.MOVED_INTO if new_region else Kind.REINFORCED
        return [
            Event(
                kind,
                state.turn + 1,
                self.faction,
                self.dst,
                self.reason,
                {"from": self.src, "members": float(self.count)},
            )
        ]


@dataclass(frozen=True)
class LevelOrder(CartelOrder):
    """A cartel order that sets a level between 0 and 1."""

    level: float = 0.0

    def validate(self, state, scenario) -> list[str]:
        problems = super().validate(state, scenario)
        return problems + ([] if 0 <= self.level <= 1 else ["level must be between 0 and 1"])


@dataclass(frozen=True)
class Posture(LevelOrder):
    """Set how openly the faction operates: 0 = low profile, 1 = open confrontation."""

    level: float = 0.5
    kind: ClassVar[str] = "posture"

    def apply(self, state, scenario, rng) -> list[Event]:
        f = state.row(self.faction)
        before = state.posture[f]
        state.posture[f] = self.level
        if abs(before - self.level) < 0.25:
            return []
        kind = Kind.LIES_LOW if self.level < before else Kind.CONFRONTS
        return [Event(kind, state.turn + 1, self.faction, None, self.reason, {"level": self.level})]


@dataclass(frozen=True)
class Retaliate(CartelOrder):
    """Attack the state in a region: ambushes, road blockades, burned vehicles."""

    region: int = 0
    form: str = "ambush"
    kind: ClassVar[str] = "retaliate"
    random: ClassVar[bool] = True

    def validate(self, state, scenario) -> list[str]:
        problems = super().validate(state, scenario)
        if self.form not in RETALIATION_FORMS:
            problems.append(f"unknown form '{self.form}'")
        if not 0 <= self.region < state.n_regions:
            problems.append("no such region")
        return problems

    def apply(self, state, scenario, rng) -> list[Event]:
        f = state.row(self.faction)
        deaths = float(rng.poisson(scenario.model.retaliation_deaths))
        state.state_deaths[self.region] += deaths
        state.grievance[f] *= 0.5
        state.retaliations += 1
        return [
            Event(
                Kind.RETALIATION,
                state.turn + 1,
                self.faction,
                self.region,
                self.reason,
                {"form": self.form, "deaths": deaths},
            )
        ]


@dataclass(frozen=True)
class Ally(CartelOrder):
    """Make (or strengthen) an alliance with another faction against a common enemy."""

    other: str = ""
    strength: float = 1.0
    kind: ClassVar[str] = "ally"

    def validate(self, state, scenario) -> list[str]:
        problems = super().validate(state, scenario) + _faction_problems(state, self.other)
        if self.other == self.faction:
            problems.append("a faction cannot ally with itself")
        return problems

    def apply(self, state, scenario, rng) -> list[Event]:
        a, b = state.row(self.faction), state.row(self.other)
        state.alliance[a, b] = state.alliance[b, a] = self.strength
        state.rivalry[a, b] = state.rivalry[b, a] = 0.0
        return [
            Event(
                Kind.ALLIANCE, state.turn + 1, self.faction, None, self.reason, {"with": self.other}
            )
        ]


@dataclass(frozen=True)
class Absorb(CartelOrder):
    """Take over a small group: its members join this faction where they are."""

    other: str = ""
    kind: ClassVar[str] = "absorb"

    def validate(self, state, scenario) -> list[str]:
        problems = super().validate(state, scenario) + _faction_problems(state, self.other)
        if problems or self.other == self.faction:
            return problems + (
                ["a faction cannot absorb itself"] if self.other == self.faction else []
            )
        a, b = state.row(self.faction), state.row(self.other)
        if state.members[b].sum() > scenario.model.absorb_ratio * state.members[a].sum():
            problems.append("only much smaller groups can be absorbed")
        return problems

    def apply(self, state, scenario, rng) -> list[Event]:
        a, b = state.row(self.faction), state.row(self.other)
        taken = float(state.members[b].sum())
        state.members[a] += state.members[b]
        state.members[b] = 0.0
        state.replace_faction(b, replace(state.factions[b], dissolved=state.turn + 1))
        return [
            Event(
                Kind.ABSORBED,
                state.turn + 1,
                self.faction,
                int(np.argmax(state.members[a])),
                self.reason,
                {"other": self.other, "members": taken},
            )
        ]


@dataclass(frozen=True)
class Extort(LevelOrder):
    """Lean on extortion of local businesses and people (0-1): income that costs lives."""

    kind: ClassVar[str] = "extort"

    def apply(self, state, scenario, rng) -> list[Event]:
        f = state.row(self.faction)
        before = state.extortion[f]
        state.extortion[f] = self.level
        if not before < 0.5 <= self.level:  # tell only when extortion becomes its main business
            return []
        region = int(np.argmax(state.members[f]))
        return [
            Event(
                Kind.TURNS_TO_EXTORTION,
                state.turn + 1,
                self.faction,
                region,
                self.reason,
                {"level": self.level},
            )
        ]
