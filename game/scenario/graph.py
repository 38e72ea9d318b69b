"""The region graph of a map, derived once: neighbours, edges, distances, routes' ends.

`MapData.graph` builds it the first time it is asked for and keeps it with the (immutable) map,
so every phase, the cartel AI and the routes read the same neighbour lists and edges. Nothing
here changes during a game.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np

EARTH_RADIUS_100KM = 63.71  # mean Earth radius in hundreds of km, the unit of edge lengths
PRODUCTION_WEIGHT = 1.0  # supply weight of a production region
PORT_WEIGHT = 1.0  # supply weight of each named seaport (adds to production)
UNREACHABLE = 10_000  # hop distance given to regions that cannot be reached


@dataclass(frozen=True, eq=False)
class MapGraph:
    """Everything about a map's shape that the model reads.

    Attributes:
        n: number of regions.
        src, dst: [E] directed edges, both directions of every adjacency pair.
        neighbours: for each region, its neighbours in index order.
        populations: [R] people in each region (read-only).
        length: [E] edge length in hundreds of km (great circle between capitals).
        adjacent: for each region, (neighbour, edge length) pairs, for Dijkstra.
        sinks: regions with US border crossings; sink_capacity: crossings in each of them.
        sources: regions that produce drugs or have seaports.
        supply: [R] share of national supply entering at each region (sums to 1).
        route_csr: the sparse layout of the routes' search graph, built once: the directed edges
            followed by an entry edge from a super-source (node n) to each sink, put in CSR
            order by `order`, with their column `indices` and row pointers `indptr`.
    """

    n: int
    src: np.ndarray
    dst: np.ndarray
    neighbours: tuple[tuple[int, ...], ...]
    populations: np.ndarray
    length: np.ndarray
    adjacent: tuple[tuple[tuple[int, float], ...], ...]
    sinks: np.ndarray
    sink_capacity: np.ndarray
    sources: np.ndarray
    supply: np.ndarray
    route_csr: tuple[np.ndarray, np.ndarray, np.ndarray]  # (order, indices, indptr): see below

    @property
    def mean_length(self) -> float:
        """Mean edge length: the scale of route congestion, so it is map-size free."""
        return float(self.length.mean()) if self.length.size else 1.0

    def hops(self, start: int) -> np.ndarray:
        """Borders to cross from `start` to every region (UNREACHABLE where none leads)."""
        dist = np.full(self.n, UNREACHABLE, dtype=np.int64)
        dist[start] = 0
        queue = deque([start])
        while queue:
            here = queue.popleft()
            for there in self.neighbours[here]:
                if dist[there] > dist[here] + 1:
                    dist[there] = dist[here] + 1
                    queue.append(there)
        return dist

    def neighbour_sum(self, x: np.ndarray) -> np.ndarray:
        """Sum of x over each region's neighbours, for every row of x [K, R] (sparse)."""
        k, n = x.shape
        if self.src.size == 0:
            return np.zeros_like(x)
        index = (np.arange(k)[:, None] * n + self.dst[None, :]).ravel()
        return np.bincount(index, weights=x[:, self.src].ravel(), minlength=k * n).reshape(k, n)


def build_graph(regions, adjacency) -> MapGraph:
    """The graph of a map given its regions and adjacency pairs (pure; `MapData.graph` keeps it)."""
    n = len(regions)
    pairs = np.array(adjacency, dtype=np.int64).reshape(-1, 2)
    src = np.concatenate([pairs[:, 0], pairs[:, 1]])
    dst = np.concatenate([pairs[:, 1], pairs[:, 0]])
    lonlat = np.array([r.capital_lonlat for r in regions], dtype=np.float64).reshape(n, 2)
    length = great_circle(lonlat[src], lonlat[dst])
    near: list[list[int]] = [[] for _ in range(n)]
    adjacent: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for a, b, w in zip(src.tolist(), dst.tolist(), length.tolist(), strict=True):
        near[a].append(b)
        adjacent[a].append((b, w))
    populations = np.array([r.population for r in regions], dtype=np.float64)
    populations.flags.writeable = False
    crossings = np.array([len(r.crossings) for r in regions], dtype=np.int64)
    sinks = np.flatnonzero(crossings > 0)
    return MapGraph(
        n=n,
        src=src,
        dst=dst,
        neighbours=tuple(tuple(sorted(x)) for x in near),
        populations=populations,
        length=length,
        adjacent=tuple(tuple(x) for x in adjacent),
        sinks=sinks,
        sink_capacity=crossings[sinks],
        sources=np.flatnonzero([r.production or bool(r.seaports) for r in regions]),
        supply=_supply_shares(regions),
        route_csr=_route_csr(n, src, dst, sinks),
    )


def _route_csr(n: int, src, dst, sinks) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows = np.concatenate([src, np.full(sinks.size, n)])
    cols = np.concatenate([dst, sinks])
    order = np.lexsort((cols, rows))
    indptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=n + 1))])
    return order, cols[order].astype(np.int32), indptr.astype(np.int32)


def _supply_shares(regions) -> np.ndarray:
    """A production region weighs `PRODUCTION_WEIGHT` and each named seaport `PORT_WEIGHT`, added
    together, so on the Mexico map the Golden Triangle and the Pacific ports dominate. A map with
    no sources gets a uniform share."""
    weight = np.array(
        [PRODUCTION_WEIGHT * r.production + PORT_WEIGHT * len(r.seaports) for r in regions],
        dtype=np.float64,
    )
    total = weight.sum()
    return weight / total if total > 0 else np.full(len(regions), 1.0 / max(len(regions), 1))


def great_circle(lonlat_a: np.ndarray, lonlat_b: np.ndarray) -> np.ndarray:
    """Haversine distance in hundreds of km between [N, 2] arrays of (lon, lat) degrees."""
    lon1, lat1 = np.radians(lonlat_a).T
    lon2, lat2 = np.radians(lonlat_b).T
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_100KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
