"""Scripted planners for the lab, all listed here: each returns the orders a human could give.

A strategy is a callable `(state, scenario, turn) -> list[Order]`. They use the same order
objects and validation as the desktop game; the plans themselves are in game/ai/planners.py.
"""

from __future__ import annotations

from collections.abc import Callable

from game.ai import history, planners
from game.scenario.types import Scenario
from game.sim.orders import Order
from game.sim.state import GameState

Strategy = Callable[[GameState, Scenario, int], list[Order]]

STRATEGIES: dict[str, Strategy] = {
    "passive": planners.passive,
    "decapitation": planners.decapitation,
    "capture": planners.capture,
    "conditional": planners.conditional,
    "militarize": planners.militarize,
    "institutions": planners.institutions,
    "prevention": planners.prevention,
    "balanced": planners.balanced,
    "history": history.plan,
}


def get_strategy(name: str) -> Strategy:
    """The strategy called `name`; KeyError with the known names otherwise."""
    if name not in STRATEGIES:
        known = ", ".join(sorted(STRATEGIES))
        raise KeyError(f"unknown strategy '{name}' (known: {known})")
    return STRATEGIES[name]
