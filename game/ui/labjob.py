"""A policy-lab batch run off the UI thread, its progress, cancelling it, and exporting it.

The run is `game.lab.batch.run_batch` with one job in a daemon thread (a process pool would fork
the game window). Cancelling raises from the progress callback, so the batch stops after the run
in progress and nothing half-finished is kept. Export writes what `hydra lab` writes.
"""

from __future__ import annotations

import time
from pathlib import Path

from game.lab import batch
from game.lab.report import FanChart, fan_charts, write_report
from game.ui.jobs import Job


class LabJob(Job):
    """One batch (strategies x seeds x turns of a scenario) running in the background."""

    def __init__(self, spec: batch.BatchSpec):
        super().__init__(len(spec.tasks()))
        self.spec = spec
        self.rows: list[dict] | None = None

    def run(self) -> None:
        self.rows = batch.run_batch(self.spec, jobs=1, progress=self.progress)


def charts_of(rows: list[dict], key: str = "strategy") -> list[FanChart]:
    return fan_charts(rows, key) if rows else []


def export(
    folder: Path, rows: list[dict], turns: int, title: str, intro: str, key: str = "strategy"
) -> list[Path]:
    """runs.csv, summary.csv, the PNG charts and report.md in a new folder under `folder`."""
    from game.report.charts import render_fan_chart

    out = Path(folder) / time.strftime("%Y%m%d-%H%M%S")
    n = 1
    while out.exists():
        n += 1
        out = out.with_name(f"{out.name.split('_')[0]}_{n}")
    summary = batch.summarize(rows, turns)
    return write_report(out, rows, summary, title, intro, render_fan_chart, key)
