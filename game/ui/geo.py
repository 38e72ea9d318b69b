"""Map geometry: projection, the camera (zoom and pan) and where each state's label goes.

Longitude and latitude are projected with an equirectangular projection scaled by cos(23°), the
latitude of the Tropic of Cancer across the middle of Mexico, into "map units" (x = lon * cos 23°,
y = -lat). The camera turns map units into pixels; everything is drawn from vectors at the current
zoom, so the map stays sharp at any window size.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # the menu draws Mexico before the (slow to import) scenario code is loaded
    from game.scenario.types import MapData

COS_REF = math.cos(math.radians(23.0))
ZOOM_STEP = 1.18
MIN_STEP, MAX_STEP = -3, 16  # zoom levels relative to "fit the country"

# Where the labels of small central states go when even their abbreviation does not fit: out at
# sea, joined to the state by a leader line (longitude, latitude).
CALLOUTS = {
    "CMX": (-95.2, 20.35),
    "TLA": (-95.2, 20.95),
    "MOR": (-95.2, 19.75),
    "COL": (-105.6, 18.3),
    "AGU": (-104.9, 23.2),
    "QUE": (-96.4, 22.9),
}
# Hand-placed label anchors where the automatic one reads badly (longitude, latitude).
ANCHORS = {
    "VER": (-96.9, 19.6),
    "BCN": (-115.3, 30.6),
    "BCS": (-112.0, 25.9),
    "MEX": (-99.75, 19.45),
}


def project(lonlat) -> np.ndarray:
    """(lon, lat) pairs -> map units, as float64 [N, 2]."""
    arr = np.asarray(lonlat, dtype=np.float64).reshape(-1, 2)
    return np.column_stack([arr[:, 0] * COS_REF, -arr[:, 1]])


@dataclass
class Region:
    """One state's projected shape and label placement, in map units."""

    rings: list[np.ndarray]  # outer rings of every polygon (largest first)
    bbox: tuple[float, float, float, float]
    anchor: tuple[float, float]
    run: float  # width of the horizontal run through the anchor (room for a label)
    inradius: float  # distance from the anchor to the nearest edge
    callout: tuple[float, float] | None


class Geometry:
    """The map's states projected once; the camera only scales and shifts them."""

    def __init__(self, mapdata: MapData | None = None):
        self.regions: list[Region] = []
        self.codes: list[str] = []
        if mapdata is None:
            return
        for spec in mapdata.regions:
            rings = [project(poly[0]) for poly in spec.polygons] if spec.polygons else []
            if not rings:  # a synthetic map without outlines: a small square at the capital
                x, y = project([spec.capital_lonlat])[0]
                rings = [np.array([[x - 0.2, y - 0.2], [x + 0.2, y - 0.2], [x + 0.2, y + 0.2]])]
            self.regions.append(_region(spec.code, rings))
            self.codes.append(spec.code)
        self._frame()

    def _frame(self) -> None:
        main = np.vstack([r.rings[0] for r in self.regions])  # far islands do not set the frame
        self.bounds = (*main.min(axis=0), *main.max(axis=0))

    @classmethod
    def outline(cls, path: Path) -> Geometry:
        """Only the outlines of a map file (no label placement): fast, for decoration."""
        with open(path, encoding="utf-8") as fh:
            states = json.load(fh)["states"]
        out = cls()
        for state in states:
            rings = [project(poly[0]) for poly in state["polygons"]]
            points = np.vstack(rings)
            bbox = (*points.min(axis=0), *points.max(axis=0))
            centre = ((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2)
            out.regions.append(Region(rings, bbox, centre, 0.0, 0.0, None))
            out.codes.append(state["code"])
        out._frame()
        return out

    @property
    def size(self) -> tuple[float, float]:
        x0, y0, x1, y1 = self.bounds
        return x1 - x0, y1 - y0


def _region(code: str, rings: list[np.ndarray]) -> Region:
    outer = rings[0]
    allpts = np.vstack(rings)
    bbox = (*allpts.min(axis=0), *allpts.max(axis=0))
    if code in ANCHORS:
        anchor = tuple(float(v) for v in project([ANCHORS[code]])[0])
        dist = float(_edge_distance(np.array([anchor]), outer)[0])
    else:
        anchor, dist = _label_point(outer)
    callout = tuple(float(v) for v in project([CALLOUTS[code]])[0]) if code in CALLOUTS else None
    return Region(rings, bbox, anchor, _run(outer, anchor), dist, callout)


def _inside(points: np.ndarray, ring: np.ndarray) -> np.ndarray:
    """Even-odd rule, vectorised over points."""
    x, y = points[:, 0:1], points[:, 1:2]
    a, b = ring[:-1], ring[1:]
    crosses = (a[:, 1] > y) != (b[:, 1] > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        xi = a[:, 0] + (y - a[:, 1]) * (b[:, 0] - a[:, 0]) / (b[:, 1] - a[:, 1])
    return (crosses & (x < xi)).sum(axis=1) % 2 == 1


def _edge_distance(points: np.ndarray, ring: np.ndarray) -> np.ndarray:
    a, b = ring[:-1], ring[1:]
    ab = b - a
    length2 = np.maximum((ab**2).sum(axis=1), 1e-12)
    ap = points[:, None, :] - a[None, :, :]
    t = np.clip((ap * ab[None]).sum(axis=2) / length2, 0, 1)
    nearest = a[None] + t[..., None] * ab[None]
    return np.sqrt(((points[:, None, :] - nearest) ** 2).sum(axis=2)).min(axis=1)


def _label_point(ring: np.ndarray) -> tuple[tuple[float, float], float]:
    """A point well inside the ring with the widest horizontal room (labels are wide)."""
    x0, y0 = ring.min(axis=0)
    x1, y1 = ring.max(axis=0)
    gx, gy = np.meshgrid(np.linspace(x0, x1, 36), np.linspace(y0, y1, 36))
    pts = np.column_stack([gx.ravel(), gy.ravel()])
    pts = pts[_inside(pts, ring)]
    if len(pts) == 0:
        centre = ring.mean(axis=0)
        return (float(centre[0]), float(centre[1])), 0.0
    dist = _edge_distance(pts, ring)
    good = pts[dist >= 0.55 * dist.max()]
    runs = np.array([_run(ring, tuple(p)) for p in good])
    best = good[int(np.argmax(runs))]
    return (float(best[0]), float(best[1])), float(_edge_distance(best[None], ring)[0])


def _run(ring: np.ndarray, point) -> float:
    """Length of the horizontal segment through `point` that lies inside the ring."""
    px, py = point
    a, b = ring[:-1], ring[1:]
    crosses = (a[:, 1] > py) != (b[:, 1] > py)
    if not crosses.any():
        return 0.0
    a, b = a[crosses], b[crosses]
    xs = np.sort(a[:, 0] + (py - a[:, 1]) * (b[:, 0] - a[:, 0]) / (b[:, 1] - a[:, 1]))
    left, right = xs[xs <= px], xs[xs > px]
    if len(left) == 0 or len(right) == 0:
        return 0.0
    return float(right[0] - left[-1])


class Camera:
    """Zoom and pan over the map: map units <-> pixels of a viewport."""

    def __init__(self, geometry: Geometry, size: tuple[int, int]):
        self.geometry = geometry
        self.size = size
        self.step = 0
        x0, y0, x1, y1 = geometry.bounds
        self.cx, self.cy = (x0 + x1) / 2, (y0 + y1) / 2

    @property
    def fit_zoom(self) -> float:
        w, h = self.geometry.size
        return max(1e-6, min(self.size[0] / w, self.size[1] / h) * 0.96)

    @property
    def zoom(self) -> float:
        """Pixels per map unit."""
        return self.fit_zoom * ZOOM_STEP**self.step

    def resize(self, size: tuple[int, int]) -> None:
        self.size = (max(1, size[0]), max(1, size[1]))

    def reset(self) -> None:
        self.step = 0
        x0, y0, x1, y1 = self.geometry.bounds
        self.cx, self.cy = (x0 + x1) / 2, (y0 + y1) / 2

    def origin(self) -> tuple[float, float]:
        """The top-left of the viewport in world pixels (map units times zoom)."""
        z = self.zoom
        return self.cx * z - self.size[0] / 2, self.cy * z - self.size[1] / 2

    def to_screen(self, x: float, y: float) -> tuple[float, float]:
        ox, oy = self.origin()
        return x * self.zoom - ox, y * self.zoom - oy

    def to_map(self, px: float, py: float) -> tuple[float, float]:
        ox, oy = self.origin()
        return (px + ox) / self.zoom, (py + oy) / self.zoom

    def zoom_by(self, steps: int, pos: tuple[float, float] | None = None) -> bool:
        """Zoom in (steps > 0) or out, keeping the map point under `pos` still."""
        new = min(MAX_STEP, max(MIN_STEP, self.step + steps))
        if new == self.step:
            return False
        pos = pos or (self.size[0] / 2, self.size[1] / 2)
        mx, my = self.to_map(*pos)
        self.step = new
        z = self.zoom
        self.cx = mx - (pos[0] - self.size[0] / 2) / z
        self.cy = my - (pos[1] - self.size[1] / 2) / z
        self._clamp()
        return True

    def pan(self, dx: float, dy: float) -> None:
        """Move the view by (dx, dy) pixels (the map moves the other way)."""
        self.cx += dx / self.zoom
        self.cy += dy / self.zoom
        self._clamp()

    def centre_on(self, x: float, y: float) -> None:
        self.cx, self.cy = x, y
        self._clamp()

    def _clamp(self) -> None:
        x0, y0, x1, y1 = self.geometry.bounds
        self.cx = min(max(self.cx, x0), x1)
        self.cy = min(max(self.cy, y0), y1)


_GEOMETRY: dict[int, tuple[MapData, Geometry]] = {}


def geometry_for(mapdata: MapData) -> Geometry:
    """The projected geometry of a map, computed once per map object (the last two maps are
    kept: a new game or a loaded save brings its own map object, and old ones must go)."""
    hit = _GEOMETRY.get(id(mapdata))
    if hit is None or hit[0] is not mapdata:
        hit = (mapdata, Geometry(mapdata))
        while len(_GEOMETRY) >= 2:
            _GEOMETRY.pop(next(iter(_GEOMETRY)))
        _GEOMETRY[id(mapdata)] = hit
    return hit[1]
