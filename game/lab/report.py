"""Lab outputs as files: runs.csv, summary.csv, the fan-chart data and report.md.

Charts are described here as plain data (`FanChart`); drawing them is the job of `game.report`,
which the command hands in, so the lab never depends on pygame.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from game.lab.batch import RUN_KEYS, SUMMARY_COLUMNS, by_group, metric_names, stats

# Key metrics charted and tabled: (metric, title, unit on the y axis, format in the table).
KEY_METRICS = (
    ("homicides_per_100k", "Homicide rate", "homicides per 100,000 a year", "{:.1f}"),
    ("members", "Cartel members", "members", "{:,.0f}"),
    ("armed_groups", "Armed groups", "groups", "{:.0f}"),
    ("drug_flow", "Drug flow to the border", "tonnes a month", "{:.1f}"),
    ("approval", "Government approval", "% approving", "{:.0f}"),
    ("civilians_killed_by_state", "Civilians killed by the state", "per month", "{:.1f}"),
)


@dataclass(frozen=True)
class Series:
    """One strategy (or team): the median line and, when several runs, the p5-p95 band."""

    label: str
    median: tuple[float, ...]
    low: tuple[float, ...]
    high: tuple[float, ...]


@dataclass(frozen=True)
class FanChart:
    metric: str
    title: str
    y_label: str
    dates: tuple[str, ...]  # "YYYY-MM" by turn, from turn 0
    series: tuple[Series, ...]


Renderer = Callable[[FanChart, Path], None]


def fan_charts(rows: list[dict], key: str = "strategy") -> list[FanChart]:
    """One chart per key metric, one series per group of rows (by `key`)."""
    groups = by_group(rows, key)
    dates: dict[int, str] = {}
    for row in rows:
        dates.setdefault(row["turn"], row["date"])
    ordered_dates = tuple(dates[t] for t in sorted(dates))
    charts = []
    for metric, title, unit, _ in KEY_METRICS:
        if metric not in metric_names(rows):
            continue
        series = []
        for label, per_turn in groups.items():
            turns = sorted(per_turn)
            band = [np.percentile([r[metric] for r in per_turn[t]], [5, 50, 95]) for t in turns]
            series.append(
                Series(
                    label,
                    tuple(float(b[1]) for b in band),
                    tuple(float(b[0]) for b in band),
                    tuple(float(b[2]) for b in band),
                )
            )
        charts.append(FanChart(metric, title, unit, ordered_dates, tuple(series)))
    return charts


def headline(rows: list[dict], key: str = "strategy") -> list[list[str]]:
    """The headline table at the end: a header row, then per group `mean [p5-p95]` per metric."""
    present = set(metric_names(rows))
    metrics = [m for m in KEY_METRICS if m[0] in present]
    table = [[key] + [title for _, title, _, _ in metrics]]
    for label, per_turn in by_group(rows, key).items():
        end = per_turn[max(per_turn)]
        line = [label]
        for metric, _, _, fmt in metrics:
            s = stats([r[metric] for r in end])
            if len(end) == 1:
                line.append(fmt.format(s["mean"]))
            else:
                line.append(
                    f"{fmt.format(s['mean'])} [{fmt.format(s['p5'])}–{fmt.format(s['p95'])}]"
                )
        table.append(line)
    return table


def markdown_table(table: list[list[str]]) -> str:
    head, *body = table
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(lines)


def write_csv(path: Path, rows: list[dict], columns=None) -> None:
    columns = list(columns or (rows[0] if rows else RUN_KEYS))
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_report(
    out: Path,
    rows: list[dict],
    summary: list[dict],
    title: str,
    intro: str,
    render: Renderer | None = None,
    key: str = "strategy",
) -> list[Path]:
    """runs.csv, summary.csv, one PNG per key metric (when a renderer is given) and report.md."""
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "runs.csv", rows)
    write_csv(out / "summary.csv", summary, SUMMARY_COLUMNS)
    images = []
    if render is not None:
        for chart in fan_charts(rows, key):
            path = out / f"{chart.metric}.png"
            render(chart, path)
            images.append(path)
    text = [f"# {title}", "", intro, "", markdown_table(headline(rows, key)), ""]
    text += [f"![{p.stem}]({p.name})\n" for p in images]
    (out / "report.md").write_text("\n".join(text), encoding="utf-8")
    return [out / "runs.csv", out / "summary.csv", out / "report.md", *images]
