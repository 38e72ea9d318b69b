"""Drug routes: least-cost paths from production zones and ports to US border crossings.

Owns one pure function, `route_flows`, that sends a month's supply to the border over the map's
graph (game/scenario/graph.py; DESIGN.md §3 "Territory and routes"; FACTS.md F4, Dell 2015:
traffickers take least-cost routes to US crossings and shift to the next-cheapest route when one
is blocked).

Cost model. Each region r has a node cost ``c[r] = extra_cost[r] + congestion term``. A route
r0 -> r1 -> ... -> rk, with rk a region that has crossings (a *sink*), costs the sum of its edge
lengths plus ``c[r0] + ... + c[rk]``: every region is paid on entry, and at the sink its cost is the
crossing's, so interdicting a crossing region diverts transit flow to the next-cheapest crossing.
The origin's own cost is the same for every route out of it, so it never changes a choice.
Drugs already in a sink region cross there: with non-negative costs, moving on to another crossing
can never be cheaper. ``extra_cost = np.inf`` closes a region.

One multi-source Dijkstra from all sinks (the graph is undirected, so no reversal is needed;
scipy.sparse.csgraph does it in C) gives every region its least cost and next hop. Congestion uses the method of successive averages: each
of ``iterations`` passes adds ``congestion * mean edge length * through[r] / mean positive through``
(divided by the number of crossings at a sink) to the node costs seen by the averaged flows so far,
routes all-or-nothing, and averages the passes, so flow spreads over several routes. Everything is
deterministic.

Supply in a region with no path to any crossing (a disconnected map, or closed regions) is
*stuck*: it neither arrives nor is seized, and is reported per region in ``RouteFlows.stuck``, so
``arrivals.sum() + seized.sum() + stuck.sum() == supply.sum()``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from game.scenario.graph import MapGraph


@dataclass
class RouteFlows:
    """One month of trafficking, in tonnes; arrays are [R] by region.

    Attributes:
        through: tonnes passing through each region (own supply included, before seizure there).
        arrivals: tonnes reaching the US at each sink region (zero elsewhere).
        seized: tonnes seized in each region.
        stuck: supply that has no path to a crossing, in its origin region.
        next_hop: next region on each region's route (-1 at sinks and unreachable regions).
        cost: least cost from each region to the US, its own cost included (inf if unreachable).
    """

    through: np.ndarray
    arrivals: np.ndarray
    seized: np.ndarray
    stuck: np.ndarray
    next_hop: np.ndarray
    cost: np.ndarray


def _least_costs(net: MapGraph, node_cost: np.ndarray, graph: csr_matrix | None = None):
    """(least cost to the US from every region, its next hop (-1 at sinks and where no route
    leads), the search graph) by one multi-source Dijkstra from the sinks
    (scipy.sparse.csgraph): a super-source joined to each open sink at the sink's own cost, and
    every edge v -> u costing its length plus the cost of entering u. Closed regions (infinite
    cost) are left out. A search graph from an earlier pass (the same layout) is given the new
    costs instead of being built again."""
    n = net.n
    step, indices, indptr = net.route_csr
    # csgraph drops explicit zeros, so every entry edge steps 1.0 (taken off again below: every
    # route has exactly one) and every edge keeps a tiny floor (never binding on an entry edge,
    # which costs at least 1). Closed regions cost infinity to enter.
    weights = step + node_cost[indices]
    np.maximum(weights, 1e-12, out=weights)
    if graph is None:
        graph = csr_matrix((weights, indices, indptr), shape=(n + 1, n + 1))
    else:
        graph.data = weights
    dist, pred = dijkstra(graph, directed=True, indices=n, return_predecessors=True)
    cost, pred = dist[:n] - 1.0, pred[:n]
    # Neither the super-source (n) nor scipy's mark for "not reached" (negative) is a next hop,
    # nor is a step into a closed region (reached at an infinite cost).
    hop = np.where((pred < n) & (pred >= 0) & np.isfinite(cost), pred, -1).astype(np.int64)
    return cost, hop, graph


def _accumulate(cost: np.ndarray, hop: np.ndarray, supply: np.ndarray, keep: list[float]):
    """Pass flow down the route tree, upstream first (farthest from the border first: a
    region's next hop is always closer); returns [R] tonnes through each region. `keep` is the
    share kept in each region as a list (the loop reads it as Python floats, and the passes of
    `route_flows` share one list)."""
    finite = np.isfinite(cost)
    order = np.argsort(-np.where(finite, cost, -1.0), kind="stable")
    flow = np.where(finite, supply, 0.0).tolist()
    hop_list = hop.tolist()
    for v in order.tolist():
        passing = flow[v]
        if passing:  # nothing passes through most regions: adding zero would change nothing
            h = hop_list[v]
            if h >= 0:
                flow[h] += passing * keep[v]
    return np.fromiter(flow, dtype=np.float64, count=len(flow))


def _as_region_array(values, n: int, name: str, upper: float = np.inf) -> np.ndarray:
    """`values` as a float array [n] (a scalar or shorter array is broadcast), checked to lie in
    [0, upper]. One comparison catches NaN too (it fails every comparison)."""
    array = np.asarray(values, dtype=np.float64)
    if array.shape != (n,):
        array = np.broadcast_to(array, (n,))
    if not (array >= 0).all():
        raise ValueError(f"{name} must be non-negative, without NaN")
    if upper < np.inf and (array > upper).any():
        raise ValueError(f"{name} must lie in [0, {upper:g}]")
    return array


def route_flows(
    net: MapGraph,
    supply_tonnes: np.ndarray,
    extra_cost: np.ndarray,
    seizure_rate: np.ndarray,
    congestion: float = 0.5,
    iterations: int = 4,
) -> RouteFlows:
    """Route a month's supply to the US crossings along least-cost paths.

    Args:
        net: the map's graph (`MapData.graph`).
        supply_tonnes: [R] tonnes entering the trade in each region (finite, >= 0).
        extra_cost: [R] or scalar, cost of entering each region in hundreds of km (interdiction,
            rival tolls); >= 0, ``np.inf`` closes the region. At a sink it is the crossing's cost.
        seizure_rate: [R] or scalar, share of what passes through a region that is seized there.
        congestion: weight of the congestion term, in mean edge lengths at mean flow; 0 routes
            all-or-nothing on fixed costs.
        iterations: passes of the method of successive averages (1 is all-or-nothing).

    Returns:
        RouteFlows; national arrivals equal supply minus seizures minus stuck supply.
    """
    n = net.n
    supply = _as_region_array(supply_tonnes, n, "supply_tonnes")
    if not np.isfinite(supply).all():
        raise ValueError("supply_tonnes must be finite")
    base = _as_region_array(extra_cost, n, "extra_cost")
    rate = _as_region_array(seizure_rate, n, "seizure_rate", upper=1.0)
    keep = (1.0 - rate).tolist()
    passes = max(1, int(iterations)) if congestion > 0 else 1
    scale = net.congestion_scale(congestion)
    through, graph = np.zeros(n), None
    for k in range(passes):
        node_cost = base
        if k > 0:
            flowing = through[through > 0]
            if flowing.size:
                node_cost = base + scale * through / flowing.mean()
        dist, hop, graph = _least_costs(net, node_cost, graph)
        # Successive averages: the k-th all-or-nothing pattern gets weight 1 / (k + 1).
        through += (_accumulate(dist, hop, supply, keep) - through) / (k + 1)
    return _flows(net, supply, rate, through, dist, hop)


def _flows(net, supply, rate, through, dist, hop) -> RouteFlows:
    """Seizures, arrivals and stuck supply from the averaged through-flow."""
    cost = np.array(dist)
    seized = through * rate
    arrivals = np.zeros(net.n)
    arrivals[net.sinks] = through[net.sinks] - seized[net.sinks]
    stuck = np.where(np.isfinite(cost), 0.0, supply)
    return RouteFlows(
        through=through,
        arrivals=arrivals,
        seized=seized,
        stuck=stuck,
        next_hop=np.array(hop, dtype=np.int64),
        cost=cost,
    )
