"""What the planner's money does: programmes become slow stocks, stocks change the model.

Each month the allocation (game/sim/levers.py) is turned into effort per programme and state.
Effort moves stocks with delays: regional intelligence builds in 3-6 months, national
intelligence in 6-12; police, courts and local integrity move toward a level set by their funding
over years (a time constant of three years) and decay as slowly. Fast reform strains the system
first (`strain`): arrests fall and violence rises before the gains (F6: Alcocer 2024 on
Guanajuato's police reform; the 2008-2016 judicial reform). Targeted youth programmes cut
recruitment in their state after 6-18 months; national transfers cut it a little everywhere (F5:
Sumano & Reyes 2025 on Jóvenes Construyendo el Futuro). Troops are in game/sim/force.py.

The modifiers the other phases use (`recruitment_multiplier`, `arrest_multiplier`,
`conflict_multiplier`, `exposure`) are functions of the state, so nothing derived is saved.
"""

from __future__ import annotations

import numpy as np

from game.scenario.types import Scenario
from game.sim import force, levers
from game.sim.state import GameState

INSTITUTION_MONTHS = 36.0  # time constant of police, courts and local integrity
INSTITUTION_SENSITIVITY = 0.6  # capacity gained per unit of effort above the status quo
START_INTEGRITY = 0.4
YOUTH_MONTHS = 9.0
YOUTH_EFFECT = 0.5  # recruitment cut in a state at full targeted effort (Prieto-Curiel et al. 2023)
TRANSFER_EFFECT = 0.04  # recruitment cut everywhere at full national transfers: weak per peso
INTEGRITY_EFFECT = 0.25
PRISON_EFFECT = 0.1
START_PRISONS = 0.4
PRISON_MONTHS = 24.0
FREEZE_EFFECT = 0.3  # recruitment lost by a faction whose money is fully frozen
JOB_LOSS_EFFECT = 1.0  # recruitment gained per share of legal jobs lost (an estimate)
REGIONAL_INTEL_GAIN, REGIONAL_INTEL_DECAY = 0.2, 0.03
INTEL_SENSITIVITY, INTEL_MONTHS = 0.5, 9.0  # national intelligence: gain per effort, delay
US_COOPERATION_EXPOSURE = 0.15
STRAIN_DECAY = 0.85
STRAIN_PER_REFORM = 0.6  # strain per unit of police-plus-courts effort added in a month
INTEL_ARRESTS = 1.5  # arrests gained per unit of exposure gained
DETERRENCE = 1.6  # conflict lost per unit of police-and-courts capacity gained


def start_policy(state: GameState, scenario: Scenario) -> None:
    """Fill the programme stocks and the status-quo allocation of a new game."""
    state.allocation = levers.status_quo(scenario)
    eff = levers.efforts(state, scenario)
    state.police = scenario.arrays.police.copy()
    state.courts = scenario.arrays.courts.copy()
    state.integrity[:] = START_INTEGRITY
    state.prisons = START_PRISONS
    force.start_troops(state, eff)
    state.youth = np.asarray(eff["youth"], dtype=float).copy()
    gain = REGIONAL_INTEL_GAIN * np.asarray(eff["intel_state"], dtype=float)
    state.regional_intel = gain / (gain + REGIONAL_INTEL_DECAY)  # at its equilibrium
    state.reform_effort = np.asarray(eff["police"] + eff["courts"], dtype=float)
    state.intel[:] = scenario.model.starting_intel
    state.interdiction = np.minimum(np.asarray(eff["interdiction"], dtype=float), 1.0)
    state.base_exposure = float(exposure(state).mean()) if state.n_factions else 0.0


def status_quo_effort(programme: str) -> float:
    return levers.BY_ID[programme].status_quo


def _toward(stock, target, months: float):
    return stock + (target - stock) / months


def phase_policy(state: GameState, scenario: Scenario) -> None:
    """Turn this month's allocation into effort and move the programme stocks."""
    eff = levers.efforts(state, scenario)
    _institutions(state, scenario, eff)
    # A reform shakes the system the months after the money arrives: new procedures, purged
    # units, cases lost in the transition (F6). Strain comes from the *rise* in funding.
    reform = np.asarray(eff["police"] + eff["courts"], dtype=float)
    rise = np.maximum(reform - state.reform_effort, 0.0)
    state.reform_effort = reform
    state.strain = state.strain * STRAIN_DECAY + STRAIN_PER_REFORM * rise
    force.deploy(state, eff)
    state.youth = _toward(state.youth, np.asarray(eff["youth"], dtype=float), YOUTH_MONTHS)
    ri = state.regional_intel
    state.regional_intel = (
        ri + REGIONAL_INTEL_GAIN * eff["intel_state"] * (1 - ri) - REGIONAL_INTEL_DECAY * ri
    )
    # National intelligence moves toward what its funding sustains (the start, at the status quo).
    target = np.clip(
        scenario.model.starting_intel
        + INTEL_SENSITIVITY * (eff["intel_national"] - status_quo_effort("intel_national")),
        0.0,
        1.0,
    )
    state.intel = _toward(state.intel, np.full_like(state.intel, target), INTEL_MONTHS)
    state.interdiction = np.minimum(np.asarray(eff["interdiction"], dtype=float), 1.0)
    prisons = np.clip(START_PRISONS + INSTITUTION_SENSITIVITY * (eff["prisons"] - 0.5), 0, 1)
    state.prisons = float(_toward(np.array(state.prisons), np.array(prisons), PRISON_MONTHS))
    state.freeze = _freezes(state, eff["financial_intel"])


def _institutions(state: GameState, scenario: Scenario, eff: dict) -> None:
    start = scenario.arrays
    for name, begin in (("police", start.police), ("courts", start.courts)):
        target = np.clip(
            begin + INSTITUTION_SENSITIVITY * (eff[name] - status_quo_effort(name)), 0, 1
        )
        setattr(state, name, _toward(getattr(state, name), target, INSTITUTION_MONTHS))
    quo = status_quo_effort("local_integrity")
    target = np.clip(
        START_INTEGRITY + INSTITUTION_SENSITIVITY * (eff["local_integrity"] - quo), 0, 1
    )
    state.integrity = _toward(state.integrity, target, INSTITUTION_MONTHS)


def _freezes(state: GameState, effort: float) -> np.ndarray:
    """Frozen share of each faction's money: freezes stick only where courts work (F6)."""
    totals = np.maximum(state.members.sum(axis=1), 1.0)
    courts_where = (state.members @ state.courts) / totals
    return np.clip(0.6 * effort * courts_where, 0.0, 0.9)


# --- modifiers used by the flows, homicide and operations phases --------------------------------


def exposure(state: GameState) -> np.ndarray:
    """Effective intelligence on each faction [F]: national knowledge plus regional coverage."""
    totals = np.maximum(state.members.sum(axis=1), 1.0)
    regional = (state.members @ state.regional_intel) / totals
    coop = US_COOPERATION_EXPOSURE * float(state.us_cooperation)
    return np.clip(state.intel + (1 - state.intel) * regional + coop, 0.0, 1.0)


def recruitment_multiplier(state: GameState, scenario: Scenario) -> np.ndarray:
    """Recruitment multiplier [F, R] from prevention, integrity, prisons, frozen money and lost
    legal jobs. Recruits come from members, so job losses raise recruitment only where cartels
    already are (Dell, Feigenberg & Teshima 2019)."""
    transfers = levers.national_effort(state, scenario, "transfers")
    regional = (
        (1.0 - YOUTH_EFFECT * np.minimum(state.youth, 1.5))
        * (1.0 - INTEGRITY_EFFECT * (state.integrity - START_INTEGRITY))
        * (1.0 + JOB_LOSS_EFFECT * scenario.arrays.job_losses)
    )
    national = (1.0 - TRANSFER_EFFECT * transfers) * (
        1.0 - PRISON_EFFECT * (state.prisons - START_PRISONS)
    )
    quo = (1.0 - YOUTH_EFFECT * status_quo_effort("youth")) * (
        1.0 - TRANSFER_EFFECT * status_quo_effort("transfers")
    )
    per_faction = 1.0 - FREEZE_EFFECT * state.freeze
    return np.clip(per_faction[:, None] * regional[None, :] * national / quo, 0.2, 2.0)


def arrest_multiplier(state: GameState) -> np.ndarray:
    """Arrests by region relative to the status quo [R]: troops add, reform strain subtracts."""
    return np.clip(
        force.arrest_gain(state) * (1.0 - np.minimum(state.strain, 0.6)),
        0.2,
        3.0,
    )


def intel_arrests(state: GameState) -> np.ndarray:
    """Arrests per faction relative to the start [F]: intelligence puts them on the right people."""
    return np.clip(1.0 + INTEL_ARRESTS * (exposure(state) - state.base_exposure), 0.5, 2.0)


def conflict_multiplier(state: GameState, scenario: Scenario) -> np.ndarray:
    """Conflict intensity by region [R]: tension, and troops stirring contested plazas (F4)."""
    # Capable police and courts deter open fighting: below the start it gets worse, above better.
    capacity = 0.5 * (state.police + state.courts)
    start = 0.5 * (scenario.arrays.police + scenario.arrays.courts)
    deterrence = np.clip(1.0 - DETERRENCE * (capacity - start), 0.3, 1.5)
    return (
        (1.0 + state.tension) * (1.0 + force.stir(state)) * (1.0 + 0.5 * state.strain) * deterrence
    )
