"""The map legend: swatches with their hatch, colour ramps, arrow widths, markers."""

from __future__ import annotations

import pygame

from game.ui import palette, text
from game.ui.mapmodes import arrow, contested_mark


def draw(surface, bottomleft, items, title: str, scale: float) -> pygame.Rect:
    """Draw the legend with its bottom-left corner at `bottomleft`; returns its rect."""
    s = lambda v: int(round(v * scale))  # noqa: E731
    fs = s(12)
    row = s(20)
    width = s(230)
    height = s(30) + row * len(items) + s(6)
    box = pygame.Rect(bottomleft[0], bottomleft[1] - height, width, height)
    veil = pygame.Surface(box.size, pygame.SRCALPHA)
    veil.fill((14, 17, 24, 215))
    surface.blit(veil, box)
    pygame.draw.rect(surface, palette.BORDER, box, 1, border_radius=4)
    surface.blit(text.render(title, s(13), palette.TEXT, True), (box.x + s(8), box.y + s(6)))
    y = box.y + s(28)
    for item in items:
        sw = pygame.Rect(box.x + s(8), y + s(3), s(22), s(14))
        label_x = sw.right + s(8)
        if item.ramp:
            bar = pygame.Rect(box.x + s(8) + s(34), y + s(3), s(120), s(12))
            for i in range(bar.width):
                pygame.draw.line(
                    surface,
                    palette.ramp(item.ramp, i / bar.width),
                    (bar.x + i, bar.y),
                    (bar.x + i, bar.bottom),
                )
            lo = text.render(item.label, fs, palette.TEXT)
            surface.blit(lo, (bar.x - lo.get_width() - s(4), y + s(1)))
            surface.blit(text.render(item.high, fs, palette.TEXT), (bar.right + s(4), y + s(1)))
        elif item.arrow:
            arrow(
                surface,
                (sw.x - s(6), sw.centery),
                (sw.right + s(6), sw.centery),
                item.arrow * scale,
            )
            surface.blit(
                text.render(text.fit(item.label, fs, width - s(48)), fs, palette.TEXT),
                (label_x, y + s(1)),
            )
        elif item.pattern == "contested":
            contested_mark(surface, sw.center)
            surface.blit(text.render(item.label, fs, palette.TEXT), (label_x, y + s(1)))
        elif item.pattern in ("crossing", "port"):
            if item.pattern == "crossing":
                pygame.draw.rect(
                    surface,
                    item.colour,
                    pygame.Rect(0, 0, s(10), s(10)).move(sw.centerx - s(5), sw.centery - s(5)),
                )
            else:
                pygame.draw.circle(surface, item.colour, sw.center, s(5))
            surface.blit(text.render(item.label, fs, palette.TEXT), (label_x, y + s(1)))
        elif item.pattern is not None:
            surface.blit(palette.swatch(tuple(item.colour), item.pattern, sw.size), sw)
            surface.blit(
                text.render(text.fit(item.label, fs, width - s(48)), fs, palette.TEXT),
                (label_x, y + s(1)),
            )
        else:
            surface.blit(
                text.render(text.fit(item.label, fs, width - s(16)), fs, palette.TEXT_DIM),
                (box.x + s(8), y + s(1)),
            )
        y += row
    return box
