"""Run every benchmark and gather their JSON lines into one JSON object (with the machine).

    python bench/run_all.py [--quick]

`--quick` skips the slow lab benchmark. Each benchmark runs in its own process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
BENCHES = (
    "bench_turn.py",
    "bench_routes.py",
    "bench_hostile.py",
    "bench_ui.py",
    "bench_memory.py",
    "bench_lab.py",
)


def run(script: str) -> list[dict]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    out = subprocess.run(
        [sys.executable, str(ROOT / script)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT.parent,
    )
    if out.returncode != 0:
        return [{"error": out.stderr.strip().splitlines()[-1:] or ["failed"]}]
    return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the lab benchmark")
    args = parser.parse_args()
    machine = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "system": platform.system(),
    }
    results = {
        name.removesuffix(".py"): run(name)
        for name in BENCHES
        if (ROOT / name).exists() and not (args.quick and name == "bench_lab.py")
    }
    print(json.dumps({"machine": machine, "results": results}, indent=1))


if __name__ == "__main__":
    main()
