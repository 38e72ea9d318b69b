"""F1 calibration check: run a scenario with the passive strategy over seeds, print the targets.

    python tools/calibrate.py levels/calibration_2012.yaml --seeds 10 --set model.conflict_rate=2e-7

Prints one JSON object: mean end members, conflict deaths in the first and last year and their
ratio, incapacitations and recruits a week in the last year, and the homicide rate at both ends,
next to the targets of FACTS.md F1 (Prieto-Curiel, Campedelli & Hope 2023).
"""

from __future__ import annotations

from game.blas import single_threaded

single_threaded()  # before numpy is imported

import argparse
import json
import multiprocessing as mp

import numpy as np

from game.lab.calibration import TARGETS, f1_stats
from game.lab.runner import run_game
from game.scenario import load_scenario


def _one(args):
    path, overrides, seed, turns = args
    scenario = load_scenario(path, overrides)
    return f1_stats(run_game(scenario, "passive", turns or scenario.turns, seed).national)


def calibrate(path: str, overrides: list[str], seeds: int, turns: int | None, jobs: int) -> dict:
    tasks = [(path, overrides, seed, turns) for seed in range(seeds)]
    with mp.Pool(jobs) as pool:
        runs = pool.map(_one, tasks)
    mean = {k: float(np.mean([r[k] for r in runs])) for k in runs[0]}
    # The ratio of means, as the targets are about the average trajectory.
    mean["deaths_growth"] = mean["deaths_last_year"] / mean["deaths_first_year"] - 1.0
    mean["within_targets"] = {k: lo <= mean[k] <= hi for k, (lo, hi) in TARGETS.items()}
    return mean


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--turns", type=int, default=None)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--set", dest="overrides", action="append", default=[])
    args = parser.parse_args()
    result = calibrate(args.scenario, args.overrides, args.seeds, args.turns, args.jobs)
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()}))


if __name__ == "__main__":
    main()
