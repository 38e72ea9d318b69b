"""Colours and patterns: the UI theme, faction colours (normal and colour-blind-safe), colour
ramps for the map modes and hatch patterns, so every map reads without colour too.

The colour-blind palette is Okabe & Ito's (2008); ramps vary in lightness, which every form of
colour-blindness still sees.
"""

from __future__ import annotations

from functools import lru_cache

import pygame

Colour = tuple[int, int, int]

BG = (20, 24, 31)
PANEL = (29, 35, 48)
PANEL_DARK = (24, 29, 40)
BORDER = (52, 61, 78)
TEXT = (230, 233, 239)
TEXT_DIM = (154, 163, 178)
ACCENT = (230, 159, 0)
GOOD = (0, 158, 115)
BAD = (213, 94, 0)
LINK = (120, 190, 240)
SEA = (16, 36, 54)
SEA_LINE = (24, 50, 72)
SEA_TEXT = (70, 105, 135)
LAND_EDGE = (10, 14, 20)
HOVER = (255, 214, 102)
SELECT = (255, 255, 255)
NO_DATA = (70, 76, 86)
UNSURE = (172, 176, 186)  # the Control map where the estimates cannot tell who holds a state
UNSURE_INK = (112, 116, 128)

OKABE_ITO = (
    (230, 159, 0),  # orange
    (86, 180, 233),  # sky blue
    (0, 158, 115),  # bluish green
    (240, 228, 66),  # yellow
    (0, 114, 178),  # blue
    (213, 94, 0),  # vermillion
    (204, 121, 167),  # reddish purple
    (150, 150, 150),  # grey (Okabe-Ito's black, lightened for a dark screen)
)

FACTIONS = (
    (214, 69, 65),
    (52, 120, 198),
    (86, 180, 233),
    (46, 160, 90),
    (155, 89, 182),
    (241, 196, 15),
    (230, 126, 34),
    (26, 188, 156),
    (192, 57, 131),
    (150, 160, 50),
    (200, 120, 90),
    (231, 110, 150),
    (100, 120, 210),
    (170, 200, 80),
    (150, 100, 60),
    (118, 122, 130),
)
LOCAL = 15

PATTERNS = ("diag", "horiz", "anti", "vert", "cross", "grid", "checker")  # "dots": local groups

RAMPS = {
    "heat": ((255, 245, 204), (254, 204, 92), (240, 120, 40), (190, 40, 40), (100, 10, 40)),
    "capacity": ((235, 240, 250), (160, 190, 225), (70, 130, 190), (20, 70, 140), (8, 40, 90)),
    "intel": ((68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)),
    "troops": ((240, 240, 225), (200, 215, 160), (130, 170, 90), (70, 115, 50), (30, 70, 30)),
    "flow": ((235, 230, 240), (200, 180, 220), (150, 120, 190), (100, 60, 150), (60, 20, 100)),
    "change": ((0, 114, 178), (110, 170, 210), (235, 235, 235), (235, 160, 100), (213, 94, 0)),
}


def faction_colour(index: int, colourblind: bool) -> Colour:
    """The fill colour of a faction's palette index."""
    if index == LOCAL:
        return FACTIONS[LOCAL]
    if colourblind:
        return OKABE_ITO[index % len(OKABE_ITO)]
    return FACTIONS[index % len(FACTIONS)]


def faction_pattern(order: int, local: bool = False) -> str:
    """The hatch of the faction at position `order` among the factions of the game.

    Factions whose colours repeat (every 8 in the colour-blind palette, every 16 otherwise) get
    different hatches: each cycle of 8 shifts the pattern by three.
    """
    if local:
        return "dots"
    n = len(PATTERNS)
    return PATTERNS[(order + 3 * (order // 8)) % n]


def ramp(name: str, t: float) -> Colour:
    """A colour from a ramp, `t` in 0-1 (clipped)."""
    stops = RAMPS[name]
    t = min(max(float(t), 0.0), 1.0) * (len(stops) - 1)
    i = min(int(t), len(stops) - 2)
    return mix(stops[i], stops[i + 1], t - i)


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b, strict=True))


def shade(c: Colour, factor: float) -> Colour:
    """Darker (< 1) or lighter (> 1) version of a colour."""
    if factor < 1:
        return tuple(int(x * factor) for x in c)
    return tuple(int(x + (255 - x) * (factor - 1)) for x in c)


def ink_on(c: Colour) -> Colour:
    """Black or white, whichever reads on a background of colour `c`."""
    luminance = 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]
    return (15, 15, 15) if luminance > 140 else (250, 250, 250)


@lru_cache(maxsize=64)
def pattern_tile(pattern: str, ink: Colour, size: int = 10) -> pygame.Surface:
    """A transparent tile with the hatch drawn in `ink`; tiles seamlessly."""
    tile = pygame.Surface((size, size), pygame.SRCALPHA)
    colour = (*ink, 170)
    if pattern in ("diag", "cross"):
        pygame.draw.line(tile, colour, (0, size - 1), (size - 1, 0), 2)
        pygame.draw.line(tile, colour, (-1, 0), (0, -1), 2)
    if pattern in ("anti", "cross"):
        pygame.draw.line(tile, colour, (0, 0), (size - 1, size - 1), 2)
    if pattern in ("horiz", "grid"):
        pygame.draw.line(tile, colour, (0, size // 2), (size, size // 2), 2)
    if pattern in ("vert", "grid"):
        pygame.draw.line(tile, colour, (size // 2, 0), (size // 2, size), 2)
    if pattern == "dots":
        pygame.draw.circle(tile, colour, (size // 2, size // 2), 2)
    if pattern == "unsure":  # sparse dashes: grey, not a faction's hatch
        pygame.draw.line(tile, colour, (1, 2), (4, 2), 1)
        pygame.draw.line(tile, colour, (6, 7), (9, 7), 1)
    if pattern == "checker":
        half = size // 2
        tile.fill(colour, (0, 0, half, half))
        tile.fill(colour, (half, half, size - half, size - half))
    return tile


def fill_pattern(surface: pygame.Surface, pattern: str, ink: Colour, mask: pygame.Surface) -> None:
    """Hatch `surface` where `mask` (same size, alpha) is opaque."""
    if pattern == "none":
        return
    tile = pattern_tile(pattern, ink)
    layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    tw, th = tile.get_size()
    for y in range(0, layer.get_height(), th):
        for x in range(0, layer.get_width(), tw):
            layer.blit(tile, (x, y))
    layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    surface.blit(layer, (0, 0))


@lru_cache(maxsize=256)
def swatch(colour: Colour, pattern: str, size: tuple[int, int]) -> pygame.Surface:
    """A small filled, hatched and outlined rectangle for legends and lists."""
    surf = pygame.Surface(size)
    surf.fill(colour)
    if pattern and pattern != "none":
        tile = pattern_tile(pattern, shade(colour, 0.45))
        for y in range(0, size[1], tile.get_height()):
            for x in range(0, size[0], tile.get_width()):
                surf.blit(tile, (x, y))
    pygame.draw.rect(surf, LAND_EDGE, surf.get_rect(), 1)
    return surf
