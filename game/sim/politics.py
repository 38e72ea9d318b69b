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

START_APPROVAL, START_PRESSURE = 55.0, 50.0
KINGPIN_BONUS = 6.0  # approval points for a fallen leader, the month it happens
LIEUTENANT_BONUS = 1.5
VIOLENCE_WEIGHT = 45.0  # approval target points lost per 100% rise of the homicide rate
TRANSFER_APPROVAL = 8.0  # approval target points per unit of transfers above half funding
COOPERATION_COST = 4.0  # approval target points lost while US agents work in Mexico
CIVILIAN_COST = 0.08  # approval points per civilian killed by the state in a month
RETALIATION_COST = 1.0
APPROVAL_SPEED = 0.12  # share of the gap to the target closed each month
LOW_APPROVAL, LOST_MANDATE = 25.0, 12.0
LOW_MONTHS, LOW_CUT = 3, 0.1  # months of low approval before a budget cut, and its size
PRESSURE_SPEED = 0.1
FLOW_PRESSURE, VIOLENCE_PRESSURE = 60.0, 15.0  # pressure target points per 100% rise
KINGPIN_RELIEF, EXTRADITION_RELIEF = 3.0, 5.0
PRESSURE_OFFER, OFFER_CHANCE = 80.0, 0.3
PEAK_PRESSURE, PEAK_MONTHS, PEAK_CUT = 90.0, 6, 0.05
LAPSED_OFFER = 4.0  # pressure added when an offer is refused or left unanswered
ACCEPT_COST, ACCEPT_RELIEF = 6.0, 15.0  # approval lost and pressure relieved by a US strike
EXTRADITION_APPROVAL = 0.5


def phase_politics(
    state: GameState, scenario: Scenario, turn: int, events: list[Event], rng: np.random.Generator
) -> list[Event]:
    """Update approval and US pressure from this month's events and outcomes."""
    kinds = [e.kind for e in events]
    rate_change = metrics.homicide_rate(state, scenario) / max(state.base_rate, 1e-9) - 1.0
    transfers = levers.national_effort(state, scenario, "transfers")
    target = (
        START_APPROVAL
        - VIOLENCE_WEIGHT * rate_change
        + TRANSFER_APPROVAL * (transfers - 0.5)
        - COOPERATION_COST * float(state.us_cooperation)
    )
    bumps = (
        KINGPIN_BONUS * kinds.count(Kind.LEADER_REMOVED)
        + LIEUTENANT_BONUS * kinds.count(Kind.LIEUTENANT_REMOVED)
        - RETALIATION_COST * kinds.count(Kind.RETALIATION)
        - CIVILIAN_COST * float(state.civilians_killed.sum())
    )
    state.approval = float(
        np.clip(state.approval + APPROVAL_SPEED * (target - state.approval) + bumps, 0.0, 100.0)
    )
    flow_change = float(state.arrivals.sum()) / max(state.base_arrivals, 1e-9) - 1.0
    pressure_target = (
        START_PRESSURE + FLOW_PRESSURE * flow_change + VIOLENCE_PRESSURE * max(rate_change, 0.0)
    )
    relief = KINGPIN_RELIEF * kinds.count(Kind.LEADER_REMOVED) + EXTRADITION_RELIEF * kinds.count(
        Kind.EXTRADITED
    )
    state.us_pressure = float(
        np.clip(
            state.us_pressure + PRESSURE_SPEED * (pressure_target - state.us_pressure) - relief,
            0.0,
            100.0,
        )
    )
    return _consequences(state, turn, rng)


def _consequences(state: GameState, turn: int, rng) -> list[Event]:
    events: list[Event] = []
    if state.us_offer:  # an offer not answered lapses: Washington reads it as a refusal
        state.us_offer = False
        state.us_pressure = min(100.0, state.us_pressure + LAPSED_OFFER)
    state.low_approval_months = (
        state.low_approval_months + 1 if state.approval < LOW_APPROVAL else 0
    )
    if state.approval < LOST_MANDATE:
        state.status = "mandate_lost"
        data = {"approval": state.approval}
        events.append(Event(Kind.MANDATE_LOST, turn, cause=Cause.APPROVAL, data=data))
    elif state.low_approval_months >= LOW_MONTHS:
        events.append(_cut_budget(state, turn, LOW_CUT, Cause.APPROVAL))
        state.low_approval_months = 0
    if state.us_pressure >= PRESSURE_OFFER and rng.random() < OFFER_CHANCE:
        state.us_offer = True
        data = {"us_pressure": state.us_pressure}
        events.append(Event(Kind.US_STRIKE_OFFER, turn, cause=Cause.US_PRESSURE, data=data))
    peak = state.us_pressure >= PEAK_PRESSURE
    state.high_pressure_months = state.high_pressure_months + 1 if peak else 0
    if state.high_pressure_months >= PEAK_MONTHS:
        events.append(_cut_budget(state, turn, PEAK_CUT, Cause.US_PRESSURE))
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
        state.approval = min(100.0, state.approval + EXTRADITION_APPROVAL)
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
            state.us_pressure = min(100.0, state.us_pressure + LAPSED_OFFER)
            return [Event(Kind.US_OFFER_REFUSED, turn, cause=Cause.ORDER)]
        state.approval = max(0.0, state.approval - ACCEPT_COST)
        state.us_pressure = max(0.0, state.us_pressure - ACCEPT_RELIEF)
        targets = leader_rows(state)
        if targets:
            leader = state.factions[targets[0]].leader
            return remove_person(state, scenario, leader.id, "killed", turn, rng, Cause.US_STRIKE)
        return [Event(Kind.US_STRIKE, turn, cause=Cause.ORDER)]
