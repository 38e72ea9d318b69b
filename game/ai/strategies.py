"""Scripted planners for the lab: each returns the orders a human could have given.

A strategy is a callable `(state, scenario, turn) -> list[Order]` registered by name. They use
the same order objects, validation and legal-order list as the desktop game.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from game.scenario.types import Scenario
from game.sim.orders import Order
from game.sim.state import GameState

Strategy = Callable[[GameState, Scenario, int], list[Order]]
STRATEGIES: dict[str, Strategy] = {}


def strategy(name: str):
    """Register a strategy under `name`."""

    def wrap(fn: Strategy) -> Strategy:
        STRATEGIES[name] = fn
        return fn

    return wrap


@strategy("passive")
def passive(state: GameState, scenario: Scenario, turn: int) -> list[Order]:
    """Keep the scenario's default allocation and order nothing else: the control."""
    return []


def get_strategy(name: str) -> Strategy:
    """The strategy called `name`; KeyError with the known names otherwise."""
    if name not in STRATEGIES:
        known = ", ".join(sorted(STRATEGIES))
        raise KeyError(f"unknown strategy '{name}' (known: {known})")
    return STRATEGIES[name]


@strategy("decapitation")
def decapitation(state: GameState, scenario: Scenario, turn: int) -> list[Order]:
    """Go after the leader of the largest organisation it can reach, one after another.

    Kill operations succeed more often than captures, so a planner counting kingpins orders kills.
    """
    from game.sim.operations import HVT, hvt_odds

    sizes = state.members.sum(axis=1)
    for f in np.argsort(-sizes, kind="stable"):
        info = state.factions[int(f)]
        if info.leader is None or info.local or info.dissolved is not None:
            continue
        if sizes[f] < scenario.model.armed_group_threshold:
            break
        if hvt_odds(state, info.leader.id, "kill") > 0:
            return [HVT(info.leader.id, "kill")]
    return []


# The lab's other planners register themselves on import.
from game.ai import planners as _planners  # noqa: E402,F401
