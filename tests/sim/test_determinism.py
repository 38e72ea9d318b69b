"""Same seed and orders give the same game, bit for bit; saves continue exactly."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.scenario import load_scenario
from game.scenario.builder import ScenarioBuilder
from game.scenario.mapdata import synthetic_map
from game.sim.month import resolve_month
from game.sim.save import SaveError, encode_save, load_save, save_game
from game.sim.start import new_game
from game.sim.state_json import from_dict, to_dict

ROOT = Path(__file__).resolve().parents[2]


def small_world():
    builder = ScenarioBuilder(synthetic_map(6)).power_law_groups(12, 20_000, seed=3)
    return builder.rivals("g0", "g1", 1.0).build()


def play(state, scenario, turns):
    for _ in range(turns):
        state = resolve_month(state, scenario).state
    return state


def test_same_seed_gives_the_same_checksum_and_another_seed_does_not():
    scenario = small_world()
    a = play(new_game(scenario, 5), scenario, 12)
    b = play(new_game(scenario, 5), scenario, 12)
    c = play(new_game(scenario, 6), scenario, 12)
    assert a.checksum() == b.checksum()
    assert a.checksum() != c.checksum()


def test_a_turn_never_changes_the_state_it_was_given():
    scenario = small_world()
    state = new_game(scenario, 1)
    before = state.checksum()
    resolve_month(state, scenario)
    assert state.checksum() == before


def test_saved_loaded_and_continued_equals_the_uninterrupted_game(tmp_path):
    scenario = load_scenario(ROOT / "levels" / "classroom_24.yaml")  # a save holds a real level
    straight = play(new_game(scenario, 9), scenario, 10)
    halfway = play(new_game(scenario, 9), scenario, 4)
    save_game(tmp_path / "g.json", halfway, scenario.raw, [], {"note": "test"})
    loaded = load_save(tmp_path / "g.json")["state"]
    assert loaded.checksum() == halfway.checksum()
    assert play(loaded, scenario, 6).checksum() == straight.checksum()


def test_state_round_trips_through_json_exactly():
    scenario = small_world()
    state = play(new_game(scenario, 2), scenario, 3)
    again = from_dict(json.loads(json.dumps(to_dict(state))))
    assert again.checksum() == state.checksum()


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],
        lambda b: b.replace(b'"turn": 3', b'"turn": 4'),
        lambda b: b"\x00\xff garbage",
        lambda b: b.replace(b'"version": 1', b'"version": 99'),
        lambda b: b"",
    ],
    ids=["truncated", "edited", "garbage", "wrong-version", "empty"],
)
def test_a_damaged_save_gives_a_clear_error(tmp_path, damage):
    scenario = small_world()
    state = play(new_game(scenario, 2), scenario, 3)
    path = tmp_path / "bad.json"
    path.write_bytes(damage(encode_save(state, {"id": "x"}, [], {})))
    with pytest.raises(SaveError) as err:
        load_save(path)
    assert "bad.json" in str(err.value)


def test_a_missing_save_gives_a_clear_error(tmp_path):
    with pytest.raises(SaveError, match="cannot be read"):
        load_save(tmp_path / "nope.json")


def run_json(seed, hashseed):
    env = dict(os.environ, PYTHONHASHSEED=str(hashseed), PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-m", "game", "run", "--turns", "6", "--seed", str(seed), "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    return json.loads(out.stdout)


def test_two_processes_give_the_same_checksum():
    first, second = run_json(4, 1), run_json(4, 2)
    assert first["checksum"] == second["checksum"]
    assert first["end"] == second["end"]
