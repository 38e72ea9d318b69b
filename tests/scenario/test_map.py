"""The map of Mexico (`assets/mexico_states.json`, built by `tools/build_map.py`)."""

from __future__ import annotations

import subprocess
import sys
from collections import deque
from pathlib import Path

import numpy as np
import pytest

from game.scenario.mapdata import MEXICO_MAP_FILE, load_mexico_map

ROOT = Path(__file__).resolve().parents[2]
BORDER_STATES = {"BCN", "SON", "CHH", "COA", "NLE", "TAM"}
ADDED_PAIRS = {frozenset(("NLE", "ZAC")), frozenset(("JAL", "SLP"))}
EARTH_RADIUS_KM = 6371.0088


@pytest.fixture(scope="module")
def mexico():
    return load_mexico_map()


def _neighbours(mexico, code: str) -> set[str]:
    i = mexico.index()[code]
    return {mexico.regions[j].code for j in mexico.neighbours(i)}


def _ring_area_km2(ring) -> float:
    """Signed area, Lambert cylindrical equal-area projection (counter-clockwise positive)."""
    p = np.asarray(ring, dtype=np.float64)
    x = np.radians(p[:, 0]) * EARTH_RADIUS_KM
    y = np.sin(np.radians(p[:, 1])) * EARTH_RADIUS_KM
    return 0.5 * float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))


def _inside(lon: float, lat: float, polygons) -> bool:
    """Even-odd ray casting over every ring."""
    inside = False
    for poly in polygons:
        for ring in poly:
            for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
                if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
                    inside = not inside
    return inside


def _cross(o, a, b) -> int:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _on_segment(p, a, b) -> bool:
    return min(a[0], b[0]) <= p[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= p[1] <= max(a[1], b[1])


def _segments_meet(a, b, c, d) -> bool:
    """Closed segments a-b and c-d share at least one point (exact, integer coordinates)."""
    d1, d2, d3, d4 = _cross(a, b, c), _cross(a, b, d), _cross(c, d, a), _cross(c, d, b)
    if ((d1 > 0 and d2 < 0) or (d1 < 0 and d2 > 0)) and (
        (d3 > 0 and d4 < 0) or (d3 < 0 and d4 > 0)
    ):
        return True
    return (
        (d1 == 0 and _on_segment(c, a, b))
        or (d2 == 0 and _on_segment(d, a, b))
        or (d3 == 0 and _on_segment(a, c, d))
        or (d4 == 0 and _on_segment(b, c, d))
    )


def _ring_is_simple(ring) -> bool:
    """No repeated vertices; non-adjacent edges never meet; adjacent edges meet only at their joint."""
    pts = [(round(x * 10_000), round(y * 10_000)) for x, y in ring]
    if pts[0] == pts[-1]:
        pts = pts[:-1]
    n = len(pts)
    if len(set(pts)) != n:
        return False
    edges = [(pts[i], pts[(i + 1) % n]) for i in range(n)]
    for i in range(n):
        a, b = edges[i]
        for j in range(i + 1, n):
            c, d = edges[j]
            if j == i + 1 or (i == 0 and j == n - 1):
                # Adjacent: must not fold back on each other.
                joint, p, q = (b, a, d) if j == i + 1 else (a, b, c)
                if _cross(joint, p, q) == 0 and (
                    (p[0] - joint[0]) * (q[0] - joint[0]) + (p[1] - joint[1]) * (q[1] - joint[1])
                    > 0
                ):
                    return False
            elif _segments_meet(a, b, c, d):
                return False
    return True


def test_thirty_two_states_with_unique_codes(mexico):
    assert mexico.n == 32
    codes = [r.code for r in mexico.regions]
    assert len(set(codes)) == 32
    assert [r.inegi for r in mexico.regions] == [f"{i:02d}" for i in range(1, 33)]
    assert all(r.iso == f"MX-{r.code}" for r in mexico.regions)
    assert {"JAL", "CMX", "MEX", "MIC", "SIN"} <= set(codes)
    names = mexico.index()
    assert mexico.regions[names["CMX"]].name == "Ciudad de México"
    assert mexico.regions[names["MEX"]].official_name == "México"
    assert mexico.regions[names["MIC"]].name == "Michoacán"
    assert "Distrito Federal" not in names
    assert "Natural Earth" in mexico.attribution


def test_known_neighbours(mexico):
    assert _neighbours(mexico, "JAL") == {"NAY", "ZAC", "AGU", "GUA", "MIC", "COL", "SLP"}
    assert len(_neighbours(mexico, "MEX")) == 8
    assert len(_neighbours(mexico, "VER")) == 7
    assert len(_neighbours(mexico, "PUE")) == 7
    assert _neighbours(mexico, "CMX") == {"MEX", "MOR"}
    assert "SLP" not in _neighbours(mexico, "COA")
    assert len(mexico.adjacency) == 67
    assert all(a < b for a, b in mexico.adjacency)


def test_neighbour_lists_match_adjacency(mexico):
    import json

    raw = json.loads(MEXICO_MAP_FILE.read_text(encoding="utf-8"))
    for r, d in zip(mexico.regions, raw["states"], strict=True):
        assert set(d["neighbours"]) == _neighbours(mexico, r.code)


def test_population_total(mexico):
    assert sum(r.population for r in mexico.regions) == 126_014_024


def test_capitals_inside_their_state(mexico):
    for r in mexico.regions:
        assert _inside(*r.capital_lonlat, r.polygons), r.code


def test_polygons_are_valid(mexico):
    for r in mexico.regions:
        assert r.polygons, r.code
        for poly in r.polygons:
            for ring in poly:
                assert len(ring) >= 4, r.code
                assert ring[0] == ring[-1], r.code  # every ring is closed
                assert abs(_ring_area_km2(ring)) > 0, r.code
                assert _ring_is_simple(ring), r.code


def test_areas_close_to_inegi(mexico):
    for r in mexico.regions:
        area = sum(
            abs(_ring_area_km2(poly[0])) - sum(abs(_ring_area_km2(h)) for h in poly[1:])
            for poly in r.polygons
        )
        assert abs(area / r.area_km2 - 1) < 0.10, (r.code, area, r.area_km2)


def test_shared_borders_are_identical(mexico):
    vertices = [
        {tuple(p) for poly in r.polygons for ring in poly for p in ring} for r in mexico.regions
    ]
    for a, b in mexico.adjacency:
        pair = frozenset((mexico.regions[a].code, mexico.regions[b].code))
        shared = len(vertices[a] & vertices[b])
        assert shared >= (1 if pair in ADDED_PAIRS else 2), pair


def test_map_is_connected(mexico):
    seen = {0}
    todo = deque([0])
    while todo:
        i = todo.popleft()
        for j in mexico.neighbours(i):
            if j not in seen:
                seen.add(j)
                todo.append(j)
    assert len(seen) == mexico.n


def test_crossings_ports_and_production(mexico):
    with_crossings = {r.code for r in mexico.regions if r.crossings}
    assert with_crossings == BORDER_STATES
    by_code = {r.code: r for r in mexico.regions}
    assert "Nogales" in by_code["SON"].crossings
    assert "Tijuana" in by_code["BCN"].crossings
    assert "Manzanillo" in by_code["COL"].seaports
    assert "Lázaro Cárdenas" in by_code["MIC"].seaports
    assert {"SIN", "DUR", "CHH", "GRO", "MIC", "NAY"} <= {
        r.code for r in mexico.regions if r.production
    }


def test_build_is_deterministic(tmp_path):
    out = tmp_path / "mexico_states.json"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_map.py"), str(out)],
        check=True,
        cwd=tmp_path,
        capture_output=True,
    )
    assert out.read_bytes() == MEXICO_MAP_FILE.read_bytes()


def test_no_edges_cross_between_states(mexico):
    """No two edges of the map cross (so states do not overlap)."""
    segs = []
    for r in mexico.regions:
        for poly in r.polygons:
            for ring in poly:
                p = np.rint(np.asarray(ring) * 10_000).astype(np.int64)
                segs.append(np.hstack((p[:-1], p[1:])))
    s = np.vstack(segs)
    # A shared edge appears once per state; keep one copy of each undirected edge.
    swap = (s[:, 0] > s[:, 2]) | ((s[:, 0] == s[:, 2]) & (s[:, 1] > s[:, 3]))
    s = np.unique(np.where(swap[:, None], s[:, [2, 3, 0, 1]], s), axis=0)
    x1, y1, x2, y2 = s.T
    for i in range(len(s)):
        a, b = s[i, :2], s[i, 2:]
        d1 = np.sign((b[0] - a[0]) * (y1 - a[1]) - (b[1] - a[1]) * (x1 - a[0]))
        d2 = np.sign((b[0] - a[0]) * (y2 - a[1]) - (b[1] - a[1]) * (x2 - a[0]))
        d3 = np.sign((x2 - x1) * (a[1] - y1) - (y2 - y1) * (a[0] - x1))
        d4 = np.sign((x2 - x1) * (b[1] - y1) - (y2 - y1) * (b[0] - x1))
        assert not np.any((d1 * d2 < 0) & (d3 * d4 < 0)), s[i]
