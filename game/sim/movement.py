"""Members moving between neighbouring regions.

Each month a share of a faction's members in a region (`mobility` per week) moves to the
neighbouring regions, mostly to where the faction already is: the weight of a neighbour is the
faction's members there plus one, so presence attracts and empty regions are entered slowly.
Purposeful moves (expansion into a vacated plaza) belong to the cartel AI.
"""

from __future__ import annotations

import numpy as np

from game.scenario.graph import edges_by_source, leaving


def diffuse(
    members: np.ndarray, src: np.ndarray, dst: np.ndarray, share, by_source=None
) -> np.ndarray:
    """Move `share` of every cell's members to its neighbours, weighted by presence there.

    Args:
        members: [F, R] members.
        src, dst: directed edges (`MapData.graph.src`, `.dst`).
        share: fraction of each cell that leaves (0-1): one number, or one per region [R].
        by_source: `edges_by_source(src, R)` when the caller keeps it (`MapGraph.by_source`).
    Returns:
        The new [F, R] members; the totals of each faction are unchanged.
    """
    share = np.broadcast_to(np.asarray(share, dtype=float), (members.shape[1],))
    if not share.any() or src.size == 0:
        return members
    n_f, n_r = members.shape
    if by_source is None:
        by_source = edges_by_source(src, n_r)
    fac, edge = leaving(members > 0, src, by_source)  # only edges leaving occupied cells
    origin = src[edge]
    row = fac * n_r
    here = row + origin
    there = row + dst[edge]
    flat = members.ravel()
    present = flat[there]  # members already at the other end
    weight = present + 1.0
    norm = np.bincount(here, weights=weight, minlength=n_f * n_r)
    moved = flat[here] * share[origin]
    moved *= weight
    moved /= norm[here]
    # Less than one person cannot open a new region: such flows stay home, so no dust spreads.
    np.copyto(moved, 0.0, where=(moved < 1.0) & (present <= 0))
    change = np.bincount(there, weights=moved, minlength=n_f * n_r)
    change -= np.bincount(here, weights=moved, minlength=n_f * n_r)
    return members + change.reshape(n_f, n_r)
