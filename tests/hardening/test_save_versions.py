"""Saves survive versions: every committed save of a past version loads and plays on, and the
upgrader chain runs its steps in order (issue 10, item 8)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from game.lab.replay import load_game_file, load_source
from game.lab.runner import Game
from game.sim import save as saves
from game.sim.save import SAVE_VERSION, SaveError, UpgradeChain, checksum, decode_save

SAVES = sorted((Path(__file__).resolve().parents[1] / "data" / "saves").glob("v*/*.json"))


def test_there_is_a_committed_save_of_every_version_up_to_this_one():
    versions = {int(p.parent.name[1:]) for p in SAVES}
    assert versions == set(range(1, SAVE_VERSION + 1))


@pytest.mark.parametrize("path", SAVES, ids=[f"{p.parent.name}/{p.name}" for p in SAVES])
def test_a_committed_save_of_a_past_version_loads_and_plays_a_month(path):
    scenario, payload = load_game_file(path)
    game = Game(scenario, payload["state"])
    turn = game.state.turn
    game.play([])
    assert game.state.turn == turn + 1
    assert load_source(path).turns == turn


def forged(payload: dict) -> bytes:
    """A save's bytes with its checksum recomputed (as an editor who knows the format would)."""
    payload = {k: v for k, v in payload.items() if k != "checksum"}
    payload["checksum"] = checksum(payload)
    return json.dumps(payload).encode("utf-8")


def raw_save() -> dict:
    """The committed save of the current version."""
    newest = [p for p in SAVES if p.parent.name == f"v{SAVE_VERSION}"]
    return json.loads(newest[0].read_bytes())


def fake_chain(step) -> UpgradeChain:
    """The real chain plus one more (fake) step from the current version."""
    chain = UpgradeChain(current=SAVE_VERSION + 1)
    chain.steps.update(saves.UPGRADES.steps)
    chain.register(SAVE_VERSION)(step)
    return chain


def test_the_chain_runs_every_step_from_the_save_version_to_the_current_one():
    chain = UpgradeChain(current=3)
    seen = []

    @chain.register(1)
    def one_to_two(payload):
        seen.append(payload["version"])
        payload["meta"]["added_in_2"] = True
        return payload

    @chain.register(2)
    def two_to_three(payload):
        seen.append(payload["version"])
        payload["meta"]["renamed"] = payload["meta"].pop("added_in_2")
        return payload

    upgraded = chain.run({"version": 1, "meta": {}}, "old.json")
    assert seen == [1, 2]
    assert upgraded == {"version": 3, "meta": {"renamed": True}}
    assert chain.run({"version": 3, "meta": {}}, "new.json") == {"version": 3, "meta": {}}


def test_a_save_from_a_newer_game_or_with_a_gap_in_the_chain_is_refused():
    chain = UpgradeChain(current=3)
    chain.register(2)(lambda p: p)
    with pytest.raises(SaveError, match="newer version"):
        chain.run({"version": 4}, "future.json")
    with pytest.raises(SaveError, match="no upgrade from save version 1"):
        chain.run({"version": 1}, "old.json")
    with pytest.raises(ValueError):
        chain.register(2)(lambda p: p)  # one step per version


def test_an_upgrader_that_trips_on_a_strange_old_save_becomes_a_save_error():
    chain = UpgradeChain(current=2)
    chain.register(1)(lambda p: p["missing"])
    with pytest.raises(SaveError, match="cannot be upgraded from save version 1"):
        chain.run({"version": 1}, "odd.json")


def test_decode_runs_the_upgraders_after_the_checksum_and_validates_the_result(monkeypatch):
    def rename_strategy(payload):
        payload["meta"]["planner"] = payload["meta"].pop("strategy")
        return payload

    monkeypatch.setattr(saves, "UPGRADES", fake_chain(rename_strategy))
    loaded = decode_save(forged(raw_save()), "v1.json")
    assert loaded["version"] == SAVE_VERSION + 1 and loaded["meta"]["planner"] == "balanced"
    tampered = raw_save()
    tampered["meta"]["strategy"] = "edited"  # the old checksum no longer matches
    with pytest.raises(SaveError, match="checksum"):
        decode_save(json.dumps(tampered).encode(), "v1.json")


def test_an_upgrade_that_produces_a_bad_state_is_refused_with_its_place(monkeypatch):
    chain = fake_chain(lambda p: {**p, "state": {**p["state"], "turn": -5}})
    monkeypatch.setattr(saves, "UPGRADES", chain)
    with pytest.raises(SaveError, match="state.turn"):
        decode_save(forged(copy.deepcopy(raw_save())), "v1.json")


def test_a_bookmark_needs_no_new_version_and_must_agree_with_the_save():
    """`meta.bookmark` (a game taken over from history) is optional: a save of this version
    without it is a game from the start; with it, it is checked against the save."""
    payload = raw_save()  # classroom_24 from 2026-03, 3 months played, no experiment
    assert "bookmark" not in payload["meta"]
    good = copy.deepcopy(payload)
    good["meta"]["bookmark"] = {"month": "2026-05", "turn": 3}
    assert decode_save(forged(good))["meta"]["bookmark"]["turn"] == 3
    late = copy.deepcopy(payload)
    late["orders"].append({"turn": 3, "kind": "hvt", "target": "x", "mode": "kill"})
    late["orders"][-1]["guaranteed"] = True
    for mark, where in (
        (
            {"month": "2026-06", "turn": 3},
            "meta.bookmark.month: turn 3 of this scenario is 2026-05",
        ),
        ({"month": "2026-08", "turn": 6}, "meta.bookmark.turn"),
        ({"month": "2026-05"}, "meta.bookmark: must be a mapping"),
        ({"month": "2026-05", "turn": True}, "meta.bookmark: must be a mapping"),
    ):
        bad = copy.deepcopy(payload)
        bad["meta"]["bookmark"] = mark
        with pytest.raises(SaveError, match=where):
            decode_save(forged(bad))
    late["meta"]["bookmark"] = {"month": "2026-05", "turn": 3}
    with pytest.raises(SaveError, match="a guaranteed operation after the bookmark"):
        decode_save(forged(late))
