"""What the planner's money does: programmes become slow stocks, stocks change the model.

Each month the allocation (game/sim/levers.py) is turned into effort per programme and state.
Effort moves stocks with delays: troops deploy within a month; regional intelligence builds in
3-6 months, national intelligence in 6-12; police, courts and local integrity move toward a level
set by their funding over years (a time constant of three years) and decay as slowly. Fast reform
strains the system first (`strain`): arrests fall and violence rises before the gains (F6:
Alcocer 2024 on Guanajuato's police reform; the 2008-2016 judicial reform). Targeted youth
programmes cut recruitment in their state after 6-18 months; national transfers cut it a little
everywhere (F5: Sumano & Reyes 2025 on Jóvenes Construyendo el Futuro).

The modifiers the other phases use (`recruitment_multiplier`, `arrest_multiplier`,
`conflict_multiplier`, `exposure`) are functions of the state, so nothing derived is saved.
"""

from __future__ import annotations

import numpy as np

from game.scenario.types import Scenario
from game.sim import levers
from game.sim.events import Event
from game.sim.state import GameState

INSTITUTION_MONTHS = 36.0  # time constant of police, courts and local integrity
INSTITUTION_SENSITIVITY = 0.6  # capacity gained per unit of effort above the status quo
YOUTH_MONTHS = 9.0
YOUTH_EFFECT = 0.5  # recruitment cut in a state at full targeted effort (Prieto-Curiel et al. 2023)
TRANSFER_EFFECT = 0.04  # recruitment cut everywhere at full national transfers: weak per peso
INTEGRITY_EFFECT = 0.25
PRISON_EFFECT = 0.1
FREEZE_EFFECT = 0.3
JOB_LOSS_EFFECT = 1.0  # recruitment gained per share of legal jobs lost (an estimate)  # recruitment lost by a faction whose money is fully frozen
REGIONAL_INTEL_GAIN, REGIONAL_INTEL_DECAY = 0.2, 0.03
INTEL_SENSITIVITY, INTEL_MONTHS = 0.5, 9.0  # national intelligence: gain per effort, delay
US_COOPERATION_EXPOSURE = 0.15
STRAIN_DECAY = 0.85
STRAIN_PER_REFORM = 0.6  # strain per unit of police-plus-courts effort added in a month
INTEL_ARRESTS = 1.5  # arrests gained per unit of exposure gained
STIR = 0.3  # extra conflict per unit of troop effort above the status quo, fading (F4)
DETERRENCE = 1.6  # conflict lost per unit of police-and-courts capacity gained
REGIONS = (
    "troops",
    "youth",
    "integrity",
    "regional_intel",
    "strain",
    "deployed_months",
    "state_kills",
    "civilians_killed",
    "soldiers_killed",
)


def start_policy(state: GameState, scenario: Scenario) -> None:
    """Fill the programme stocks and the status-quo allocation of a new game."""
    n = scenario.map.n
    state.allocation = levers.status_quo(scenario)
    state.stocks = {name: np.zeros(n) for name in REGIONS}
    state.stocks["troops"] = np.asarray(levers.effort(state, scenario, "troops"), dtype=float)
    state.stocks["troops_ordered"] = state.stocks["troops"].copy()
    state.stocks["youth"] = np.asarray(levers.effort(state, scenario, "youth"), dtype=float)
    state.stocks["integrity"] = np.full(n, 0.4)
    state.stocks["regional_intel"] = _regional_intel_equilibrium(state, scenario)
    state.stocks["job_losses"] = np.array([r.job_losses for r in scenario.regions], dtype=float)
    state.stocks["start_police"] = state.police.copy()  # what the status quo sustains
    state.stocks["reform_effort"] = np.asarray(
        levers.effort(state, scenario, "police"), dtype=float
    ) + np.asarray(levers.effort(state, scenario, "courts"), dtype=float)
    state.stocks["start_courts"] = state.courts.copy()
    state.interdiction = np.minimum(np.asarray(levers.effort(state, scenario, "interdiction")), 1.0)
    state.politics = {
        "approval": 55.0,
        "us_pressure": 50.0,
        "prisons": 0.4,
        "us_cooperation": 0.0,
    }
    state.politics["start_intel"] = float(scenario.model.starting_intel)
    state.politics["start_exposure"] = float(exposure(state).mean()) if state.n_factions else 0.0


def _regional_intel_equilibrium(state, scenario) -> np.ndarray:
    e = np.asarray(levers.effort(state, scenario, "intel_state"), dtype=float)
    gain = REGIONAL_INTEL_GAIN * e
    return gain / (gain + REGIONAL_INTEL_DECAY)


def status_quo_effort(programme: str) -> float:
    return levers.BY_ID[programme].status_quo


def _toward(stock: np.ndarray, target: np.ndarray, months: float) -> np.ndarray:
    return stock + (target - stock) / months


def phase_policy(state: GameState, scenario: Scenario, turn: int) -> list[Event]:
    """Turn this month's allocation into effort and move the programme stocks."""
    eff = levers.efforts(state, scenario)
    s = state.stocks
    _institutions(state, eff)
    # A reform shakes the system the months after the money arrives: new procedures, purged
    # units, cases lost in the transition (F6). Strain comes from the *rise* in funding.
    reform = np.asarray(eff["police"]) + np.asarray(eff["courts"])
    rise = np.maximum(reform - s.get("reform_effort", reform), 0.0)
    s["reform_effort"] = reform.astype(float)
    s["strain"] = s["strain"] * STRAIN_DECAY + STRAIN_PER_REFORM * rise
    deployed = eff["troops"] > 0.05
    s["deployed_months"] = np.where(deployed, s["deployed_months"] + 1, 0.0)
    # Units ordered this month arrive next month: moving troops takes time.
    ordered = np.asarray(eff["troops"], dtype=float)
    s["troops"] = s.get("troops_ordered", ordered)
    s["troops_ordered"] = ordered
    s["youth"] = _toward(s["youth"], np.asarray(eff["youth"], dtype=float), YOUTH_MONTHS)
    ri = s["regional_intel"]
    s["regional_intel"] = (
        ri + REGIONAL_INTEL_GAIN * eff["intel_state"] * (1 - ri) - REGIONAL_INTEL_DECAY * ri
    )
    # National intelligence moves toward what its funding sustains (the start, at the status quo).
    target = np.clip(
        state.politics["start_intel"]
        + INTEL_SENSITIVITY * (eff["intel_national"] - status_quo_effort("intel_national")),
        0.0,
        1.0,
    )
    state.intel = _toward(state.intel, np.full_like(state.intel, target), INTEL_MONTHS)
    state.interdiction = np.minimum(np.asarray(eff["interdiction"], dtype=float), 1.0)
    state.politics["prisons"] = float(
        _toward(
            np.array(state.politics["prisons"]),
            np.array(np.clip(0.4 + INSTITUTION_SENSITIVITY * (eff["prisons"] - 0.5), 0, 1)),
            24.0,
        )
    )
    state.freeze = _freezes(state, eff["financial_intel"])
    state.politics["transfers"] = float(eff["transfers"])
    return []


def _institutions(state: GameState, eff: dict) -> None:
    s = state.stocks
    for name, arr in (("police", state.police), ("courts", state.courts)):
        quo = status_quo_effort(name)
        target = np.clip(
            state_start(state, name) + INSTITUTION_SENSITIVITY * (eff[name] - quo), 0, 1
        )
        setattr(state, name, _toward(arr, target, INSTITUTION_MONTHS))
    quo = status_quo_effort("local_integrity")
    target = np.clip(0.4 + INSTITUTION_SENSITIVITY * (eff["local_integrity"] - quo), 0, 1)
    s["integrity"] = _toward(s["integrity"], target, INSTITUTION_MONTHS)


def state_start(state: GameState, name: str) -> np.ndarray:
    """The starting capacity of police or courts (what the status quo sustains)."""
    return state.stocks[f"start_{name}"]


def _freezes(state: GameState, effort: float) -> np.ndarray:
    """Frozen share of each faction's money: freezes stick only where courts work (F6)."""
    totals = np.maximum(state.members.sum(axis=1), 1.0)
    courts_where = (state.members @ state.courts) / totals
    return np.clip(0.6 * effort * courts_where, 0.0, 0.9)


# --- modifiers used by the flows, homicide and operations phases --------------------------------


def exposure(state: GameState) -> np.ndarray:
    """Effective intelligence on each faction [F]: national knowledge plus regional coverage."""
    totals = np.maximum(state.members.sum(axis=1), 1.0)
    regional = (state.members @ state.stocks["regional_intel"]) / totals
    coop = US_COOPERATION_EXPOSURE * state.politics.get("us_cooperation", 0.0)
    return np.clip(state.intel + (1 - state.intel) * regional + coop, 0.0, 1.0)


def recruitment_multiplier(state: GameState) -> np.ndarray:
    """Recruitment multiplier [F, R] from prevention, integrity, prisons, frozen money and lost
    legal jobs. Recruits come from members, so job losses raise recruitment only where cartels
    already are (Dell, Feigenberg & Teshima 2019)."""
    s = state.stocks
    regional = (
        (1.0 - YOUTH_EFFECT * np.minimum(s["youth"], 1.5))
        * (1.0 - INTEGRITY_EFFECT * (s["integrity"] - 0.4))
        * (1.0 + JOB_LOSS_EFFECT * s.get("job_losses", 0.0))
    )
    national = (1.0 - TRANSFER_EFFECT * state.politics.get("transfers", 0.5)) * (
        1.0 - PRISON_EFFECT * (state.politics.get("prisons", 0.4) - 0.4)
    )
    quo = (1.0 - YOUTH_EFFECT * status_quo_effort("youth")) * (
        1.0 - TRANSFER_EFFECT * status_quo_effort("transfers")
    )
    per_faction = 1.0 - FREEZE_EFFECT * state.freeze
    return np.clip(per_faction[:, None] * regional[None, :] * national / quo, 0.2, 2.0)


def arrest_multiplier(state: GameState) -> np.ndarray:
    """Arrests by region relative to the status quo [R]: troops add, reform strain subtracts."""
    troops = state.stocks["troops"]
    quo = status_quo_effort("troops")
    return np.clip(
        (1.0 + 0.8 * (troops - quo)) * (1.0 - np.minimum(state.stocks["strain"], 0.6)), 0.2, 3.0
    )


def intel_arrests(state: GameState) -> np.ndarray:
    """Arrests per faction relative to the start [F]: intelligence puts them on the right people."""
    start = state.politics.get("start_exposure", None)
    gain = exposure(state) - (start if start is not None else exposure(state).mean())
    return np.clip(1.0 + INTEL_ARRESTS * gain, 0.5, 2.0)


def conflict_multiplier(state: GameState) -> np.ndarray:
    """Conflict intensity by region [R]: tension, and troops stirring contested plazas (F4)."""
    troops = state.stocks["troops"]
    quo = status_quo_effort("troops")
    stirred = STIR * np.maximum(troops - quo, 0.0) * np.exp(-state.stocks["deployed_months"] / 18.0)
    # Capable police and courts deter open fighting: below the start it gets worse, above better.
    capacity = 0.5 * (state.police + state.courts)
    start = 0.5 * (state.stocks["start_police"] + state.stocks["start_courts"])
    deterrence = np.clip(1.0 - DETERRENCE * (capacity - start), 0.3, 1.5)
    return (
        (1.0 + state.tension) * (1.0 + stirred) * (1.0 + 0.5 * state.stocks["strain"]) * deterrence
    )


# --- force: clashes with the state, civilians, soldiers ------------------------------------------

CLASH_RATE = 0.0015  # members killed by troops a month per member, at full effort
SOLDIERS_PER_KILLED = 1.0 / 19.0  # F4: about 19 alleged criminals killed per soldier killed
CIVILIAN_RATIO = 0.6  # civilians killed per member killed where intelligence and police are nil


def phase_force(state: GameState, scenario: Scenario, turn: int, rng) -> list[Event]:
    """Troops kill and are killed; with little intelligence and weak police, civilians die too."""
    troops = state.stocks["troops"]
    rate = CLASH_RATE * troops * (0.5 + 0.5 * state.posture[:, None])  # [F, R]
    killed = rng.poisson(rate * state.members).astype(float)
    killed = np.minimum(killed, state.members)
    state.members = state.members - killed
    state.flows["killed_by_state"] = killed
    per_region = killed.sum(axis=0)
    sight = 0.5 * (state.stocks["regional_intel"] + float(exposure(state).mean()))
    civ_ratio = CIVILIAN_RATIO * (1.0 - sight) * (1.0 - state.police)
    civilians = rng.poisson(per_region * civ_ratio).astype(float)
    soldiers = rng.poisson(per_region * SOLDIERS_PER_KILLED).astype(float)
    state.stocks["state_kills"] = per_region
    state.stocks["civilians_killed"] = civilians
    state.stocks["soldiers_killed"] = soldiers
    state.state_deaths = state.state_deaths + per_region + civilians + soldiers
    events = []
    worst = int(np.argmax(civilians))
    if civilians[worst] >= 10:
        events.append(
            Event(
                "civilians_killed_by_state",
                turn,
                region=worst,
                cause="troops",
                data={"deaths": float(civilians[worst])},
            )
        )
    return events
