"""The root game state, declared once: every field with its axis.

`GameState` is the only thing a month changes. Each field is declared in the class body with
`scalar`, `per_region`, `per_faction`, `per_cell` (faction x region) or `per_pair` (faction x
faction), and a docstring. Copying, growing the faction axis when an organisation splits,
serialisation (game/sim/state_json.py), the checksum and the shape checks of a loaded save are
all derived from those declarations (`SPECS`), so a new field is one line here and nothing else.

Factions are rows: row f of every per-faction array belongs to `factions[f]`, whose id is what
saves, events and orders use. `state.row(fid)` and `state.person(pid)` look them up.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from enum import Enum

import numpy as np

from game.limits import MAX_ORGANISATIONS
from game.scenario.types import Faction, Person
from game.sim.roster import Roster, appended, people_by_id, replaced, rows_by_id

HISTORY_MONTHS = 12


class Axis(Enum):
    """What a field is indexed by."""

    SCALAR = "scalar"
    REGION = "region"  # [R]
    FACTION = "faction"  # [F]
    CELL = "faction x region"  # [F, R]
    PAIR = "faction x faction"  # [F, F]
    HISTORY = "month x region"  # [HISTORY_MONTHS, R]


@dataclass(frozen=True)
class Spec:
    """The declaration of one state field.

    Attributes:
        axis: what the field is indexed by.
        doc: what it means, with its unit.
        dtype: float, int, bool or str for numbers; tuple, dict or Faction for records.
        on_split: for faction axes, what a splinter gets: "zero" or "parent" (its parent's row).
    """

    axis: Axis
    doc: str
    dtype: type = float
    on_split: str = "zero"


def _declare(axis: Axis, doc: str, dtype: type = float, on_split: str = "zero", default=None):
    meta = {"spec": Spec(axis, doc, dtype, on_split)}
    if dtype is Faction:
        return field(default=(), metadata=meta)
    if axis is Axis.SCALAR:
        if dtype in (dict, tuple):
            return field(default_factory=dtype, metadata=meta)
        return field(default=dtype() if default is None else default, metadata=meta)
    return field(default_factory=lambda: np.zeros(0, dtype=_NUMPY[dtype]), metadata=meta)


def scalar(doc: str, dtype: type = float, default=None):
    return _declare(Axis.SCALAR, doc, dtype, default=default)


def per_region(doc: str, dtype: type = float):
    return _declare(Axis.REGION, doc, dtype)


def per_faction(doc: str, on_split: str = "zero", dtype: type = float):
    return _declare(Axis.FACTION, doc, dtype, on_split)


def per_cell(doc: str, on_split: str = "zero"):
    return _declare(Axis.CELL, doc, float, on_split)


def per_pair(doc: str):
    return _declare(Axis.PAIR, doc, float, "custom")


_NUMPY = {float: np.float64, int: np.int64, bool: np.bool_}


@dataclass
class GameState:
    """Everything that changes during a game (see the module docstring for how it is declared)."""

    # --- the game ------------------------------------------------------------------------------
    seed: int = scalar("the game's seed; with the month it fixes every random draw", int)
    turn: int = scalar("months played so far (0 before the first month)", int)
    status: str = scalar("'playing', or why the game ended ('mandate_lost')", str, "playing")
    experiment: bool = scalar("scripted experiment: guaranteed operations are allowed", bool)

    # --- who is who ----------------------------------------------------------------------------
    factions: tuple[Faction, ...] = _declare(
        Axis.FACTION, "leaders, lieutenants and parentage of each faction row", Faction
    )
    archive: tuple[Faction, ...] = _declare(
        Axis.SCALAR, "factions that dissolved, kept for the family trees", Faction
    )
    serial: np.ndarray = per_faction("a faction's own number: its row of dice", "custom", int)
    next_serial: int = scalar("the number the next new faction gets", int)
    removed: tuple[str, ...] = scalar("ids of people captured or killed so far", tuple)
    prisoners: tuple[str, ...] = scalar("ids of captured people the state holds", tuple)

    # --- cartels -------------------------------------------------------------------------------
    members: np.ndarray = per_cell("members of faction f in region r", on_split="custom")
    rivalry: np.ndarray = per_pair("enmity between two factions (symmetric, >= 0)")
    alliance: np.ndarray = per_pair("alliance between two factions (symmetric, >= 0)")
    intel: np.ndarray = per_faction("the state's national intelligence on a faction, 0-1", "parent")
    disruption: np.ndarray = per_faction("organisational disruption after losses, 0-1", "parent")
    posture: np.ndarray = per_faction("0 = low profile, 1 = open confrontation", "parent")
    revenue: np.ndarray = per_faction("trafficking revenue last month, millions of pesos")
    revenue_ref: np.ndarray = per_faction("the revenue a faction is used to (slow average)")
    grievance: np.ndarray = per_faction("how much a faction wants revenge on the state", "parent")
    extortion: np.ndarray = per_faction("how far a faction lives off extortion, 0-1", "parent")
    freeze: np.ndarray = per_faction("share of a faction's money frozen, 0-1")
    memory: np.ndarray = per_cell("state pressure a faction remembers in a region", "parent")
    violence: np.ndarray = per_faction("conflict deaths a faction inflicted last month")

    # --- last month's flows of members (game/sim/flows.py) -------------------------------------
    recruits: np.ndarray = per_cell("members recruited last month")
    arrests: np.ndarray = per_cell("members incapacitated last month (arrested and kept)")
    conflict_deaths: np.ndarray = per_cell("members killed or disappeared in conflicts last month")
    exits: np.ndarray = per_cell("members who left last month (saturation)")
    killed_by_state: np.ndarray = per_cell("members killed in clashes with troops last month")

    # --- the state's capacity and the planner's programmes (game/sim/policy.py) ----------------
    budget: float = scalar("pesos available a month")
    allocation: dict[str, float] = scalar("pesos a month by budget line ('police@14')", dict)
    police: np.ndarray = per_region("police capacity, 0-1")
    courts: np.ndarray = per_region("capacity of prosecutors and courts, 0-1")
    integrity: np.ndarray = per_region("local-government integrity, 0-1")
    troops: np.ndarray = per_region("army and National Guard effort deployed (1 = full)")
    troops_ordered: np.ndarray = per_region("troop effort ordered, arriving next month")
    deployed_months: np.ndarray = per_region("months troops have been deployed without pause")
    youth: np.ndarray = per_region("targeted youth programmes working (effort, delayed)")
    regional_intel: np.ndarray = per_region("regional intelligence coverage, 0-1")
    strain: np.ndarray = per_region("reform strain: the system shaken by fast reform")
    reform_effort: np.ndarray = per_region("police plus courts effort last month")
    interdiction: np.ndarray = per_region("interdiction effort at highways, ports, crossings, 0-1")
    prisons: float = scalar("prison control nationally, 0-1", default=0.4)

    targeting: bool = scalar("conditional targeting announced: the most violent group first", bool)
    target: str = scalar("id of the organisation targeted first ('' when none)", str)

    # --- territory, trafficking and the drug market (game/sim/territory.py, market.py) ---------
    price: float = scalar("US retail price index (1 at the start)", default=1.0)
    route_cost: float = scalar(
        "cost of getting a tonne through, relative to the start", default=1.0
    )
    shipped: float = scalar("tonnes shipped north last month")
    drug_flow: np.ndarray = per_region("tonnes passing through a region last month")
    arrivals: np.ndarray = per_region("tonnes reaching the US from a crossing last month")
    route_next: np.ndarray = per_region("next region on the route north (-1: a crossing)", int)

    # --- violence (game/sim/homicides.py, policy.phase_force) ----------------------------------
    state_deaths: np.ndarray = per_region("people killed in operations and attacks last month")
    state_kills: np.ndarray = per_region("members killed by troops last month")
    civilians_killed: np.ndarray = per_region("civilians killed by security forces last month")
    soldiers_killed: np.ndarray = per_region("soldiers and guards killed last month")
    homicides: np.ndarray = per_region("homicides last month")
    homicide_history: np.ndarray = _declare(Axis.HISTORY, "homicides in the last 12 months")

    # --- what the planner believes (game/sim/view.py) ------------------------------------------
    belief: np.ndarray = per_cell("log of the estimated members (plus one) of each cell")
    belief_var: np.ndarray = per_cell("variance of that log estimate (0: not yet observed)")

    # --- politics (game/sim/politics.py) -------------------------------------------------------
    approval: float = scalar("public approval of the security policy, 0-100", default=55.0)
    us_pressure: float = scalar("pressure from Washington, 0-100", default=50.0)
    us_cooperation: bool = scalar("US intelligence cooperation accepted", bool)
    us_offer: bool = scalar("an offer of a US strike awaits an answer", bool)
    low_approval_months: int = scalar("months in a row with approval below the floor", int)
    high_pressure_months: int = scalar("months in a row with US pressure at its peak", int)
    leaders_removed: int = scalar("leaders captured or killed so far", int)
    splits: int = scalar("organisations split so far", int)
    retaliations: int = scalar("attacks on the state so far", int)

    # --- references fixed at the start (what the status quo gives) -----------------------------
    base_rate: float = scalar("homicides per 100k a year at the start")
    base_arrivals: float = scalar("tonnes a month reaching the US at the start")
    base_exposure: float = scalar("mean exposure of the factions at the start")
    base_route_cost: float = scalar("mean cost of getting a tonne through at the start")
    base_loss: float = scalar("share of shipments seized at the start")

    @property
    def faction_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.factions)

    @property
    def n_factions(self) -> int:
        return len(self.factions)

    @property
    def n_regions(self) -> int:
        return self.police.shape[0]

    def row(self, fid: str) -> int:
        """The row of faction `fid` (KeyError if there is none)."""
        return self._derived("rows", rows_by_id)[fid]

    def person(self, pid: str) -> tuple[int, Person] | None:
        """(row, person) of a leader or lieutenant still active, or None."""
        return self._derived("people", people_by_id).get(pid)

    def _derived(self, name: str, build):
        """Something derived from `factions` (built on first use after the tuple is replaced,
        each part on its own, so a month that replaces a record rebuilds only what it reads);
        never saved."""
        cache = self.__dict__.get("_index_cache")
        if cache is None or cache["factions"] is not self.factions:
            cache = self.__dict__["_index_cache"] = {"factions": self.factions}
        value = cache.get(name)
        if value is None:
            value = cache[name] = build(self.factions)
        return value

    @property
    def roster(self) -> Roster:
        """The factions' records as arrays by row (alive, local, led, traits), derived."""
        return self._derived("roster", Roster.of)

    def replace_faction(self, f: int, info: Faction) -> None:
        """Put `info` in row f (factions are immutable records; rows are replaced). What was
        derived from the old tuple is updated for the one row, not rebuilt from every row."""
        before, old = self.factions, self.factions[f]
        self.factions = before[:f] + (info,) + before[f + 1 :]
        cache = self.__dict__.get("_index_cache")
        if cache is not None and cache["factions"] is before:
            self.__dict__["_index_cache"] = replaced(cache, self.factions, f, old, info)

    def copy(self, cleared: tuple[str, ...] = ()) -> GameState:
        """A deep copy: months never change the state they were given. Arrays named in
        `cleared` (counts a month starts from zero) are not copied: the copy shares them with
        this state, and the caller must replace them before anything changes them."""
        copied = object.__new__(type(self))  # every field is set below, as `replace` would
        for name, value in self.__dict__.items():
            # What is derived from the (immutable) factions tuple holds for the copy too.
            if name not in cleared and name != "_index_cache":
                if isinstance(value, np.ndarray):
                    value = value.copy()
                elif isinstance(value, dict):
                    value = dict(value)
            copied.__dict__[name] = value
        return copied

    def checksum(self) -> str:
        """A sha256 over every field, stable across processes and platforms."""
        h = hashlib.sha256()
        for name, spec in SPECS.items():
            h.update(name.encode())
            _hash_value(h, getattr(self, name), spec)
        return h.hexdigest()


SPECS: dict[str, Spec] = {f.name: f.metadata["spec"] for f in fields(GameState)}
FLOW_NAMES = ("recruits", "arrests", "conflict_deaths", "exits")


def shape_of(spec: Spec, n_f: int, n_r: int) -> tuple[int, ...]:
    return {
        Axis.REGION: (n_r,),
        Axis.FACTION: (n_f,),
        Axis.CELL: (n_f, n_r),
        Axis.PAIR: (n_f, n_f),
        Axis.HISTORY: (HISTORY_MONTHS, n_r),
    }[spec.axis]


def blank(seed: int, factions: tuple[Faction, ...], n_regions: int) -> GameState:
    """A state with every array zero-filled at its declared shape."""
    n_f = len(factions)
    arrays = {
        name: np.zeros(shape_of(spec, n_f, n_regions), dtype=_NUMPY[spec.dtype])
        for name, spec in SPECS.items()
        if spec.axis is not Axis.SCALAR and spec.dtype is not Faction
    }
    return GameState(seed=int(seed), factions=tuple(factions), **arrays)


def room_for_organisations(state: GameState) -> int:
    """How many more organisations may be alive at once (the bound of game/limits.py)."""
    return MAX_ORGANISATIONS - int(state.roster.alive.sum())


def add_factions(
    state: GameState, infos: list[Faction], rows: np.ndarray, parent: int | None = None
) -> None:
    """Append factions with their members [k, R] (splinters of row `parent`, or new groups);
    every faction-indexed field grows as declared (zero, or the parent's row), and each new
    faction gets the next serial number."""
    k, n_f = len(infos), state.n_factions
    before = state.factions
    state.factions = before + tuple(infos)
    cache = state.__dict__.get("_index_cache")
    if cache is not None and cache["factions"] is before:  # derived lookups: the new rows added
        state.__dict__["_index_cache"] = appended(cache, state.factions, infos)
    for name, spec in SPECS.items():
        if spec.axis not in (Axis.FACTION, Axis.CELL, Axis.PAIR) or spec.dtype is Faction:
            continue
        old = getattr(state, name)
        if spec.axis is Axis.PAIR:
            grown = np.zeros((n_f + k, n_f + k))
            grown[:n_f, :n_f] = old
        else:
            extra = np.zeros((k,) + old.shape[1:], dtype=old.dtype)
            if spec.on_split == "parent" and parent is not None:
                extra[:] = old[parent]
            grown = np.concatenate([old, extra])
        setattr(state, name, grown)
    state.members[n_f:] = rows
    state.serial[n_f:] = state.next_serial + np.arange(k)
    state.next_serial += k


def compact(state: GameState, cleared: tuple[str, ...] = ()) -> int:
    """Drop the rows of dissolved factions that no longer have members (their records move to
    `archive`), so arrays stay the size of the living. Fields named in `cleared` are left as
    they are: the caller replaces them. Returns how many rows were dropped."""
    stays = state.roster.alive | state.members.any(axis=1)
    if stays.all():
        return 0
    keep, gone = np.flatnonzero(stays), np.flatnonzero(~stays)
    before = state.factions
    state.archive = state.archive + tuple(before[f] for f in gone.tolist())
    state.factions = tuple(before[f] for f in keep.tolist())
    cache = state.__dict__.get("_index_cache")
    if cache is not None and cache["factions"] is before and "roster" in cache:
        state.__dict__["_index_cache"] = {
            "factions": state.factions,
            "roster": cache["roster"].rows(keep),
        }
    for name, spec in SPECS.items():
        if name in cleared:
            continue
        value = getattr(state, name)
        # take() copies the same rows as value[keep], in less time.
        if spec.axis in (Axis.FACTION, Axis.CELL) and spec.dtype is not Faction:
            setattr(state, name, value.take(keep, axis=0))
        elif spec.axis is Axis.PAIR:
            setattr(state, name, value.take(keep, axis=0)[:, keep])
    return len(gone)


# --- serialisation (saves) -------------------------------------------------------------------


def check_shapes(state: GameState) -> None:
    """Every array has its declared shape for the state's factions and regions (ValueError)."""
    n_f, n_r = state.n_factions, state.n_regions
    for name, spec in SPECS.items():
        if spec.axis is Axis.SCALAR or spec.dtype is Faction:
            continue
        arr = getattr(state, name)
        want = shape_of(spec, n_f, n_r)
        if arr.size == 0 and 0 in want:
            arr = arr.reshape(want)
            setattr(state, name, arr)
        if arr.shape != want:
            raise ValueError(f"{name} has shape {arr.shape}, expected {want}")


def _hash_value(h, value, spec: Spec) -> None:
    if spec.dtype is Faction:
        h.update(repr([x.to_dict() for x in value]).encode())
    elif isinstance(value, np.ndarray):
        h.update(str(value.shape).encode())
        h.update(np.ascontiguousarray(value, dtype=np.float64).tobytes())
    elif isinstance(value, dict):
        for key in sorted(value):
            h.update(key.encode())
            h.update(repr(float(value[key])).encode())
    elif isinstance(value, float | np.floating):
        h.update(repr(float(value)).encode())  # np.float64 and float hash alike
    else:
        h.update(repr(value).encode())
