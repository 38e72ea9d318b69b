"""Immutable scenario types: the map, the model parameters, factions and people.

Everything the loader produces after validation lives here. Nothing in this module reads files;
`game.scenario.loader` builds these objects and `game.scenario.mapdata` builds `MapData`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
class PersonSpec:
    """A named leader or lieutenant."""

    id: str
    name: str
    home: int  # region index
    loyalty: float = 0.5  # 0-1: how likely to stay with the faction's heir
    fictional: bool = False  # composite or invented characters are marked


@dataclass(frozen=True)
class Personality:
    """How a faction's AI weighs its options (all 0-1)."""

    aggression: float = 0.5
    expansion: float = 0.5
    corruption: float = 0.5
    caution: float = 0.5


@dataclass(frozen=True)
class FactionSpec:
    """A faction at the start of a scenario."""

    id: str
    name: str
    short: str
    colour: int
    members: dict[int, float]  # region index -> members
    leader: PersonSpec | None
    lieutenants: tuple[PersonSpec, ...]
    succession_clarity: float
    personality: Personality = field(default_factory=Personality)
    parent: str | None = None
    local: bool = False  # a generated small local group


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
    factions: tuple[FactionSpec, ...]
    rivalry: np.ndarray  # [F, F] symmetric, >= 0
    alliance: np.ndarray  # [F, F] symmetric, >= 0
    source: str = ""  # path of the file it came from
    difficulty: str = "normal"  # easy, normal or hard: budget, starting intelligence, AI foresight
    raw: dict = field(default_factory=dict, compare=False, repr=False)  # the validated YAML tree
    series: dict = field(default_factory=dict, compare=False)  # name -> ((year, value), ...)

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
