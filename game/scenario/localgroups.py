"""The `local_groups:` generator: many small groups with power-law sizes, spread over regions.

Deterministic: it draws only from ``numpy.random.default_rng([seed])`` with the file's own seed,
so the same file always yields the same groups (docs/scenario-format.md, `local_groups:`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from game.scenario.names import RegionNames
from game.scenario.schema import LocalGroups
from game.scenario.types import Faction, MapData

LOCAL_COLOUR = 15  # the last palette entry: local groups share one colour
LOCAL_SUCCESSION_CLARITY = 0.5


def group_sizes(spec: LocalGroups, n_named: int) -> np.ndarray:
    """Members of each group: size of rank k ∝ (rank_offset + k)^exponent, summing to members."""
    offset = n_named if spec.rank_offset is None else spec.rank_offset
    ranks = offset + np.arange(1, spec.count + 1, dtype=np.float64)
    weights = ranks**spec.exponent
    return spec.members * weights / weights.sum()


def region_weights(spec: LocalGroups, names: RegionNames) -> np.ndarray:
    """Probability of each region being a group's home: the given weights, else population."""
    if spec.regions is None:
        weights = names.map.populations()
    else:
        weights = np.zeros(names.map.n)
        for key, w in spec.regions.items():
            weights[names.find(key)] = w
    return weights / weights.sum()


def generate(
    spec: LocalGroups, names: RegionNames, n_named: int
) -> tuple[list[Faction], list[int], list[float]]:
    """The generated groups, largest first (ids ``local_1`` ... ``local_<count>``), their homes
    and their members."""
    if spec.count == 0:
        return [], [], []
    rng = np.random.default_rng([spec.seed])
    sizes = group_sizes(spec, n_named)
    homes = [
        int(h) for h in rng.choice(names.map.n, size=spec.count, p=region_weights(spec, names))
    ]
    groups = [_group(k + 1, h, names.map) for k, h in enumerate(homes)]
    return groups, homes, [float(s) for s in sizes]


def _group(number: int, home: int, mapdata: MapData) -> Faction:
    return Faction(
        id=f"local_{number}",
        name=f"Grupo local {number} ({mapdata.regions[home].name})",
        short=f"L{number}",
        colour=LOCAL_COLOUR,
        leader=None,
        lieutenants=(),
        succession_clarity=LOCAL_SUCCESSION_CLARITY,
        local=True,
        home=home,
    )


def add_local_rivalry(
    rivalry: np.ndarray,
    factions: Sequence[Faction],
    members: dict[str, dict[int, float]],
    homes: Sequence[int],
    value: float,
) -> None:
    """Set `value` between each local group and every faction present in its home region.

    The local groups are the last ``len(homes)`` entries of `factions`; rivalry is symmetric and
    covers both named factions with members there and other local groups in the same region.
    """
    first = len(factions) - len(homes)
    home = np.asarray(homes)
    for i, f in enumerate(factions[:first]):
        present = [r for r, m in members.get(f.id, {}).items() if m > 0]
        hits = first + np.flatnonzero(np.isin(home, present))
        rivalry[i, hits] = rivalry[hits, i] = value
    same = home[:, None] == home[None, :]
    np.fill_diagonal(same, False)
    block = rivalry[first:, first:]
    block[same] = value
