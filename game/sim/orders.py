"""Orders: the only way the player, the cartel AI and scripted strategies act on the world.

Every order is a frozen dataclass with a `kind`, a `validate` that lists problems (empty = legal)
and an `apply` that returns the events it caused. `apply_orders` validates each order against the
state as it is when the order's turn comes and refuses illegal ones with their reasons, so one path
serves the UI, the AI and the lab. Concrete orders register themselves with `@register`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import ClassVar

import numpy as np

from game.scenario.types import Scenario
from game.sim.events import Event
from game.sim.rng import rng_for
from game.sim.state import GameState

ORDER_TYPES: dict[str, type[Order]] = {}


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

    def validate(self, state: GameState, scenario: Scenario) -> list[str]:
        """Problems that make this order illegal now (empty when legal)."""
        return []

    def apply(self, state: GameState, scenario: Scenario, rng: np.random.Generator) -> list[Event]:
        """Change `state` in place and return the events caused. Only called when valid."""
        raise NotImplementedError


def register(cls: type[Order]) -> type[Order]:
    """Class decorator: make an order type known by its `kind`."""
    ORDER_TYPES[cls.kind] = cls
    return cls


def validate(order: Order, state: GameState, scenario: Scenario) -> list[str]:
    """The problems of one order (empty when it is legal now)."""
    if type(order).kind not in ORDER_TYPES:
        return [f"unknown order kind '{order.kind}'"]
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
            events.append(
                Event(
                    "order_rejected",
                    state.turn + 1,
                    getattr(order, "faction", None),
                    cause=order.kind,
                    data={"problems": problems, "side": order.side},
                )
            )
            continue
        events.extend(order.apply(state, scenario, rng))
    return events, rejected


def legal_orders(state: GameState, scenario: Scenario, side: str = "state") -> list[Order]:
    """Every concrete legal order for `side` now (order types enumerate their own options)."""
    out: list[Order] = []
    for cls in ORDER_TYPES.values():
        if cls.side == side and hasattr(cls, "options"):
            out.extend(o for o in cls.options(state, scenario) if not validate(o, state, scenario))
    return out


def order_to_dict(turn: int, order: Order) -> dict:
    """One entry of an order log (saves, replays): the turn, the kind and every field."""
    return {"turn": turn, "kind": type(order).kind, **asdict(order)}


def order_from_dict(item: dict) -> tuple[int, Order]:
    """(turn, order) from `order_to_dict`'s dict; ValueError saying what is wrong."""
    if not isinstance(item, dict) or "turn" not in item or "kind" not in item:
        raise ValueError(f"an order needs 'turn' and 'kind': {item!r}")
    cls = ORDER_TYPES.get(item["kind"])
    if cls is None:
        raise ValueError(f"unknown order kind {item['kind']!r}")
    fields = {k: v for k, v in item.items() if k not in ("turn", "kind")}
    try:
        return int(item["turn"]), cls(**fields)
    except TypeError as exc:
        raise ValueError(f"order {item['kind']!r}: {exc}") from None
