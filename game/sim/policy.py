"""What the planner's money does: programmes become slow stocks, stocks change the model.

Each month the allocation (game/sim/levers.py) is turned into effort per programme and state.
Effort moves stocks with delays: regional intelligence builds in 3-6 months, national
intelligence in 6-12; police, courts and local integrity move toward a level set by their funding
over years and decay as slowly. Fast reform strains the system first (`strain`): arrests fall and
violence rises before the gains (F6: Alcocer 2024 on Guanajuato's police reform; the 2008-2016
judicial reform). Targeted youth programmes cut recruitment in their state after 6-18 months;
national transfers cut it a little everywhere (F5: Sumano & Reyes 2025 on Jóvenes Construyendo el
Futuro). Troops are in game/sim/force.py. Every number is a parameter (game/scenario/params.py).

The modifiers the other phases use (`recruitment_multiplier`, `arrest_multiplier`,
`conflict_multiplier`, `exposure`) are functions of the state, so nothing derived is saved.
"""

from __future__ import annotations

import numpy as np

from game.scenario.types import Scenario
from game.sim import force, levers
from game.sim.state import GameState

# The capacity (police, courts, integrity, prisons; 0-1) at which the national parameters hold:
# the scenario format's default. A definition, not a tunable number.
REFERENCE_CAPACITY = 0.4


def start_policy(state: GameState, scenario: Scenario) -> None:
    """Fill the programme stocks and the status-quo allocation of a new game."""
    p = scenario.model
    state.allocation = levers.status_quo(scenario)
    eff = levers.efforts(state, scenario)
    state.police = scenario.arrays.police.copy()
    state.courts = scenario.arrays.courts.copy()
    state.integrity[:] = REFERENCE_CAPACITY
    state.prisons = REFERENCE_CAPACITY
    force.start_troops(state, eff)
    state.youth = np.asarray(eff["youth"], dtype=float).copy()
    gain = p.regional_intel_gain * np.asarray(eff["intel_state"], dtype=float)
    both = gain + p.regional_intel_decay
    state.regional_intel = np.divide(gain, both, out=np.zeros_like(gain), where=both > 0)
    state.reform_effort = np.asarray(eff["police"] + eff["courts"], dtype=float)
    state.intel[:] = scenario.starting_intel
    state.interdiction = np.minimum(np.asarray(eff["interdiction"], dtype=float), 1.0)
    state.base_exposure = float(exposure(state, scenario).mean()) if state.n_factions else 0.0


def status_quo_effort(programme: str) -> float:
    return levers.BY_ID[programme].status_quo


def _toward(stock, target, months: float):
    return stock + (target - stock) / months


def _funded(effort, programme: str, scenario: Scenario, start=REFERENCE_CAPACITY):
    """The capacity a programme's funding sustains: the start, moved by effort above or below
    the status quo."""
    shift = scenario.model.institution_sensitivity * (effort - status_quo_effort(programme))
    return np.clip(start + shift, 0.0, 1.0)


def phase_policy(state: GameState, scenario: Scenario) -> None:
    """Turn this month's allocation into effort and move the programme stocks."""
    p = scenario.model
    eff = levers.efforts(state, scenario)
    months = p.institution_months
    start = scenario.arrays
    state.police = _toward(
        state.police, _funded(eff["police"], "police", scenario, start.police), months
    )
    state.courts = _toward(
        state.courts, _funded(eff["courts"], "courts", scenario, start.courts), months
    )
    target = _funded(eff["local_integrity"], "local_integrity", scenario)
    state.integrity = _toward(state.integrity, target, months)
    # A reform shakes the system the months after the money arrives: new procedures, purged
    # units, cases lost in the transition (F6). Strain comes from the *rise* in funding.
    reform = np.asarray(eff["police"] + eff["courts"], dtype=float)
    rise = np.maximum(reform - state.reform_effort, 0.0)
    state.reform_effort = reform
    state.strain = state.strain * p.strain_decay + p.strain_per_reform * rise
    force.deploy(state, eff)
    state.youth = _toward(state.youth, np.asarray(eff["youth"], dtype=float), p.youth_months)
    ri = state.regional_intel
    state.regional_intel = (
        ri + p.regional_intel_gain * eff["intel_state"] * (1 - ri) - p.regional_intel_decay * ri
    )
    # National intelligence moves toward what its funding sustains (the start, at the status quo).
    shift = p.intel_sensitivity * (eff["intel_national"] - status_quo_effort("intel_national"))
    target = float(np.clip(scenario.starting_intel + shift, 0.0, 1.0))
    state.intel = _toward(state.intel, np.full_like(state.intel, target), p.intel_months)
    state.interdiction = np.minimum(np.asarray(eff["interdiction"], dtype=float), 1.0)
    prisons = float(_funded(eff["prisons"], "prisons", scenario))
    state.prisons = _toward(state.prisons, prisons, p.prison_months)
    state.freeze = _freezes(state, scenario, eff["financial_intel"])


def _freezes(state: GameState, scenario: Scenario, effort: float) -> np.ndarray:
    """Frozen share of each faction's money: freezes stick only where courts work (F6)."""
    totals = np.maximum(state.members.sum(axis=1), 1.0)
    courts_where = (state.members @ state.courts) / totals
    return np.clip(scenario.model.freeze_rate * effort * courts_where, 0.0, 1.0)


# --- modifiers used by the flows, homicide and operations phases --------------------------------


def exposure(state: GameState, scenario: Scenario) -> np.ndarray:
    """How well the state knows each faction's network [F], 0-1: national intelligence, regional
    coverage where it operates, US cooperation, the disorder of a disrupted group, and the focus
    of conditional targeting on the organisation targeted first."""
    p = scenario.model
    totals = np.maximum(state.members.sum(axis=1), 1.0)
    regional = (state.members @ state.regional_intel) / totals
    extra = p.us_cooperation_exposure * float(state.us_cooperation) + (
        p.disruption_exposure * state.disruption
    )
    if state.targeting and state.target:
        extra = extra + p.targeting_exposure * np.array(
            [info.id == state.target for info in state.factions], dtype=float
        )
    return np.clip(state.intel + (1 - state.intel) * regional + extra, 0.0, 1.0)


def recruitment_multiplier(state: GameState, scenario: Scenario) -> np.ndarray:
    """The regional recruitment multiplier for every faction [F, R] (see `recruitment_climate`)."""
    climate = recruitment_climate(state, scenario)
    return np.broadcast_to(climate[None, :], (state.n_factions, climate.size))


def recruitment_climate(state: GameState, scenario: Scenario) -> np.ndarray:
    """Recruitment multiplier by region [R] from prevention, integrity, prisons and lost jobs
    (frozen money cuts recruitment through what a faction can pay: game/sim/territory.py).
    Recruits come from members, so job losses raise recruitment only where cartels already are
    (Dell, Feigenberg & Teshima 2019)."""
    p = scenario.model
    transfers = levers.national_effort(state, scenario, "transfers")
    regional = (
        (1.0 - p.youth_effect * np.minimum(state.youth, 1.5))
        * (1.0 - p.integrity_effect * (state.integrity - REFERENCE_CAPACITY))
        * (1.0 + p.job_loss_effect * scenario.arrays.job_losses)
    )
    national = (1.0 - p.transfer_effect * transfers) * (
        1.0 - p.prison_effect * (state.prisons - REFERENCE_CAPACITY)
    )
    quo = (1.0 - p.youth_effect * status_quo_effort("youth")) * (
        1.0 - p.transfer_effect * status_quo_effort("transfers")
    )
    return regional * national / quo


def desistance(state: GameState, scenario: Scenario) -> np.ndarray:
    """Members a week per member whom targeted youth programmes help out of the groups, by
    region [R], beyond the status quo's programmes (outreach and exit work)."""
    extra = np.maximum(state.youth - status_quo_effort("youth"), 0.0)
    return scenario.model.youth_desistance * extra


def arrest_multiplier(state: GameState, scenario: Scenario) -> np.ndarray:
    """Arrests by region relative to the status quo [R]: troops add, reform strain subtracts."""
    strain = scenario.model.strain_arrest_cut * (1.0 - np.exp(-state.strain))
    return np.maximum(force.arrest_gain(state, scenario), 0.0) * (1.0 - strain)


def intel_arrests(state: GameState, scenario: Scenario) -> np.ndarray:
    """Arrests per faction relative to the start [F]: intelligence puts them on the right people
    (exposure over the starting exposure, to the power `intel_arrests`)."""
    base = max(state.base_exposure, 1e-3)
    return (np.maximum(exposure(state, scenario), 1e-3) / base) ** scenario.model.intel_arrests


def capacity_above_reference(state: GameState) -> np.ndarray:
    """How far police and courts stand above the reference, by region [R]: 0 at or below 0.4,
    1 at full capacity."""
    capacity = 0.5 * (state.police + state.courts)
    return np.clip((capacity - REFERENCE_CAPACITY) / (1.0 - REFERENCE_CAPACITY), 0.0, 1.0)


def plazas_taken_back(state: GameState, scenario: Scenario, f=None, r=None) -> np.ndarray:
    """Arrests multiplier [F, R], or at the cells (f[i], r[i]) of index arrays f, r: where
    police and courts are capable, the state moves in on the plazas of a disrupted organisation
    (F8: the state holds the territory a fallen leader leaves); where they are not, nothing
    changes and rivals take the plazas instead."""
    if f is None:
        f, r = every_cell(state)
    p = scenario.model
    return 1.0 + p.disruption_arrests * state.disruption[f] * capacity_above_reference(state)[r]


def every_cell(state: GameState) -> tuple[np.ndarray, np.ndarray]:
    """Index arrays (faction [F, 1], region [1, R]) that broadcast to every cell [F, R]."""
    return np.arange(state.n_factions)[:, None], np.arange(state.n_regions)[None, :]


def conflict_multiplier(state: GameState, scenario: Scenario) -> np.ndarray:
    """Conflict intensity by region [R]: troops stirring contested plazas (F4), the strain of a
    reform (F6), and capable police and courts deterring open fighting (Lessing 2017)."""
    p = scenario.model
    capacity = 0.5 * (state.police + state.courts)
    deterrence = np.exp(-p.deterrence * (capacity - REFERENCE_CAPACITY))
    return (
        (1.0 + force.stir(state, scenario)) * (1.0 + p.strain_conflict * state.strain) * deterrence
    )
