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
        "conflict_deaths": ctx["conflict"] * members * live_pressure(state)(members),
        "exits": scenario.model.saturation_rate * totals * members,
    }


class Cells:
    """The occupied cells of a month, flattened: the sub-steps work on these alone.

    A cell empty at the start of a month stays empty until its end (recruits come from members;
    movement happens after), so on a map of thousands of regions the weekly arithmetic touches
    only the few thousand cells where someone is.
    """

    def __init__(self, state: GameState, scenario: Scenario, ctx: dict):
        n_f, n_r = state.members.shape
        self.shape = (n_f, n_r)
        self.flat = np.flatnonzero(state.members.ravel() > 0)
        self.f, self.r = np.divmod(self.flat, n_r)
        self.members = state.members.ravel()[self.flat]
        self.recruit = (
            ctx["recruit"].ravel()[self.flat] if np.ndim(ctx["recruit"]) == 2 else ctx["recruit"]
        )
        self.arrest = ctx["arrest"].ravel()[self.flat]
        self.conflict = np.broadcast_to(ctx["conflict"], (n_f, n_r)).ravel()[self.flat]
        self.omega = scenario.model.saturation_rate
        self._pairs(state)

    def _pairs(self, state: GameState) -> None:
        """Every pair of occupied cells in the same region, with the enmity between them."""
        order = np.argsort(self.r, kind="stable")
        r_sorted = self.r[order]
        counts = np.bincount(r_sorted, minlength=self.shape[1])
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        size = counts[r_sorted]
        i = np.repeat(np.arange(order.size), size)
        first = np.repeat(np.cumsum(size) - size, size)
        j = starts[r_sorted][i] + (np.arange(i.size) - first)
        self.pair_i, self.pair_j = order[i], order[j]
        fi, fj = self.f[self.pair_i], self.f[self.pair_j]
        # K = (1 + rivalry) / (1 + alliance), zero within a faction (Prieto-Curiel et al. 2023)
        self.pair_k = np.where(
            fi == fj, 0.0, (1.0 + state.rivalry[fi, fj]) / (1.0 + state.alliance[fi, fj])
        )

    def rates(self, m: np.ndarray) -> dict:
        """Expected weekly flows of each occupied cell, given its members `m`."""
        everyone = m.sum()
        pressure = np.bincount(self.pair_i, weights=self.pair_k * m[self.pair_j], minlength=m.size)
        totals = np.bincount(self.f, weights=m, minlength=self.shape[0])[self.f]
        return {
            "recruits": self.recruit * m,
            "arrests": self.arrest * (m / everyone if everyone > 0 else 0.0 * m),
            "conflict_deaths": self.conflict * m * pressure,
            "exits": self.omega * totals * m,
        }

    def dense(self, values: np.ndarray) -> np.ndarray:
        out = np.zeros(self.shape[0] * self.shape[1])
        out[self.flat] = values
        return out.reshape(self.shape)


def step(cells: Cells, m: np.ndarray, rng: np.random.Generator):
    """One weekly sub-step on the occupied cells: draw the flows; (new members, flows drawn)."""
    rates = cells.rates(m)
    drawn = {name: rng.poisson(rates[name] * DT).astype(np.float64) for name in FLOW_NAMES}
    outflow = drawn["arrests"] + drawn["conflict_deaths"] + drawn["exits"]
    available = m + drawn["recruits"]
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
    cells = Cells(state, scenario, month_context(state, scenario))
    m = cells.members.copy()
    totals = {name: np.zeros_like(m) for name in FLOW_NAMES}
    for _ in range(SUBSTEPS):
        m, drawn = step(cells, m, rng)
        for name in FLOW_NAMES:
            totals[name] += drawn[name]
    return cells.dense(m), {name: cells.dense(v) for name, v in totals.items()}


def expected_month(state: GameState, scenario: Scenario):
    """The expected flows and homicides of one month at the current members (no randomness)."""
    rates = weekly_rates(state, scenario, state.members)
    flows = {name: rates[name] * WEEKS_PER_MONTH for name in FLOW_NAMES}
    from game.sim.homicides import expected_homicides

    return flows, expected_homicides(state, scenario, flows["conflict_deaths"])
