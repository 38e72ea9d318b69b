"""A laptop losing power mid-save: the previous save must always be intact and loadable.

The failure is injected at chosen byte offsets of the write, at the flush, the fsync and the
rename, so a writer that is not atomic fails every time; a few real SIGKILLs of a saving process
check the same from outside. No temporary file may be left behind by a failure we survive, and
those left by a kill are cleaned up by the next save.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.scenario import load_scenario
from game.sim.save import files, load_save, save_game
from game.sim.start import new_game

ROOT = Path(__file__).resolve().parents[2]
LEVEL = ROOT / "levels" / "classroom_24.yaml"


class Killed(BaseException):
    """Stands for the process dying: not an Exception, so nothing may swallow it."""


@pytest.fixture(scope="module")
def world():
    scenario = load_scenario(LEVEL)
    return scenario, new_game(scenario, 1)


def save(path, world, k):
    scenario, state = world
    save_game(path, state, scenario.raw, [], {"k": k, "pad": list(range(20_000))})


def temporaries(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


def size_of_a_save(tmp_path, world) -> int:
    probe = tmp_path / "probe" / "game.json"
    save(probe, world, 0)
    return probe.stat().st_size


@pytest.mark.parametrize("fraction", [0.0, 1e-6, 0.25, 0.5, 0.999, 1.0])
def test_a_save_killed_at_any_byte_leaves_the_previous_save_whole(
    tmp_path, world, monkeypatch, fraction
):
    path = tmp_path / "game.json"
    save(path, world, 1)
    offset = int(fraction * size_of_a_save(tmp_path, world))

    def dies_after_offset(fh, data):
        fh.write(data[:offset])
        raise Killed

    monkeypatch.setattr(files, "write_all", dies_after_offset)
    with pytest.raises(Killed):
        save(path, world, 2)
    assert load_save(path)["meta"]["k"] == 1
    assert temporaries(tmp_path) == []


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_save_failing_at_the_fsync_or_the_rename_leaves_the_previous_save_whole(
    tmp_path, world, monkeypatch, step
):
    path = tmp_path / "game.json"
    save(path, world, 1)

    def fails(*args):
        raise Killed

    monkeypatch.setattr(files.os, step, fails)
    with pytest.raises(Killed):
        save(path, world, 2)
    monkeypatch.undo()
    assert load_save(path)["meta"]["k"] == 1
    assert temporaries(tmp_path) == []


def test_temporaries_left_by_a_killed_save_are_removed_by_the_next_save(tmp_path, world):
    path = tmp_path / "game.json"
    stale, fresh = tmp_path / ".game.json.dead1.tmp", tmp_path / ".game.json.busy2.tmp"
    stale.write_bytes(b"half a save")
    fresh.write_bytes(b"another save in progress")
    old = time.time() - 2 * files.STALE_SECONDS
    os.utime(stale, (old, old))
    save(path, world, 1)
    assert temporaries(tmp_path) == [fresh]  # a minute-young one may be another save's


SAVER = """
import sys
from game.scenario import load_scenario
from game.sim.save import save_game
from game.sim.start import new_game
scenario = load_scenario(sys.argv[2])
state = new_game(scenario, 1)
k = 0
while True:  # save the same game again and again, a little different each time
    k += 1
    save_game(sys.argv[1], state, scenario.raw, [], {"k": k, "pad": list(range(100_000))})
    print(k, flush=True)
"""


def test_killing_a_saving_process_never_loses_the_previous_save(tmp_path):
    path = tmp_path / "game.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for delay in (0.0, 0.01, 0.03, 0.07, 0.13):
        proc = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path), str(LEVEL)],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        assert proc.stdout.readline().strip()  # at least one complete save exists
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        assert load_save(path)["meta"]["k"] >= 1
