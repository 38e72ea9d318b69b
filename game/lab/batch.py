"""The policy lab: strategies x seeds (x swept parameters) -> flat rows, in parallel.

Seed k is the same world for every strategy (common random numbers): every draw comes from
`rng_for(seed, turn, stream)`, so two runs with one seed differ only by what the strategies did.
A sweep (Mesa's `batch_run`) crosses every listed value of each swept scenario key with the
strategies and seeds; the swept values are columns of every row. Runs are put back in task order
whatever order the workers finish in, so the rows are the same for any number of jobs, on one
machine's processes or on a Dask cluster (`scheduler`).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from game.blas import single_threaded

RUN_KEYS = ("run_id", "strategy", "seed", "turn", "date")
SUMMARY_TURNS = (12, 36, 72)
SUMMARY_COLUMNS = ("strategy", "metric", "turn", "at", "mean", "median", "p5", "p95")

Progress = Callable[[int, int], None]
Point = tuple[tuple[str, str], ...]  # one combination of swept values: ((key, value), ...)


@dataclass(frozen=True)
class Recipe:
    """How to build a run's scenario anywhere: the file's text (so remote workers need no copy of
    the file), where it came from, the `--set` overrides and the difficulty."""

    text: str
    source: str
    overrides: tuple[str, ...] = ()
    difficulty: str = "normal"


@dataclass(frozen=True)
class Task:
    """One run: a scenario recipe, a strategy, a seed, the months to play, the swept point."""

    recipe: Recipe
    strategy: str
    seed: int
    turns: int
    point: Point = ()


@dataclass(frozen=True)
class BatchSpec:
    """What to run: a scenario file (with `--set` overrides), strategies, seeds 1..N, months, and
    optional sweeps `(("model.recruitment_rate", ("0.002", "0.003")), ...)` crossed together."""

    scenario: str
    strategies: tuple[str, ...]
    seeds: int
    turns: int
    overrides: tuple[str, ...] = ()
    difficulty: str = "normal"
    sweep: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def points(self) -> list[Point]:
        """Every combination of swept values (one empty point without a sweep)."""
        keys = [k for k, _ in self.sweep]
        return [
            tuple(zip(keys, combo, strict=True))
            for combo in itertools.product(*(v for _, v in self.sweep))
        ]

    def tasks(self) -> list[Task]:
        text = Path(self.scenario).read_text(encoding="utf-8-sig")
        out = []
        for point in self.points():
            extra = tuple(f"{k}={v}" for k, v in point)
            recipe = Recipe(text, self.scenario, self.overrides + extra, self.difficulty)
            for strategy in self.strategies:
                for seed in range(1, self.seeds + 1):
                    out.append(Task(recipe, strategy, seed, self.turns, point))
        return out


@lru_cache(maxsize=8)
def scenario_of(recipe: Recipe):
    """The validated scenario of a recipe, built once per process (a worker never re-reads the
    YAML for every run)."""
    from game.scenario import load_scenario_tree
    from game.scenario.reading import parse_yaml

    tree = parse_yaml(recipe.text, recipe.source)
    return load_scenario_tree(tree, recipe.source, list(recipe.overrides), recipe.difficulty)


def run_task(task: Task) -> list[dict]:
    """The national rows (turn 0 = the start) of one run, as run rows with the swept values."""
    single_threaded()
    from game.lab.runner import run_game

    game = run_game(scenario_of(task.recipe), task.strategy, task.turns, task.seed)
    suffix = "".join(f"-{v}" for _, v in task.point)
    keys = {"run_id": f"{task.strategy}-s{task.seed}{suffix}", "strategy": task.strategy}
    keys["seed"] = task.seed
    keys |= {k: v for k, v in task.point}
    return [keys | row for row in game.national]


def run_batch(
    spec: BatchSpec,
    jobs: int = 1,
    progress: Progress | None = None,
    scheduler: str | None = None,
) -> list[dict]:
    """Every run's rows, in task order (point, strategy as given, seed, turn).

    `jobs` > 1 runs in local processes; `scheduler` ("tcp://host:8786") runs on a Dask cluster.
    """
    runs = map_tasks(run_task, spec.tasks(), jobs, progress, scheduler)
    return [row for rows in runs for row in rows]


def map_tasks(
    work: Callable,
    tasks: list,
    jobs: int = 1,
    progress: Progress | None = None,
    scheduler: str | None = None,
) -> list:
    """`work(task)` for every task, in task order whatever order they finish in: in this
    process, in `jobs` local processes, or on a Dask cluster (`scheduler`). `work` must be a
    module-level function (it travels to the workers by name)."""
    tick = progress or (lambda n, total: None)
    tick(0, len(tasks))
    done: dict[int, object] = {}
    if scheduler:
        finished = _on_dask(work, tasks, scheduler)
    elif jobs <= 1:
        finished = ((k, work(task)) for k, task in enumerate(tasks))
    else:
        finished = _on_processes(work, tasks, jobs)
    for k, result in finished:
        done[k] = result
        tick(len(done), len(tasks))
    return [done[k] for k in range(len(tasks))]


def _on_processes(work: Callable, tasks: list, jobs: int) -> Iterator[tuple[int, object]]:
    with ProcessPoolExecutor(jobs, initializer=single_threaded) as pool:
        futures = {pool.submit(work, task): k for k, task in enumerate(tasks)}
        for future in as_completed(futures):
            yield futures[future], future.result()


def _on_dask(work: Callable, tasks: list, scheduler: str) -> Iterator[tuple[int, object]]:
    """The same tasks on a Dask cluster (dask.distributed); results come back by task index."""
    from dask.distributed import Client
    from dask.distributed import as_completed as finished

    with Client(scheduler) as client:
        futures = client.map(work, tasks, pure=False)
        index = {future.key: k for k, future in enumerate(futures)}
        for future in finished(futures):
            yield index[future.key], future.result()


def metric_names(rows: list[dict]) -> list[str]:
    """The metrics of run rows: every column after run_id, strategy, seed, turn and date, except
    swept scenario keys (which always contain a dot)."""
    return [k for k in rows[0] if k not in RUN_KEYS and "." not in k] if rows else []


def swept_keys(rows: list[dict]) -> list[str]:
    return [k for k in rows[0] if "." in k] if rows else []


def group_label(row: dict, key: str = "strategy") -> str:
    """The group a row belongs to: its strategy, and its swept values when there are any."""
    point = " ".join(f"{k}={row[k]}" for k in row if "." in k)
    return f"{row[key]} {point}" if point else str(row[key])


def by_group(rows: Iterable[dict], key: str = "strategy") -> dict[str, dict[int, list[dict]]]:
    """{group: {turn: [rows of that turn, one per run]}} keeping the order groups first appear."""
    out: dict[str, dict[int, list[dict]]] = {}
    for row in rows:
        out.setdefault(group_label(row, key), {}).setdefault(row["turn"], []).append(row)
    return out


def stats(values) -> dict[str, float]:
    """Mean, median, 5th and 95th percentile, rounded so CSVs stay readable."""
    arr = np.asarray(values, dtype=float)
    p5, median, p95 = np.percentile(arr, [5, 50, 95])
    return {
        "mean": round(float(arr.mean()), 4),
        "median": round(float(median), 4),
        "p5": round(float(p5), 4),
        "p95": round(float(p95), 4),
    }


def summarize(rows: list[dict], turns: int) -> list[dict]:
    """Per group and metric at months 12, 36, 72 (those within `turns`) and the end."""
    points = [(t, str(t)) for t in SUMMARY_TURNS if t <= turns] + [(turns, "end")]
    out = []
    for group, turns_rows in by_group(rows).items():
        for metric in metric_names(rows):
            for turn, label in points:
                values = [r[metric] for r in turns_rows.get(turn, [])]
                if values:
                    out.append(
                        {"strategy": group, "metric": metric, "turn": turn, "at": label}
                        | stats(values)
                    )
    return out


def default_jobs() -> int:
    return os.cpu_count() or 1
