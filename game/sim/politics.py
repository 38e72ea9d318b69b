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
from game.sim import levers, metrics
from game.sim.events import Cause, Event, Kind
from game.sim.leadership import remove_person
from game.sim.orders import Order
from game.sim.state import GameState

START_APPROVAL, START_PRESSURE = 55.0, 50.0  # where approval and pressure start (0-100)
LOW_MONTHS, PEAK_MONTHS = 3, 6  # months of low approval or peak pressure before a cut (rules)


def phase_politics(
    state: GameState, scenario: Scenario, turn: int, events: list[Event], rng: np.random.Generator
) -> list[Event]:
    """Update approval and US pressure from this month's events and outcomes."""
    p = scenario.model
    kinds = [e.kind for e in events]
    rate_change = metrics.homicide_rate(state, scenario) / max(state.base_rate, 1e-9) - 1.0
    transfers = levers.national_effort(state, scenario, "transfers")
    target = (
        START_APPROVAL
        - p.violence_weight * rate_change
        + p.transfer_approval * (transfers - 0.5)
        - p.cooperation_cost * float(state.us_cooperation)
    )
    bumps = (
        p.approval_per_kingpin * kinds.count(Kind.LEADER_REMOVED)
        + p.approval_per_lieutenant * kinds.count(Kind.LIEUTENANT_REMOVED)
        - p.retaliation_cost * kinds.count(Kind.RETALIATION)
        - p.civilian_cost * float(state.civilians_killed.sum())
    )
    state.approval = float(
        np.clip(state.approval + p.approval_speed * (target - state.approval) + bumps, 0.0, 100.0)
    )
    flow_change = float(state.arrivals.sum()) / max(state.base_arrivals, 1e-9) - 1.0
    pressure_target = (
        START_PRESSURE + p.flow_pressure * flow_change + p.violence_pressure * max(rate_change, 0.0)
    )
    relief = p.kingpin_relief * kinds.count(
        Kind.LEADER_REMOVED
    ) + p.extradition_relief * kinds.count(Kind.EXTRADITED)
    state.us_pressure = float(
        np.clip(
            state.us_pressure + p.pressure_speed * (pressure_target - state.us_pressure) - relief,
            0.0,
            100.0,
        )
    )
    return _consequences(state, scenario, turn, rng)


def new_administration(state: GameState, scenario: Scenario) -> None:
    """A new government takes the desk (a presidency of the history level, or a player taking
    over from history): the public and Washington judge it against the country it inherits, not
    against the one its predecessors found. Approval starts again where every game starts, this
    month's homicide rate and drug arrivals become the yardsticks, the counters of low approval
    and peak pressure are cleared, and a lost mandate is the predecessor's. US pressure itself,
    Washington's mood, carries over."""
    state.approval = START_APPROVAL
    state.base_rate = metrics.homicide_rate(state, scenario)
    state.base_arrivals = float(state.arrivals.sum())
    state.low_approval_months = 0
    state.high_pressure_months = 0
    state.status = "playing"


def _consequences(state: GameState, scenario: Scenario, turn: int, rng) -> list[Event]:
    """What approval and pressure lead to: lost mandate, budget cuts (when the scenario's cut
    shares are above zero, with an event each time) and offers of US strikes."""
    p = scenario.model
    events: list[Event] = []
    if state.us_offer:  # an offer not answered lapses: Washington reads it as a refusal
        state.us_offer = False
        state.us_pressure = min(100.0, state.us_pressure + p.refusal_pressure)
    state.low_approval_months = (
        state.low_approval_months + 1 if state.approval < p.low_approval else 0
    )
    if state.approval < p.lost_mandate:
        state.status = "mandate_lost"
        data = {"approval": state.approval}
        events.append(Event(Kind.MANDATE_LOST, turn, cause=Cause.APPROVAL, data=data))
    elif state.low_approval_months >= LOW_MONTHS and p.approval_budget_cut > 0:
        events.append(_cut_budget(state, turn, p.approval_budget_cut, Cause.APPROVAL))
        state.low_approval_months = 0
    if state.us_pressure >= p.strike_offer_pressure and rng.random() < p.strike_offer_chance:
        state.us_offer = True
        data = {"us_pressure": state.us_pressure}
        events.append(Event(Kind.US_STRIKE_OFFER, turn, cause=Cause.US_PRESSURE, data=data))
    peak = state.us_pressure >= p.peak_pressure
    state.high_pressure_months = state.high_pressure_months + 1 if peak else 0
    if state.high_pressure_months >= PEAK_MONTHS and p.us_budget_cut > 0:
        events.append(_cut_budget(state, turn, p.us_budget_cut, Cause.US_PRESSURE))
        state.high_pressure_months = 0
    return events


def _cut_budget(state: GameState, turn: int, share: float, cause: Cause) -> Event:
    state.budget *= 1.0 - share
    total = sum(state.allocation.values())
    if total > state.budget:  # programmes shrink in proportion to fit the new budget
        state.allocation = {k: v * state.budget / total for k, v in state.allocation.items()}
    data = {"share": share, "budget": state.budget}
    return Event(Kind.BUDGET_CUT, turn, cause=cause, data=data)


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
        state.approval = min(100.0, state.approval + scenario.model.extradition_approval)
        data = {"person": self.person}
        return [Event(Kind.EXTRADITED, state.turn + 1, cause=Cause.ORDER, data=data)]


@dataclass(frozen=True)
class UsCooperation(Order):
    """Accept (or end) US intelligence cooperation: better odds, a cost in approval."""

    on: bool
    kind: ClassVar[str] = "us_cooperation"

    def validate(self, state, scenario) -> list[str]:
        return [] if isinstance(self.on, bool) else ["'on' must be true or false"]

    def apply(self, state, scenario, rng) -> list[Event]:
        state.us_cooperation = self.on
        data = {"on": self.on}
        return [Event(Kind.US_COOPERATION, state.turn + 1, cause=Cause.ORDER, data=data)]


@dataclass(frozen=True)
class AnswerUsOffer(Order):
    """Accept or refuse Washington's offer to strike a cartel leader on Mexican soil."""

    accept: bool
    kind: ClassVar[str] = "answer_us_offer"
    random: ClassVar[bool] = True

    def validate(self, state, scenario) -> list[str]:
        return [] if state.us_offer else ["there is no US offer to answer"]

    def apply(self, state, scenario, rng) -> list[Event]:
        from game.sim.operations import leader_rows

        state.us_offer = False
        turn = state.turn + 1
        if not self.accept:
            state.us_pressure = min(100.0, state.us_pressure + scenario.model.refusal_pressure)
            return [Event(Kind.US_OFFER_REFUSED, turn, cause=Cause.ORDER)]
        state.approval = max(0.0, state.approval - scenario.model.strike_approval_cost)
        state.us_pressure = max(0.0, state.us_pressure - scenario.model.strike_relief)
        targets = leader_rows(state)
        if targets:
            leader = state.factions[targets[0]].leader
            return remove_person(state, scenario, leader.id, "killed", turn, rng, Cause.US_STRIKE)
        return [Event(Kind.US_STRIKE, turn, cause=Cause.ORDER)]
