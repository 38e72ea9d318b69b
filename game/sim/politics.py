"""Approval, US pressure and their consequences; extradition, cooperation and US offers.

Approval rises with visible wins (a kingpin falls) and falls with homicides, civilians killed by
the state, attacks on the state and the sovereignty cost of US involvement; US pressure rises with
the drug flow north and falls with extraditions, seizures and fallen kingpins (DESIGN.md §3).
This is the trap the lesson needs: decapitation pays politically now and costs later, through
the violence that follows. Too little approval cuts the budget and finally ends the mandate; too
much US pressure brings offers of US strikes and, in the end, cuts too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from game.scenario.types import Scenario
from game.sim.events import Event
from game.sim.leadership import remove_person
from game.sim.orders import Order, register
from game.sim.state import GameState

KINGPIN_BONUS = 6.0  # approval points for a fallen leader, the month it happens
LIEUTENANT_BONUS = 1.5
VIOLENCE_WEIGHT = 45.0  # approval target points lost per 100% rise of the homicide rate
CIVILIAN_COST = 0.08  # approval points per civilian killed by the state in a month
RETALIATION_COST = 1.0
APPROVAL_SPEED = 0.12  # share of the gap to the target closed each month
LOW_APPROVAL, LOST_MANDATE = 25.0, 12.0
PRESSURE_OFFER = 80.0


def homicide_rate(state: GameState, scenario: Scenario) -> float:
    return float(state.homicide_history.sum() / scenario.map.populations().sum() * 1e5)


def phase_politics(
    state: GameState, scenario: Scenario, turn: int, events: list[Event], rng: np.random.Generator
) -> list[Event]:
    """Update approval and US pressure from this month's events and outcomes."""
    p = state.politics
    p.setdefault("base_rate", homicide_rate(state, scenario))
    p.setdefault("base_arrivals", max(float(state.arrivals.sum()), 1e-9))
    kinds = [e.kind for e in events]
    rate_change = homicide_rate(state, scenario) / max(p["base_rate"], 1e-9) - 1.0
    civilians = float(state.stocks["civilians_killed"].sum())
    target = (
        55.0
        - VIOLENCE_WEIGHT * rate_change
        + 8.0 * (p.get("transfers", 0.5) - 0.5)
        - 4.0 * p.get("us_cooperation", 0.0)
    )
    bumps = (
        KINGPIN_BONUS * kinds.count("leader_removed")
        + LIEUTENANT_BONUS * kinds.count("lieutenant_removed")
        - RETALIATION_COST * kinds.count("retaliation")
        - CIVILIAN_COST * civilians
    )
    p["approval"] = float(
        np.clip(p["approval"] + APPROVAL_SPEED * (target - p["approval"]) + bumps, 0.0, 100.0)
    )
    flow_change = float(state.arrivals.sum()) / p["base_arrivals"] - 1.0
    pressure_target = 50.0 + 60.0 * flow_change + 15.0 * max(rate_change, 0.0)
    pressure_bumps = -3.0 * kinds.count("leader_removed") - 5.0 * kinds.count("extradited")
    p["us_pressure"] = float(
        np.clip(
            p["us_pressure"] + 0.1 * (pressure_target - p["us_pressure"]) + pressure_bumps,
            0.0,
            100.0,
        )
    )
    return _consequences(state, scenario, turn, rng)


def _consequences(state: GameState, scenario: Scenario, turn: int, rng) -> list[Event]:
    p = state.politics
    events: list[Event] = []
    if p.pop("offer", 0.0):  # an offer not answered lapses: Washington reads it as a refusal
        p["us_pressure"] = min(100.0, p["us_pressure"] + 4.0)
    p["low_months"] = p.get("low_months", 0.0) + 1.0 if p["approval"] < LOW_APPROVAL else 0.0
    if p["approval"] < LOST_MANDATE:
        state.status = "mandate_lost"
        events.append(
            Event("mandate_lost", turn, cause="approval", data={"approval": p["approval"]})
        )
    elif p["low_months"] >= 3:
        events.append(_cut_budget(state, turn, 0.1, "approval"))
        p["low_months"] = 0.0
    if p["us_pressure"] >= PRESSURE_OFFER and rng.random() < 0.3:
        p["offer"] = 1.0
        events.append(
            Event(
                "us_strike_offer", turn, cause="us_pressure", data={"us_pressure": p["us_pressure"]}
            )
        )
    p["high_pressure_months"] = (
        p.get("high_pressure_months", 0.0) + 1.0 if p["us_pressure"] >= 90 else 0.0
    )
    if p["high_pressure_months"] >= 6:
        events.append(_cut_budget(state, turn, 0.05, "us_pressure"))
        p["high_pressure_months"] = 0.0
    return events


def _cut_budget(state: GameState, turn: int, share: float, cause: str) -> Event:
    state.budget *= 1.0 - share
    total = sum(state.allocation.values())
    if total > state.budget:  # programmes shrink in proportion to fit the new budget
        state.allocation = {k: v * state.budget / total for k, v in state.allocation.items()}
    return Event("budget_cut", turn, cause=cause, data={"share": share, "budget": state.budget})


@register
@dataclass(frozen=True)
class Extradite(Order):
    """Send a captured leader or lieutenant to the United States."""

    person: str
    kind: ClassVar[str] = "extradite"

    def validate(self, state: GameState, scenario: Scenario) -> list[str]:
        if self.person not in state.prisoners:
            return [f"'{self.person}' is not a prisoner of the Mexican state"]
        return []

    def apply(self, state, scenario, rng) -> list[Event]:
        state.prisoners = tuple(p for p in state.prisoners if p != self.person)
        state.politics["approval"] = min(100.0, state.politics["approval"] + 0.5)
        return [Event("extradited", state.turn + 1, cause="order", data={"person": self.person})]

    @classmethod
    def options(cls, state, scenario) -> list[Extradite]:
        return [cls(p) for p in state.prisoners]


@register
@dataclass(frozen=True)
class UsCooperation(Order):
    """Accept (or end) US intelligence cooperation: better odds, a cost in approval."""

    on: bool
    kind: ClassVar[str] = "us_cooperation"

    def apply(self, state, scenario, rng) -> list[Event]:
        state.politics["us_cooperation"] = 1.0 if self.on else 0.0
        return [Event("us_cooperation", state.turn + 1, cause="order", data={"on": self.on})]


@register
@dataclass(frozen=True)
class AnswerUsOffer(Order):
    """Accept or refuse Washington's offer to strike a cartel leader on Mexican soil."""

    accept: bool
    kind: ClassVar[str] = "answer_us_offer"
    random: ClassVar[bool] = True

    def validate(self, state, scenario) -> list[str]:
        return [] if state.politics.get("offer") else ["there is no US offer to answer"]

    def apply(self, state, scenario, rng) -> list[Event]:
        p = state.politics
        p.pop("offer", None)
        turn = state.turn + 1
        if not self.accept:
            p["us_pressure"] = min(100.0, p["us_pressure"] + 4.0)
            return [Event("us_offer_refused", turn, cause="order")]
        p["approval"] = max(0.0, p["approval"] - 6.0)
        p["us_pressure"] = max(0.0, p["us_pressure"] - 15.0)
        sizes = state.members.sum(axis=1)
        for f in np.argsort(-sizes, kind="stable"):
            leader = state.factions[int(f)].leader
            if leader is not None and state.factions[int(f)].dissolved is None:
                return remove_person(
                    state, scenario, leader.id, "killed", turn, rng, cause="us_strike"
                )
        return [Event("us_strike", turn, cause="order")]
