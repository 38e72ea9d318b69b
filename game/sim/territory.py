"""Routes, plazas and trafficking revenue: who profits from the flow north.

Each month the national supply (following US demand, `us_demand_tonnes`) moves along least-cost
routes (game/sim/routes.py). A region's cost rises with interdiction and with rival tolls where
several groups contest it; interdiction also seizes part of what passes. Every tonne through a
region pays `toll_per_tonne` (millions of pesos) to the groups there, in proportion to members.
"""

from __future__ import annotations

import numpy as np

from game.scenario.types import Scenario
from game.sim import routes
from game.sim.state import GameState

INTERDICTION_COST = 4.0  # hundreds of km of detour that full interdiction is worth
INTERDICTION_SEIZURE = 0.25  # share of passing flow seized at full interdiction
BASE_SEIZURE = 0.01
TOLL_COST = 0.5  # detour-equivalent cost of each extra contesting group
CONTEST_SHARE = 0.1  # share of a region's members from which a group contests its plaza
REVENUE_MEMORY = 0.1  # weight of this month in the revenue a faction is used to (a year's memory)
WAGE_PREMIUM = 0.3  # recruitment gained per unit of revenue per member above the average


def contest(state: GameState) -> np.ndarray:
    """Number of groups beyond the first with at least a tenth of a region's members [R]."""
    totals = state.members.sum(axis=0)
    significant = state.members >= CONTEST_SHARE * np.maximum(totals, 1.0)
    return np.maximum(significant.sum(axis=0) - 1, 0).astype(float)


def move_drugs(state: GameState, scenario: Scenario) -> routes.RouteFlows:
    """Route this month's supply; update drug_flow, arrivals and faction revenue."""
    graph = scenario.map.graph
    supply = graph.supply * scenario.model.us_demand_tonnes
    extra = INTERDICTION_COST * state.interdiction + TOLL_COST * contest(state)
    seizure = BASE_SEIZURE + INTERDICTION_SEIZURE * state.interdiction
    result = routes.route_flows(graph, supply, extra, seizure)
    state.drug_flow = result.through
    state.arrivals = result.arrivals
    state.route_next = result.next_hop
    state.revenue = revenue(state, scenario, result.through)
    # What a faction is used to earning: a slow average, started at its income.
    fresh = state.revenue_ref <= 0
    state.revenue_ref = np.where(
        fresh,
        state.revenue,
        (1 - REVENUE_MEMORY) * state.revenue_ref + REVENUE_MEMORY * state.revenue,
    )
    return result


def revenue(state: GameState, scenario: Scenario, through: np.ndarray) -> np.ndarray:
    """Trafficking revenue of each faction [F]: tolls on the flow through its regions."""
    totals = state.members.sum(axis=0)
    share = state.members / np.maximum(totals, 1.0)
    return share @ (through * scenario.model.toll_per_tonne)


def recruitment_factor(state: GameState) -> np.ndarray:
    """Recruitment multiplier per faction [F, 1]: money buys recruits (a wage premium).

    Revenue per member relative to the national average moves recruitment by up to +/-30%;
    the member-weighted average stays one, so national recruitment keeps its calibration.
    """
    members = state.members.sum(axis=1)
    total_rev, total_mem = state.revenue.sum(), members.sum()
    if total_rev <= 0 or total_mem <= 0:
        return np.ones((state.n_factions, 1))
    per_member = state.revenue / np.maximum(members, 1.0)
    relative = per_member / (total_rev / total_mem)
    return np.clip(1.0 + WAGE_PREMIUM * (relative - 1.0), 1 - WAGE_PREMIUM, 1 + WAGE_PREMIUM)[
        :, None
    ]
