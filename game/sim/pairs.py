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
    partners of `regions` regions, partner-major, and as many cell slots, region-major), the
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
        # A fresh array each time: numpy hands back the memory just freed, still in cache.
        terms = np.multiply(partners, self.enmity)  # the partner's value along its region
        sums = out[self.start : end].reshape(self.regions, self.depth)
        np.add.reduce(terms, axis=0, out=sums, initial=0.0)


class RegionSums:
    """The pair tables of a month's occupied cells (flat factions f, regions r) given the enmity
    between factions `kernel` [F, F] (zero on the diagonal)."""

    def __init__(self, f: np.ndarray, r: np.ndarray, n_regions: int, kernel: np.ndarray):
        n = f.size
        counts = np.bincount(r, minlength=n_regions)
        cell = _cells_by_region(r, counts)  # [regions with rivals, depth]; n pads
        fac = f[np.minimum(cell, n - 1)]  # a padding cell's enmity is never used
        if kernel.size < 1 << 31:  # 32-bit places in the kernel: half the memory to write
            fac = fac.astype(np.int32)
        real = cell < n
        slots = np.empty(cell.shape, dtype=np.intp)  # each cell's place in the sums
        self.bands, gather, start, top = [], [], 0, 0
        for depth, regions in bands(counts):
            rows = slice(top, top + regions)
            gather.append(cell[rows, :depth].T.ravel())  # partner-major, as the table reads
            # [k, g, c] = K[fac[g, c], fac[g, k]], gathered from the flat [F, F] kernel. Both
            # arrays are laid out in C order (a broadcast sum would follow band.T's layout, and
            # the sub-steps would read the table across the grain); "clip" never clips, the
            # places are in range, but it lets numpy write into `out` without a safety copy.
            band = fac[rows, :depth]
            place = np.add(band[None, :, :] * kernel.shape[0], band.T[:, :, None], order="C")
            enmity = np.take(kernel.ravel(), place, out=np.empty(place.shape), mode="clip")
            size = depth * regions
            slots[rows, :depth] = np.arange(start, start + size).reshape(regions, depth)
            self.bands.append(Band(start, depth, regions, enmity))
            start, top = start + size, top + regions
        # A cell alone in its region points at the last sum, which stays zero.
        self.slot = np.full(n, start, dtype=np.intp)
        self.slot[cell[real]] = slots[real]
        self.gather = np.concatenate(gather) if gather else np.zeros(0, dtype=np.intp)
        self.padded = np.zeros(n + 1)  # the values a, then the zero that pads
        self.out = np.zeros(start + 1)

    def pressure(self, a: np.ndarray) -> np.ndarray:
        """sum_j K[i, j] a[j] over the cells j in the region of each cell i [cells]."""
        self.padded[:-1] = a
        values = self.padded[self.gather]
        for band in self.bands:  # each band writes all of its place in `out`
            band.sums(values, self.out)
        return self.out[self.slot]


def _cells_by_region(r: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The cells of each region with two or more, most crowded first [regions, depth of the
    most crowded], each row in cell order (faction order) and padded with n (no cell)."""
    n = r.size
    crowded = np.argsort(-counts, kind="stable")
    crowded = crowded[counts[crowded] > 1]
    depth = int(counts[crowded[0]]) if crowded.size else 0
    # Cells by region, in faction order within; numpy sorts 16-bit keys stably by radix sort,
    # three times faster than 64-bit ones, and the order is the same.
    keys = r.astype(np.uint16) if counts.size <= 1 << 16 else r
    by_region = np.argsort(keys, kind="stable")
    place = (np.cumsum(counts) - counts)[crowded][:, None] + np.arange(depth)
    real = np.arange(depth) < counts[crowded][:, None]
    return np.where(real, by_region[np.minimum(place, n - 1)], n)


def bands(counts: np.ndarray) -> list[tuple[int, int]]:
    """Bands of regions by size, from the most crowded down, as (depth, regions): a band takes
    in the next size while the padding it adds (a table [depth, regions, depth] against the
    size x size entries each region needs) stays within BAND_PADDING; regions of one cell have
    no pairs."""
    regions = np.bincount(counts)  # regions of each size
    sizes = np.flatnonzero(regions)
    out, padding = [], 0
    for size, k in zip(sizes[::-1].tolist(), regions[sizes[::-1]].tolist(), strict=True):
        if size < 2:
            break
        if out:
            depth, taken = out[-1]
            more = (depth * depth - size * size) * k
            if padding + more <= BAND_PADDING:
                out[-1], padding = (depth, taken + k), padding + more
                continue
        out.append((size, k))
        padding = 0
    return out
