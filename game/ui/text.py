"""Fonts and text for custom drawing (map labels, charts, org charts), in the same typeface as
the widgets: Noto Sans, which ships with pygame_gui (SIL Open Font Licence) and has every accent.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pygame
import pygame_gui

FONT_DIR = Path(pygame_gui.__file__).resolve().parent / "data"
REGULAR = FONT_DIR / "NotoSans-Regular.ttf"
BOLD = FONT_DIR / "NotoSans-Bold.ttf"
SYMBOLS_FONT = FONT_DIR / "FiraCode-Regular.ttf"  # arrows and signs Noto Sans lacks (OFL too)
SYMBOLS = frozenset("≈→←↑↓▲▼⌂")
# Control and invisible formatting characters, and lone surrogates: a NUL crashes SDL's text
# functions (the window title too), and none of them has anything to show.
CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]"
)
MAX_RENDER = 400  # characters drawn in one piece of text (a longer one is cut with an ellipsis)


def clean(value, limit: int = MAX_RENDER) -> str:
    """`value` as text fit for the screen: control characters become spaces, at most `limit`
    characters (names in saves and scenario files are not trusted to be tidy)."""
    if not isinstance(value, str):
        value = "" if value is None else str(value)
    if len(value) > limit:
        value = value[: max(0, limit - 1)] + "…"
    return CONTROL.sub(" ", value) if CONTROL.search(value) else value


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> pygame.font.Font:
    if not pygame.font.get_init():
        pygame.font.init()
    path = BOLD if bold else REGULAR
    try:
        return pygame.font.Font(str(path), max(6, int(size)))
    except (OSError, FileNotFoundError):  # a broken install: the default font still has accents
        return pygame.font.Font(None, max(8, int(size * 1.3)))


@lru_cache(maxsize=16)
def symbol_font(size: int) -> pygame.font.Font:
    try:
        return pygame.font.Font(str(SYMBOLS_FONT), max(6, int(size)))
    except (OSError, FileNotFoundError):
        return font(size)


def render(text: str, size: int, colour=(230, 233, 239), bold: bool = False) -> pygame.Surface:
    """Antialiased text; arrows and other symbols come from the symbol font."""
    return _render(clean(text), size, tuple(colour), bold)


@lru_cache(maxsize=768)
def _render(text: str, size: int, colour, bold: bool) -> pygame.Surface:
    if not SYMBOLS.intersection(text):
        return font(size, bold).render(text, True, colour)
    runs, current, is_sym = [], "", None
    for ch in text:
        sym = ch in SYMBOLS
        if current and sym != is_sym:
            runs.append((current, is_sym))
            current = ""
        current += ch
        is_sym = sym
    runs.append((current, is_sym))
    parts = [
        (symbol_font(size) if sym else font(size, bold)).render(run, True, colour)
        for run, sym in runs
    ]
    height = max(p.get_height() for p in parts)
    out = pygame.Surface((sum(p.get_width() for p in parts), height), pygame.SRCALPHA)
    x = 0
    for p in parts:
        out.blit(p, (x, (height - p.get_height()) // 2))
        x += p.get_width()
    return out


def text_width(text: str, size: int, bold: bool = False) -> int:
    text = clean(text)
    return (
        render(text, size, (255, 255, 255), bold).get_width()
        if SYMBOLS.intersection(text)
        else font(size, bold).size(text)[0]
    )


@lru_cache(maxsize=256)
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
    lines: list[str] = []
    for paragraph in clean_lines(text):
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}".strip()
            if line and text_width(trial, size, bold) > width:
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
    text = clean(text)
    if text_width(text, size, bold) <= width:
        return text
    while text and text_width(text + "…", size, bold) > width:
        text = text[:-1]
    return text + "…"


def clean_lines(text, limit: int = 20_000) -> list[str]:
    """The lines of `text`, each cleaned (see `clean`); at most `limit` characters in all."""
    value = text if isinstance(text, str) else clean(text)
    return [clean(line, limit) for line in value[:limit].split("\n")]


def forget() -> None:
    """Drop the rendered-text caches (after a change of language or scale)."""
    _render.cache_clear()
    halo.cache_clear()
