"""Shared runs for the research checks: every decade the checks read is played once per session,
in two processes (the machine's cores), and cached by what defines it."""

from __future__ import annotations

from functools import lru_cache
from multiprocessing import Pool
from pathlib import Path

LEVELS = Path(__file__).resolve().parents[2] / "levels"
KEYS = (
    "homicides_per_100k",
    "members",
    "armed_groups",
    "leaders_removed",
    "approval",
    "drug_flow",
)


def _play(task):
    from game.blas import single_threaded

    single_threaded()
    from game.lab.runner import run_game
    from game.scenario import load_scenario
    from game.sim.evaluation import evaluate

    level, overrides, strategy, seed, turns = task
    scenario = load_scenario(LEVELS / f"{level}.yaml", list(overrides))
    national = run_game(scenario, strategy, turns, seed).national
    rows = {t: {k: national[t][k] for k in KEYS} for t in (0, 12, 36, 72, turns) if t <= turns}
    return task, rows, evaluate(national).score


@lru_cache(maxsize=4)
def decades(level: str, overrides: tuple, strategies: tuple, seeds: int, turns: int) -> dict:
    """{(strategy, seed): (rows at months 0, 12, 36, 72 and the end, end-of-term score)}."""
    tasks = [(level, overrides, s, k, turns) for s in strategies for k in range(seeds)]
    with Pool(2) as pool:
        done = pool.map(_play, tasks)
    return {(task[2], task[3]): (rows, score) for task, rows, score in done}


def capable(level: str, level_regions: int = 32, police: float = 0.8) -> tuple:
    """--set overrides putting police and courts at `police` in every state of the Mexico map."""
    from game.scenario.mapdata import load_mexico_map

    codes = [r.code for r in load_mexico_map().regions][:level_regions]
    return tuple(f"regions.{c}.{what}={police}" for c in codes for what in ("police", "courts"))
