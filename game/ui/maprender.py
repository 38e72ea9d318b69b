"""Drawing the map: states filled and hatched by the current mode, borders, overlays and labels.

The map is drawn from vectors into a buffer a little larger than the view, and only when the zoom,
the mode's data or the palette change, or when panning leaves the buffer; every other frame is one
blit. A second buffer paints each state in its own colour for exact hit testing under the mouse.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pygame

from game.ui import palette, text
from game.ui.geo import COS_REF, Camera, Geometry, project

TILE = 10  # pattern tile size: buffers start on multiples of it so hatching does not swim
MARGIN = 240  # pixels drawn beyond each side of the view so short pans need no redraw


@dataclass
class MapStyle:
    """What a map mode paints: a fill and an optional hatch per state, and extra drawing."""

    key: tuple  # changes whenever anything below changes (the buffer is reused while equal)
    fills: list
    patterns: list = field(default_factory=list)  # per state: (pattern, ink) or None
    overlay: Callable | None = None  # overlay(surface, to_px) with to_px(x, y) -> pixels
    dim_labels: bool = False


@dataclass
class Label:
    text: str
    pos: tuple[float, float]  # map units
    leader_from: tuple[float, float] | None = None


class MapRenderer:
    """Renders one map (the main map or a mini-map) for a camera and a style."""

    def __init__(self, geometry: Geometry, names: list[tuple[str, str]], label_size: int = 12):
        self.geometry = geometry
        self.names = names  # (name, short) per region
        self.label_size = label_size
        self._buf: pygame.Surface | None = None
        self._ids: pygame.Surface | None = None
        self._buf_origin = (0, 0)
        self._buf_key: tuple | None = None
        self._world: dict[int, list[list[np.ndarray]]] = {}
        self.places: list[tuple[float, float, str]] = []  # (lon, lat, text): seas, neighbours
        self.renders = 0  # how many times the buffer was redrawn (for tests and the bench)

    def release(self) -> None:
        """Let go of the buffers (a few megabytes each) when the screen goes."""
        self._buf = self._ids = None
        self._buf_key = None
        self._world.clear()

    # --- geometry at a zoom level -------------------------------------------------------------

    def world_rings(self, camera: Camera) -> list[list[np.ndarray]]:
        """Every state's rings in world pixels at the camera's zoom (cached per zoom level)."""
        k = (camera.step, round(camera.zoom, 6))
        if k not in self._world:
            if len(self._world) > 24:
                self._world.clear()
            z = camera.zoom
            self._world[k] = [[ring * z for ring in r.rings] for r in self.geometry.regions]
        return self._world[k]

    # --- drawing ------------------------------------------------------------------------------

    def draw(self, target, rect, camera, style, hover=None, selected=None) -> None:
        """Draw the map into `rect` of `target`, then the hover and selection outlines."""
        ox, oy = (int(round(v)) for v in camera.origin())
        w, h = camera.size
        key = (camera.step, round(camera.zoom, 6), style.key, self.label_size, (w, h))
        bx, by = self._buf_origin
        inside = (
            self._buf is not None
            and ox >= bx
            and oy >= by
            and ox + w <= bx + self._buf.get_width()
            and oy + h <= by + self._buf.get_height()
        )
        if key != self._buf_key or not inside:
            self._render(camera, style, (ox, oy), (w, h))
            self._buf_key = key
            bx, by = self._buf_origin
        target.blit(self._buf, rect.topleft, pygame.Rect(ox - bx, oy - by, w, h))
        clip = target.get_clip()
        target.set_clip(rect)
        rings = self.world_rings(camera)
        offset = np.array([rect.x - ox, rect.y - oy])
        for region, colour, width in ((hover, palette.HOVER, 2), (selected, palette.SELECT, 3)):
            if region is not None and 0 <= region < len(rings):
                for ring in rings[region]:
                    pygame.draw.lines(target, colour, True, (ring + offset).tolist(), width)
        target.set_clip(clip)

    def region_at(self, camera: Camera, pos: tuple[int, int]) -> int | None:
        """The state under viewport pixel `pos`, or None (sea, or outside the map)."""
        if self._ids is None:
            return None
        ox, oy = (int(round(v)) for v in camera.origin())
        x, y = pos[0] + ox - self._buf_origin[0], pos[1] + oy - self._buf_origin[1]
        if not (0 <= x < self._ids.get_width() and 0 <= y < self._ids.get_height()):
            return None
        r = self._ids.get_at((int(x), int(y)))[0] - 1
        return r if 0 <= r < len(self.geometry.regions) else None

    def _render(self, camera: Camera, style: MapStyle, view_origin, view_size) -> None:
        self.renders += 1
        margin = MARGIN
        bx = (view_origin[0] - margin) // TILE * TILE
        by = (view_origin[1] - margin) // TILE * TILE
        size = (view_size[0] + 2 * margin + TILE, view_size[1] + 2 * margin + TILE)
        self._buf_origin = (bx, by)
        if self._buf is None or self._buf.get_size() != size:
            self._buf = (
                pygame.Surface(size).convert()
                if pygame.display.get_surface()
                else (pygame.Surface(size))
            )
            self._ids = pygame.Surface(size)
        buf, ids = self._buf, self._ids
        buf.fill(palette.SEA)
        ids.fill((0, 0, 0))
        z = camera.zoom
        origin = np.array([bx, by], dtype=np.float64)

        def to_px(x: float, y: float) -> tuple[float, float]:
            return x * z - bx, y * z - by

        self._graticule(buf, to_px, camera)
        rings = self.world_rings(camera)
        local = [[(ring - origin) for ring in region] for region in rings]
        for r, region in enumerate(local):
            for ring in region:
                pts = ring.tolist()
                pygame.draw.polygon(buf, style.fills[r], pts)
                pygame.draw.polygon(ids, (r + 1, 0, 0), pts)
        self._hatch(buf, local, style)
        for region in local:
            for ring in region:
                pygame.draw.aalines(buf, palette.LAND_EDGE, True, ring.tolist())
        if style.overlay:
            style.overlay(buf, to_px)
        self._labels(buf, camera, to_px, style)

    def _graticule(self, buf, to_px, camera) -> None:
        w, h = buf.get_size()
        for lon in range(-120, -80, 5):
            x = to_px(lon * COS_REF, 0)[0]
            if 0 <= x < w:
                pygame.draw.line(buf, palette.SEA_LINE, (x, 0), (x, h))
        for lat in range(10, 40, 5):
            y = to_px(0, -lat)[1]
            if 0 <= y < h:
                pygame.draw.line(buf, palette.SEA_LINE, (0, y), (w, y))

    def _hatch(self, buf, local, style: MapStyle) -> None:
        bounds = buf.get_rect()
        for r, spec in enumerate(style.patterns or []):
            if not spec or spec[0] == "none":
                continue
            pts = np.vstack(local[r])
            box = pygame.Rect(
                int(pts[:, 0].min()), int(pts[:, 1].min()), *(np.ptp(pts, axis=0) + 2).astype(int)
            ).clip(bounds)
            if box.width <= 0 or box.height <= 0:
                continue
            mask = pygame.Surface(box.size, pygame.SRCALPHA)
            for ring in local[r]:
                pygame.draw.polygon(mask, (255, 255, 255, 255), (ring - box.topleft).tolist())
            layer = _tiled(spec[0], spec[1], box)
            layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
            buf.blit(layer, box.topleft)

    def _labels(self, buf, camera: Camera, to_px, style: MapStyle) -> None:
        if not self.label_size:
            return
        for lon, lat, name in self.places:
            x, y = to_px(*project([(lon, lat)])[0])
            surf = text.render(name, int(self.label_size * 1.1), palette.SEA_TEXT)
            buf.blit(surf, (x - surf.get_width() // 2, y - surf.get_height() // 2))
        size = int(self.label_size * min(1.6, 1 + 0.06 * max(0, camera.step)))
        colour = palette.TEXT_DIM if style.dim_labels else palette.TEXT
        for label in self.labels(camera, size):
            surf = text.halo(label.text, size, colour, (12, 15, 20))
            x, y = to_px(*label.pos)
            if label.leader_from is not None:
                ax, ay = to_px(*label.leader_from)
                pygame.draw.aaline(buf, palette.TEXT_DIM, (ax, ay), (x, y))
                pygame.draw.circle(buf, palette.TEXT, (int(ax), int(ay)), 2)
                left = label.pos[0] >= label.leader_from[0]
                dx = 3 if left else -surf.get_width() - 3
                buf.blit(surf, (x + dx, y - surf.get_height() // 2))
            else:
                buf.blit(surf, (x - surf.get_width() // 2, y - surf.get_height() // 2))

    def labels(self, camera: Camera, size: int) -> list[Label]:
        """Which text goes where at this zoom: the name, the abbreviation, or a callout."""
        f = text.font(size)
        z = camera.zoom
        out = []
        for (name, short), region in zip(self.names, self.geometry.regions, strict=True):
            room = region.run * z
            if f.size(name)[0] <= room * 1.02:
                out.append(Label(name, region.anchor))
            elif f.size(short)[0] <= room * 1.3 or region.callout is None:
                out.append(Label(short, region.anchor))
            else:
                out.append(Label(short, region.callout, region.anchor))
        return out


def _tiled(pattern: str, ink, box: pygame.Rect) -> pygame.Surface:
    """A tiled pattern covering `box`, aligned to the tile grid of the buffer. Made for the box
    alone (one strip of tiles, then the strip down the box), not cut from a cached sheet the
    size of the map for every pattern and colour (those sheets held tens of megabytes)."""
    tile = palette.pattern_tile(pattern, ink, TILE)
    dx, dy = box.x % TILE, box.y % TILE
    strip = pygame.Surface((box.width + dx, TILE), pygame.SRCALPHA)
    for x in range(0, strip.get_width(), TILE):
        strip.blit(tile, (x, 0))
    out = pygame.Surface(box.size, pygame.SRCALPHA)
    for y in range(-dy, box.height, TILE):
        out.blit(strip, (-dx, y))
    return out


def lonlat_px(camera: Camera, lon: float, lat: float) -> tuple[float, float]:
    x, y = project([(lon, lat)])[0]
    return camera.to_screen(x, y)
