"""Homicides by region: cartel members killed, the people cartel violence kills, and the rest.

Prieto-Curiel et al. (2023) fit cartel conflict deaths to about a tenth of homicides plus missing
persons, so national homicide totals comparable to INEGI's need the victims who are not members
(`victims_per_cartel_death`) and a background of homicides unrelated to cartels
(`background_homicide_rate`, per 100k a year). Disappeared members are not counted as homicides.
"""

from __future__ import annotations

import numpy as np

from game.scenario.types import Scenario
from game.sim.state import GameState


def background(scenario: Scenario) -> np.ndarray:
    """Expected background homicides a month by region [R] (per 100k a year x population)."""
    return scenario.arrays.background_rate * scenario.map.populations() / 1e5 / 12.0


def expected_homicides(state: GameState, scenario: Scenario, conflict_deaths: np.ndarray):
    """Expected homicides in a month by region [R], given conflict deaths [F, R]."""
    p = scenario.model
    deaths = conflict_deaths.sum(axis=0)
    expected = deaths * (1.0 - p.disappeared_share + p.victims_per_cartel_death) + background(
        scenario
    )
    return expected + extortion_victims(state) + state.state_deaths


def draw_homicides(
    state: GameState, scenario: Scenario, conflict_deaths: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Homicides in a month by region [R]: member deaths, victims and background, drawn."""
    p = scenario.model
    deaths = conflict_deaths.sum(axis=0)
    killed = rng.binomial(np.round(deaths).astype(np.int64), 1.0 - p.disappeared_share)
    victims = rng.poisson(deaths * p.victims_per_cartel_death)
    unrelated = rng.poisson(background(scenario))
    extorted = rng.poisson(extortion_victims(state))
    return (killed + victims + unrelated + extorted + state.state_deaths).astype(np.float64)


EXTORTION_KILLS = 4e-4  # people killed a month per member of a faction living off extortion


def extortion_victims(state: GameState) -> np.ndarray:
    """Expected civilians killed a month by extortion, by region [R]."""
    return EXTORTION_KILLS * (state.extortion @ state.members)
