"""The root game state: numpy arrays indexed by faction id and region id.

`GameState` is the only thing a turn changes. Factions are referenced by their index (the row of
`members`); `faction_ids` names each row so saves and events use names, not positions. The last
month's flows are part of the state because metrics and the UI report them; derived caches are not.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields, replace
from datetime import date

import numpy as np

from game.scenario.types import Scenario
from game.sim.factions import FactionInfo, Person

HISTORY_MONTHS = 12

# Per-cell flows of the last month, each an array [F, R]; see game/sim/flows.py.
FLOW_NAMES = ("recruits", "arrests", "conflict_deaths", "exits")


@dataclass
class GameState:
    """Everything that changes during a game.

    Attributes:
        seed: the game's seed; with the turn it fixes every random draw.
        turn: months played so far (0 before the first month).
        factions: who leads each faction row (see game/sim/factions.py).
        members: members of faction f in region r, float64 [F, R].
        rivalry, alliance: symmetric relations between factions, float64 [F, F].
        police, courts: institutional capacity of each region, 0-1, [R].
        budget: pesos available this month.
        intel: the state's intelligence on each faction (network exposure), 0-1, [F].
        disruption: organisational disruption after losing leaders, 0-1, decays, [F].
        posture: 0 = low profile, 1 = open confrontation, [F].
        revenue: trafficking revenue last month, millions of pesos, [F].
        revenue_ref: the revenue a faction is used to (a slow moving average), [F].
        grievance: how much a faction wants revenge on the state (after losing people), [F].
        extortion: how far a faction has turned to extortion of civilians, 0-1, [F].
        memory: state pressure each faction remembers in each region, decays, [F, R].
        tension: extra conflict intensity in a region (succession wars, vacuums), decays, [R].
        interdiction: interdiction effort in a region, 0-1, [R].
        drug_flow: tonnes passing through each region last month, [R].
        arrivals: tonnes reaching the US from each crossing region last month, [R].
        state_deaths: people killed in clashes with the state last month, [R].
        flows: the last month's member flows by name, each float64 [F, R].
        homicides: the last month's homicides by region, [R].
        homicide_history: homicides by region in the last 12 months, oldest first, [12, R].
        freeze: share of each faction's money frozen by financial intelligence, 0-1, [F].
        stocks: slow regional stocks of the planner's programmes, each [R] (game/sim/policy.py:
            troops, youth, integrity, regional_intel, strain, deployed_months) and last month's
            state violence (state_kills, civilians_killed, soldiers_killed).
        politics: approval, us_pressure, prisons, us_cooperation and the start's reference values.
        status: "playing", or why the game ended ("mandate_lost", "term_over").
        allocation: pesos a month by budget line ('police@14', 'prisons'; game/sim/levers.py).
        counters: running totals (leaders_removed, splits, retaliations).
        removed: ids of people captured or killed so far.
        prisoners: ids of captured people held by the Mexican state (can be extradited).
        experiment: True in scripted experiments, where guaranteed operations are allowed.
    """

    seed: int
    turn: int
    factions: tuple[FactionInfo, ...]
    members: np.ndarray
    rivalry: np.ndarray
    alliance: np.ndarray
    police: np.ndarray
    courts: np.ndarray
    budget: float
    intel: np.ndarray
    disruption: np.ndarray
    posture: np.ndarray
    revenue: np.ndarray
    memory: np.ndarray
    tension: np.ndarray
    interdiction: np.ndarray
    drug_flow: np.ndarray
    arrivals: np.ndarray
    state_deaths: np.ndarray
    flows: dict[str, np.ndarray] = field(default_factory=dict)
    homicides: np.ndarray = field(default_factory=lambda: np.zeros(0))
    homicide_history: np.ndarray = field(default_factory=lambda: np.zeros((HISTORY_MONTHS, 0)))
    revenue_ref: np.ndarray = field(default_factory=lambda: np.zeros(0))
    grievance: np.ndarray = field(default_factory=lambda: np.zeros(0))
    extortion: np.ndarray = field(default_factory=lambda: np.zeros(0))
    freeze: np.ndarray = field(default_factory=lambda: np.zeros(0))
    stocks: dict[str, np.ndarray] = field(default_factory=dict)
    politics: dict[str, float] = field(default_factory=dict)
    status: str = "playing"
    allocation: dict[str, float] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)
    removed: tuple[str, ...] = ()
    prisoners: tuple[str, ...] = ()
    experiment: bool = False

    @property
    def faction_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.factions)

    @property
    def n_factions(self) -> int:
        return self.members.shape[0]

    @property
    def n_regions(self) -> int:
        return self.members.shape[1]

    def faction_index(self, fid: str) -> int:
        """Row of the faction `fid` (KeyError if none)."""
        cache = self.__dict__.get("_index_cache")
        if cache is None or cache[0] is not self.factions:
            cache = (self.factions, {f.id: i for i, f in enumerate(self.factions)})
            self.__dict__["_index_cache"] = cache
        return cache[1][fid]

    def find_person(self, person_id: str) -> tuple[int, Person] | None:
        """(faction index, person) of a person still active, or None."""
        for i, f in enumerate(self.factions):
            if f.dissolved is not None:
                continue
            for p in f.people():
                if p.id == person_id:
                    return i, p
        return None

    def copy(self) -> GameState:
        """A deep copy: turns never mutate the state they were given."""
        changes = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, np.ndarray):
                changes[f.name] = value.copy()
            elif isinstance(value, dict):
                changes[f.name] = {
                    k: v.copy() if isinstance(v, np.ndarray) else v for k, v in value.items()
                }
        return replace(self, **changes)

    def checksum(self) -> str:
        """A sha256 over every field, stable across processes and platforms."""
        h = hashlib.sha256()
        for f in fields(self):
            value = getattr(self, f.name)
            h.update(f.name.encode())
            _hash_value(h, value)
        return h.hexdigest()


# Fields whose first axis (and, for relations, both axes) is the faction index.
FACTION_ROWS = (
    "members",
    "intel",
    "disruption",
    "posture",
    "revenue",
    "memory",
    "grievance",
    "extortion",
    "revenue_ref",
    "freeze",
)
FACTION_SQUARE = ("rivalry", "alliance")


def add_factions(state: GameState, infos: list[FactionInfo], rows: np.ndarray) -> None:
    """Append new factions (e.g. splinters) with their members [k, R], extending every array."""
    k = len(infos)
    state.factions = state.factions + tuple(infos)
    state.members = np.vstack([state.members, rows])
    for name in FACTION_ROWS[1:]:
        old = getattr(state, name)
        setattr(state, name, np.concatenate([old, np.zeros((k,) + old.shape[1:])]))
    for name in FACTION_SQUARE:
        old = getattr(state, name)
        grown = np.zeros((old.shape[0] + k, old.shape[0] + k))
        grown[: old.shape[0], : old.shape[0]] = old
        setattr(state, name, grown)
    state.flows = {n: np.vstack([v, np.zeros((k, v.shape[1]))]) for n, v in state.flows.items()}


def to_dict(state: GameState) -> dict:
    """A JSON-ready dict of the state (arrays as nested lists)."""
    out = {}
    for f in fields(state):
        value = getattr(state, f.name)
        if isinstance(value, np.ndarray):
            out[f.name] = value.tolist()
        elif f.name in ("flows", "stocks"):
            out[f.name] = {k: v.tolist() for k, v in value.items()}
        elif f.name == "factions":
            out[f.name] = [x.to_dict() for x in value]
        elif f.name in ("removed", "prisoners"):
            out[f.name] = list(value)
        else:
            out[f.name] = value if not isinstance(value, dict) else dict(value)
    return out


def from_dict(d: dict) -> GameState:
    """The inverse of `to_dict`; raises KeyError/TypeError/ValueError on malformed input."""
    kwargs = {}
    for f in fields(GameState):
        value = d[f.name]
        if f.name == "factions":
            value = tuple(FactionInfo.from_dict(x) for x in value)
        elif f.name in ("flows", "stocks"):
            value = {str(k): _array(v) for k, v in value.items()}
        elif f.name == "politics":
            value = {str(k): float(v) for k, v in value.items()}
        elif f.name == "status":
            value = str(value)
        elif f.name in ("removed", "prisoners"):
            value = tuple(str(x) for x in value)
        elif f.name == "allocation":
            value = {str(k): float(v) for k, v in value.items()}
        elif f.name == "counters":
            value = {str(k): int(v) for k, v in value.items()}
        elif f.name == "experiment":
            value = bool(value)
        elif f.name in ("seed", "turn"):
            value = int(value)
        elif f.name == "budget":
            value = float(value)
        else:
            value = _array(value)
        kwargs[f.name] = value
    state = GameState(**kwargs)
    _check_shapes(state)
    return state


def _array(value) -> np.ndarray:
    arr = np.array(value, dtype=np.float64)
    if not np.isfinite(arr).all():
        raise ValueError("non-finite numbers in the state")
    return arr


def _check_shapes(state: GameState) -> None:
    n_f, n_r = len(state.factions), len(state.police)
    state.members = state.members.reshape(n_f, n_r)
    expected = {"memory": (n_f, n_r), "rivalry": (n_f, n_f), "alliance": (n_f, n_f)}
    for name in (
        "intel",
        "disruption",
        "posture",
        "revenue",
        "grievance",
        "extortion",
        "revenue_ref",
        "freeze",
    ):
        expected[name] = (n_f,)
    for name in (
        "courts",
        "tension",
        "interdiction",
        "drug_flow",
        "arrivals",
        "state_deaths",
        "homicides",
    ):
        expected[name] = (n_r,)
    expected["homicide_history"] = (HISTORY_MONTHS, n_r)
    for name, shape in expected.items():
        arr = getattr(state, name)
        if arr.size == 0 and 0 in shape:
            setattr(state, name, arr.reshape(shape))
        elif arr.shape != shape:
            raise ValueError(f"{name} has shape {arr.shape}, expected {shape}")
    for name, arr in state.flows.items():
        state.flows[name] = arr.reshape(n_f, n_r)
    for name, arr in state.stocks.items():
        if arr.shape != (n_r,):
            raise ValueError(f"stocks.{name} has shape {arr.shape}, expected ({n_r},)")


def _hash_value(h, value) -> None:
    if isinstance(value, np.ndarray):
        h.update(str(value.shape).encode())
        h.update(np.ascontiguousarray(value, dtype=np.float64).tobytes())
    elif isinstance(value, dict):
        for key in sorted(value):
            h.update(key.encode())
            _hash_value(h, value[key])
    elif isinstance(value, float | np.floating):
        h.update(repr(float(value)).encode())  # np.float64 and float hash alike
    else:
        h.update(repr(value).encode())


def month_date(scenario: Scenario, turn: int) -> date:
    """The first day of the month of `turn` (turn 1 is the scenario's start month; turn 0, the
    state before play, is dated the month before, whose last twelve months it describes)."""
    months = scenario.start.year * 12 + scenario.start.month - 1 + turn - 1
    return date(months // 12, months % 12 + 1, 1)


def new_game(scenario: Scenario, seed: int) -> GameState:
    """The state before the first month: members, relations and institutions from the scenario.

    The flows and the homicide history are filled with the *expected* values of the starting state
    (no randomness), so the starting metrics describe the situation the scenario sets up.
    """
    from game.sim.flows import expected_month  # local: flows imports this module

    n_f, n_r = len(scenario.factions), scenario.map.n
    pops = scenario.map.populations()
    members = np.zeros((n_f, n_r))
    for f, spec in enumerate(scenario.factions):
        for r, m in spec.members.items():
            members[f, r] = m
    state = GameState(
        seed=int(seed),
        turn=0,
        factions=tuple(FactionInfo.from_spec(f) for f in scenario.factions),
        members=members,
        rivalry=np.array(scenario.rivalry, dtype=np.float64),
        alliance=np.array(scenario.alliance, dtype=np.float64),
        police=np.array([r.police for r in scenario.regions], dtype=np.float64),
        courts=np.array([r.courts for r in scenario.regions], dtype=np.float64),
        budget=float(scenario.budget),
        intel=np.full(n_f, scenario.model.starting_intel),
        disruption=np.zeros(n_f),
        posture=np.array([f.personality.aggression for f in scenario.factions], dtype=np.float64),
        revenue=np.zeros(n_f),
        memory=np.zeros((n_f, n_r)),
        tension=np.zeros(n_r),
        interdiction=np.zeros(n_r),
        drug_flow=np.zeros(n_r),
        arrivals=np.zeros(n_r),
        state_deaths=np.zeros(n_r),
        revenue_ref=np.zeros(n_f),
        grievance=np.zeros(n_f),
        extortion=np.zeros(n_f),
        freeze=np.zeros(n_f),
        counters={"leaders_removed": 0, "splits": 0, "retaliations": 0},
    )
    from game.sim.policy import start_policy  # local: policy imports this module

    start_policy(state, scenario)
    from game.sim.territory import move_drugs  # local: territory imports this module

    move_drugs(state, scenario)  # the routes as they run at the start
    flows, homicides = expected_month(state, scenario)
    state.flows = {**flows, "killed_by_state": np.zeros((n_f, n_r))}
    state.homicides = homicides
    state.homicide_history = np.tile(homicides, (HISTORY_MONTHS, 1))
    state.politics["base_rate"] = float(state.homicide_history.sum() / pops.sum() * 1e5)
    return state
