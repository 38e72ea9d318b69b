"""Drug routes: least-cost paths from production zones and ports to US border crossings.

Owns the route network derived from a map and one pure function, `route_flows`, that sends a
month's supply to the border (DESIGN.md §3 "Territory and routes"; FACTS.md F4, Dell 2015:
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
from dataclasses import dataclass, field

import numpy as np

from game.scenario.types import MapData
from game.sim.movement import edge_arrays

EARTH_RADIUS_100KM = 63.71  # mean Earth radius in hundreds of km, the unit of edge lengths
PRODUCTION_WEIGHT = 1.0  # supply weight of a production region
PORT_WEIGHT = 1.0  # supply weight of each named seaport (adds to production)


@dataclass(frozen=True)
class RouteNetwork:
    """The region graph as drug routes see it; build once per map with `build_network`.

    Attributes:
        n: number of regions.
        src, dst: directed edges, both directions of every adjacency pair.
        length: [E] edge length in hundreds of km (great circle between capitals).
        sinks: region indices with US crossings.
        sink_capacity: [len(sinks)] number of named crossings in each sink region.
        sources: region indices that produce drugs or have seaports.
    """

    n: int
    src: np.ndarray
    dst: np.ndarray
    length: np.ndarray
    sinks: np.ndarray
    sink_capacity: np.ndarray
    sources: np.ndarray
    # Derived once: neighbour lists as Python tuples (Dijkstra runs in Python), congestion divisor.
    _adjacent: tuple = field(init=False, repr=False, compare=False)
    _capacity: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        adjacent: list[list[tuple[int, float]]] = [[] for _ in range(self.n)]
        for a, b, w in zip(self.src.tolist(), self.dst.tolist(), self.length.tolist(), strict=True):
            adjacent[a].append((b, w))
        capacity = np.ones(self.n)
        capacity[self.sinks] = np.maximum(self.sink_capacity, 1)
        object.__setattr__(self, "_adjacent", tuple(tuple(x) for x in adjacent))
        object.__setattr__(self, "_capacity", capacity)

    @property
    def mean_length(self) -> float:
        """Mean edge length: the scale of the congestion term, so it is map-size free."""
        return float(self.length.mean()) if self.length.size else 1.0


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


def great_circle(lonlat_a: np.ndarray, lonlat_b: np.ndarray) -> np.ndarray:
    """Haversine distance in hundreds of km between [N, 2] arrays of (lon, lat) degrees."""
    lon1, lat1 = np.radians(lonlat_a).T
    lon2, lat2 = np.radians(lonlat_b).T
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_100KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def build_network(map_data: MapData) -> RouteNetwork:
    """Derive the route network of a map (pure; callers cache it)."""
    src, dst = edge_arrays(map_data)
    lonlat = np.array([r.capital_lonlat for r in map_data.regions], dtype=np.float64)
    crossings = np.array([len(r.crossings) for r in map_data.regions], dtype=np.int64)
    is_source = [r.production or bool(r.seaports) for r in map_data.regions]
    sinks = np.flatnonzero(crossings > 0)
    return RouteNetwork(
        n=map_data.n,
        src=src,
        dst=dst,
        length=great_circle(lonlat[src], lonlat[dst]),
        sinks=sinks,
        sink_capacity=crossings[sinks],
        sources=np.flatnonzero(is_source),
    )


def default_supply(map_data: MapData) -> np.ndarray:
    """[R] share of national supply entering at each region; sums to 1.

    A production region weighs `PRODUCTION_WEIGHT` and each named seaport `PORT_WEIGHT`, added
    together, so on the Mexico map the Golden Triangle and the Pacific ports dominate. A map with
    no sources gets a uniform share.
    """
    weight = np.array(
        [
            PRODUCTION_WEIGHT * r.production + PORT_WEIGHT * len(r.seaports)
            for r in map_data.regions
        ],
        dtype=np.float64,
    )
    total = weight.sum()
    return weight / total if total > 0 else np.full(map_data.n, 1.0 / max(map_data.n, 1))


def _least_costs(
    net: RouteNetwork, node_cost: list[float]
) -> tuple[list[float], list[int], list[int]]:
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
    adjacent = net._adjacent
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
    net: RouteNetwork,
    supply_tonnes: np.ndarray,
    extra_cost: np.ndarray,
    seizure_rate: np.ndarray,
    congestion: float = 0.5,
    iterations: int = 4,
) -> RouteFlows:
    """Route a month's supply to the US crossings along least-cost paths.

    Args:
        net: the network from `build_network`.
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
    scale = congestion * net.mean_length / net._capacity
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
