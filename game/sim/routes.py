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

One multi-source Dijkstra from all sinks (the graph is undirected, so no reversal is needed) gives
every region its least cost and next hop. Congestion uses the method of successive averages: each
of ``iterations`` passes adds ``congestion * mean edge length * through[r] / mean positive through``
(divided by the number of crossings at a sink) to the node costs seen by the averaged flows so far,
routes all-or-nothing, and averages the passes, so flow spreads over several routes. Everything is
deterministic: ties go to the region settled first, then the lower index.

Supply in a region with no path to any crossing (a disconnected map, or closed regions) is
*stuck*: it neither arrives nor is seized, and is reported per region in ``RouteFlows.stuck``, so
``arrivals.sum() + seized.sum() + stuck.sum() == supply.sum()``.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass

import numpy as np

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


def _least_costs(net: MapGraph, node_cost: list[float]) -> tuple[list[float], list[int], list[int]]:
    """Multi-source Dijkstra from every sink: (cost, next hop, regions in the order settled)."""
    dist = [math.inf] * net.n
    hop = [-1] * net.n
    heap = []
    for s in net.sinks.tolist():
        if node_cost[s] < math.inf:
            dist[s] = node_cost[s]
            heap.append((node_cost[s], s))
    heapq.heapify(heap)
    order = []
    adjacent = net.adjacent
    while heap:
        d, v = heapq.heappop(heap)
        if d > dist[v]:
            continue  # a stale entry: v was reached more cheaply since
        order.append(v)
        for u, w in adjacent[v]:
            candidate = d + w + node_cost[u]
            if candidate < dist[u]:
                dist[u] = candidate
                hop[u] = v
                heapq.heappush(heap, (candidate, u))
    return dist, hop, order


def _accumulate(order: list[int], hop: list[int], supply: np.ndarray, keep: list[float]):
    """Pass flow down the route tree, upstream first; returns [R] tonnes through each region."""
    through = [0.0] * len(hop)
    for v in order:
        through[v] = float(supply[v])
    # Dijkstra settles a region after its next hop, so the reverse order visits upstream first.
    for v in reversed(order):
        h = hop[v]
        if h >= 0:
            through[h] += through[v] * keep[v]
    return np.array(through)


def _as_region_array(values, n: int, name: str) -> np.ndarray:
    array = np.broadcast_to(np.asarray(values, dtype=np.float64), (n,))
    if np.isnan(array).any() or (array < 0).any():
        raise ValueError(f"{name} must be non-negative, without NaN")
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
    rate = _as_region_array(seizure_rate, n, "seizure_rate")
    if (rate > 1).any():
        raise ValueError("seizure_rate must lie in [0, 1]")
    keep = (1.0 - rate).tolist()
    passes = max(1, int(iterations)) if congestion > 0 else 1
    capacity = np.ones(n)
    capacity[net.sinks] = np.maximum(net.sink_capacity, 1)
    scale = congestion * net.mean_length / capacity
    through = np.zeros(n)
    for k in range(passes):
        node_cost = base
        if k > 0:
            flowing = through[through > 0]
            if flowing.size:
                node_cost = base + scale * through / flowing.mean()
        dist, hop, order = _least_costs(net, node_cost.tolist())
        # Successive averages: the k-th all-or-nothing pattern gets weight 1 / (k + 1).
        through += (_accumulate(order, hop, supply, keep) - through) / (k + 1)
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
