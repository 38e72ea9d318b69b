"""Charts for a projector: fan charts (p5-p95 bands and median lines, big type, dated axes, a
legend) and the backtest's chart (INEGI's line next to the model's band, year by year).

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
MARKERS = ("circle", "square", "triangle", "diamond", "down")


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


WORDS = {"month": "month", "note": "line: median, band: 5-95% of seeds"}


def render_fan_chart(chart: FanChart, path: Path, words: dict | None = None) -> None:
    """Draw `chart` and save it as a PNG at `path` (`words`: the axis and legend words, in
    English unless given: {"month": ..., "note": ...})."""
    words = {**WORDS, **(words or {})}
    pygame = _pygame()
    surface = pygame.Surface(SIZE)
    surface.fill(BACKGROUND)
    fonts = {"title": pygame.font.Font(None, 64), "axis": pygame.font.Font(None, 40)}
    plot = pygame.Rect(
        MARGIN["left"],
        MARGIN["top"],
        SIZE[0] - MARGIN["left"] - MARGIN["right"],
        SIZE[1] - MARGIN["top"] - MARGIN["bottom"],
    )
    legend = _legend_box(pygame, fonts, chart, plot, words)
    ticks = _y_ticks(chart, (legend.bottom + 16 - plot.top) / plot.height)
    last = max(len(chart.dates) - 1, 1)

    def x(i: float) -> float:
        return plot.left + plot.width * i / last

    def y(v: float) -> float:
        return plot.bottom - plot.height * (v - ticks[0]) / (ticks[-1] - ticks[0])

    _axes(pygame, surface, fonts, chart, plot, ticks, x, y, words)
    for n, series in enumerate(chart.series):
        _band(pygame, surface, series, COLOURS[n % len(COLOURS)], x, y)
    for n, series in enumerate(chart.series):  # lines over every band, widest first
        _line(pygame, surface, series, n, len(chart.series), x, y)
    _legend(pygame, surface, fonts, chart, legend, words)
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(path))


def _y_ticks(chart: FanChart, legend_share: float) -> list[float]:
    """Ticks from 0 (or the lowest value) to above the data, with the top `legend_share` of the
    plot left free for the legend, so a flat line near the top never hides under it."""
    values = [v for s in chart.series for v in s.low + s.high + s.median]
    low, high = min(0.0, min(values, default=0.0)), max(values, default=1.0)
    room = max(0.2, 1.0 - legend_share - 0.04)
    return nice_ticks(low, low + (high - low) / room if high > low else high + 1.0)


def _band(pygame, surface, series, colour, x, y) -> None:
    if len(series.median) < 2 or not any(
        h > lo for lo, h in zip(series.low, series.high, strict=True)
    ):
        return
    band = pygame.Surface(SIZE, pygame.SRCALPHA)
    points = [(x(i), y(v)) for i, v in enumerate(series.high)]
    points += [(x(i), y(v)) for i, v in reversed(list(enumerate(series.low)))]
    pygame.draw.polygon(band, (*colour, 55), points)
    surface.blit(band, (0, 0))


def line_width(n: int, count: int) -> int:
    """Series drawn wider to narrower, so a line on top of another leaves its edges showing."""
    return max(4, 4 + 3 * (count - 1 - n)) if count > 1 else 5


def _line(pygame, surface, series, n: int, count: int, x, y) -> None:
    """A median line with its own marker shape every few months (placed so that two series'
    markers do not fall on the same month): identical lines stay readable."""
    if len(series.median) < 2:
        return
    colour = COLOURS[n % len(COLOURS)]
    pygame.draw.lines(surface, colour, False, [(x(i), y(v)) for i, v in enumerate(series.median)],
                      line_width(n, count))  # fmt: skip
    every = max(2, count, len(series.median) // 8)  # each series marks different months
    for i in range(n % every, len(series.median), every):
        _marker(pygame, surface, n, (x(i), y(series.median[i])), colour)


def _marker(pygame, surface, n: int, centre, colour, size: int = 11) -> None:
    cx, cy = centre
    shape = MARKERS[n % len(MARKERS)]
    if shape == "circle":
        pygame.draw.circle(surface, colour, (cx, cy), size)
        pygame.draw.circle(surface, INK, (cx, cy), size, 2)
        return
    points = {
        "square": [(-1, -1), (1, -1), (1, 1), (-1, 1)],
        "triangle": [(0, -1.2), (1.1, 0.9), (-1.1, 0.9)],
        "diamond": [(0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)],
        "down": [(0, 1.2), (1.1, -0.9), (-1.1, -0.9)],
    }[shape]
    polygon = [(cx + px * size, cy + py * size) for px, py in points]
    pygame.draw.polygon(surface, colour, polygon)
    pygame.draw.polygon(surface, INK, polygon, 2)


def _axes(pygame, surface, fonts, chart, plot, ticks, x, y, words) -> None:
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
    x_title = fonts["axis"].render(words["month"], True, INK)
    surface.blit(x_title, x_title.get_rect(midbottom=(plot.centerx, SIZE[1] - 12)))
    y_title = pygame.transform.rotate(fonts["axis"].render(chart.y_label, True, INK), 90)
    surface.blit(y_title, y_title.get_rect(midleft=(14, plot.centery)))


def _legend_rows(pygame, fonts, chart, words):
    entries = [(s.label, COLOURS[n % len(COLOURS)]) for n, s in enumerate(chart.series)]
    rows = [fonts["axis"].render(label, True, INK) for label, _ in entries]
    banded = any(s.low != s.high for s in chart.series)
    note = fonts["axis"].render(words["note"], True, INK) if banded else None
    return entries, rows, note


def _legend_box(pygame, fonts, chart, plot, words=WORDS):
    """Where the legend goes: the plot's top-right corner (the y axis leaves room under it)."""
    _, rows, note = _legend_rows(pygame, fonts, chart, words)
    width = max([r.get_width() for r in rows] + [note.get_width() if note else 0]) + 96
    height = 46 * len(rows) + (46 if note else 0) + 16
    return pygame.Rect(plot.right - width - 16, plot.top + 12, width, height)


def _legend(pygame, surface, fonts, chart, box, words) -> None:
    entries, rows, note = _legend_rows(pygame, fonts, chart, words)
    pygame.draw.rect(surface, BACKGROUND, box)
    pygame.draw.rect(surface, GRID, box, 2)
    count = len(entries)
    for n, ((_, colour), text) in enumerate(zip(entries, rows, strict=True)):
        top = box.top + 12 + 46 * n
        start, end = (box.left + 12, top + 14), (box.left + 72, top + 14)
        pygame.draw.line(surface, colour, start, end, line_width(n, count))
        _marker(pygame, surface, n, (box.left + 42, top + 14), colour, 9)
        surface.blit(text, (box.left + 84, top))
    if note is not None:
        surface.blit(note, (box.left + 12, box.top + 12 + 46 * len(rows)))


# --- the backtest: history replayed next to INEGI (`hydra backtest`) ---------------------------


def render_backtest_chart(rows: list[dict], path: Path) -> None:
    """INEGI's line and the model's band, year by year, in the lab charts' style (a 1600x900
    PNG for a projector: Okabe-Ito colours, big type); the held-out years are shaded."""
    pygame = _pygame()
    surface = pygame.Surface(SIZE)
    surface.fill(BACKGROUND)
    font = pygame.font.Font(None, 40)
    m = MARGIN
    plot = pygame.Rect(m["left"], m["top"], SIZE[0] - m["left"] - m["right"],
                       SIZE[1] - m["top"] - m["bottom"])  # fmt: skip
    high = max(max(r["p95"], r["observed"]) for r in rows)
    ticks = nice_ticks(0.0, high * 1.3)
    years = [r["year"] for r in rows]

    def x(year: float) -> float:
        return plot.left + plot.width * (year - years[0]) / max(years[-1] - years[0], 1)

    def y(v: float) -> float:
        return plot.bottom - plot.height * (v - ticks[0]) / (ticks[-1] - ticks[0])

    held = [r["year"] for r in rows if r["part"] == "held_out"]
    if held:
        left = x(held[0] - 0.5) if held[0] > years[0] else plot.left
        pygame.draw.rect(surface, (244, 244, 244), (left, plot.top, plot.right - left, plot.height))
        for text, centre in (
            ("calibration", (plot.left + left) / 2),
            ("held out", (left + plot.right) / 2),
        ):
            label = font.render(text, True, INK)
            if left > plot.left or text == "held out":
                surface.blit(label, label.get_rect(midbottom=(centre, plot.bottom - 12)))
    _backtest_axes(pygame, surface, font, plot, ticks, years, x, y)
    model, inegi = COLOURS[0], COLOURS[1]
    band = pygame.Surface(SIZE, pygame.SRCALPHA)
    outline = [(x(r["year"]), y(r["p95"])) for r in rows]
    outline += [(x(r["year"]), y(r["p5"])) for r in reversed(rows)]
    if len(rows) > 1:
        pygame.draw.polygon(band, (*model, 55), outline)
        surface.blit(band, (0, 0))
        pygame.draw.lines(surface, model, False, [(x(r["year"]), y(r["median"])) for r in rows], 5)
        pygame.draw.lines(
            surface, inegi, False, [(x(r["year"]), y(r["observed"])) for r in rows], 4
        )
    for r in rows:
        hollow = 3 if r["status"] == "estimate" else 0
        pygame.draw.circle(surface, inegi, (x(r["year"]), y(r["observed"])), 9, hollow)
    _backtest_legend(pygame, surface, font, plot, model, inegi)
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(path))


def _backtest_axes(pygame, surface, font, plot, ticks, years, x, y) -> None:
    title = pygame.font.Font(None, 64).render("Homicides per 100,000: history replayed", True,
                                              INK)  # fmt: skip
    surface.blit(title, (plot.left, 28))
    for value in ticks:
        pygame.draw.line(surface, GRID, (plot.left, y(value)), (plot.right, y(value)), 2)
        label = font.render(tick_label(value), True, INK)
        surface.blit(label, label.get_rect(midright=(plot.left - 14, y(value))))
    step = 1 if len(years) <= 10 else 2
    for year in years[::step]:
        pygame.draw.line(surface, INK, (x(year), plot.bottom), (x(year), plot.bottom + 10), 3)
        label = font.render(str(year), True, INK)
        surface.blit(label, label.get_rect(midtop=(x(year), plot.bottom + 16)))
    pygame.draw.line(surface, INK, plot.bottomleft, plot.bottomright, 3)
    pygame.draw.line(surface, INK, plot.bottomleft, plot.topleft, 3)
    axis = pygame.transform.rotate(font.render("homicides per 100,000 a year", True, INK), 90)
    surface.blit(axis, axis.get_rect(midleft=(14, plot.centery)))


def _backtest_legend(pygame, surface, font, plot, model, inegi) -> None:
    lines = [(model, "model: median, band 5-95% of seeds"), (inegi, "INEGI (hollow: estimate)")]
    rows = [font.render(text, True, INK) for _, text in lines]
    box = pygame.Rect(plot.left + 16, plot.top + 12, max(r.get_width() for r in rows) + 80,
                      46 * len(rows) + 16)  # fmt: skip
    pygame.draw.rect(surface, BACKGROUND, box)
    pygame.draw.rect(surface, GRID, box, 2)
    for n, ((colour, _), text) in enumerate(zip(lines, rows, strict=True)):
        top = box.top + 12 + 46 * n
        pygame.draw.line(surface, colour, (box.left + 12, top + 14), (box.left + 56, top + 14), 8)
        surface.blit(text, (box.left + 68, top))
