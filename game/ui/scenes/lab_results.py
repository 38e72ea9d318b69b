"""Fan charts of a lab batch (or of teams' games side by side), one metric at a time, with the
end-of-run table and an Export button that writes what `hydra lab` writes."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pygame

from game.lab.report import KEY_METRICS, headline
from game.report.charts import COLOURS
from game.ui import palette, text
from game.ui.labjob import charts_of, export
from game.ui.scene import Pop, Scene, Toast
from game.ui.scenes.lab import strategy_label

METRIC_KEYS = {m[0]: f"labchart.{m[0]}" for m in KEY_METRICS}
AXES = {f"labaxis.{m[0]}" for m in KEY_METRICS}


def chart_image(chart, t) -> pygame.Surface:
    """The chart drawn by the report's own renderer (`game.report.charts`) in the player's
    language, as a surface (exported files stay as `hydra lab` writes them)."""
    from game.report.charts import render_fan_chart

    shown = replace(
        chart,
        title=t(METRIC_KEYS.get(chart.metric, chart.title)),
        y_label=t(f"labaxis.{chart.metric}")
        if f"labaxis.{chart.metric}" in AXES
        else chart.y_label,
        series=tuple(replace(s, label=strategy_label(t, s.label)) for s in chart.series),
    )
    words = {"month": t("labchart.month"), "note": t("labchart.note")}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "chart.png"
        render_fan_chart(shown, path, words)
        return pygame.image.load(str(path)).convert()


class LabResults(Scene):
    name = "lab_results"

    def __init__(self, app, rows, turns, title, intro, key="strategy", kind="lab"):
        super().__init__(app)
        self.rows, self.turns, self.title, self.intro = rows, turns, title, intro
        self.group_key, self.kind = key, kind
        self.charts = charts_of(rows, key)
        self.table = headline(rows, key) if rows else [[]]
        self.index = 0
        self._images: dict[tuple, pygame.Surface] = {}
        self._scaled = None
        self.exported: Path | None = None

    def build(self) -> None:
        w, h = self.size
        s, t = self.s, self.t
        self.label((s(30), s(12), w - s(60), s(40)), self.title, "@heading")
        top = self._tabs(s(58)) + s(10)
        self.chart_rect = pygame.Rect(s(30), top, int(w * 0.66), h - top - s(90))
        self.side = pygame.Rect(
            self.chart_rect.right + s(20), top, w - self.chart_rect.right - s(50), h - top - s(90)
        )
        self._scaled = None
        by = h - s(70)
        self.button((s(30), by, s(180), s(46)), t("common.back"), lambda: Pop())
        bw = text.text_width(t("lab.export"), s(15), True) + s(40)
        self.button((w - s(30) - bw, by, bw, s(46)), t("lab.export"), self._export, "@primary")
        self.focus.enter_activates = False

    def _tabs(self, y: int) -> int:
        """One button per chart, in as many rows as the window needs; returns the y below."""
        s, t, w = self.s, self.t, self.size[0]
        x = s(30)
        for i, chart in enumerate(self.charts):
            label = t(METRIC_KEYS.get(chart.metric, chart.metric))
            bw = min(text.text_width(label, s(14), True) + s(30), w - s(60))
            if x > s(30) and x + bw > w - s(30):
                x, y = s(30), y + s(38)
            cls = "@tab_on" if i == self.index else "@tab"
            self.button((x, y, bw, s(32)), label, self._show(i), cls)
            x += bw + s(6)
        return y + s(32)

    def _show(self, i):
        def show():
            self.index = i
            self.rebuild()

        return show

    def _export(self):
        folder = self.app.paths.data / ("lab" if self.kind == "lab" else "compare")
        try:
            paths = export(folder, self.rows, self.turns, self.title, self.intro, self.group_key)
        except OSError as exc:
            return Toast(self.t("toast.save_failed", reason=exc.strerror or str(exc)), "bad")
        self.exported = paths[0].parent
        return Toast(self.t("lab.exported", n=len(paths), folder=str(self.exported)), seconds=8)

    def key(self, event):
        if event.key == pygame.K_ESCAPE:
            return Pop()
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT) and self.charts:
            step = -1 if event.key == pygame.K_LEFT else 1
            self._show((self.index + step) % len(self.charts))()
        return None

    def image(self) -> pygame.Surface | None:
        if not self.charts:
            return None
        shown = (self.index, self.t.lang)
        if shown not in self._images:  # only the chart on screen is kept (about 6 MB)
            self._images = {shown: chart_image(self.charts[self.index], self.t)}
        return self._images[shown]

    def draw_back(self, surface) -> None:
        surface.fill(palette.BG)
        s = self.s
        image = self.image()
        if image is None:
            surface.blit(text.render(self.t("lab.empty"), s(16), palette.BAD), self.chart_rect)
        else:
            r = self.chart_rect
            k = min(r.width / image.get_width(), r.height / image.get_height())
            size = (int(image.get_width() * k), int(image.get_height() * k))
            if self._scaled is None or self._scaled[0] != (self.index, size):
                self._scaled = ((self.index, size), pygame.transform.smoothscale(image, size))
            surface.blit(self._scaled[1], r.topleft)  # scaled once, not every frame
        self._draw_side(surface)

    def _draw_side(self, surface) -> None:
        s, t = self.s, self.t
        r = self.side
        pygame.draw.rect(surface, palette.PANEL, r, border_radius=s(6))
        y = r.y + s(12)
        y = text.draw_wrapped(
            surface, self.intro, pygame.Rect(r.x + s(12), y, r.width - s(24), s(120)), s(13),
            palette.TEXT_DIM,
        )  # fmt: skip
        y += s(14)
        if not self.charts or len(self.table) < 2:
            return
        column = self.index + 1  # headline columns follow the chart order
        metric = t(METRIC_KEYS.get(self.charts[self.index].metric, ""))
        surface.blit(text.render(t("lab.at_end", metric=metric), s(15), palette.ACCENT, True),
                     (r.x + s(12), y))  # fmt: skip
        y += s(30)
        for n, row in enumerate(self.table[1:]):
            colour = COLOURS[n % len(COLOURS)]
            name = text.fit(strategy_label(t, row[0]), s(14), r.width // 2 - s(12), True)
            surface.blit(text.render(name, s(14), colour, True), (r.x + s(12), y))
            value = row[column] if column < len(row) else ""
            surface.blit(text.render(value, s(14), palette.TEXT), (r.x + r.width // 2, y))
            y += s(24)

    def shortcuts(self):
        return [("← →", "help.lab.metric"), ("Esc", "help.back")]
