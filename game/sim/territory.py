"""Routes, plazas, the drug market and what the organisations earn.

Each month traffickers ship what the US market will take at the going price (`market`), along
least-cost routes (game/sim/routes.py). A region costs more to cross with interdiction, with each
extra group contesting it and where the group holding it is disrupted; interdiction also seizes
part of what passes. The price follows what it costs to get a tonne through: seizures must be
replaced and detours paid for (Caulkins & Reuter 1998), and US demand answers the price with its
elasticity (Gallet 2014). So blocking one crossing diverts the flow to the next (Dell 2015) and
the national flow barely moves, while choking every route raises the price and lowers the flow.

What an organisation earns pays its members: tolls on every tonne through its plazas, a share of
each state's local illicit economy (retail drugs, fuel theft, protection), and extortion where it
has turned to it; a disrupted group collects less and its rivals more.
"""

from __future__ import annotations

import numpy as np

from game.scenario.types import Scenario
from game.sim import routes
from game.sim.calendar import year_of
from game.sim.state import GameState

MIN_DELIVERED = 0.05  # a numerical floor: even a blockaded trade delivers something


def contest(state: GameState, scenario: Scenario) -> np.ndarray:
    """Number of groups beyond the first with a serious presence in each region [R]."""
    totals = state.members.sum(axis=0)
    significant = state.members >= scenario.model.contest_share * np.maximum(totals, 1.0)
    return np.maximum(significant.sum(axis=0) - 1, 0).astype(float)


def disrupted_share(state: GameState) -> np.ndarray:
    """Share of each region's members in disrupted organisations, weighted by disruption [R]."""
    totals = state.members.sum(axis=0)
    return (state.disruption @ state.members) / np.maximum(totals, 1.0)


def node_costs(state: GameState, scenario: Scenario) -> tuple[np.ndarray, np.ndarray]:
    """(extra cost of entering each region, share seized there) for this month's routes."""
    p = scenario.model
    extra = (
        p.interdiction_cost * state.interdiction
        + p.toll_cost * contest(state, scenario)
        + p.disruption_route_cost * disrupted_share(state)
    )
    # Routine and interdiction seizures are separate chances of losing a load.
    kept = (1.0 - p.base_seizure) * (1.0 - p.interdiction_seizure * state.interdiction)
    return extra, 1.0 - kept


def demand(state: GameState, scenario: Scenario) -> float:
    """Tonnes the US market takes this month at the going price: the start's demand, moved by
    the scenario's calendar series of US demand where it gives one."""
    trend = scenario.series_value("us_demand", year_of(scenario, state.turn + 1), 1.0)
    base = scenario.model.us_demand_tonnes * trend
    return base * state.price ** (-scenario.model.demand_elasticity)


def move_drugs(state: GameState, scenario: Scenario) -> routes.RouteFlows:
    """Ship what the market takes along least-cost routes; update flows, revenue and the price."""
    graph = scenario.map.graph
    extra, seizure = node_costs(state, scenario)
    # Traffickers ship what the market takes plus what they expect to lose on the way.
    loss = 1.0 - state.arrivals.sum() / state.shipped if state.shipped > 0 else 0.0
    state.shipped = demand(state, scenario) / max(1.0 - loss, MIN_DELIVERED)
    supply = graph.supply * state.shipped
    result = routes.route_flows(graph, supply, extra, seizure, congestion=scenario.model.congestion)
    state.drug_flow = result.through
    state.arrivals = result.arrivals
    state.route_next = result.next_hop
    state.revenue = revenue(state, scenario, result.through)
    fresh = state.revenue_ref <= 0
    keep = 1.0 - scenario.model.revenue_memory
    state.revenue_ref = np.where(
        fresh, state.revenue, keep * state.revenue_ref + (1.0 - keep) * state.revenue
    )
    _update_price(state, scenario, result, supply)
    return result


def _update_price(state: GameState, scenario: Scenario, result, supply: np.ndarray) -> None:
    """The price moves toward what delivering a tonne now costs, relative to the start."""
    p = scenario.model
    delivered = result.arrivals.sum()
    loss = 1.0 - delivered / max(supply.sum(), 1e-9)
    finite = np.isfinite(result.cost) & (supply > 0)
    cost = float(supply[finite] @ result.cost[finite] / max(supply[finite].sum(), 1e-9))
    if state.base_route_cost <= 0:  # the start sets what "normal" costs
        state.base_route_cost, state.base_loss = cost, loss
    state.route_cost = cost / max(state.base_route_cost, 1e-9)
    replace = (1.0 - state.base_loss) / max(1.0 - loss, MIN_DELIVERED)  # seized tonnes replaced
    detour = 1.0 + p.route_cost_price * np.log2(max(state.route_cost, 1e-3))
    target = max(replace * detour, 0.1)
    state.price = state.price + p.price_adjustment * (target - state.price)


def revenue(state: GameState, scenario: Scenario, through: np.ndarray) -> np.ndarray:
    """Trafficking tolls of each faction this month, millions of pesos [F]."""
    weight = state.members * (1.0 - scenario.model.disruption_revenue * state.disruption)[:, None]
    share = weight / np.maximum(weight.sum(axis=0), 1.0)
    return share @ (through * scenario.model.toll_per_tonne)


def income(state: GameState, scenario: Scenario) -> np.ndarray:
    """What a faction can spend a month, pesos [F]: tolls, its share of each state's local
    illicit economy and extortion, less what financial intelligence has frozen."""
    p = scenario.model
    weight = state.members * (1.0 - p.disruption_revenue * state.disruption)[:, None]
    share = weight / np.maximum(weight.sum(axis=0), 1.0)
    local = share @ (p.local_rent * scenario.map.populations())
    extortion = state.extortion * state.members.sum(axis=1) * p.extortion_income
    return (state.revenue * 1e6 + local + extortion) * (1.0 - state.freeze)


def affordability(state: GameState, scenario: Scenario) -> np.ndarray:
    """Income over payroll of each faction [F]: above one it can pay for more members."""
    members = state.members.sum(axis=1)
    payroll = np.maximum(members, 1.0) * scenario.model.member_cost
    earned = income(state, scenario)
    # Members who cost nothing are always affordable.
    return np.divide(earned, payroll, out=np.full_like(earned, np.inf), where=payroll > 0)


def recruitment_factor(state: GameState, scenario: Scenario) -> np.ndarray:
    """Recruitment multiplier per faction [F, 1] from what it can pay: 1 where income just covers
    the payroll, up to 2 for the richest, toward 0 for the broke (recruits cost money)."""
    a = np.clip(affordability(state, scenario), 1e-6, 1e6)  # a numerical guard, far from play
    return (2.0 / (1.0 + a**-scenario.model.affordability_elasticity))[:, None]
