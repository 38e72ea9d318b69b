"""Orders: the only way the player, the cartel AI and scripted strategies act on the world.

Every order is a frozen dataclass with a `kind`, a `validate` that lists problems (empty = legal)
and an `apply` that returns the events it caused. `apply_orders` validates each order against the
state as it is when the order's turn comes and refuses illegal ones with their reasons, so one path
serves the UI, the AI and the lab. The catalogue of every order is game/sim/order_types.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from game.scenario.types import Scenario
from game.sim.events import Cause, Event, Kind
from game.sim.rng import rng_for
from game.sim.state import GameState


class OrderRejected(Exception):
    """An order that cannot be carried out; `problems` says why."""

    def __init__(self, order: Order, problems: list[str]):
        self.order = order
        self.problems = problems
        super().__init__(f"{order.kind}: " + "; ".join(problems))


@dataclass(frozen=True)
class Order:
    """Base class of every order."""

    kind: ClassVar[str] = "order"
    side: ClassVar[str] = "state"  # "state" (the planner) or "cartel"
    random: ClassVar[bool] = False  # True when `apply` draws random numbers

    def made(self, state: GameState) -> Order:
        """The order as given now: targets named by role are resolved to people (see HVT)."""
        return self

    def validate(self, state: GameState, scenario: Scenario) -> list[str]:
        """Problems that make this order illegal now (empty when legal)."""
        return []

    def apply(self, state: GameState, scenario: Scenario, rng: np.random.Generator) -> list[Event]:
        """Change `state` in place and return the events caused. Only called when valid."""
        raise NotImplementedError


def validate(order: Order, state: GameState, scenario: Scenario) -> list[str]:
    """The problems of one order (empty when it is legal now)."""
    if not isinstance(order, Order) or type(order) is Order:
        return [f"not an order: {order!r}"[:200]]
    return order.validate(state, scenario)


def apply_orders(
    state: GameState, scenario: Scenario, orders, turn: int
) -> tuple[list[Event], list[OrderRejected]]:
    """Apply legal orders in sequence; collect the illegal ones instead of raising.

    Each order draws from its own stream, named by its side, its faction and its rank among that
    actor's orders, so one actor's orders never change the dice of another's.
    """
    events: list[Event] = []
    rejected: list[OrderRejected] = []
    counts: dict[str, int] = {}
    for order in orders:
        actor = f"{order.side}:{getattr(order, 'faction', '')}"
        counts[actor] = counts.get(actor, 0) + 1
        rng = rng_for(state.seed, turn, f"order:{actor}:{counts[actor]}") if order.random else None
        problems = validate(order, state, scenario)
        if problems:
            rejected.append(OrderRejected(order, problems))
            data = {"problems": problems, "side": order.side, "order": order.kind}
            faction = getattr(order, "faction", None)
            events.append(Event(Kind.ORDER_REJECTED, turn, faction, None, Cause.ORDER, data))
            continue
        events.extend(order.apply(state, scenario, rng))
    return events, rejected
