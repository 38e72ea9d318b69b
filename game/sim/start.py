"""A new game: the state before the first month, from a scenario."""

from __future__ import annotations

import numpy as np

from game.scenario.types import Scenario
from game.sim import flows, homicides, metrics, policy, territory, view
from game.sim.rng import rng_for
from game.sim.state import HISTORY_MONTHS, GameState, blank


def new_game(scenario: Scenario, seed: int) -> GameState:
    """The state before the first month: members, relations and institutions from the scenario.

    The flows and the homicide history are filled with the *expected* values of the starting state
    (no randomness), so the starting metrics describe the situation the scenario sets up.
    """
    infos = scenario.factions
    state = blank(seed, infos, scenario.map.n)
    for f, faction in enumerate(infos):
        for r, m in scenario.members.get(faction.id, {}).items():
            state.members[f, r] = m
    state.rivalry = np.array(scenario.rivalry, dtype=np.float64)
    state.alliance = np.array(scenario.alliance, dtype=np.float64)
    state.serial = np.arange(len(infos), dtype=np.int64)
    state.next_serial = len(infos)
    state.budget = float(scenario.budget)
    state.posture = np.array([f.personality.aggression for f in scenario.factions], dtype=float)
    policy.start_policy(state, scenario)
    # The routes as they run at the start; the second pass ships what the first found is lost
    # on the way, so the market starts in balance.
    territory.move_drugs(state, scenario)
    territory.move_drugs(state, scenario)
    for name, values in flows.expected_month(state, scenario).items():
        setattr(state, name, values)
    state.homicides = homicides.expected_homicides(state, scenario, state.conflict_deaths, 0)
    state.homicide_history = np.tile(state.homicides, (HISTORY_MONTHS, 1))
    state.base_rate = metrics.homicide_rate(state, scenario)
    state.base_arrivals = float(state.arrivals.sum())
    view.observe(state, scenario, rng_for(seed, 0, "view"))  # the first intelligence picture
    return state
