"""The interactive map: camera, renderer, hover, drag to pan, wheel to zoom, click to select,
and the hover tooltip. The map screen owns one and tells it where it sits."""

from __future__ import annotations

import pygame

from game.ui import palette, text
from game.ui.geo import Camera, geometry_for
from game.ui.maprender import MapRenderer

DRAG_THRESHOLD = 4  # pixels a press may move and still count as a click


class MapView:
    def __init__(self, scenario):
        self.geometry = geometry_for(scenario.map)
        names = [(r.name, r.short) for r in scenario.map.regions]
        self.renderer = MapRenderer(self.geometry, names)
        self.camera = Camera(self.geometry, (640, 480))
        self.rect = pygame.Rect(0, 0, 640, 480)
        self.bottom = 480  # the map takes mouse input above this y (the mode bar is below)
        self.hover: int | None = None
        self.drag = None  # [start, last, moved]
        self.pointer = (0, 0)

    def layout(self, rect: pygame.Rect, bottom: int, label_size: int, places=()) -> None:
        self.rect = pygame.Rect(rect)
        self.renderer.places = list(places)
        self.bottom = bottom
        self.renderer.label_size = label_size
        self.camera.resize(self.rect.size)

    # --- input ----------------------------------------------------------------------------

    def on_map(self, pos) -> bool:
        return self.rect.collidepoint(pos) and pos[1] < self.bottom

    def region_at(self, pos) -> int | None:
        if not self.on_map(pos):
            return None
        return self.renderer.region_at(self.camera, (pos[0] - self.rect.x, pos[1] - self.rect.y))

    def mouse(self, event) -> int | None:
        """Handle a mouse event; returns a state clicked (not dragged) on, if any."""
        if event.type == pygame.MOUSEMOTION:
            self._motion(event.pos)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button in (1, 3):
            if self.on_map(event.pos):
                self.drag = [event.pos, event.pos, False]
        elif event.type == pygame.MOUSEBUTTONUP and event.button in (1, 3):
            drag, self.drag = self.drag, None
            if drag is not None and not drag[2] and event.button == 1:
                return self.region_at(event.pos)
        elif event.type == pygame.MOUSEWHEEL and self.on_map(self.pointer):
            pos = (self.pointer[0] - self.rect.x, self.pointer[1] - self.rect.y)
            self.camera.zoom_by(1 if event.y > 0 else -1, pos)
        return None

    def _motion(self, pos) -> None:
        self.pointer = pos
        if self.drag is not None:
            start, last, moved = self.drag
            moved = moved or abs(pos[0] - start[0]) + abs(pos[1] - start[1]) > DRAG_THRESHOLD
            if moved:
                self.camera.pan(last[0] - pos[0], last[1] - pos[1])
            self.drag = [start, pos, moved]
        self.hover = self.region_at(pos)

    # --- drawing --------------------------------------------------------------------------

    def draw(self, surface, style, selected) -> None:
        clip = surface.get_clip()
        surface.set_clip(self.rect)
        self.renderer.draw(surface, self.rect, self.camera, style, self.hover, selected)
        surface.set_clip(clip)

    def tooltip(self, surface, title: str, lines: list[str], scale: float) -> None:
        """A box by the pointer with the hovered state's name and the mode's numbers."""
        if self.hover is None or self.drag is not None:
            return

        def s(v):
            return int(round(v * scale))

        fs = s(13)
        width = max([text.text_width(title, s(14), True)] + [text.text_width(x, fs) for x in lines])
        height = s(30) + len(lines) * text.font(fs).get_linesize()
        box = pygame.Rect(self.pointer[0] + s(16), self.pointer[1] + s(16), width + s(20), height)
        box.clamp_ip(self.rect)
        pygame.draw.rect(surface, (12, 14, 19), box, border_radius=5)
        pygame.draw.rect(surface, palette.HOVER, box, 1, border_radius=5)
        surface.blit(text.render(title, s(14), palette.TEXT, True), (box.x + s(10), box.y + s(6)))
        text.draw_lines(surface, lines, (box.x + s(10), box.y + s(28)), fs, palette.TEXT_DIM)
