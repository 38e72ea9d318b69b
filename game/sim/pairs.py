"""Sums over the occupied cells of each region, as the weekly flows need them (game/sim/flows.py).

Conflict pressure on a cell is sum_j K[i, j] a[j] over the cells j of its region, in cell order
(faction order within a region), K the enmity between the two cells' factions. The sums are laid
out as tables [partners, cells]: column i lists cell i's partners one under another and numpy adds
down the columns, one partner after another, so each sum is taken in its partners' order, as a
plain loop would take it. Regions differ in how many cells they hold, and a table is as deep as
its most crowded region, so cells are banded by the size of their region, one table a band, a
new band starting where the padding would cost more than another table; a cell alone in its
region has no rival and is in none. A column shorter than its table points on at an empty
place, which adds nothing (x + 0.0 is x).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BAND_PADDING = 8_000  # padded entries a band may carry: about what one more table costs


@dataclass
class Band:
    """One table: its cells, their regions, each region's partners [depth, regions] (places
    in the cells sorted by region, one empty place after each region) and the enmity of each
    cell towards each of its partners [depth, cells]."""

    cells: np.ndarray
    region: np.ndarray
    partner: np.ndarray
    enmity: np.ndarray

    def sums(self, at_place: np.ndarray) -> np.ndarray:
        """sum_j K[i, j] a[j] for every cell i of the band, `at_place` being a by place."""
        terms = np.take(at_place[self.partner], self.region, axis=1)
        terms *= self.enmity
        return np.add.reduce(terms, axis=0, initial=0.0)


class RegionSums:
    """The pair tables of a month's occupied cells (flat factions f, regions r) given the enmity
    between factions `kernel` [F, F] (zero on the diagonal)."""

    def __init__(self, f: np.ndarray, r: np.ndarray, n_regions: int, kernel: np.ndarray):
        self.n_regions = n_regions
        counts = np.bincount(r, minlength=n_regions)
        first = np.cumsum(counts) - counts + np.arange(n_regions)  # each region's first place
        by_region = np.argsort(r, kind="stable")
        self.place = np.empty_like(by_region)
        self.place[by_region] = np.arange(by_region.size) + r[by_region]
        f_at = np.zeros(by_region.size + n_regions, dtype=np.int64)
        f_at[self.place] = f
        size = counts[r]
        self.bands = []
        for low, high in bands(counts):
            cells = np.flatnonzero((size > low) & (size <= high))
            if cells.size:
                partner = np.minimum(first + np.arange(high)[:, None], first + counts)
                pair = np.take(f_at[partner], r[cells], axis=1)  # the partners' factions...
                pair += f[cells] * kernel.shape[0]  # ... as flat indices of [F, F]
                enmity = np.take(kernel.ravel(), pair)
                self.bands.append(Band(cells, r[cells], partner, enmity))

    def pressure(self, a: np.ndarray) -> np.ndarray:
        """sum_j K[i, j] a[j] over the cells j in the region of each cell i [cells]."""
        at_place = np.zeros(a.size + self.n_regions)
        at_place[self.place] = a
        out = np.zeros(a.size)
        for band in self.bands:
            out[band.cells] = band.sums(at_place)
        return out


def bands(counts: np.ndarray) -> list[tuple[int, int]]:
    """Bands (low, high] of region sizes, from the most crowded region down: a band takes in
    the next size while the padding it adds (entries below a column's last partner) stays within
    BAND_PADDING; regions of one cell have no pairs."""
    sizes, regions = np.unique(counts[counts > 1], return_counts=True)
    out, top, padding = [], 0, 0
    for size, k in zip(sizes[::-1].tolist(), regions[::-1].tolist(), strict=True):
        more = (top - size) * size * k
        if top and padding + more <= BAND_PADDING:
            padding += more
            continue
        if top:
            out.append((size, top))
        top, padding = size, 0
    return out + [(1, top)] if top else out
