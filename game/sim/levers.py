"""The planner's budget: programmes, what they cost, and the orders that fund them.

A programme is funded nationally or per state with pesos a month (`Allocate`); the scenario's
status quo funds some of them from the start. What each programme does to the world, with its
delay and its side effects, is in game/sim/policy.py; this module is the catalogue and the money.
Their texts for players are in the catalogue (game/text/words.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

import numpy as np

from game.scenario.types import Scenario
from game.sim.events import Cause, Event, Kind
from game.sim.orders import Order
from game.sim.state import GameState


@dataclass(frozen=True)
class Programme:
    """A budget line.

    Attributes:
        id: stable id used in orders, saves and scenario files.
        scope: "national" (one amount) or "state" (an amount per state).
        group: force, intelligence, institutions, prevention.
        share: the share of the scenario's monthly budget that buys full effort (1.0) of this
            programme everywhere; a state's full effort costs that times its population share.
        status_quo: the effort the scenario's default allocation gives it (in every state, for
            state programmes; `interdiction` only where there are crossings or ports).

    Its name, effect and delay for players are in the catalogue (`programme.<id>.name`, ...).
    """

    id: str
    scope: str
    group: str
    share: float
    status_quo: float

    def full_cost(self, scenario: Scenario, region: int | None = None) -> float:
        """Pesos a month for full effort, nationally (`region` None) or in `region`."""
        if self.scope == "national" or region is None:
            return self.share * scenario.budget_base
        return float(full_costs(scenario, self.id)[region])


# Costs are shares of the scenario's budget (game estimates): the status quo spends about three
# quarters of it, and funding every line fully would take about two budgets, so choices are forced.
PROGRAMMES: tuple[Programme, ...] = (
    Programme("troops", "state", "force", 0.6, 0.3),
    Programme("interdiction", "state", "force", 0.1, 0.3),
    Programme("intel_national", "national", "intelligence", 0.05, 0.5),
    Programme("intel_state", "state", "intelligence", 0.12, 0.2),
    Programme("financial_intel", "national", "intelligence", 0.02, 0.3),
    Programme("police", "state", "institutions", 0.3, 0.5),
    Programme("courts", "state", "institutions", 0.2, 0.5),
    Programme("local_integrity", "state", "institutions", 0.1, 0.3),
    Programme("prisons", "national", "institutions", 0.03, 0.5),
    Programme("youth", "state", "prevention", 0.25, 0.1),
    Programme("transfers", "national", "prevention", 0.4, 0.5),
)
BY_ID = {p.id: p for p in PROGRAMMES}


def key(programme: str, region: int | None) -> str:
    """Allocation key: 'police@14' for a state line, 'prisons' for a national one."""
    return programme if region is None else f"{programme}@{region}"


def spending(state: GameState) -> float:
    """Pesos a month committed to all programmes."""
    return float(sum(state.allocation.values()))


def full_costs(scenario: Scenario, programme: str) -> np.ndarray | float:
    """Pesos a month for full effort: per region [R] (state programmes, by population share of
    the national cost) or one national number."""
    p = BY_ID[programme]
    national = p.full_cost(scenario)
    if p.scope == "national":
        return national
    return scenario.map.graph.by_population(national)


def efforts(state: GameState, scenario: Scenario) -> dict[str, np.ndarray | float]:
    """Funded effort of every programme (0 to 1.5; 1 = full funding), in one pass."""
    allocation = state.allocation
    layout = _layout(tuple(allocation))
    if layout is None:
        return _efforts_key_by_key(allocation, scenario)
    national, regional = layout
    amounts = np.fromiter(allocation.values(), dtype=float, count=len(allocation))
    pesos: dict[str, np.ndarray | float] = {}
    for p in PROGRAMMES:
        if p.scope == "national":
            pesos[p.id] = allocation[national[p.id]] if p.id in national else 0.0
        else:
            pesos[p.id] = np.zeros(scenario.map.n)
            if p.id in regional:
                at, regions = regional[p.id]
                pesos[p.id][regions] = amounts[at]
    return {pid: pesos[pid] / full_costs(scenario, pid) for pid in pesos}


@lru_cache(maxsize=16)
def _layout(keys: tuple[str, ...]) -> tuple[dict, dict] | None:
    """Where each programme's pesos sit among allocation `keys` ('police@14', 'prisons'):
    (national programme -> key, state programme -> (positions, regions)), or None for keys of
    another form (read key by key). The keys rarely change from one month to the next, so they
    are parsed once, not every month."""
    national: dict[str, str] = {}
    regional: dict[str, tuple[list[int], list[int]]] = {}
    for at, k in enumerate(keys):
        pid, _, region = k.partition("@")
        if pid not in BY_ID or (BY_ID[pid].scope == "state") != bool(region):
            return None
        if region:
            at_list, regions = regional.setdefault(pid, ([], []))
            at_list.append(at)
            regions.append(int(region))
        else:
            national[pid] = k
    arrays = {pid: (np.array(a), np.array(r, dtype=np.int64)) for pid, (a, r) in regional.items()}
    return national, arrays


def _efforts_key_by_key(allocation: dict, scenario: Scenario) -> dict[str, np.ndarray | float]:
    """`efforts` for allocations with keys of unusual form (as a save may hold), key by key."""
    pesos = {p.id: (0.0 if p.scope == "national" else np.zeros(scenario.map.n)) for p in PROGRAMMES}
    for k, amount in allocation.items():
        pid, _, region = k.partition("@")
        if region:
            pesos[pid][int(region)] = amount
        else:
            pesos[pid] = amount
    return {pid: pesos[pid] / full_costs(scenario, pid) for pid in pesos}


def national_effort(state: GameState, scenario: Scenario, programme: str) -> float:
    """Funded effort of one national programme (cheaper than `efforts` when one is needed)."""
    return state.allocation.get(programme, 0.0) / BY_ID[programme].full_cost(scenario)


def status_quo(scenario: Scenario) -> dict[str, float]:
    """The default allocation: each programme at its status-quo effort, scaled to fit the budget."""
    alloc: dict[str, float] = {}
    for p in PROGRAMMES:
        if p.scope == "national":
            alloc[p.id] = p.status_quo * p.full_cost(scenario)
            continue
        for r, region in enumerate(scenario.map.regions):
            if p.id == "interdiction" and not (region.crossings or region.seaports):
                continue
            alloc[key(p.id, r)] = p.status_quo * p.full_cost(scenario, r)
    total = sum(alloc.values())
    scale = min(1.0, 0.9 * scenario.budget / total) if total > 0 else 1.0
    return {k: float(v * scale) for k, v in alloc.items()}


TROOP_POOL = 0.6  # army and National Guard units: enough for 60% of full effort nationwide


def _troop_pool_problems(state: GameState, scenario: Scenario, region: int, pesos: float):
    """Troops are units, not only money: the national pool caps the total deployed."""
    e = np.asarray(efforts(state, scenario)["troops"], dtype=float).copy()
    e[region] = pesos / full_costs(scenario, "troops")[region]
    pops = scenario.map.populations()
    used = float(e @ pops / pops.sum())
    if used > TROOP_POOL + 1e-9:
        return [
            f"not enough units: this would commit {used:.0%} of full nationwide effort, "
            f"the army and National Guard can give {TROOP_POOL:.0%}"
        ]
    return []


@dataclass(frozen=True)
class Allocate(Order):
    """Fund a programme with `pesos` a month (nationally, or in `region` for state programmes)."""

    programme: str
    pesos: float
    region: int | None = None
    kind: ClassVar[str] = "allocate"

    def validate(self, state: GameState, scenario: Scenario) -> list[str]:
        p = BY_ID.get(self.programme)
        if p is None:
            return [f"unknown programme '{self.programme}'"]
        problems = []
        if p.scope == "state" and not (
            self.region is not None and 0 <= self.region < state.n_regions
        ):
            problems.append(f"'{self.programme}' is funded per state: choose a state")
        if p.scope == "national" and self.region is not None:
            problems.append(f"'{self.programme}' is a national programme")
        if not (np.isfinite(self.pesos) and self.pesos >= 0):
            problems.append("the amount must be zero or more pesos")
        elif not problems:
            if self.pesos > 1.5 * p.full_cost(scenario, self.region) + 1e-6:
                problems.append("more than 150% of full funding cannot be spent usefully")
            if self.programme == "troops":
                problems += _troop_pool_problems(state, scenario, self.region, self.pesos)
            current = state.allocation.get(key(self.programme, self.region), 0.0)
            if spending(state) - current + self.pesos > state.budget + 1e-6:
                over = spending(state) - current + self.pesos - state.budget
                problems.append(f"over budget by {over / 1e6:,.0f} million pesos a month")
        return problems

    def apply(self, state: GameState, scenario: Scenario, rng) -> list[Event]:
        k = key(self.programme, self.region)
        if self.pesos > 0:
            state.allocation[k] = float(self.pesos)
        else:
            state.allocation.pop(k, None)
        return [
            Event(
                Kind.ALLOCATION_SET,
                state.turn + 1,
                region=self.region,
                cause=Cause.ORDER,
                data={"programme": self.programme, "pesos": float(self.pesos)},
            )
        ]
