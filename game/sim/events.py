"""Structured events: what happened, where, to whom, and why.

Events carry ids, enums and numbers, never display text; `game/text/narrate.py` turns them into
sentences in the player's language. `Kind` lists everything that can happen and `Cause` every
mechanism, order or motive that can make it happen, so no module matches free strings.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum


class _Words(str, Enum):
    """An enum whose members are also their plain string values (in JSON, CSV, f-strings)."""

    __str__ = str.__str__
    __format__ = str.__format__
    __hash__ = str.__hash__


class Kind(_Words):
    """What happened."""

    LEADER_REMOVED = "leader_removed"
    LIEUTENANT_REMOVED = "lieutenant_removed"
    SUCCESSION_CLEAR = "succession_clear"
    FACTION_SPLIT = "faction_split"
    PLAZA_SHAKEN = "plaza_shaken"
    HVT_FAILED = "hvt_failed"
    MOVED_INTO = "moved_into"
    REINFORCED = "reinforced"
    LIES_LOW = "lies_low"
    CONFRONTS = "confronts"
    RETALIATION = "retaliation"
    ALLIANCE = "alliance"
    ABSORBED = "absorbed"
    TURNS_TO_EXTORTION = "turns_to_extortion"
    ARMED_GROUP_FORMED = "armed_group_formed"
    ARMED_GROUP_DISSOLVED = "armed_group_dissolved"
    GROUP_FORMED = "group_formed"
    GROUP_DISSOLVED = "group_dissolved"
    GROUP_DISMANTLED = "group_dismantled"
    TARGETING = "targeting"
    TARGET_CHOSEN = "target_chosen"
    INTERDICTION_SET = "interdiction_set"
    ORDER_REJECTED = "order_rejected"
    ALLOCATION_SET = "allocation_set"
    BUDGET_CUT = "budget_cut"
    MANDATE_LOST = "mandate_lost"
    US_STRIKE_OFFER = "us_strike_offer"
    US_OFFER_REFUSED = "us_offer_refused"
    US_STRIKE = "us_strike"
    EXTRADITED = "extradited"
    US_COOPERATION = "us_cooperation"
    CIVILIANS_KILLED_BY_STATE = "civilians_killed_by_state"


class Cause(_Words):
    """Why it happened: a mechanism, an order, or a motive of a cartel's AI."""

    # the planner and the world
    ORDER = "order"
    ROUTINE = "routine"
    LEADERLESS = "leaderless"
    HVT_KILL = "hvt_kill"
    HVT_CAPTURE = "hvt_capture"
    HVT = "hvt"
    LEADER_REMOVED = "leader_removed"
    LIEUTENANT_REMOVED = "lieutenant_removed"
    RECRUITMENT = "recruitment"
    ATTRITION = "attrition"
    NO_RECRUITS = "no_recruits"
    FORCED = "forced"
    APPROVAL = "approval"
    US_PRESSURE = "us_pressure"
    US_STRIKE = "us_strike"
    TROOPS = "troops"
    MOST_VIOLENT = "most_violent"
    STATE = "state"
    # motives of the cartel AI
    ROUTE = "route"
    MARKET = "market"
    VACUUM = "vacuum"
    WEAK_STATE = "weak_state"
    INTEL_PRESSURE = "intel_pressure"
    UNWATCHED = "unwatched"
    REVENUE_FELL = "revenue_fell"
    NO_ROUTE_ACCESS = "no_route_access"
    COMMON_ENEMY = "common_enemy"
    DOMINATES_PLAZA = "dominates_plaza"
    LOST_LEADERS = "lost_leaders"
    NONE = ""


@dataclass(frozen=True)
class Event:
    """Something that happened in a month.

    Attributes:
        kind: what happened.
        turn: the month it happened in.
        faction: the faction id concerned, if any.
        region: the region index concerned, if any.
        cause: the mechanism, order or motive that produced it.
        data: ids and numbers that describe it (person ids, members, deaths...).
    """

    kind: Kind
    turn: int
    faction: str | None = None
    region: int | None = None
    cause: Cause = Cause.NONE
    data: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Unknown kinds or causes are programming errors: fail where the event is made.
        object.__setattr__(self, "kind", Kind(self.kind))
        object.__setattr__(self, "cause", Cause(self.cause or ""))

    def to_dict(self) -> dict:
        out = asdict(self)
        out["kind"], out["cause"] = str(self.kind), str(self.cause)
        return out
