"""The lab's scripted planners: single-lever plans and a balanced one, giving the same orders a
human could give (Allocate, HVT, Extradite), validated by the same rules.

Each plan sets budget targets (effort per programme and state) at the start and revises them
once a year from what the planner can see: public homicide counts and its own estimates of
where cartels are (`PlayerView`), never the hidden truth.
"""

from __future__ import annotations

import numpy as np

from game.scenario.types import Scenario
from game.sim import levers, metrics
from game.sim.operations import HVT, ConditionalTargeting, hvt_odds, leader_rows
from game.sim.orders import Order
from game.sim.politics import Extradite
from game.sim.state import GameState
from game.sim.view import player_view

REVIEW_MONTHS = 12


def _hottest(state: GameState, scenario: Scenario, n: int) -> list[int]:
    """The n states with the highest homicide rate over the last year (public data)."""
    rates = metrics.regional_rates(state.homicide_history, scenario)
    return [int(r) for r in np.argsort(-rates, kind="stable")[:n]]


def _most_members(state: GameState, scenario: Scenario, n: int) -> list[int]:
    """The n states where the planner estimates the most cartel members per person."""
    view = player_view(state, scenario)
    estimated = sum(f.members for f in view.factions if f.dissolved is None)
    per_person = estimated / scenario.map.populations()
    return [int(r) for r in np.argsort(-per_person, kind="stable")[:n]]


def allocate(
    state: GameState, scenario: Scenario, targets: dict[tuple[str, int | None], float]
) -> list[Order]:
    """Orders that move the allocation to `targets` (effort by (programme, region)).

    Cuts come first so the money is free before the increases; increases are scaled down
    together when they do not fit the budget.
    """
    now = dict(state.allocation)
    cuts, rises = [], []
    for (pid, region), effort in targets.items():
        pesos = effort * levers.BY_ID[pid].full_cost(scenario, region)
        k = levers.key(pid, region)
        (cuts if pesos < now.get(k, 0.0) else rises).append((pid, region, pesos, k))
    for _, _, pesos, k in cuts:
        now[k] = pesos
    room = state.budget - sum(now.values())
    wanted = sum(p - now.get(k, 0.0) for _, _, p, k in rises)
    scale = min(1.0, room / wanted) if wanted > 0 else 1.0
    orders: list[Order] = [levers.Allocate(pid, p, r) for pid, r, p, _ in cuts]
    for pid, region, pesos, k in rises:
        current = now.get(k, 0.0)
        orders.append(levers.Allocate(pid, current + (pesos - current) * scale * 0.999, region))
    return orders


def _every_state(pid: str, effort: float, scenario: Scenario) -> dict:
    return {(pid, r): effort for r in range(scenario.map.n)}


def _review(turn: int) -> bool:
    return turn == 1 or turn % REVIEW_MONTHS == 1


def passive(state: GameState, scenario: Scenario, turn: int) -> list[Order]:
    """Keep the scenario's default allocation and order nothing else: the control."""
    return []


def decapitation(state: GameState, scenario: Scenario, turn: int) -> list[Order]:
    """Go after the leader of the largest organisation it can reach, one after another.

    Kill operations succeed more often than captures, so a planner counting kingpins orders kills.
    """
    sizes = state.members.sum(axis=1)
    for f in leader_rows(state):
        if sizes[f] < scenario.model.armed_group_threshold:
            break
        leader = state.factions[f].leader
        if hvt_odds(state, scenario, leader.id, "kill") > 0:
            return [HVT(leader.id, "kill")]
    return []


MAIN_SHARE = 0.03  # the capture campaign's "main organisations": 3% of all members or more


def capture(state: GameState, scenario: Scenario, turn: int) -> list[Order]:
    """Capture the leaders of the main organisations (each with at least 3% of all members),
    largest first, one after another, and extradite every prisoner: decapitation by arrest and
    prosecution rather than by killing, aimed at the organisations that matter."""
    orders: list[Order] = [Extradite(p) for p in state.prisoners]
    sizes = state.members.sum(axis=1)
    for f in leader_rows(state):
        if sizes[f] < MAIN_SHARE * sizes.sum():
            break
        leader = state.factions[f].leader
        if hvt_odds(state, scenario, leader.id, "capture") > 0:
            return orders + [HVT(leader.id, "capture")]
    return orders


def conditional(state: GameState, scenario: Scenario, turn: int) -> list[Order]:
    """Announce that the most violent organisation is targeted first (Lessing 2017), and keep
    the promise: capture operations against its leadership, prisoners extradited; the rest of
    the budget as the status quo."""
    orders: list[Order] = [Extradite(p) for p in state.prisoners]
    if not state.targeting:
        orders.append(ConditionalTargeting(True))
    if not state.target:
        return orders
    info = state.factions[state.row(state.target)]
    people = info.people()
    if people:
        best = max(people, key=lambda p: hvt_odds(state, scenario, p.id, "capture"))
        orders.append(HVT(best.id, "capture"))
    return orders


def militarize(state: GameState, scenario: Scenario, turn: int) -> list[Order]:
    """Troops to the eight hottest states, paid for by cutting prevention and transfers."""
    if not _review(turn):
        return []
    hot = _hottest(state, scenario, 8)
    targets = _every_state("troops", 0.3, scenario) | {("troops", r): 1.2 for r in hot}
    targets |= _every_state("youth", 0.0, scenario) | {("transfers", None): 0.3}
    return allocate(state, scenario, targets)


def institutions(state: GameState, scenario: Scenario, turn: int) -> list[Order]:
    """Police, courts and local integrity built up everywhere, starting where it is worst."""
    if not _review(turn):
        return []
    order = _hottest(state, scenario, scenario.map.n)
    targets = {("transfers", None): 0.2, ("prisons", None): 1.0}
    for rank, r in enumerate(order):
        level = 1.2 if rank < 16 else 0.9
        targets |= {("police", r): level, ("courts", r): level, ("local_integrity", r): level}
    return allocate(state, scenario, targets)


def prevention(state: GameState, scenario: Scenario, turn: int) -> list[Order]:
    """Cut recruitment: targeted youth programmes wherever cartels recruit, their money frozen,
    prisons taken back from them (recruitment centres); paid for with troops and transfers."""
    if not _review(turn):
        return []
    targets = {("financial_intel", None): 1.5, ("transfers", None): 0.2, ("prisons", None): 1.0}
    targets |= _every_state("troops", 0.2, scenario)
    for rank, r in enumerate(_most_members(state, scenario, scenario.map.n)):
        targets[("youth", r)] = 1.5 if rank < 24 else 1.0
    return allocate(state, scenario, targets)


def balanced(state: GameState, scenario: Scenario, turn: int) -> list[Order]:
    """Intelligence-led: institutions and prevention where they matter, force used sparingly.

    Leaders are targeted only with good odds and where a clear heir keeps the organisation whole
    (captured, not killed, then extradited); troops are cut back rather than surged.
    """
    orders: list[Order] = [Extradite(p) for p in state.prisoners]
    if _review(turn):
        targets = {
            ("intel_national", None): 1.5,
            ("financial_intel", None): 1.5,
            ("transfers", None): 0.15,
            ("prisons", None): 0.8,
        }
        targets |= _every_state("troops", 0.15, scenario)
        for rank, r in enumerate(_most_members(state, scenario, scenario.map.n)):
            targets[("youth", r)] = 1.5 if rank < 16 else 0.3
            targets[("intel_state", r)] = 0.6 if rank < 10 else 0.2
        for rank, r in enumerate(_hottest(state, scenario, scenario.map.n)):
            level = 1.2 if rank < 12 else 0.8 if rank < 20 else 0.5
            targets |= {("police", r): level, ("courts", r): level}
            targets[("local_integrity", r)] = 0.8 if rank < 12 else 0.3
        orders += allocate(state, scenario, targets)
    orders += _careful_operation(state, scenario)
    return orders


CLEAR_HEIR = 0.6  # balanced strikes only where an heir is likely to hold the organisation
GOOD_ODDS = 0.3  # and only with good odds: about two thirds of the best intelligence can buy


def _careful_operation(state: GameState, scenario: Scenario) -> list[Order]:
    """A capture where it does least harm: a leader whose organisation has a clear heir, with
    good odds (the best reachable against a leader is about 0.47 with default parameters)."""
    for f in sorted(leader_rows(state)):
        info = state.factions[f]
        if info.succession_clarity < CLEAR_HEIR:
            continue  # the odds are only worth working out where an heir would hold
        if hvt_odds(state, scenario, info.leader.id, "capture") >= GOOD_ODDS:
            return [HVT(info.leader.id, "capture")]
    return []
