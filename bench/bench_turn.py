"""Median time of one month, on the Mexico scenario and on synthetic maps with 150 factions,
beside the floor: the bare numpy stocks-and-flows month of the same world.

Prints one JSON object per line: {"case", "turn_ms_median", "floor_ms_median", "ratio",
"floor_same_states_ms_median", "ratio_same_states", "regions", "factions", "factions_at_end"};
a month is `Game.play` with the cartel AI deciding for every faction. The floor is four weekly
sub-steps of the Prieto-Curiel et al. (2023) equations on dense [F, R] arrays, deterministic, and
nothing else, so the ratio says what everything else (the random draws, AI, routes, politics,
leadership, bookkeeping) costs, whatever the machine's load. `floor_ms_median` is the floor on
the starting world (the issue's measure: targets within 8 at 32 regions x 150 factions and
within 3 at 2,469 regions); `floor_same_states_ms_median` is the floor on each state whose month
is timed, whose factions multiply as groups split and form (the floor's product grows as their
square), so `ratio_same_states` compares the month with the floor of the same world.
Times are CPU time of the running thread (`time.thread_time`), so other programs on the machine
disturb them less than wall-clock time would.
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

import numpy as np

from game.lab.runner import Game
from game.scenario import load_scenario
from game.scenario.builder import ScenarioBuilder
from game.scenario.mapdata import synthetic_map

ROOT = Path(__file__).resolve().parents[1]


def time_turns(scenario, turns: int, warmup: int = 3) -> tuple[float, float, int]:
    """Median milliseconds of one month with the cartel AI on (its decisions included), median
    milliseconds of the floor on the same states, and the factions at the end."""
    game = Game.start(scenario, seed=1)
    for _ in range(warmup):
        game.play([])
    times, floors = [], []
    for _ in range(turns):
        members, kernel = floor_inputs(game.state)
        start = time.thread_time()
        floor_month(members, kernel, scenario.model)
        floors.append(time.thread_time() - start)
        start = time.thread_time()
        game.play([])
        times.append(time.thread_time() - start)
    ms = 1000.0
    return statistics.median(times) * ms, statistics.median(floors) * ms, game.state.n_factions


def floor_inputs(state) -> tuple[np.ndarray, np.ndarray]:
    """The members and the enmity (zero within a faction) the floor steps from."""
    kernel = (1.0 + state.rivalry) / (1.0 + state.alliance)
    np.fill_diagonal(kernel, 0.0)
    return state.members.copy(), kernel


def floor_month(members, kernel, p) -> np.ndarray:
    """The bare stocks-and-flows month: four weekly Euler sub-steps on dense arrays."""
    dt = 52.0 / 12.0 / 4
    m = members
    for _ in range(4):
        totals = m.sum(axis=1, keepdims=True)
        rate = (
            p.recruitment_rate
            - p.arrests_per_week / max(m.sum(), 1.0)
            - p.conflict_rate * (kernel @ m)
            - p.saturation_rate * totals
        )
        m = np.maximum(m + dt * m * rate, 0.0)
    return m


def time_floor(scenario, turns: int) -> float:
    """Median milliseconds of the floor month on the scenario's starting members."""
    members, kernel = floor_inputs(Game.start(scenario, seed=1).state)
    times = []
    for _ in range(turns):
        start = time.thread_time()
        floor_month(members, kernel, scenario.model)
        times.append(time.thread_time() - start)
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
        month, floor_same, at_end = time_turns(scenario, args.turns)
        floor = time_floor(scenario, args.turns)
        result = {
            "case": name,
            "turn_ms_median": round(month, 3),
            "floor_ms_median": round(floor, 3),
            "ratio": round(month / floor, 2),
            "floor_same_states_ms_median": round(floor_same, 3),
            "ratio_same_states": round(month / floor_same, 2),
            "regions": scenario.map.n,
            "factions": len(scenario.factions),
            "factions_at_end": at_end,
        }
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
