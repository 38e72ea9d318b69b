"""Peak memory of a 120-month `mexico_2026` game, and of the lab with 2 jobs.

Prints one JSON line: {"game_peak_mb", "lab_peak_mb", "lab_runs"}. Targets: game under 300 MB,
lab (2 jobs, 5 strategies x 4 seeds x 120 months) under 1 GB. Each is measured in a fresh
process, so one does not inflate the other.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEVEL = ROOT / "levels" / "mexico_2026.yaml"

GAME = f"""
from game.blas import single_threaded; single_threaded()
import resource
from game.lab.runner import run_game
from game.scenario import load_scenario
run_game(load_scenario({str(LEVEL)!r}), "balanced", 120, 1)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

LAB = f"""
import resource, tempfile
from game.cli import main
with tempfile.TemporaryDirectory() as out:
    main(["lab", "--scenario", {str(LEVEL)!r}, "--strategies",
          "passive,decapitation,militarize,prevention,balanced", "--seeds", "4", "--turns", "120",
          "--jobs", "2", "--out", out])
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(me + 2 * kids)  # the parent plus two workers at their peak at once (an upper bound)
"""


def peak_mb(code: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return int(out.stdout.strip().splitlines()[-1]) / 1024.0  # ru_maxrss is in KiB on Linux


def main() -> None:
    result = {
        "game_peak_mb": round(peak_mb(GAME), 1),
        "lab_peak_mb": round(peak_mb(LAB), 1),
        "lab_runs": 20,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
