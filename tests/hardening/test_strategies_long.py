"""Every scripted strategy plays fifty years of `mexico_2026` without a hang, within its own time
limit (a hang fails, it does not stall CI), with dissolved factions compacted away and memory
bounded.

Each run is a subprocess with a timeout, two at a time (all nine take about 150 s on two cores;
the slowest, conditional targeting, about 60 s). Marked slow; CI runs it. The history planner
plays its own level past its last scripted month.
"""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from game.ai.strategies import STRATEGIES
from game.limits import MAX_ORGANISATIONS
from tests.hardening.conftest import ROOT

LEVEL = {"history": "history_2006.yaml"}  # the history planner reads its own calendar
MONTHS = 600
TIME_LIMIT = 400  # seconds for one run, two at a time: a 600-month run takes 6-60 s on a core
MAX_RSS_MB = 1024

PLAYER = """
import json, resource, sys
from game.blas import single_threaded
single_threaded()
from game.lab.runner import run_game
from game.scenario import load_scenario
scenario = load_scenario(sys.argv[1])
game = run_game(scenario, sys.argv[2], int(sys.argv[3]), seed=1)
state = game.state
print(json.dumps({
    "turn": state.turn,
    "rows": state.n_factions,
    "stale": sum(f.dissolved is not None and f.dissolved < state.turn for f in state.factions),
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def play(strategy: str) -> tuple[str, dict | str]:
    """(strategy, the run's numbers) or (strategy, what went wrong)."""
    level = ROOT / "levels" / LEVEL.get(strategy, "mexico_2026.yaml")
    months = MONTHS
    try:
        proc = subprocess.run(
            [sys.executable, "-c", PLAYER, str(level), strategy, str(months)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=TIME_LIMIT,
        )
    except subprocess.TimeoutExpired:
        return strategy, f"{months} months did not finish in {TIME_LIMIT} s (a hang?)"
    if proc.returncode != 0:
        return strategy, proc.stderr[-2000:]
    return strategy, json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_every_strategy_plays_fifty_years_of_mexico_within_time_and_memory():
    with ThreadPoolExecutor(2) as pool:
        results = dict(pool.map(play, sorted(STRATEGIES)))
    failed = {s: r for s, r in results.items() if isinstance(r, str)}
    assert not failed, failed
    for strategy, result in results.items():
        assert result["turn"] == MONTHS, (strategy, result)
        assert result["stale"] == 0, (strategy, result)  # dissolved rows are compacted away
        # at most the bound on organisations alive, and this month's dissolved
        assert result["rows"] <= MAX_ORGANISATIONS + 10, (strategy, result)
        assert result["rss_mb"] < MAX_RSS_MB, (strategy, result)
