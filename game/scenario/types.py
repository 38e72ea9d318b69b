"""Immutable scenario types: the map, the model parameters, factions and people.

Everything the loader produces after validation lives here. Nothing in this module reads files;
`game.scenario.loader` builds these objects and `game.scenario.mapdata` builds `MapData`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from game.scenario.params import ModelParams

if TYPE_CHECKING:
    from game.scenario.graph import MapGraph


@dataclass(frozen=True)
class RegionSpec:
    """One region of the map (a federal entity on the Mexico map).

    Attributes:
        code: short id used in scenario files, e.g. ``"JAL"`` (ISO 3166-2:MX suffix).
        iso: ISO 3166-2 code, e.g. ``"MX-JAL"``.
        inegi: INEGI two-digit code, e.g. ``"14"``.
        name: common name with accents, e.g. ``"Michoacán"``.
        official_name: official name, e.g. ``"Michoacán de Ocampo"``.
        short: abbreviation, e.g. ``"Mich."``.
        capital: capital city name.
        capital_lonlat: (longitude, latitude) of the capital.
        population: INEGI Censo 2020 population.
        area_km2: area in square kilometres.
        crossings: names of US border crossings in the region (empty if none).
        seaports: names of seaports used by the trade (empty if none).
        production: True where drugs or precursors are produced.
        polygons: outer rings and holes as lists of (lon, lat) pairs; one entry per polygon,
            each a list of rings, the first ring the outer one. Empty on synthetic maps.
    """

    code: str
    iso: str
    inegi: str
    name: str
    official_name: str
    short: str
    capital: str
    capital_lonlat: tuple[float, float]
    population: int
    area_km2: float
    crossings: tuple[str, ...] = ()
    seaports: tuple[str, ...] = ()
    production: bool = False
    polygons: tuple = ()


@dataclass(frozen=True)
class MapData:
    """A map: regions in a fixed order (their index is the region id) and adjacency."""

    name: str
    regions: tuple[RegionSpec, ...]
    adjacency: tuple[tuple[int, int], ...]  # pairs (i, j) with i < j
    attribution: str = ""

    @property
    def n(self) -> int:
        return len(self.regions)

    def index(self) -> dict[str, int]:
        """Map every accepted spelling of a region (code, ISO code, name) to its index."""
        out: dict[str, int] = {}
        for i, r in enumerate(self.regions):
            for key in (r.code, r.iso, r.name, r.official_name):
                out[key] = i
        return out

    @cached_property
    def graph(self) -> MapGraph:
        """Neighbours, edges, distances and populations, derived once (game/scenario/graph.py)."""
        from game.scenario.graph import build_graph

        return build_graph(self.regions, self.adjacency)

    def neighbours(self, i: int) -> list[int]:
        """Regions bordering region i, in index order."""
        return list(self.graph.neighbours[i])

    def populations(self) -> np.ndarray:
        """Population of each region [R] (a read-only array)."""
        return self.graph.populations


@dataclass(frozen=True)
class Personality:
    """How a faction's AI weighs its options (all 0-1)."""

    aggression: float = 0.5
    expansion: float = 0.5
    corruption: float = 0.5
    caution: float = 0.5


@dataclass(frozen=True)
class Person:
    """A leader or lieutenant.

    Attributes:
        id: unique across the game (e.g. ``"cjng_jardinero"``).
        name: how the press knows him.
        home: region index of his base (the plaza he runs).
        loyalty: 0-1, how likely he is to accept another heir.
        fictional: True for composites and generated characters.
    """

    id: str
    name: str
    home: int
    loyalty: float = 0.5
    fictional: bool = False

    @classmethod
    def from_dict(cls, d: object) -> Person:
        _check_record(d, cls, {"id": str, "name": str, "home": int, "loyalty": (int, float)})
        return cls(**d)


@dataclass(frozen=True)
class Faction:
    """A faction's identity: who leads it, where it came from (its numbers are the state's rows).

    The scenario lists the factions it starts with; the game state keeps one per row, replaced
    whole when something changes (a lieutenant removed, an heir promoted), and the dissolved ones
    in its archive.

    Attributes:
        name, short: as the scenario names it; empty for factions the game creates.
        colour: palette index of the scenario's faction (a splinter keeps its parent's).
        parent: id of the faction it split from (None for founding factions).
        local: one of the many small local groups.
        founded: turn it appeared (0 for factions of the scenario).
        dissolved: turn it ceased to exist (split, absorbed, fallen apart), None while it exists.
        founder: the alias of the man who led a splinter at its birth.
        home: the region a new local group formed in.
    """

    id: str
    name: str
    short: str
    colour: int
    leader: Person | None
    lieutenants: tuple[Person, ...]
    succession_clarity: float
    personality: Personality = field(default_factory=Personality)
    parent: str | None = None
    local: bool = False
    founded: int = 0
    dissolved: int | None = None
    founder: str | None = None
    home: int | None = None

    def people(self) -> tuple[Person, ...]:
        return ((self.leader,) if self.leader else ()) + self.lieutenants

    def without(self, person_id: str) -> Faction:
        """This faction with one person removed (the leader's seat left empty)."""
        leader = None if self.leader and self.leader.id == person_id else self.leader
        rest = tuple(p for p in self.lieutenants if p.id != person_id)
        return replace(self, leader=leader, lieutenants=rest)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: object) -> Faction:
        """The inverse of `to_dict`; TypeError or ValueError naming what is wrong."""
        _check_record(
            d, cls, {"id": str, "name": str, "short": str, "colour": int, "lieutenants": list}
        )
        lieutenants = tuple(Person.from_dict(p) for p in d["lieutenants"])
        leader = Person.from_dict(d["leader"]) if d.get("leader") is not None else None
        traits = d.get("personality", {})
        _check_record(traits, Personality, {})
        return cls(
            **{
                **d,
                "leader": leader,
                "lieutenants": lieutenants,
                "personality": Personality(**traits),
            }
        )


def _check_record(d: object, cls, types: dict) -> None:
    """`d` is a mapping with only `cls`'s fields, and the listed ones have the listed types."""
    if not isinstance(d, dict):
        raise TypeError(f"{cls.__name__}: expected a mapping, got {type(d).__name__}")
    unknown = set(d) - {f.name for f in fields(cls)}
    if unknown:
        raise ValueError(f"{cls.__name__}: unknown fields {sorted(map(str, unknown))[:5]}")
    for key, kind in types.items():
        value = d.get(key)
        if isinstance(value, bool) or not isinstance(value, kind):
            raise TypeError(f"{cls.__name__}.{key}: expected {kind}, got {type(value).__name__}")


@dataclass(frozen=True)
class RegionInit:
    """Starting institutions in one region (0-1 scales)."""

    police: float = 0.4
    courts: float = 0.4
    background_homicide_rate: float | None = None  # per 100k a year; None -> model default
    job_losses: float = 0.0  # share of legal (manufacturing) jobs lost, 0-1: raises recruitment


@dataclass(frozen=True, eq=False)
class RegionArrays:
    """The regions' starting values as arrays [R], derived once from `Scenario.regions`."""

    police: np.ndarray
    courts: np.ndarray
    job_losses: np.ndarray
    background_rate: np.ndarray  # homicides per 100k a year unrelated to cartels


@dataclass(frozen=True)
class Scenario:
    """A validated scenario, ready to start a game."""

    id: str
    name: str
    description: str
    map: MapData
    start: date
    turns: int
    budget: float  # pesos a month
    model: ModelParams
    regions: tuple[RegionInit, ...]  # one per map region
    factions: tuple[Faction, ...]
    rivalry: np.ndarray  # [F, F] symmetric, >= 0
    alliance: np.ndarray  # [F, F] symmetric, >= 0
    source: str = ""  # path of the file it came from
    difficulty: str = "normal"  # easy, normal or hard: budget, starting intelligence, AI foresight
    raw: dict = field(default_factory=dict, compare=False, repr=False)  # the validated YAML tree
    series: dict = field(default_factory=dict, compare=False)  # name -> ((year, value), ...)
    # faction id -> {region index: members} at the start (regions without members left out)
    members: dict[str, dict[int, float]] = field(default_factory=dict, compare=False)

    def series_value(self, name: str, year: float, default: float) -> float:
        """A calendar series at `year` (fractional): linear between the years given, constant
        beyond them; `default` when the scenario gives none."""
        points = self.series.get(name)
        if not points:
            return default
        years, values = zip(*points, strict=True)
        return float(np.interp(year, years, values))

    def faction_index(self) -> dict[str, int]:
        return {f.id: i for i, f in enumerate(self.factions)}

    @cached_property
    def arrays(self) -> RegionArrays:
        """Starting police, courts, job losses and background homicide rates as arrays [R]."""

        def column(get) -> np.ndarray:
            out = np.array([get(r) for r in self.regions], dtype=np.float64)
            out.flags.writeable = False
            return out

        default = self.model.background_homicide_rate
        return RegionArrays(
            police=column(lambda r: r.police),
            courts=column(lambda r: r.courts),
            job_losses=column(lambda r: r.job_losses),
            background_rate=column(
                lambda r: (
                    default if r.background_homicide_rate is None else r.background_homicide_rate
                )
            ),
        )

    @property
    def starting_intel(self) -> float:
        """What the state knows at the start: the model's `starting_intel`, shifted by the
        difficulty."""
        shift = DIFFICULTY[self.difficulty]["intel"]
        return float(min(max(self.model.starting_intel + shift, 0.0), 1.0))

    @property
    def budget_base(self) -> float:
        """The scenario's budget before difficulty: programme costs are shares of it."""
        return self.budget / DIFFICULTY[self.difficulty]["budget"]


# What difficulty changes (never the research-based dynamics): money, what the state knows at the
# start, and how far ahead the cartel AI looks when it chooses where to expand.
# "intel" shifts the scenario's own `starting_intel`, so a value set in the file (or with --set)
# stays the normal game's.
DIFFICULTY = {
    "easy": {"budget": 1.2, "intel": 0.1, "foresight": 1},
    "normal": {"budget": 1.0, "intel": 0.0, "foresight": 1},
    "hard": {"budget": 0.85, "intel": -0.1, "foresight": 2},
}
