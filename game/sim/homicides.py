"""Homicides by region: the victims of cartel wars, the violence of cartel rule, and the rest.

Homicides = (1) members killed in conflicts and (2) the other people those wars kill
(`victims_per_cartel_death`: bystanders, informal collaborators, people killed in the disputes a
war feeds), less the share of both that disappear rather than being recorded as homicides, (3) the everyday violence of groups that rule a place (`presence_homicides`
per member a year, more where they live off extortion, `extortion_kills`, and where a disrupted
group's men act without command, `disruption_violence`), (4) people killed by and
in operations of the state, and (5) homicides unrelated to cartels (`background_homicide_rate`).
Prieto-Curiel et al. (2023) fitted cartel deaths to about a tenth of homicides plus missing
persons, and the federal database of killings linked to criminal rivalry counted about half of
all homicides in 2007-2011 (Molzahn, Ríos & Shirk 2012), so no single term carries them all.
Disappeared members are not homicides.
"""

from __future__ import annotations

import numpy as np

from game.scenario.types import Scenario
from game.sim.calendar import year_of
from game.sim.state import GameState

MONTHS = 12.0


def background(scenario: Scenario) -> np.ndarray:
    """Expected homicides a month unrelated to cartels, by region [R]."""
    return scenario.arrays.background_rate * scenario.map.populations() / 1e5 / MONTHS


def rule(state: GameState, scenario: Scenario) -> np.ndarray:
    """Expected homicides a month from the everyday violence of cartel rule, by region [R]: more
    where a group lives off extortion, and where a disrupted group's men act without command
    (Jones 2013: kidnappings and homicides rise in contested successions)."""
    p = scenario.model
    unruly = 1.0 + p.disruption_violence * state.disruption
    per_member = p.presence_homicides / MONTHS * unruly + p.extortion_kills * state.extortion
    return per_member @ state.members


def disappeared(scenario: Scenario, turn: int) -> float:
    """Share of the war's killings that become disappearances that month: the scenario's
    calendar series where it gives one (missing persons rose from 0.29 to 0.39 of homicides plus
    missing in 2012-2021; Prieto-Curiel et al. 2023), else the model's `disappeared_share`."""
    year = year_of(scenario, turn)
    return scenario.series_value("disappeared_share", year, scenario.model.disappeared_share)


def expected_homicides(
    state: GameState, scenario: Scenario, conflict_deaths: np.ndarray, turn: int
) -> np.ndarray:
    """Expected homicides in month `turn` by region [R], given conflict deaths [F, R]."""
    p = scenario.model
    deaths = conflict_deaths.sum(axis=0)
    war = deaths * (1.0 + p.victims_per_cartel_death) * (1.0 - disappeared(scenario, turn))
    return war + rule(state, scenario) + background(scenario) + state.state_deaths


def draw_homicides(
    state: GameState,
    scenario: Scenario,
    conflict_deaths: np.ndarray,
    turn: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Homicides in month `turn` by region [R], each term drawn."""
    p = scenario.model
    deaths = conflict_deaths.sum(axis=0)
    found = 1.0 - disappeared(scenario, turn)
    killed = rng.binomial(np.round(deaths).astype(np.int64), found)
    victims = rng.poisson(deaths * p.victims_per_cartel_death * found)
    ruled = rng.poisson(rule(state, scenario))
    unrelated = rng.poisson(background(scenario))
    return (killed + victims + ruled + unrelated + state.state_deaths).astype(np.float64)
