"""Structured events: what happened, where, to whom, and why.

Events carry ids and numbers, never display text; the UI and the CLI turn them into sentences in
the player's language. `cause` names the mechanism (or the event) that produced the event.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Event:
    """Something that happened in a turn.

    Attributes:
        kind: what happened, e.g. ``"armed_group_formed"``.
        turn: the month it happened in.
        faction: the faction id concerned, if any.
        region: the region index concerned, if any.
        cause: the mechanism or order that produced it, e.g. ``"recruitment"``.
        data: numbers that describe it (members, deaths...).
    """

    kind: str
    turn: int
    faction: str | None = None
    region: int | None = None
    cause: str | None = None
    data: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)
