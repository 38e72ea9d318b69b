"""The region graph of a map, derived once: neighbours, edges, distances, routes' ends.

`MapData.graph` builds it the first time it is asked for and keeps it with the (immutable) map,
so every phase, the cartel AI and the routes read the same neighbour lists and edges. Nothing
here changes during a game.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

EARTH_RADIUS_100KM = 63.71  # mean Earth radius in hundreds of km, the unit of edge lengths
PRODUCTION_WEIGHT = 1.0  # supply weight of a production region
PORT_WEIGHT = 1.0  # supply weight of each named seaport (adds to production)
UNREACHABLE = 10_000  # hop distance given to regions that cannot be reached
DENSE_CELLS = 1 << 18  # array size (rows x edges, or x regions x most edges into one) up to
# which neighbour sums and edge lists read every cell of a [K, R] array, not only the non-zero ones
DENSE_REGIONS = 256  # maps up to this size keep an [R, R] adjacency matrix (512 KiB at most)


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
            followed by an entry edge from a super-source (node n) to each sink, in CSR order:
            each entry's fixed `step` cost (the edge length; 1.0 on an entry edge), the region it
            enters (its column, `indices`) and the row pointers `indptr`. A month's weights are
            then one gather and one add: ``step + node_cost[indices]``.
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
    route_csr: tuple[np.ndarray, np.ndarray, np.ndarray]  # (step, indices, indptr): see below
    _cache: dict = field(default_factory=dict, repr=False)  # derived on demand, never changed

    def by_population(self, total: float) -> np.ndarray:
        """`total` shared among the regions by population [R], computed once per total (a
        read-only array)."""
        return self._derived(
            ("by_population", total), lambda: total * self.populations / self.populations.sum()
        )

    @property
    def mean_length(self) -> float:
        """Mean edge length: the scale of route congestion, so it is map-size free."""
        return float(self.length.mean()) if self.length.size else 1.0

    def congestion_scale(self, congestion: float) -> np.ndarray:
        """What one unit of relative through-flow adds to each region's route cost [R]:
        ``congestion * mean edge length``, shared among a sink's crossings (game/sim/routes.py);
        computed once per weight (a read-only array)."""

        def build() -> np.ndarray:
            capacity = np.ones(self.n)
            capacity[self.sinks] = np.maximum(self.sink_capacity, 1)
            return congestion * self.mean_length / capacity

        return self._derived(("congestion", congestion), build)

    def hops(self, start: int) -> np.ndarray:
        """Borders to cross from `start` to every region (UNREACHABLE where none leads), as a
        read-only array; computed once per start (the map never changes), level by level."""
        return self._derived(("hops", start), lambda: self._breadth_first(start))

    def _derived(self, key, build):
        """What `build()` returns, built on first use and kept (the map never changes); arrays
        are made read-only, since every caller shares them."""
        value = self._cache.get(key)
        if value is None:
            value = build()
            for array in value if isinstance(value, tuple) else (value,):
                array.flags.writeable = False
            self._cache[key] = value
        return value

    def _breadth_first(self, start: int) -> np.ndarray:
        """Hop distances by a breadth-first search, one whole frontier per numpy step."""
        table = self.neighbour_table()
        dist = np.full(self.n + 1, UNREACHABLE, dtype=np.int64)
        dist[self.n] = 0  # the padding of the table: never reached
        dist[start] = 0
        frontier, level = np.array([start]), 0
        while frontier.size:
            level += 1
            reached = table[frontier].ravel()
            dist[reached[dist[reached] == UNREACHABLE]] = level
            frontier = np.flatnonzero(dist == level)
        return dist[: self.n]

    def neighbour_table(self) -> np.ndarray:
        """[R, most neighbours] each region's neighbours in index order (as `neighbours`),
        padded with R, built once (a read-only array)."""

        def build() -> np.ndarray:
            width = max((len(x) for x in self.neighbours), default=0)
            table = np.full((self.n, width), self.n, dtype=np.int64)
            for r, near in enumerate(self.neighbours):
                table[r, : len(near)] = near
            return table

        return self._derived("table", build)

    @property
    def by_source(self) -> tuple[np.ndarray, np.ndarray]:
        """Edges grouped by source region, built once: (edge ids, where each region starts)."""
        return self._derived("by_source", lambda: edges_by_source(self.src, self.n))

    def _incoming_table(self) -> np.ndarray:
        """[most edges into a region, R] the far end of each region's incoming edges in edge
        order, padded with R, built once."""

        def build() -> np.ndarray:
            order = np.argsort(self.dst, kind="stable")
            count = np.bincount(self.dst, minlength=self.n)
            slot = np.arange(order.size) - (np.cumsum(count) - count)[self.dst[order]]
            table = np.full((int(count.max(initial=0)), self.n), self.n, dtype=np.int64)
            table[slot, self.dst[order]] = self.src[order]
            return table

        return self._derived("incoming", build)

    def next_to(self, mask: np.ndarray) -> np.ndarray:
        """[K, R] True where a region borders a True cell of the same row of `mask` [K, R]
        (a faction's frontier: the regions next to those where it is). On small maps by one
        product with the adjacency matrix (it counts the True neighbours, small whole numbers, so
        it is exact); on large ones from the edges leaving the True cells alone."""
        if self.n <= DENSE_REGIONS:
            return (mask @ self._adjacency()) > 0
        row, edge = leaving(mask, self.src, self.by_source, ordered=False)
        out = np.zeros(mask.shape, dtype=bool)
        out.ravel()[row * mask.shape[1] + self.dst[edge]] = True
        return out

    def _adjacency(self) -> np.ndarray:
        """[R, R] 1.0 where two regions are neighbours, built once (small maps only)."""

        def build() -> np.ndarray:
            matrix = np.zeros((self.n, self.n))
            matrix[self.src, self.dst] = 1.0
            return matrix

        return self._derived("adjacency", build)

    def neighbour_sum(self, x: np.ndarray) -> np.ndarray:
        """Sum of x over each region's neighbours, for every row of x [K, R].

        Each region adds its neighbours in edge order, as summing over every edge would (a zero
        changes nothing). On small maps every cell is read, one incoming edge after another down
        a padded table; on large ones only the non-zero cells of x, so a mostly empty [F, R] is
        cheap."""
        k, n = x.shape
        if self.src.size == 0:
            return np.zeros_like(x)
        table = self._incoming_table()
        if k * table.size <= DENSE_CELLS:
            padded = np.zeros((n + 1, k))  # by region, with an empty one where the table pads
            padded[:n] = x.T
            return np.ascontiguousarray(np.add.reduce(padded[table], axis=0, initial=0.0).T)
        row, edge = leaving(x != 0, self.src, self.by_source)
        weights = x.ravel()[row * n + self.src[edge]]
        return np.bincount(row * n + self.dst[edge], weights=weights, minlength=k * n).reshape(k, n)


def edges_by_source(src: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Edge ids sorted by source region (edge order within a region) and [n + 1] where each
    region's edges start among them."""
    order = np.argsort(src, kind="stable")
    start = np.concatenate([[0], np.cumsum(np.bincount(src, minlength=n))])
    return order, start


def leaving(
    mask: np.ndarray, src: np.ndarray, by_source, ordered: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """(row, edge) of every edge leaving a True cell of `mask` [K, R], by row then edge: what
    `np.nonzero(mask[:, src])` gives, building the [K, E] array only when it is small
    (`by_source` is `edges_by_source(src, R)`); in no particular order when not `ordered`."""
    if ordered and mask.shape[0] * src.size <= DENSE_CELLS:
        return np.divmod(np.flatnonzero(mask[:, src]), src.size)
    order, start = by_source
    row, region = np.divmod(np.flatnonzero(mask), mask.shape[1])
    lo, hi = start[region], start[region + 1]
    edge = order[_ranges(lo, hi)]
    row = np.repeat(row, hi - lo)
    if not ordered:
        return row, edge
    sort = np.argsort(row * src.size + edge, kind="stable")
    return row[sort], edge[sort]


def _ranges(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """The concatenation of range(lo[i], hi[i]) for every i (vectorised)."""
    size = hi - lo
    total = int(size.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    starts = np.repeat(lo - np.concatenate([[0], np.cumsum(size)[:-1]]), size)
    return starts + np.arange(total)


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
        route_csr=_route_csr(n, src, dst, length, sinks),
    )


def _route_csr(n: int, src, dst, length, sinks) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows = np.concatenate([src, np.full(sinks.size, n)])
    cols = np.concatenate([dst, sinks])
    step = np.concatenate([length, np.ones(sinks.size)])
    order = np.lexsort((cols, rows))
    indptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=n + 1))])
    return step[order], cols[order].astype(np.int32), indptr.astype(np.int32)


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
