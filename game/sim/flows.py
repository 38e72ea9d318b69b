"""Stocks and flows of cartel members, by faction and region, in weekly sub-steps.

Regionalised from Prieto-Curiel, Campedelli & Hope (2023, Science 381:1312). Their national model
for cartel i, per week, is

    dC_i = C_i (rho - eta / sum_k C_k - theta * sum_j K_ij C_j - omega * C_i)

Here C is split by region: recruits = rho * m[f,r]; arrests share the national eta by size,
weighted by each region's police, and only the share that courts hold stays incapacitated (the
rest are released back to the faction); conflict deaths = theta * m[f,r] * sum_g K[f,g] m[g,r], so
only groups present in the same region fight; exits = omega * C_f * m[f,r]. Each flow is a Poisson
draw around its expected value, so the same expectations give the national model back when every
member is in one region (tested).
"""

from __future__ import annotations

import numpy as np

from game.scenario.types import Scenario
from game.sim import policy
from game.sim.state import FLOW_NAMES, GameState
from game.sim.territory import recruitment_factor

WEEKS_PER_MONTH = 52.0 / 12.0
SUBSTEPS = 4
DT = WEEKS_PER_MONTH / SUBSTEPS  # weeks in one sub-step


def conflict_kernel(rivalry: np.ndarray, alliance: np.ndarray) -> np.ndarray:
    """K[f,g] = (1 + rivalry) / (1 + alliance), zero on the diagonal (Prieto-Curiel et al. 2023)."""
    k = (1.0 + rivalry) / (1.0 + alliance)
    np.fill_diagonal(k, 0.0)
    return k


def arrest_weights(state: GameState) -> np.ndarray:
    """Arrest intensity of each region relative to the national average member [R].

    Police capacity decides where the national arrests happen. The weights are measured against
    the police the game started with, so at the status quo the national total stays eta (the
    calibrated value) and better police anywhere raise it.
    """
    per_region = state.members.sum(axis=0)
    total = per_region.sum()
    police = np.maximum(state.police, 0.02)
    start = np.maximum(state.stocks.get("start_police", state.police), 0.02)
    if total <= 0:
        return police / start.mean()
    return police / (start @ per_region / total)


def incapacitation(state: GameState, scenario: Scenario) -> np.ndarray:
    """Share of arrests that end in prison, by region [R]: weak courts release most."""
    weak = scenario.model.incapacitation_with_weak_courts
    return weak + (1.0 - weak) * state.courts


def rival_pressure(kernel: np.ndarray, members: np.ndarray) -> np.ndarray:
    """sum_g K[f,g] m[g,r] for every cell [F, R].

    On large maps only regions where two or more groups meet are computed; on small ones a full
    product is cheaper than finding them.
    """
    if members.shape[1] <= 64:
        return kernel @ members
    pressure = np.zeros_like(members)
    contested = np.flatnonzero((members > 0).sum(axis=0) >= 2)
    if contested.size:
        pressure[:, contested] = kernel @ members[:, contested]
    return pressure


def live_pressure(state: GameState):
    """A function members -> rival pressure [F, R] that only computes the factions alive now.

    Split and absorbed factions keep their (empty) rows; leaving them out of the F x F products
    keeps long games fast. Rows empty at the start of a month stay empty until it ends.
    """
    alive = np.flatnonzero(state.members.sum(axis=1) > 0)
    kernel = conflict_kernel(
        state.rivalry[np.ix_(alive, alive)], state.alliance[np.ix_(alive, alive)]
    )

    def pressure(members: np.ndarray) -> np.ndarray:
        out = np.zeros_like(members)
        out[alive] = rival_pressure(kernel, members[alive])
        return out

    return pressure


def month_context(state: GameState, scenario: Scenario) -> dict:
    """What stays fixed during a month's sub-steps: the kernel and the policy multipliers."""
    return {
        "pressure": live_pressure(state),
        "recruit": scenario.model.recruitment_rate
        * recruitment_factor(state)
        * policy.recruitment_multiplier(state),
        "arrest": scenario.model.arrests_per_week
        * arrest_weights(state)
        * incapacitation(state, scenario)
        * policy.arrest_multiplier(state)
        * policy.intel_arrests(state)[:, None],
        "conflict": scenario.model.conflict_rate * policy.conflict_multiplier(state),
    }


def weekly_rates(state: GameState, scenario: Scenario, members: np.ndarray, ctx=None) -> dict:
    """Expected flows per week for each cell [F, R], given the members now."""
    ctx = ctx or month_context(state, scenario)
    totals = members.sum(axis=1, keepdims=True)
    everyone = totals.sum()
    share = members / everyone if everyone > 0 else np.zeros_like(members)
    return {
        "recruits": ctx["recruit"] * members,
        "arrests": ctx["arrest"] * share,
        "conflict_deaths": ctx["conflict"] * members * ctx["pressure"](members),
        "exits": scenario.model.saturation_rate * totals * members,
    }


def step(
    state: GameState, scenario: Scenario, members: np.ndarray, rng: np.random.Generator, ctx=None
):
    """One weekly sub-step: draw the flows and return (new members, flows drawn)."""
    rates = weekly_rates(state, scenario, members, ctx)
    occupied = np.nonzero(members > 0)
    drawn = {}
    for name in FLOW_NAMES:
        drawn[name] = np.zeros_like(members)
        drawn[name][occupied] = rng.poisson(rates[name][occupied] * DT)
    outflow = drawn["arrests"] + drawn["conflict_deaths"] + drawn["exits"]
    available = members + drawn["recruits"]
    # Nobody leaves twice: where the draws exceed the stock, scale the outflows down.
    over = outflow > available
    if over.any():
        scale = np.where(over, available / np.maximum(outflow, 1e-12), 1.0)
        for name in ("arrests", "conflict_deaths", "exits"):
            drawn[name] = drawn[name] * scale
        outflow = np.minimum(outflow, available)
    return available - outflow, drawn


def simulate_month(state: GameState, scenario: Scenario, rng: np.random.Generator):
    """Run the weekly sub-steps of one month; return (members, monthly flows)."""
    members = state.members.copy()
    totals = {name: np.zeros_like(members) for name in FLOW_NAMES}
    ctx = month_context(state, scenario)
    for _ in range(SUBSTEPS):
        members, drawn = step(state, scenario, members, rng, ctx)
        for name in FLOW_NAMES:
            totals[name] += drawn[name]
    return members, totals


def expected_month(state: GameState, scenario: Scenario):
    """The expected flows and homicides of one month at the current members (no randomness)."""
    rates = weekly_rates(state, scenario, state.members)
    flows = {name: rates[name] * WEEKS_PER_MONTH for name in FLOW_NAMES}
    from game.sim.homicides import expected_homicides

    return flows, expected_homicides(state, scenario, flows["conflict_deaths"])
