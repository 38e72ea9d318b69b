"""A laptop losing power mid-save: kill a saving process at random moments, many times; the
previous save must always be intact and loadable."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from game.sim.save import SaveError, load_save

ROOT = Path(__file__).resolve().parents[2]

SAVER = """
import sys
from game.lab.runner import Game
from game.scenario import load_scenario
from game.sim.save import save_game
scenario = load_scenario(sys.argv[2])
game = Game.start(scenario, 1)
k = 0
while True:  # save the same game again and again, a little different each time
    k += 1
    save_game(sys.argv[1], game.state, scenario.raw, [], {"k": k, "pad": "x" * 200000})
    print(k, flush=True)
"""


def test_killing_the_game_mid_save_never_loses_the_previous_save(tmp_path):
    path = tmp_path / "game.json"
    level = str(ROOT / "levels" / "mexico_2026.yaml")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    rng = np.random.default_rng(7)
    last_seen = 0
    for _ in range(25):
        proc = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path), level],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        first = proc.stdout.readline()  # at least one complete save exists
        assert first.strip()
        time.sleep(float(rng.uniform(0.0, 0.25)))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        try:
            payload = load_save(path)
        except SaveError as err:  # pragma: no cover - the failure this test exists to catch
            raise AssertionError(f"a killed save left a damaged file: {err}") from err
        assert payload["meta"]["k"] >= 1
        last_seen = max(last_seen, payload["meta"]["k"])
    assert last_seen >= 1
