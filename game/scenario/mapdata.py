"""Maps: the 32 federal entities from `assets/mexico_states.json`, and synthetic maps for tests.

The asset is built by `tools/build_map.py`; its format:

    {"name": "mexico_states", "attribution": "...",
     "states": [{"code": "JAL", "iso": "MX-JAL", "inegi": "14", "name": "Jalisco",
                 "official_name": "Jalisco", "short": "Jal.", "capital": "Guadalajara",
                 "capital_lonlat": [-103.3475, 20.6774], "population": 8348151,
                 "area_km2": 78588, "crossings": [], "seaports": [], "production": false,
                 "polygons": [[[[lon, lat], ...], ...]], "neighbours": ["AGU", ...]}, ...],
     "adjacency": [["AGU", "JAL"], ...]}
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from game.scenario.types import MapData, RegionSpec

ASSETS = Path(__file__).resolve().parent.parent.parent / "assets"
MEXICO_MAP_FILE = ASSETS / "mexico_states.json"


def _region(d: dict) -> RegionSpec:
    polygons = tuple(
        tuple(tuple((float(x), float(y)) for x, y in ring) for ring in poly)
        for poly in d.get("polygons", [])
    )
    lon, lat = d["capital_lonlat"]
    return RegionSpec(
        code=d["code"],
        iso=d["iso"],
        inegi=d["inegi"],
        name=d["name"],
        official_name=d["official_name"],
        short=d["short"],
        capital=d["capital"],
        capital_lonlat=(float(lon), float(lat)),
        population=int(d["population"]),
        area_km2=float(d["area_km2"]),
        crossings=tuple(d.get("crossings", ())),
        seaports=tuple(d.get("seaports", ())),
        production=bool(d.get("production", False)),
        polygons=polygons,
    )


@lru_cache(maxsize=2)
def load_mexico_map(path: str | None = None) -> MapData:
    """Load the map of Mexico's 32 federal entities (cached; the result is immutable)."""
    with open(path or MEXICO_MAP_FILE, encoding="utf-8") as fh:
        raw = json.load(fh)
    regions = tuple(_region(d) for d in raw["states"])
    code_to_i = {r.code: i for i, r in enumerate(regions)}
    pairs = sorted({tuple(sorted((code_to_i[a], code_to_i[b]))) for a, b in raw["adjacency"]})
    return MapData(
        name=raw.get("name", "mexico_states"),
        regions=regions,
        adjacency=tuple(pairs),
        attribution=raw.get("attribution", ""),
    )


def synthetic_map(n: int, seed: int = 0) -> MapData:
    """A synthetic map of `n` regions on a jittered grid, for tests and benchmarks.

    Neighbours are grid neighbours (4-connected), so the graph is connected. Populations follow a
    log-normal around 50,000 (municipality scale); about one region in 40 is a border crossing,
    one in 60 a seaport, one in 20 a production zone.
    """
    if n < 1:
        raise ValueError("a map needs at least one region")
    rng = np.random.default_rng([seed, 7919])
    cols = int(np.ceil(np.sqrt(n)))
    pops = np.maximum(1000, rng.lognormal(mean=np.log(50_000), sigma=1.0, size=n)).astype(int)
    regions = []
    for i in range(n):
        row, col = divmod(i, cols)
        lon = -117.0 + 30.0 * col / max(cols, 1)
        lat = 32.0 - 17.0 * row / max(cols, 1)
        regions.append(
            RegionSpec(
                code=f"R{i}",
                iso=f"SYN-R{i}",
                inegi=f"{i:04d}",
                name=f"Region {i}",
                official_name=f"Region {i}",
                short=f"R{i}",
                capital=f"Town {i}",
                capital_lonlat=(lon, lat),
                population=int(pops[i]),
                area_km2=float(rng.uniform(100, 5000)),
                crossings=(f"Crossing {i}",) if i % 40 == 0 else (),
                seaports=(f"Port {i}",) if i % 60 == 7 else (),
                production=i % 20 == 3,
            )
        )
    pairs = []
    for i in range(n):
        row, col = divmod(i, cols)
        if col + 1 < cols and i + 1 < n:
            pairs.append((i, i + 1))
        if i + cols < n:
            pairs.append((i, i + cols))
    return MapData(name=f"synthetic:{n}", regions=tuple(regions), adjacency=tuple(pairs))
