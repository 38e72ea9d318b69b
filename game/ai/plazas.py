"""Where each faction would expand: the most attractive plaza next to its own (cartel AI).

A plaza attracts by the drugs flowing through it (route), its people (market), a rival's vacuum
(the share held by disrupted groups) and a weak state the faction can corrupt; remembered state
pressure, interdiction, capable police and courts and strong rivals repel, the more for a
cautious faction. Only the plazas on a faction's frontier (next to a region where it has a
member) can be chosen, so on large maps, where the frontier is a small share of the cells, the
attractions are computed on those cells alone; on small maps, and at the hard level (which also
weighs the plazas one border further), on every cell. Both give the same choices, bit for bit.
"""

from __future__ import annotations

import numpy as np

from game.sim.policy import REFERENCE_CAPACITY
from game.sim.state import GameState

FORESIGHT_WEIGHT = 0.5  # hard opponents weigh plazas one border further at half their value
SPARSE_SHARE = 0.125  # frontier cells, as a share of all cells, below which only the frontier's
# cells are computed (above, numpy on every cell is faster)


def choose(outlook, state: GameState) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(plaza [F], its score [F], the index of its strongest attraction [F]) of every faction:
    the frontier plaza of highest score (the lowest region among equals); a faction with no
    frontier gets region 0 and a score of minus infinity."""
    m = state.members
    frontier = outlook.graph.next_to(m >= 1.0)  # cells next to a faction's own
    cells = np.flatnonzero(frontier)
    rows = np.arange(m.shape[0])
    if outlook.foresight >= 2 or cells.size > SPARSE_SHARE * m.size:
        parts = attractions(outlook, state)
        plaza, score = _best_everywhere(outlook, parts, frontier)
        chosen = [_at(x, rows, plaza) for x in parts[:4]]
    else:
        plaza, score = _best_on(outlook, state, cells)
        chosen = attractions(outlook, state, rows, plaza)[:4]
    reason = np.stack(chosen).argmax(axis=0)
    return plaza, score, reason


def _at(x: np.ndarray, rows: np.ndarray, plaza: np.ndarray) -> np.ndarray:
    """x[rows[i], plaza[i]] of an attraction computed for every cell: [F, R], or [1, R] when it
    is the same for every faction."""
    return x[0, plaza] if x.shape[0] == 1 else x[rows, plaza]


def attractions(outlook, state: GameState, f=None, r=None) -> tuple:
    """(route, market, vacuum, weak state, danger) at the cells (f[i], r[i]) of index arrays,
    or at every cell [F, R] by default."""
    if f is None:
        f, r = np.s_[:, None], np.s_[None, :]

        def cell(x):
            return x

    else:

        def cell(x):
            return x[f, r]

    p = outlook.p
    weak = np.clip(1.0 - outlook.capacity / (2 * REFERENCE_CAPACITY), 0.0, 1.0)
    route = p.ai_route_weight * outlook.value[r]
    market = p.ai_market_weight * outlook.market[r]
    vacuum = np.clip(outlook.disrupted[r] - state.disruption[f] * cell(outlook.share), 0, 1)
    weak_state = p.ai_weak_state_weight * outlook.corruption[f] * weak[r]
    rivals = cell(outlook.rivals)
    hostile = rivals / (rivals + cell(outlook.reach) + 1.0)
    strong = np.maximum(outlook.capacity - REFERENCE_CAPACITY, 0.0)
    danger = (
        cell(state.memory)
        + p.ai_interdiction_danger * state.interdiction[r]
        + p.ai_state_danger * strong[r]
        + p.ai_hostile_danger * hostile
    ) * (0.5 + outlook.caution[f])  # a faction of average caution takes danger as it is
    return route, market, p.ai_vacuum_weight * vacuum, weak_state, danger


def _raw(parts) -> np.ndarray:
    """The attractions added in order, less the danger."""
    route, market, vacuum, weak_state, danger = parts
    return route + market + vacuum + weak_state - danger


def _best_on(outlook, state: GameState, cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The best of the given frontier cells (flat indices, sorted) of every faction."""
    n_f, n_r = state.members.shape
    f, r = np.divmod(cells, n_r)
    raw = _raw(attractions(outlook, state, f, r))
    order = np.lexsort((r, -raw, f))  # by faction, best first, the lowest region among equals
    first = order[np.flatnonzero(np.diff(f[order], prepend=-1))]
    plaza, score = np.zeros(n_f, dtype=np.int64), np.full(n_f, -np.inf)
    plaza[f[first]], score[f[first]] = r[first], raw[first]
    return plaza, score


def _best_everywhere(outlook, parts: tuple, frontier: np.ndarray):
    """The best frontier cell of every faction, every cell's `attractions` computed (dense
    frontiers, and the hard level, where a cell's score also counts the best plaza one border
    further)."""
    raw = _raw(parts)
    if outlook.foresight >= 2:
        raw = raw + FORESIGHT_WEIGHT * _best_neighbour(raw, outlook.graph)
    score = np.where(frontier, raw, -np.inf)
    plaza = score.argmax(axis=1)
    return plaza, score[np.arange(score.shape[0]), plaza]


def _best_neighbour(score: np.ndarray, graph) -> np.ndarray:
    """For every faction and region, the best score among the region's neighbours [F, R]:
    a running maximum over each region's edges in edge order (as `np.maximum.at` over the
    edges would take them), one column of the padded edge table at a time."""
    table = _edge_table(graph)
    padded = np.concatenate([score, np.full((score.shape[0], 1), -np.inf)], axis=1)
    best = np.full_like(score, -np.inf)
    for column in table.T:
        np.maximum(best, padded[:, column], out=best)
    return np.where(np.isfinite(best), best, 0.0)


def _edge_table(graph) -> np.ndarray:
    """[R, most edges] the far end of each region's edges in edge order, padded with R."""
    order, start = graph.by_source
    size = np.diff(start)
    table = np.full((graph.n, int(size.max(initial=0))), graph.n, dtype=np.int64)
    slot = np.arange(order.size) - np.repeat(start[:-1], size)
    table[graph.src[order], slot] = graph.dst[order]
    return table
