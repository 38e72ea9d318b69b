"""Fonts and text for custom drawing (map labels, charts, org charts), in the same typeface as
the widgets: Noto Sans, which ships with pygame_gui (SIL Open Font Licence) and has every accent.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pygame
import pygame_gui

FONT_DIR = Path(pygame_gui.__file__).resolve().parent / "data"
REGULAR = FONT_DIR / "NotoSans-Regular.ttf"
BOLD = FONT_DIR / "NotoSans-Bold.ttf"


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> pygame.font.Font:
    if not pygame.font.get_init():
        pygame.font.init()
    path = BOLD if bold else REGULAR
    try:
        return pygame.font.Font(str(path), max(6, int(size)))
    except (OSError, FileNotFoundError):  # a broken install: the default font still has accents
        return pygame.font.Font(None, max(8, int(size * 1.3)))


@lru_cache(maxsize=2048)
def render(text: str, size: int, colour=(230, 233, 239), bold: bool = False) -> pygame.Surface:
    return font(size, bold).render(text, True, colour)


@lru_cache(maxsize=1024)
def halo(text: str, size: int, colour, outline, bold: bool = False) -> pygame.Surface:
    """Text with a 1-pixel outline so it reads on any background (map labels)."""
    inner = render(text, size, colour, bold)
    edge = render(text, size, outline, bold)
    w, h = inner.get_size()
    out = pygame.Surface((w + 2, h + 2), pygame.SRCALPHA)
    for dx, dy in ((0, 1), (2, 1), (1, 0), (1, 2), (0, 0), (2, 2), (0, 2), (2, 0)):
        out.blit(edge, (dx, dy))
    out.blit(inner, (1, 1))
    return out


def wrap(text: str, size: int, width: int, bold: bool = False) -> list[str]:
    """Split `text` into lines no wider than `width` pixels (words longer than a line stay)."""
    f = font(size, bold)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}".strip()
            if line and f.size(trial)[0] > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def draw_lines(surface, lines, pos, size, colour, bold=False, spacing=1.25) -> int:
    """Draw lines from `pos` downwards; returns the y below the last line."""
    x, y = pos
    step = int(font(size, bold).get_linesize() * spacing / 1.25)
    for line in lines:
        surface.blit(render(line, size, colour, bold), (x, y))
        y += step
    return y


def draw_wrapped(surface, text, rect, size, colour, bold=False) -> int:
    return draw_lines(surface, wrap(text, size, rect.width, bold), rect.topleft, size, colour, bold)


def fit(text: str, size: int, width: int, bold: bool = False) -> str:
    """`text`, shortened with an ellipsis to fit `width` pixels."""
    f = font(size, bold)
    if f.size(text)[0] <= width:
        return text
    while text and f.size(text + "…")[0] > width:
        text = text[:-1]
    return text + "…"
