"""Resolving names in scenario files: which map, which region, which faction.

Regions may be written as code (``JAL``), ISO code (``MX-JAL``), name (``Michoacán``) or official
name (``Michoacán de Ocampo``); matching ignores case and accents, and a miss suggests the closest
region as ``'JAL' (Jalisco)``.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from game.scenario.errors import fold, shorten
from game.scenario.mapdata import load_mexico_map, synthetic_map
from game.scenario.types import MapData

MEXICO = "mexico_states"
MAX_SYNTHETIC = 20_000
_SYNTHETIC = re.compile(r"synthetic:(\d+)")


class MapProblem(ValueError):
    """The `map:` value names no map that can be loaded."""


@lru_cache(maxsize=8)
def resolve_map(spec: str) -> MapData:
    """The map named by a scenario's `map:` value; `MapProblem` says why not."""
    if spec == MEXICO:
        try:
            return load_mexico_map()
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise MapProblem(f"the Mexico map asset could not be loaded ({exc})") from None
    m = _SYNTHETIC.fullmatch(spec)
    if m:
        n = int(m[1])
        if not 1 <= n <= MAX_SYNTHETIC:
            raise MapProblem(f"synthetic maps have 1..{MAX_SYNTHETIC} regions, got {n}")
        return synthetic_map(n)
    hint = " — did you mean 'mexico_states'?" if fold(spec).startswith("mex") else ""
    raise MapProblem(f"unknown map {shorten(spec)}{hint} (use 'mexico_states' or 'synthetic:N')")


class RegionNames:
    """Looks regions of one map up by any accepted spelling."""

    def __init__(self, mapdata: MapData):
        self.map = mapdata
        self._index = {fold(k): i for k, i in mapdata.index().items()}

    def find(self, name: object) -> int | None:
        """The region index for `name`, or None."""
        return self._index.get(fold(name)) if isinstance(name, str) else None

    def label(self, i: int) -> str:
        r = self.map.regions[i]
        return f"'{r.code}' ({r.name})"

    def unknown(self, name: object) -> str:
        """The message for a name that is not a region, with the closest region if any."""
        message = f"unknown region {shorten(name)}"
        if not isinstance(name, str):
            return message
        match = difflib.get_close_matches(fold(name), list(self._index), n=1, cutoff=0.6)
        if match:
            message += f" — did you mean {self.label(self._index[match[0]])}?"
        return message
