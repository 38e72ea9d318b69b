"""Troops: every effect of the army and the National Guard, in one place.

Units are ordered through the budget (`troops@R`) and arrive a month later. Deployed above the
status quo they (1) arrest more members, (2) stir contested plazas, raising conflict for the first
year or so (F4: Espinosa & Rubin 2015; Osorio 2015 — a named reduced form, `troop_stir`), (3) push
members into neighbouring states (displacement, Dell 2015), (4) clash with cartels, killing members
and, with little intelligence and weak police, civilians (F4: about 19 alleged criminals killed
per soldier killed), and (5) add to the pressure cartels remember (game/sim/month.py) and to the
state's control of a region (game/sim/metrics.py).
"""

from __future__ import annotations

import numpy as np

from game.scenario.types import Scenario
from game.sim import levers
from game.sim.events import Cause, Event, Kind
from game.sim.state import GameState

DEPLOYED = 0.05  # effort from which a state counts as having troops deployed (a definition)
CIVILIAN_EVENT = 10  # civilians killed in a state in a month that make the news (a definition)


def quo() -> float:
    """Troop effort of the status quo in every state."""
    return levers.BY_ID["troops"].status_quo


def start_troops(state: GameState, eff: dict) -> None:
    state.troops = np.asarray(eff["troops"], dtype=float).copy()
    state.troops_ordered = state.troops.copy()


def deploy(state: GameState, eff: dict) -> None:
    """Units ordered this month arrive next month: moving troops takes time."""
    deployed = eff["troops"] > DEPLOYED
    state.deployed_months = np.where(deployed, state.deployed_months + 1, 0.0)
    state.troops = state.troops_ordered
    state.troops_ordered = np.asarray(eff["troops"], dtype=float).copy()


def surge(state: GameState) -> np.ndarray:
    """Troop effort above the status quo, by region [R]."""
    return np.maximum(state.troops - quo(), 0.0)


def arrest_gain(state: GameState, scenario: Scenario) -> np.ndarray:
    """Arrests relative to the status quo from troops alone [R] (fewer troops, fewer arrests)."""
    return 1.0 + scenario.model.troop_arrest_gain * (state.troops - quo())


def stir(state: GameState, scenario: Scenario) -> np.ndarray:
    """Extra conflict from troops entering contested plazas, fading as they settle in [R]."""
    p = scenario.model
    return p.troop_stir * surge(state) * np.exp(-state.deployed_months / p.stir_months)


def displacement(state: GameState, scenario: Scenario, per_month: float) -> np.ndarray:
    """Share of each cell's members that moves to neighbouring regions this month [R]."""
    moving = per_month * (1.0 + scenario.model.troop_displacement * surge(state))
    return 1.0 - np.exp(-moving)  # a rate becomes a share, never above one


def clashes(state: GameState, scenario: Scenario, exposure, turn: int, rng) -> list[Event]:
    """Troops kill and are killed; with little intelligence and weak police, civilians die too."""
    p = scenario.model
    # Groups in open confrontation meet the troops more often than those lying low.
    openly = 1.0 - p.posture_violence * (1.0 - state.posture)
    killed = _members_killed(state, p.clash_rate * state.troops, openly, rng)
    state.members = state.members - killed
    state.killed_by_state = state.killed_by_state + killed
    per_region = killed.sum(axis=0)
    sight = 0.5 * (state.regional_intel + (float(exposure.mean()) if exposure.size else 0.0))
    civ_ratio = p.civilian_ratio * (1.0 - sight) * (1.0 - state.police)
    civilians = rng.poisson(per_region * civ_ratio).astype(float)
    soldiers = rng.poisson(per_region * p.soldiers_per_killed).astype(float)
    state.state_kills = per_region
    state.civilians_killed = civilians
    state.soldiers_killed = soldiers
    state.state_deaths = state.state_deaths + per_region + civilians + soldiers
    worst = int(np.argmax(civilians))
    if civilians[worst] < CIVILIAN_EVENT:
        return []
    data = {"deaths": float(civilians[worst])}
    return [Event(Kind.CIVILIANS_KILLED_BY_STATE, turn, None, worst, Cause.TROOPS, data)]


def _members_killed(state: GameState, rate: np.ndarray, openly: np.ndarray, rng) -> np.ndarray:
    """Members killed in clashes [F, R]: a Poisson draw with mean rate[r] x openly[f] x members
    in every occupied cell, in cell order. Empty cells are not drawn: a Poisson draw with mean
    zero is zero and takes no random numbers, so the draws are those of the whole [F, R]."""
    m = state.members.ravel()
    cells = np.flatnonzero(m)
    f, r = np.divmod(cells, state.n_regions)
    drawn = rng.poisson(rate[r] * openly[f] * m[cells]).astype(float)
    killed = np.zeros(m.size)
    killed[cells] = np.minimum(drawn, m[cells])
    return killed.reshape(state.members.shape)
