"""Hostile saves (issue 14, items 3 and 4): whatever the bytes, `decode_save` and `load_save` give
a loaded game that plays on, or a `SaveError` saying where the save is wrong. Never another
exception, never a half-load that crashes the first month.

Most saves here are forged with a recomputed checksum, as an editor who knows the format would.
"""

from __future__ import annotations

import copy
import json
import math
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from game.lab.runner import Game
from game.scenario import load_scenario_tree
from game.scenario.difficulty import with_difficulty
from game.sim.order_types import order_from_dict
from game.sim.save import (
    MAX_SAVE_BYTES,
    Limits,
    SaveError,
    checksum,
    decode_save,
    load_save,
    read_json_bounded,
)

# A real save of the current version (the newest folder of tests/data/saves).
SAVES = Path(__file__).resolve().parents[1] / "data" / "saves"
SAVE = sorted(max(SAVES.glob("v*"), key=lambda p: int(p.name[1:])).glob("*.json"))[0]
RAW = json.loads(SAVE.read_bytes())


def forged(payload) -> bytes:
    if isinstance(payload, dict):
        payload = {k: v for k, v in payload.items() if k != "checksum"}
        payload["checksum"] = checksum(payload)
    return json.dumps(payload).encode("utf-8")


def edited(path: tuple, value) -> dict:
    tree = copy.deepcopy(RAW)
    node = tree
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return tree


def refusal(data: bytes) -> str:
    with pytest.raises(SaveError) as err:
        decode_save(data, "hostile.json")
    message = str(err.value)
    assert message.startswith("hostile.json: ")
    return message


def test_deeply_nested_brackets_are_refused_before_the_checksum():
    assert "nested" in refusal(b"[" * 2048 + b"]" * 2048)
    assert "nested" in refusal(b'{"a":' * 1000 + b"1" + b"}" * 1000)


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (("state", "seed"), math.inf, "state.seed"),
        (("state", "seed"), -1, "state.seed"),
        (("state", "seed"), 10**30, "state.seed"),
        (("state", "turn"), math.nan, "state.turn"),
        (("state", "turn"), 10**9, "state.turn"),
        (("state", "turn"), 1e9, "state.turn"),
        (("state", "splits"), math.inf, "state.splits"),
        (("state", "splits"), -3, "state.splits"),
        (("meta",), [1, 2], "meta"),
        (("state", "members"), "many", "state"),
        (("state", "factions"), 5, "state"),
        (("state", "budget"), "lots", "state"),
        (("state", "allocation", "nonsense@3"), 1.0, "state.allocation['nonsense@3']"),
        (("state", "allocation", "police@999"), 1.0, "state.allocation['police@999']"),
        (("state", "allocation", "prisons"), math.nan, "state.allocation.prisons"),
        (("meta", "national"), [[1, 2]], "meta.national[0]"),
        (("meta", "pending"), [{"turn": 4, "kind": "hvt"}], "meta.pending[0]"),
        (("meta", "pending"), [{"turn": 4, "kind": "hvt", "target": 7}], "meta.pending[0]"),
        (("orders", 0, "pesos"), "free", "orders[0].pesos"),
        (("state", "factions", 1, "leader", "home"), 999, "state.factions[1].leader.home"),
        (("state", "factions", 1, "id"), RAW["state"]["factions"][0]["id"], "state.factions[1].id"),
        (("state", "status"), "winning", "state.status"),
        (("scenario", "turns"), 0, "scenario.turns"),
        (("scenario", "name"), "Ti\x00ny", "scenario.name"),
    ],
)
def test_a_forged_save_is_refused_with_the_place_of_the_problem(path, value, where):
    assert f"hostile.json: {where}" in refusal(forged(edited(path, value)))


def test_negative_or_huge_members_are_refused():
    members = copy.deepcopy(RAW["state"]["members"])
    members[0][0] = -5.0
    assert "state.members" in refusal(forged(edited(("state", "members"), members)))
    members[0][0] = 1e300
    assert "state.members" in refusal(forged(edited(("state", "members"), members)))


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as fh:
        fh.truncate(198 * 1024 * 1024)  # sparse: the size alone must refuse it
    with pytest.raises(SaveError, match="too large"):
        load_save(big)


def test_a_file_of_millions_of_empty_lists_is_refused_without_parsing(tmp_path):
    many = tmp_path / "many.json"
    many.write_bytes(b"[" + b"[]," * (MAX_SAVE_BYTES // 3 - 10) + b"[]]")
    with pytest.raises(SaveError, match="lists and mappings"):
        load_save(many)


def test_the_bounded_reader_refuses_deep_settings_files(tmp_path):
    settings_file = tmp_path / "settings.json"
    settings_file.write_text('{"a":' * 5000 + "1" + "}" * 5000, encoding="utf-8")
    with pytest.raises(ValueError, match="nested"):
        read_json_bounded(settings_file, Limits(64 * 1024, 8, 10_000, 100_000))


# --- any edit, with a recomputed checksum: loads and plays, or refused ----------------------


def paths(tree, prefix=()):
    """Paths into the save: every mapping key and list entry, but only the ends of long lists."""
    yield prefix
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield from paths(v, (*prefix, k))
    elif isinstance(tree, list):
        picks = range(len(tree)) if len(tree) <= 3 else (0, len(tree) - 1)
        for i in picks:
            yield from paths(tree[i], (*prefix, i))


PATHS = [p for p in paths(RAW) if p and p != ("checksum",)]
NASTY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**25), max_value=10**25),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e300, -1e-300, 0, -1, 2**63, 999, "", "x\x00y", "\ud800", "cjng"]),
    st.text(max_size=12),
    st.lists(st.integers(-2, 40), max_size=4),
    st.dictionaries(st.text(max_size=6), st.integers(), max_size=2),
)


def plays_a_month(payload: dict) -> None:
    scenario = with_difficulty(
        load_scenario_tree(payload["scenario"]), payload["meta"].get("difficulty") or "normal"
    )
    game = Game(scenario, payload["state"])
    pending = [order_from_dict(o)[1] for o in payload["meta"].get("pending", [])]
    game.play(pending + [o for t, o in map(order_from_dict, payload["orders"]) if t == 1])


@settings(
    max_examples=int(os.environ.get("HYDRA_SAVE_FUZZ", "80")),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(path=st.sampled_from(PATHS), op=st.sampled_from(["replace", "delete"]), value=NASTY)
@example(path=("state", "turn"), op="replace", value=10**9)
@example(path=("meta",), op="replace", value=[1])
@example(path=("state", "approval"), op="replace", value=-1.0)
@example(path=("state", "route_next", 0), op="replace", value=0.5)
@example(path=("state", "troops"), op="delete", value=None)
def test_any_edited_save_loads_and_plays_a_month_or_is_refused(path, op, value):
    tree = copy.deepcopy(RAW)
    node = tree
    for step in path[:-1]:
        node = node[step]
    if op == "delete":
        del node[path[-1]]
    else:
        node[path[-1]] = value
    try:
        payload = decode_save(forged(tree), "edited.json")
    except SaveError as err:
        assert str(err).startswith("edited.json: ")
        return
    plays_a_month(payload)
