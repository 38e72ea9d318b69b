"""Median time of one turn, on the Mexico scenario and on synthetic maps with 150 factions.

Prints one JSON object per line: {"case", "turn_ms_median", "regions", "factions"}; a turn is
one month with the cartel AI deciding for every faction (`Game.play`).
Targets: 32 regions x 150 factions under 5 ms; 2,469 regions (municipality scale) under 100 ms.
Run: python bench/bench_turn.py [--turns N]
"""

from __future__ import annotations

from game.blas import single_threaded

single_threaded()  # before numpy is imported

import argparse
import json
import statistics
import time
from pathlib import Path

from game.lab.runner import Game
from game.scenario import load_scenario
from game.scenario.builder import ScenarioBuilder
from game.scenario.mapdata import synthetic_map

ROOT = Path(__file__).resolve().parents[1]


def time_turns(scenario, turns: int, warmup: int = 3) -> float:
    """Median milliseconds of one month with the cartel AI on (its decisions included)."""
    game = Game.start(scenario, seed=1)
    for _ in range(warmup):
        game.play([])
    times = []
    for _ in range(turns):
        start = time.perf_counter()
        game.play([])
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000.0


def cases():
    yield "mexico_2026", load_scenario(ROOT / "levels" / "mexico_2026.yaml")
    for regions in (32, 512, 2469):
        world = ScenarioBuilder(synthetic_map(regions)).power_law_groups(150, 175_000, seed=1)
        yield f"synthetic_{regions}", world.build()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=30)
    args = parser.parse_args()
    for name, scenario in cases():
        result = {
            "case": name,
            "turn_ms_median": round(time_turns(scenario, args.turns), 3),
            "regions": scenario.map.n,
            "factions": len(scenario.factions),
        }
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
