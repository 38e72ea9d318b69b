"""Lab throughput: 5 strategies x 20 seeds x 120 months of mexico_2026 with 2 jobs (target < 60 s).

Prints one JSON line: {"lab_s": ..., "runs": 100, "jobs": 2}.
"""

from game.blas import single_threaded

single_threaded()  # before numpy is imported, here and in the worker processes

import json
import time
from pathlib import Path

from game.lab.batch import BatchSpec, run_batch

MEXICO = str(Path(__file__).resolve().parents[1] / "levels" / "mexico_2026.yaml")
STRATEGIES = ("passive", "decapitation", "militarize", "institutions", "balanced")


def main() -> None:
    spec = BatchSpec(MEXICO, STRATEGIES, seeds=20, turns=120)
    start = time.perf_counter()
    run_batch(spec, jobs=2)
    elapsed = time.perf_counter() - start
    print(json.dumps({"lab_s": round(elapsed, 2), "runs": len(spec.tasks()), "jobs": 2}))


if __name__ == "__main__":
    main()
