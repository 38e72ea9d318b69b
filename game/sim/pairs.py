"""Sums over the occupied cells of each region, as the weekly flows need them (game/sim/flows.py).

Conflict pressure on a cell is sum_j K[i, j] a[j] over the cells j of its region, in cell order
(faction order within a region), K the enmity between the two cells' factions. Regions of about
the same number of cells share a table [partners, regions, cells]: entry [k, g, c] is the enmity
of the c-th cell of region g towards the k-th, and a region's values a [partners, regions] are
multiplied into it by broadcasting along the cells, so no value is copied out cell by cell.
numpy adds the table down its first axis, one partner after another, so each sum is taken in its
partners' order, as a plain loop would take it. A table is as deep and as wide as its most crowded
region, so regions are banded by size, one table a band, a new band starting where the padding
would cost more than another table; a cell alone in its region has no rival and is in none.
Padding partners have the value zero, which adds nothing (x + 0.0 is x); padding cells are never
read.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BAND_PADDING = 8_000  # padded entries a band may carry: about what one more table costs


@dataclass
class Band:
    """One table: where it starts in the gathered values and in the sums (`start`: `depth`
    partners of `regions` regions, partner-major, and as many cell slots, region-major) and the
    enmity of each cell towards each partner of its region [depth, regions, depth]."""

    start: int
    depth: int
    regions: int
    enmity: np.ndarray

    def sums(self, values: np.ndarray, out: np.ndarray) -> None:
        """sum_j K[i, j] a[j] for every cell slot of the band, written into `out` at the band's
        place; `values` are the partner values of every band, gathered (flat)."""
        end = self.start + self.depth * self.regions
        partners = values[self.start : end].reshape(self.depth, self.regions, 1)
        terms = np.multiply(partners, self.enmity)  # the partner's value along the cells
        sums = out[self.start : end].reshape(self.regions, self.depth)
        np.add.reduce(terms, axis=0, out=sums, initial=0.0)


class RegionSums:
    """The pair tables of a month's occupied cells (flat factions f, regions r) given the enmity
    between factions `kernel` [F, F] (zero on the diagonal)."""

    def __init__(self, f: np.ndarray, r: np.ndarray, n_regions: int, kernel: np.ndarray):
        n = f.size
        counts = np.bincount(r, minlength=n_regions)
        first = np.cumsum(counts) - counts  # each region's first place in `by_region`
        by_region = np.argsort(r, kind="stable")  # cells by region, in faction order within
        self.bands = []
        gather, slot, start = [], np.empty(n, dtype=np.intp), 0
        for low, high in bands(counts):
            regions = np.flatnonzero((counts > low) & (counts <= high))
            # The cells of each region [regions, high]; n, a place whose value is zero, pads.
            place = first[regions][:, None] + np.arange(high)
            real = np.arange(high) < counts[regions][:, None]
            cell = np.where(real, by_region[np.minimum(place, n - 1)], n)
            gather.append(cell.T.ravel())  # partner-major, as the table reads them
            fac = f[np.minimum(cell, n - 1)]  # a padding cell's enmity is never used
            # [k, g, c] = K[fac[g, c], fac[g, k]], one gather from the flat [F, F] kernel.
            flat = fac[None, :, :] * kernel.shape[0] + fac.T[:, :, None]
            enmity = kernel.ravel()[flat]
            self.bands.append(Band(start, high, regions.size, enmity))
            slot[cell[real]] = start + np.flatnonzero(real.ravel())
            start += cell.size
        alone = counts[r] <= 1
        slot[alone] = start  # a place in the buffer of sums that stays zero
        self.slot = slot
        self.n_sums = start + 1
        self.gather = np.concatenate(gather) if gather else np.zeros(0, dtype=np.intp)
        self.padded = np.zeros(n + 1)  # the values a, then the zero that pads

    def pressure(self, a: np.ndarray) -> np.ndarray:
        """sum_j K[i, j] a[j] over the cells j in the region of each cell i [cells]."""
        self.padded[:-1] = a
        values = self.padded[self.gather]
        out = np.zeros(self.n_sums)
        for band in self.bands:
            band.sums(values, out)
        return out[self.slot]


def bands(counts: np.ndarray) -> list[tuple[int, int]]:
    """Bands (low, high] of region sizes, from the most crowded region down: a band takes in
    the next size while the padding it adds (a table [high, regions, high] against the
    entries its regions need, size x size each) stays within BAND_PADDING; regions of one cell
    have no pairs."""
    sizes, regions = np.unique(counts[counts > 1], return_counts=True)
    out, top, padding = [], 0, 0
    for size, k in zip(sizes[::-1].tolist(), regions[::-1].tolist(), strict=True):
        more = (top * top - size * size) * k
        if top and padding + more <= BAND_PADDING:
            padding += more
            continue
        if top:
            out.append((size, top))
        top, padding = size, 0
    return out + [(1, top)] if top else out
