"""The sensitivity chart: horizontal bars of mu* (or ST) per parameter, one bar per strategy,
with 95% confidence whiskers, largest first, drawn off-screen like the fan charts and saved as PNG.
"""

from __future__ import annotations

from pathlib import Path

from game.lab.sensitivity import BarChart
from game.report.charts import BACKGROUND, COLOURS, GRID, INK, _pygame, nice_ticks, tick_label

WIDTH = 1600
MARGIN = {"left": 560, "right": 80, "top": 150, "bottom": 110}


def row_height(series: int) -> int:
    """Pixels per parameter: room for one bar per strategy."""
    return max(46, 12 + 12 * series)


def render_bar_chart(chart: BarChart, path: Path) -> None:
    """Draw `chart` and save it as a PNG at `path`."""
    pygame = _pygame()
    rows = max(len(chart.labels), 1)
    row = row_height(len(chart.series))
    size = (WIDTH, MARGIN["top"] + row * rows + MARGIN["bottom"])
    surface = pygame.Surface(size)
    surface.fill(BACKGROUND)
    fonts = {"title": pygame.font.Font(None, 60), "axis": pygame.font.Font(None, 34)}
    plot = pygame.Rect(
        MARGIN["left"], MARGIN["top"], WIDTH - MARGIN["left"] - MARGIN["right"], row * rows
    )
    reach = [
        v + e for _, values, errors in chart.series for v, e in zip(values, errors, strict=True)
    ]
    ticks = nice_ticks(0.0, max(reach, default=1.0) or 1.0)

    def x(v: float) -> float:
        return plot.left + plot.width * max(v, 0.0) / ticks[-1]

    _frame(pygame, surface, fonts, chart, plot, ticks, x, row)
    bar = (row - 12) / max(len(chart.series), 1)
    for n, (_, values, errors) in enumerate(chart.series):
        colour = COLOURS[n % len(COLOURS)]
        for i, (value, error) in enumerate(zip(values, errors, strict=True)):
            top = plot.top + row * i + 6 + bar * n
            pygame.draw.rect(surface, colour, (plot.left, top, x(value) - plot.left, bar - 2))
            mid = top + bar / 2 - 1
            if error > 0:
                pygame.draw.line(surface, INK, (x(value - error), mid), (x(value + error), mid), 2)
    _legend(pygame, surface, fonts, chart)
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(path))


def _frame(pygame, surface, fonts, chart, plot, ticks, x, row) -> None:
    surface.blit(fonts["title"].render(chart.title, True, INK), (40, 24))
    for value in ticks:
        pygame.draw.line(surface, GRID, (x(value), plot.top), (x(value), plot.bottom), 2)
        label = fonts["axis"].render(tick_label(value), True, INK)
        surface.blit(label, label.get_rect(midtop=(x(value), plot.bottom + 10)))
    for i, name in enumerate(chart.labels):
        label = fonts["axis"].render(name, True, INK)
        surface.blit(label, label.get_rect(midright=(plot.left - 14, plot.top + row * (i + 0.5))))
    pygame.draw.line(surface, INK, plot.bottomleft, plot.topleft, 3)
    pygame.draw.line(surface, INK, plot.bottomleft, plot.bottomright, 3)
    x_title = fonts["axis"].render(chart.x_label, True, INK)
    surface.blit(x_title, x_title.get_rect(midbottom=(plot.centerx, surface.get_height() - 16)))


def _legend(pygame, surface, fonts, chart) -> None:
    left = 40
    for n, (name, _, _) in enumerate(chart.series):
        colour = COLOURS[n % len(COLOURS)]
        pygame.draw.rect(surface, colour, (left, 96, 34, 22))
        text = fonts["axis"].render(name, True, INK)
        surface.blit(text, (left + 44, 94))
        left += 44 + text.get_width() + 40
    note = fonts["axis"].render("whisker: 95% confidence", True, INK)
    surface.blit(note, note.get_rect(topright=(WIDTH - MARGIN["right"], 94)))
