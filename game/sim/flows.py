"""Stocks and flows of cartel members, by faction and region, in weekly sub-steps.

Regionalised from Prieto-Curiel, Campedelli & Hope (2023, Science 381:1312). Their national model
for cartel i, per week, is

    dC_i = C_i (rho - eta / sum_k C_k - theta * sum_j K_ij C_j - omega * C_i)

Here C is split by region: recruits = rho * m[f,r]; arrests share the national eta by size,
weighted by each region's police, and only the share that courts hold stays incapacitated (the
rest are released back to the faction); conflict deaths = theta * m[f,r] * sum_g K[f,g] m[g,r], so
only groups present in the same region fight; exits = omega * C_f * m[f,r] (plus members whom
targeted youth programmes help out, game/sim/policy.py `desistance`). Each flow is a Poisson
draw around its expected value, so the same expectations give the national model back when every
member is in one region (tested).
"""

from __future__ import annotations

import numpy as np

from game.scenario.types import Scenario
from game.sim import policy
from game.sim.pairs import RegionSums
from game.sim.state import FLOW_NAMES, GameState
from game.sim.territory import recruitment_factor

WEEKS_PER_MONTH = 52.0 / 12.0
SUBSTEPS = 4
DT = WEEKS_PER_MONTH / SUBSTEPS  # weeks in one sub-step


def enmity(rivalry, alliance):
    """K[f,g] = (1 + rivalry) / (1 + alliance) (Prieto-Curiel et al. 2023); callers zero it
    within a faction. Works on whole matrices and on gathered pairs alike."""
    return (1.0 + rivalry) / (1.0 + alliance)


def arrest_weights(state: GameState) -> np.ndarray:
    """Arrest intensity of each region relative to a region at the reference police capacity
    [R]: eta is the national rate of arrests where police stand at 0.4 (the format's default)."""
    return np.maximum(state.police, 0.0) / policy.REFERENCE_CAPACITY


def incapacitation(state: GameState, scenario: Scenario) -> np.ndarray:
    """Share of arrests that end in prison, by region [R]: weak courts release most."""
    weak = scenario.model.incapacitation_with_weak_courts
    return weak + (1.0 - weak) * state.courts


def pool_factor(state: GameState, scenario: Scenario) -> np.ndarray:
    """Recruitment left by the finite pool of young people in each region [R]: 1 where few are
    taken, 0 where every recruitable person already works for a group (a pool share of 0 means
    no limit)."""
    if scenario.model.recruit_pool_share <= 0:
        return np.ones(state.n_regions)
    pool = (
        scenario.model.recruit_pool_share
        * scenario.map.populations()
        * (1.0 + scenario.arrays.job_losses)
    )
    return np.clip(1.0 - state.members.sum(axis=0) / np.maximum(pool, 1.0), 0.0, 1.0)


def strength(state: GameState, scenario: Scenario) -> np.ndarray:
    """How hard each faction fights [F]: disruption weakens it, a low profile restrains it.
    (How badly it defends itself when disrupted is its vulnerability, in `month_context`.)"""
    p = scenario.model
    return (1.0 - p.disruption_strength * state.disruption) * (
        1.0 - p.posture_violence * (1.0 - state.posture)
    )


def rival_pressure(state: GameState, scenario: Scenario) -> np.ndarray:
    """sum_g K[f,g] s[g] m[g,r] for every faction and region [F, R], occupied or not (what the
    cartel AI weighs when it looks at a plaza). Only factions alive now enter the F x F product."""
    m = state.members * strength(state, scenario)[:, None]
    alive = np.flatnonzero(m.sum(axis=1) > 0)
    rivalry, alliance = state.rivalry, state.alliance
    if alive.size < m.shape[0]:  # rows, then columns: the block np.ix_ gives, gathered faster
        rivalry, alliance = rivalry[alive][:, alive], alliance[alive][:, alive]
    kernel = enmity(rivalry, alliance)  # elementwise: the same values, on the living only
    np.fill_diagonal(kernel, 0.0)
    out = np.zeros_like(m)
    live = m[alive]
    if m.shape[1] <= 64:
        out[alive] = kernel @ live
        return out
    # On large maps only regions where two or more groups meet are computed.
    contested = np.flatnonzero((live > 0).sum(axis=0) >= 2)
    if contested.size:
        out[np.ix_(alive, contested)] = kernel @ live[:, contested]
    return out


def attribute(deaths: np.ndarray, fighting: np.ndarray) -> np.ndarray:
    """Conflict deaths each faction inflicted [F]: each region's deaths [R] shared among the
    factions there by how hard they fight (members times strength, `fighting` [F, R])."""
    return fighting @ (deaths / np.maximum(fighting.sum(axis=0), 1e-9))


def month_context(state: GameState, scenario: Scenario, f=None, r=None) -> dict:
    """What stays fixed during a month's sub-steps: the multipliers of each flow. Recruitment
    and arrests are given at the cells (f[i], r[i]) of index arrays f, r, or at every cell
    [F, R] by default; the other entries by faction [F] or by region [R]."""
    if f is None:
        f, r = policy.every_cell(state)
    p = scenario.model
    recruit_f = (
        p.recruitment_rate
        * recruitment_factor(state, scenario)[:, 0]
        * (1.0 - p.disruption_recruitment * state.disruption)
    )
    recruit = (
        recruit_f[f]
        * pool_factor(state, scenario)[r]
        * policy.recruitment_climate(state, scenario)[r]
    )
    arrest = (
        p.arrests_per_week
        * arrest_weights(state)
        * incapacitation(state, scenario)
        * policy.arrest_multiplier(state, scenario)
    )
    return {
        "recruit": recruit,
        "arrest": arrest[r]
        * policy.intel_arrests(state, scenario)[f]
        * policy.plazas_taken_back(state, scenario, f, r),
        "conflict": p.conflict_rate * policy.conflict_multiplier(state, scenario),
        "strength": strength(state, scenario),
        "vulnerability": 1.0 + p.disruption_vulnerability * state.disruption,
        "desist": policy.desistance(state, scenario),
    }


class Cells:
    """The occupied cells of a month, flattened: the sub-steps work on these alone.

    A cell empty at the start of a month stays empty until its end (recruits come from members;
    movement happens after), so on a map of thousands of regions the weekly arithmetic touches
    only the few thousand cells where someone is; the month's multipliers are computed at those
    cells alone.
    """

    def __init__(self, state: GameState, scenario: Scenario):
        n_f, n_r = state.members.shape
        self.shape = (n_f, n_r)
        self.flat = np.flatnonzero(state.members > 0)
        self.f, self.r = np.divmod(self.flat, n_r)
        ctx = month_context(state, scenario, self.f, self.r)
        self.members = state.members.ravel()[self.flat]
        self.recruit = ctx["recruit"]
        self.arrest = ctx["arrest"]
        self.strength = ctx["strength"][self.f]
        self.conflict = ctx["conflict"][self.r] * ctx["vulnerability"][self.f]
        self.omega = scenario.model.saturation_rate
        self.desist = ctx["desist"][self.r]
        self._pairs(state)

    def _pairs(self, state: GameState) -> None:
        """Every pair of occupied cells in the same region, with the enmity between them
        (game/sim/pairs.py)."""
        kernel = enmity(state.rivalry, state.alliance)  # [F, F], once, then gathered by pair
        np.fill_diagonal(kernel, 0.0)
        self.pairs = RegionSums(self.f, self.r, self.shape[1], kernel)

    def rates(self, m: np.ndarray) -> np.ndarray:
        """Expected weekly flows of each occupied cell given its members `m`: [4, cells], rows in
        the order of FLOW_NAMES (recruits, arrests, conflict deaths, exits)."""
        everyone = m.sum()
        # Rivals in the region, weighted by enmity and by how hard they fight.
        pressure = self.pairs.pressure(m * self.strength)
        totals = np.bincount(self.f, weights=m, minlength=self.shape[0])[self.f]
        out = np.empty((4, m.size))
        np.multiply(self.recruit, m, out=out[0])
        np.multiply(self.arrest, m / everyone if everyone > 0 else 0.0 * m, out=out[1])
        np.multiply(self.conflict * m, pressure, out=out[2])
        np.multiply(self.omega * totals + self.desist, m, out=out[3])
        return out

    def dense(self, values: np.ndarray) -> np.ndarray:
        out = np.zeros(self.shape[0] * self.shape[1])
        out[self.flat] = values
        return out.reshape(self.shape)


def step(m: np.ndarray, rates: np.ndarray, rng: np.random.Generator):
    """One weekly sub-step on the occupied cells: draw the flows around `rates`, the expected
    flows at members `m` (Cells.rates); (new members, flows drawn [4, cells] in the order of
    FLOW_NAMES)."""
    drawn = rng.poisson(rates * DT).astype(np.float64)
    outflow = drawn[1] + drawn[2] + drawn[3]
    available = m + drawn[0]
    # Nobody leaves twice: where the draws exceed the stock, scale the outflows down.
    over = outflow > available
    if over.any():
        drawn[1:] *= np.where(over, available / np.maximum(outflow, 1e-12), 1.0)
        outflow = np.minimum(outflow, available)
    return available - outflow, drawn


def simulate_cells(state: GameState, scenario: Scenario, rng: np.random.Generator):
    """The weekly sub-steps of one month on the occupied cells: (cells, their members at the
    end, the month's flows [4, cells] in the order of FLOW_NAMES, the expected weekly flows
    [4, cells] at the month's start)."""
    cells = Cells(state, scenario)
    m = cells.members.copy()
    totals = np.zeros((4, m.size))
    expected = rates = cells.rates(m)
    for k in range(SUBSTEPS):
        if k:
            rates = cells.rates(m)
        m, drawn = step(m, rates, rng)
        totals += drawn
    return cells, m, totals, expected


def add_month(state: GameState, scenario: Scenario, rng: np.random.Generator) -> np.ndarray:
    """Run a month's sub-steps and put the result in the state: its members, and the month's
    flows added to the counts so far (only the occupied cells change: elsewhere a count is
    kept as adding zero keeps it). Returns each faction's expected growth at the month's
    start (`net_growth`)."""
    cells, m, totals, expected = simulate_cells(state, scenario, rng)
    state.members = cells.dense(m)
    for k, name in enumerate(FLOW_NAMES):
        # A new array, each cell as if a zero were added (C order, so ravel() is a view).
        count = np.add(getattr(state, name), 0.0, order="C")
        count.ravel()[cells.flat] += totals[k]
        setattr(state, name, count)
    return net_growth(cells, expected)


def net_growth(cells: Cells, rates: np.ndarray) -> np.ndarray:
    """Expected weekly change per member of each faction [F]: recruits less arrests, conflict
    deaths and exits, at the rates `rates` [4, cells] (zero for a faction with no members)."""
    n_f = cells.shape[0]
    net = np.bincount(cells.f, weights=rates[0] - rates[1:].sum(axis=0), minlength=n_f)
    members = np.bincount(cells.f, weights=cells.members, minlength=n_f)
    return np.divide(net, members, out=np.zeros(n_f), where=members > 0)


def expected_flows(state: GameState, scenario: Scenario) -> dict[str, np.ndarray]:
    """Expected weekly flows of every cell [F, R] at the current members (no randomness): the
    same rates the sub-steps draw from."""
    cells = Cells(state, scenario)
    rates = cells.rates(cells.members)
    return {name: cells.dense(rates[k]) for k, name in enumerate(FLOW_NAMES)}


def expected_month(state: GameState, scenario: Scenario) -> dict[str, np.ndarray]:
    """The expected flows of one month at the current members [F, R] (no randomness)."""
    return {k: v * WEEKS_PER_MONTH for k, v in expected_flows(state, scenario).items()}
