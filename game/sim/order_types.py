"""Every order there is, in one list, and the order log format of saves and replays.

An order log entry is one JSON object per order, in the order they were given:

    {"turn": 3, "kind": "hvt", "target": "cdn_p2_14_331", "mode": "kill", "guaranteed": false}

that is, the month it was given for, the order's `kind` and every field of the order dataclass.
"""

from __future__ import annotations

from dataclasses import asdict, fields

from game.sim.cartel_orders import Absorb, Ally, Extort, Move, Posture, Retaliate
from game.sim.levers import Allocate
from game.sim.operations import HVT, ConditionalTargeting, Interdict
from game.sim.orders import Order
from game.sim.politics import AnswerUsOffer, Extradite, UsCooperation

PLANNER_ORDERS = (
    Allocate,
    HVT,
    Interdict,
    Extradite,
    UsCooperation,
    AnswerUsOffer,
    ConditionalTargeting,
)
CARTEL_ORDERS = (Move, Posture, Retaliate, Ally, Absorb, Extort)
ORDER_TYPES: dict[str, type[Order]] = {cls.kind: cls for cls in PLANNER_ORDERS + CARTEL_ORDERS}


def order_to_dict(turn: int, order: Order) -> dict:
    """One entry of an order log: the turn, the kind and every field."""
    return {"turn": turn, "kind": type(order).kind, **asdict(order)}


def order_from_dict(item: dict) -> tuple[int, Order]:
    """(turn, order) from `order_to_dict`'s dict; ValueError saying what is wrong."""
    if not isinstance(item, dict) or "turn" not in item or "kind" not in item:
        raise ValueError(f"an order needs 'turn' and 'kind': {item!r}"[:300])
    cls = ORDER_TYPES.get(item["kind"]) if isinstance(item["kind"], str) else None
    if cls is None:
        raise ValueError(f"unknown order kind {item['kind']!r}"[:200])
    turn = item["turn"]
    if isinstance(turn, bool) or not isinstance(turn, int):
        raise ValueError(f"order turn must be a whole number, not {turn!r}"[:200])
    names = {f.name for f in fields(cls)}
    given = {k: v for k, v in item.items() if k not in ("turn", "kind")}
    unknown = sorted(set(given) - names)
    if unknown:
        raise ValueError(f"order {item['kind']!r}: unknown fields {unknown}"[:200])
    try:
        return turn, cls(**given)
    except TypeError as exc:
        raise ValueError(f"order {item['kind']!r}: {exc}") from None
