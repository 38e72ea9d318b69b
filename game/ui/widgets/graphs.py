"""Small graphics drawn with pygame: sparklines, bars, error bars and line charts.

Each function draws from numbers it is given; none reads the game.
"""

from __future__ import annotations

import math

import numpy as np
import pygame

from game.ui import palette, text


def sparkline(values, size, colour=palette.ACCENT, scale=1.0) -> pygame.Surface:
    """A small line of recent values with the last point marked and min/max shown."""
    w, h = size
    surf = pygame.Surface(size, pygame.SRCALPHA)
    vals = np.asarray(values, dtype=float)
    if len(vals) < 2:
        return surf
    lo, hi = float(vals.min()), float(vals.max())
    if hi - lo < 1e-9:  # a flat series sits in the middle
        lo, hi = lo - max(abs(lo), 1.0) * 0.5, hi + max(abs(hi), 1.0) * 0.5
    span = hi - lo
    pad = int(4 * scale)
    xs = np.linspace(pad, w - pad - int(40 * scale), len(vals))
    ys = h - pad - (vals - lo) / span * (h - 2 * pad)
    pts = list(zip(xs.tolist(), ys.tolist(), strict=True))
    poly = [(pts[0][0], h - pad), *pts, (pts[-1][0], h - pad)]
    pygame.draw.polygon(surf, (*colour, 50), poly)
    pygame.draw.aalines(surf, colour, False, pts)
    pygame.draw.circle(surf, colour, (int(pts[-1][0]), int(pts[-1][1])), max(2, int(3 * scale)))
    size_txt = int(11 * scale)
    top, bottom = float(vals.max()), float(vals.min())
    surf.blit(text.render(f"{top:,.0f}", size_txt, palette.TEXT_DIM), (w - int(38 * scale), 0))
    if bottom != top:
        low = text.render(f"{bottom:,.0f}", size_txt, palette.TEXT_DIM)
        surf.blit(low, (w - int(38 * scale), h - low.get_height()))
    return surf


def meter(value: float, size, colour, label: str, scale=1.0, top: float = 1.0) -> pygame.Surface:
    """A labelled horizontal bar for a 0-`top` value, with the value as a percentage."""
    w, h = size
    surf = pygame.Surface(size, pygame.SRCALPHA)
    fs = int(13 * scale)
    # room for the whole label where the bar can spare it (up to 60% of the width)
    label_w = max(int(w * 0.42), min(text.text_width(label, fs) + int(10 * scale), int(w * 0.6)))
    surf.blit(
        text.render(text.fit(label, fs, label_w - 4), fs, palette.TEXT), (0, (h - fs * 1.4) / 2)
    )
    bar = pygame.Rect(
        label_w, h // 2 - int(5 * scale), w - label_w - int(48 * scale), int(10 * scale)
    )
    pygame.draw.rect(surf, (40, 46, 60), bar, border_radius=3)
    filled = bar.copy()
    filled.width = int(bar.width * min(max(value / top, 0.0), 1.0))
    if filled.width > 0:
        pygame.draw.rect(surf, colour, filled, border_radius=3)
    surf.blit(
        text.render(f"{value:.0%}", fs, palette.TEXT, True),
        (bar.right + int(8 * scale), (h - fs * 1.4) / 2),
    )
    return surf


def compact(value: float) -> str:
    """1,234 -> '1.2k'; small numbers as they are."""
    if value >= 9950:
        return f"{value / 1000:.0f}k"
    if value >= 1000:
        return f"{value / 1000:.1f}k"
    return f"{value:.0f}"


def error_bars(rows, width: int, scale=1.0) -> pygame.Surface:
    """Estimated members per faction: a bar to the estimate and whiskers low-high.

    `rows`: (name, estimate, low, high, colour, pattern).
    """
    row_h = int(24 * scale)
    surf = pygame.Surface((width, max(1, row_h * len(rows))), pygame.SRCALPHA)
    if not rows:
        return surf
    fs = int(12 * scale)
    name_w = int(width * 0.36)
    num_w = int(width * 0.3)
    top = max(r[3] for r in rows) or 1.0
    x0, x1 = name_w + int(4 * scale), width - num_w
    for k, (name, est, low, high, colour, pattern) in enumerate(rows):
        y = k * row_h
        mid = y + row_h // 2
        sw = pygame.Rect(0, mid - int(6 * scale), int(12 * scale), int(12 * scale))
        surf.blit(palette.swatch(tuple(colour), pattern, sw.size), sw)
        surf.blit(
            text.render(text.fit(name, fs, name_w - sw.width - 6), fs, palette.TEXT),
            (sw.right + 5, mid - fs * 0.7),
        )

        def px(v):
            return x0 + (x1 - x0) * min(v / top, 1.0)

        pygame.draw.rect(
            surf, colour, (x0, mid - int(4 * scale), max(1, px(est) - x0), int(8 * scale))
        )
        pygame.draw.line(surf, palette.TEXT, (px(low), mid), (px(high), mid), 1)
        for v in (low, high):
            pygame.draw.line(surf, palette.TEXT, (px(v), mid - 5), (px(v), mid + 5), 1)
        label = f"≈{compact(est)} ({compact(low)}–{compact(high)})"
        surf.blit(
            text.render(text.fit(label, fs, num_w - 4), fs, palette.TEXT_DIM),
            (x1 + 4, mid - fs * 0.7),
        )
    return surf


def nice_ticks(lo: float, hi: float, n: int = 4, integer: bool = False) -> list[float]:
    if hi <= lo:
        hi = lo + 1
    raw = max((hi - lo) / n, 1.0 if integer else 0.0)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step) * step
    return [
        start + k * step
        for k in range(int((hi - start) / step) + 2)
        if start + k * step <= hi + 1e-9
    ]


def line_chart(
    surface,
    rect,
    values,
    title,
    colour=palette.ACCENT,
    x_labels=None,
    marks=(),
    scale=1.0,
    fmt="{:,.0f}",
    empty="—",
    extra=(),
    label=None,
):
    """A framed line chart of `values` (one per month) with y ticks, x labels and event marks.

    `marks`: (index, short label) drawn as vertical lines (e.g. months a kingpin fell).
    `extra`: more series as (values, colour, label), drawn under the main one, with a key.
    """
    rect = pygame.Rect(rect)
    fs = int(12 * scale)
    pygame.draw.rect(surface, palette.PANEL, rect, border_radius=6)
    pygame.draw.rect(surface, palette.BORDER, rect, 1, border_radius=6)
    surface.blit(text.render(title, int(14 * scale), palette.TEXT, True), (rect.x + 10, rect.y + 6))
    vals = [v for v in values if v is not None] + [
        v for series, _, _ in extra for v in series if v is not None
    ]
    plot = pygame.Rect(
        rect.x + int(58 * scale),
        rect.y + int(32 * scale),
        rect.width - int(72 * scale),
        rect.height - int(58 * scale),
    )
    if len(vals) == 0:
        msg = text.render(empty, fs, palette.TEXT_DIM)
        surface.blit(msg, msg.get_rect(center=plot.center))
        return
    lo, hi = min(0.0, min(vals)), max(vals)
    ticks = nice_ticks(lo, hi if hi > lo else lo + 1, integer=".0f" in fmt and "%" not in fmt)
    top = max(ticks[-1], hi + (hi - lo) * 0.08)  # headroom: a line at the top stays in view
    n = max(len(values) - 1, 1)

    def px(i, v):
        return plot.x + plot.width * i / n, plot.bottom - plot.height * (v - lo) / ((top - lo) or 1)

    for tv in ticks:
        y = px(0, tv)[1]
        pygame.draw.line(surface, (44, 52, 68), (plot.x, y), (plot.right, y))
        lab = text.render(fmt.format(tv), fs, palette.TEXT_DIM)
        surface.blit(lab, (plot.x - lab.get_width() - 6, y - lab.get_height() / 2))
    _marks(surface, plot, [(px(i, lo)[0], label) for i, label in marks], scale)
    if x_labels:
        taken: list[tuple[float, float]] = []
        for i in dict.fromkeys((0, len(x_labels) - 1, len(x_labels) // 2)):  # ends first
            lab = text.render(x_labels[i], fs, palette.TEXT_DIM)
            x = min(max(px(i, lo)[0] - lab.get_width() / 2, plot.x), plot.right - lab.get_width())
            span = (x - 8, x + lab.get_width() + 8)
            if all(span[1] < a or span[0] > b for a, b in taken):
                surface.blit(lab, (x, plot.bottom + 4))
                taken.append(span)
    key_x = rect.right - 10
    for series, other, name in [*extra, ([], colour, label)] if label else extra:
        line = [px(i, v) for i, v in enumerate(series) if v is not None]
        if len(line) >= 2:
            pygame.draw.lines(surface, other, False, line, max(2, int(2 * scale)))
        lab = text.render(name, fs, other, True)
        key_x -= lab.get_width() + 12
        surface.blit(lab, (key_x, rect.y + 8))
    pts = [px(i, v) for i, v in enumerate(values) if v is not None]
    if len(pts) >= 2:
        pygame.draw.lines(surface, colour, False, pts, max(2, int(2 * scale)))
    if pts:
        end = (int(pts[-1][0]), int(pts[-1][1]))
        pygame.draw.circle(surface, colour, end, max(3, int(4 * scale)))


def _marks(surface, plot: pygame.Rect, marks, scale: float) -> None:
    """Faint vertical lines at event months; labels only where they do not collide."""
    if not marks:
        return
    layer = pygame.Surface(plot.size, pygame.SRCALPHA)
    for x, _ in marks:
        pygame.draw.line(layer, (*palette.BAD, 110), (x - plot.x, 0), (x - plot.x, plot.height), 1)
    surface.blit(layer, plot.topleft)
    right_of_last = -1e9
    for x, label in marks:
        if not label:
            continue
        lab = text.render(label, int(10 * scale), palette.BAD)
        lx = x + 3 if x + 3 + lab.get_width() <= plot.right else x - 3 - lab.get_width()
        if lx > right_of_last + 4 and lx >= plot.x:
            surface.blit(lab, (lx, plot.y + 2))
            right_of_last = lx + lab.get_width()
