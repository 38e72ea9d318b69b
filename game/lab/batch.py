"""The policy lab: strategies x seeds -> flat rows, in parallel processes, and their summary.

Seed k is the same world for every strategy (common random numbers): every draw comes from
`rng_for(seed, turn, stream)`, so two runs with one seed differ only by what the strategies did.
Runs are put back in (strategy, seed) order whatever order the processes finish in, so the rows
are the same for any number of jobs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass

import numpy as np

from game.blas import single_threaded

RUN_KEYS = ("run_id", "strategy", "seed", "turn", "date")
SUMMARY_TURNS = (12, 36, 72)
SUMMARY_COLUMNS = ("strategy", "metric", "turn", "at", "mean", "median", "p5", "p95")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BatchSpec:
    """What to run: a scenario file (with `--set` overrides), strategies, seeds 1..N, months."""

    scenario: str
    strategies: tuple[str, ...]
    seeds: int
    turns: int
    overrides: tuple[str, ...] = ()
    difficulty: str = "normal"

    def tasks(self) -> list[tuple[str, int]]:
        return [(s, seed) for s in self.strategies for seed in range(1, self.seeds + 1)]


_WORKER_SCENARIO = None


def _init_worker(spec: BatchSpec) -> None:
    """Load the scenario once per process (a worker never re-reads the YAML for every run)."""
    global _WORKER_SCENARIO
    single_threaded()
    from game.scenario import load_scenario
    from game.scenario.difficulty import with_difficulty

    _WORKER_SCENARIO = with_difficulty(
        load_scenario(spec.scenario, list(spec.overrides)), spec.difficulty
    )


def run_one(strategy: str, seed: int, turns: int) -> list[dict]:
    """The national rows (turn 0 = the start) of one run, as run rows."""
    from game.lab.runner import run_game

    game = run_game(_WORKER_SCENARIO, strategy, turns, seed)
    run_id = f"{strategy}-s{seed}"
    return [{"run_id": run_id, "strategy": strategy, "seed": seed, **row} for row in game.national]


def _run_task(task: tuple[str, int, int]) -> list[dict]:
    return run_one(*task)


def run_batch(spec: BatchSpec, jobs: int = 1, progress: Progress | None = None) -> list[dict]:
    """Every run's rows, ordered by strategy (as given), seed and turn."""
    tasks = [(s, seed, spec.turns) for s, seed in spec.tasks()]
    done: dict[tuple[str, int], list[dict]] = {}
    tick = progress or (lambda n, total: None)
    tick(0, len(tasks))
    if jobs <= 1:
        _init_worker(spec)
        for task in tasks:
            done[task[:2]] = _run_task(task)
            tick(len(done), len(tasks))
    else:
        with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(spec,)) as pool:
            futures = {pool.submit(_run_task, task): task[:2] for task in tasks}
            for future in as_completed(futures):
                done[futures[future]] = future.result()
                tick(len(done), len(tasks))
    return [row for task in tasks for row in done[task[:2]]]


def metric_names(rows: list[dict]) -> list[str]:
    """The metrics of run rows: every column after run_id, strategy, seed, turn and date."""
    return [k for k in rows[0] if k not in RUN_KEYS] if rows else []


def by_group(rows: Iterable[dict], key: str = "strategy") -> dict[str, dict[int, list[dict]]]:
    """{group: {turn: [rows of that turn, one per run]}} keeping the order groups first appear."""
    out: dict[str, dict[int, list[dict]]] = {}
    for row in rows:
        out.setdefault(row[key], {}).setdefault(row["turn"], []).append(row)
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
    """Per strategy and metric at months 12, 36, 72 (those within `turns`) and the end."""
    points = [(t, str(t)) for t in SUMMARY_TURNS if t <= turns] + [(turns, "end")]
    out = []
    for strategy, turns_rows in by_group(rows).items():
        for metric in metric_names(rows):
            for turn, label in points:
                values = [r[metric] for r in turns_rows.get(turn, [])]
                if values:
                    out.append(
                        {"strategy": strategy, "metric": metric, "turn": turn, "at": label}
                        | stats(values)
                    )
    return out


def default_jobs() -> int:
    return os.cpu_count() or 1
