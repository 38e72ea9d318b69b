"""Median time of one `route_flows` call on the Mexico map and on synthetic maps.

Prints one JSON object per line: {"case", "regions", "route_ms_median"}.
Targets: the 32-state Mexico map under 1 ms; 2,469 regions (municipality scale) under 30 ms.
Run: python bench/bench_routes.py [--repeats N]
"""

from __future__ import annotations

from game.blas import single_threaded

single_threaded()  # before numpy is imported

import argparse
import json
import statistics
import time

import numpy as np

from game.scenario.mapdata import load_mexico_map, synthetic_map
from game.sim.routes import route_flows


def time_routes(map_data, repeats: int, warmup: int = 3) -> float:
    net = map_data.graph
    supply = 100.0 * net.supply
    rng = np.random.default_rng([0, map_data.n])
    extra_cost = rng.uniform(0.0, 1.0, map_data.n)  # a realistic spread of interdiction and tolls
    seizure_rate = rng.uniform(0.0, 0.05, map_data.n)
    times = []
    for k in range(warmup + repeats):
        start = time.thread_time()
        route_flows(net, supply, extra_cost, seizure_rate)
        if k >= warmup:
            times.append(time.thread_time() - start)
    return statistics.median(times) * 1000.0


def cases():
    yield "mexico_states", load_mexico_map()
    for regions in (512, 2469):
        yield f"synthetic_{regions}", synthetic_map(regions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args()
    for name, map_data in cases():
        result = {
            "case": name,
            "regions": map_data.n,
            "route_ms_median": round(time_routes(map_data, args.repeats), 3),
        }
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
