"""Fan charts for a projector: p5-p95 bands and median lines, big type, dated axes, a legend.

Drawn on an off-screen 1600x900 Surface (no window: SDL's dummy video driver) and saved as PNG.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from game.lab.report import FanChart

SIZE = (1600, 900)
MARGIN = {"left": 170, "right": 80, "top": 110, "bottom": 120}
BACKGROUND = (255, 255, 255)
INK = (30, 30, 30)
GRID = (222, 222, 222)
# Colour-blind-safe (Okabe-Ito), dark enough to read from the back of a classroom.
COLOURS = (
    (0, 114, 178),
    (213, 94, 0),
    (0, 158, 115),
    (204, 121, 167),
    (230, 159, 0),
    (86, 180, 233),
    (90, 90, 90),
    (240, 228, 66),
)
MONTH_STEPS = (1, 3, 6, 12, 24, 60, 120)


def _pygame():
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    pygame.font.init()
    return pygame


def nice_ticks(low: float, high: float, count: int = 6) -> list[float]:
    """Round tick values covering [low, high]."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    return [start + i * step for i in range(int(math.ceil((high - start) / step)) + 1)]


def tick_label(value: float) -> str:
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if abs(value) >= 10_000:
        return f"{value / 1000:g}k"
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def date_ticks(dates: tuple[str, ...], most: int = 10) -> list[int]:
    """Turn indices to label: every N months with N from MONTH_STEPS, at most `most` labels."""
    step = next((s for s in MONTH_STEPS if len(dates) / s <= most), MONTH_STEPS[-1])
    if step >= 12:  # label Januaries when ticks are a year or more apart
        first = next((i for i, d in enumerate(dates) if d.endswith("-01")), 0)
        return list(range(first, len(dates), step))
    return list(range(0, len(dates), step))


def render_fan_chart(chart: FanChart, path: Path) -> None:
    """Draw `chart` and save it as a PNG at `path`."""
    pygame = _pygame()
    surface = pygame.Surface(SIZE)
    surface.fill(BACKGROUND)
    fonts = {"title": pygame.font.Font(None, 64), "axis": pygame.font.Font(None, 40)}
    values = [v for s in chart.series for v in s.low + s.high + s.median]
    low, high = min(0.0, min(values, default=0.0)), max(values, default=1.0)
    # Headroom above the data so the legend never hides a line.
    ticks = nice_ticks(low, high + (high - low) * (0.12 + 0.09 * len(chart.series)))
    plot = pygame.Rect(
        MARGIN["left"],
        MARGIN["top"],
        SIZE[0] - MARGIN["left"] - MARGIN["right"],
        SIZE[1] - MARGIN["top"] - MARGIN["bottom"],
    )
    last = max(len(chart.dates) - 1, 1)

    def x(i: float) -> float:
        return plot.left + plot.width * i / last

    def y(v: float) -> float:
        return plot.bottom - plot.height * (v - ticks[0]) / (ticks[-1] - ticks[0])

    _axes(pygame, surface, fonts, chart, plot, ticks, x, y)
    for n, series in enumerate(chart.series):
        colour = COLOURS[n % len(COLOURS)]
        if len(series.median) < 2:
            continue
        if any(h > lo for lo, h in zip(series.low, series.high, strict=True)):
            band = pygame.Surface(SIZE, pygame.SRCALPHA)
            points = [(x(i), y(v)) for i, v in enumerate(series.high)]
            points += [(x(i), y(v)) for i, v in reversed(list(enumerate(series.low)))]
            pygame.draw.polygon(band, (*colour, 55), points)
            surface.blit(band, (0, 0))
        line = [(x(i), y(v)) for i, v in enumerate(series.median)]
        pygame.draw.lines(surface, colour, False, line, 5)
    _legend(pygame, surface, fonts, chart, plot)
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(path))


def _axes(pygame, surface, fonts, chart, plot, ticks, x, y) -> None:
    title = fonts["title"].render(chart.title, True, INK)
    surface.blit(title, (MARGIN["left"], 28))
    for value in ticks:
        pygame.draw.line(surface, GRID, (plot.left, y(value)), (plot.right, y(value)), 2)
        label = fonts["axis"].render(tick_label(value), True, INK)
        surface.blit(label, label.get_rect(midright=(plot.left - 14, y(value))))
    for i in date_ticks(chart.dates):
        pygame.draw.line(surface, INK, (x(i), plot.bottom), (x(i), plot.bottom + 10), 3)
        label = fonts["axis"].render(chart.dates[i], True, INK)
        rect = label.get_rect(midtop=(x(i), plot.bottom + 16))
        surface.blit(label, rect.clamp(surface.get_rect()))
    pygame.draw.line(surface, INK, plot.bottomleft, plot.bottomright, 3)
    pygame.draw.line(surface, INK, plot.bottomleft, plot.topleft, 3)
    x_title = fonts["axis"].render("month", True, INK)
    surface.blit(x_title, x_title.get_rect(midbottom=(plot.centerx, SIZE[1] - 12)))
    y_title = pygame.transform.rotate(fonts["axis"].render(chart.y_label, True, INK), 90)
    surface.blit(y_title, y_title.get_rect(midleft=(14, plot.centery)))


def _legend(pygame, surface, fonts, chart, plot) -> None:
    banded = any(s.low != s.high for s in chart.series)
    entries = [(s.label, COLOURS[n % len(COLOURS)]) for n, s in enumerate(chart.series)]
    rows = [fonts["axis"].render(label, True, INK) for label, _ in entries]
    note = fonts["axis"].render("line: median, band: 5-95% of seeds", True, INK)
    width = max([r.get_width() for r in rows] + [note.get_width() if banded else 0]) + 80
    height = 46 * len(rows) + (46 if banded else 0) + 16
    box = pygame.Rect(plot.right - width - 16, plot.top + 12, width, height)
    pygame.draw.rect(surface, BACKGROUND, box)
    pygame.draw.rect(surface, GRID, box, 2)
    for n, ((_, colour), text) in enumerate(zip(entries, rows, strict=True)):
        top = box.top + 12 + 46 * n
        pygame.draw.line(surface, colour, (box.left + 12, top + 14), (box.left + 56, top + 14), 8)
        surface.blit(text, (box.left + 68, top))
    if banded:
        surface.blit(note, (box.left + 12, box.top + 12 + 46 * len(rows)))
