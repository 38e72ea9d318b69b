"""Saves: versioned JSON with a checksum, written atomically, read as untrusted input.

A save holds the validated scenario tree (so it loads without the original file), the state, the
order log and free metadata. The checksum is a sha256 over the canonical JSON of everything else,
so any edit or truncation is caught. Loading is a pipeline in which every step can only refuse,
with a located `SaveError`, and nothing else ever leaves `decode_save` or `load_save`:

1. bounded reading (size before reading, brackets, values and depth before parsing; game/jsonread.py)
2. format and checksum
3. upgraders from older save versions (upgrade.py)
4. the envelope: plain values, meta, orders, seed and turn (envelope.py)
5. the scenario tree, re-validated by the scenario loader
6. the state, built by `from_dict` and checked by `validate_state` (checks.py)

Writing (files.py) refuses anything but a regular file and never leaves half a file.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from game.jsonread import (
    MAX_SAVE_BYTES,
    SAVE_LIMITS,
    JsonRefused,
    Limits,
    parse_json_bounded,
    read_json_bounded,
)
from game.sim.save import v1  # noqa: F401  (the upgrader from save version 1)
from game.sim.save.checks import validate_state
from game.sim.save.envelope import envelope_problems
from game.sim.save.errors import SaveError, refuse
from game.sim.save.files import check_target, clean_stale_temporaries, write_atomic
from game.sim.save.upgrade import SAVE_VERSION, UPGRADES, UpgradeChain
from game.sim.state import GameState
from game.sim.state_json import from_dict, to_dict

__all__ = [
    "MAX_SAVE_BYTES",
    "SAVE_FORMAT",
    "SAVE_LIMITS",
    "SAVE_VERSION",
    "UPGRADES",
    "JsonRefused",
    "Limits",
    "SaveError",
    "UpgradeChain",
    "check_target",
    "clean_stale_temporaries",
    "decode_save",
    "encode_save",
    "load_save",
    "read_json_bounded",
    "save_game",
    "validate_state",
    "write_atomic",
]

SAVE_FORMAT = "hydra-save"


def _canonical(payload: dict) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def checksum(payload: dict) -> str:
    """The sha256 of a save's payload without its checksum (tests forge saves with it)."""
    body = {k: v for k, v in payload.items() if k != "checksum"}
    return hashlib.sha256(_canonical(body)).hexdigest()


def encode_save(state: GameState, scenario_tree: dict, order_log: list, meta: dict) -> bytes:
    """The bytes of a save file."""
    payload = {
        "format": SAVE_FORMAT,
        "version": SAVE_VERSION,
        "meta": meta,
        "scenario": scenario_tree,
        "state": to_dict(state),
        "orders": order_log,
    }
    payload["checksum"] = checksum(payload)
    return json.dumps(payload, sort_keys=True, default=str).encode("utf-8")


def save_game(path, state: GameState, scenario_tree: dict, order_log=(), meta=None) -> None:
    write_atomic(path, encode_save(state, scenario_tree, list(order_log), dict(meta or {})))


def decode_save(data: bytes, name: str = "save") -> dict:
    """Check and parse save bytes: {'meta', 'scenario' (tree), 'state' (GameState), 'orders'}.

    Raises:
        SaveError: with every problem located, whatever the bytes.
    """
    try:
        payload = parse_json_bounded(data, SAVE_LIMITS)
    except JsonRefused as exc:
        raise SaveError(f"{name}: not a Hydra save ({exc})") from None
    if not isinstance(payload, dict) or payload.get("format") != SAVE_FORMAT:
        raise SaveError(f"{name}: not a Hydra save file")
    stored = payload.pop("checksum", None)
    if stored != checksum(payload):
        raise SaveError(f"{name}: the save is damaged or was edited (checksum does not match)")
    payload = UPGRADES.run(payload, name)
    problems = envelope_problems(payload)
    if problems:
        raise refuse(name, problems)
    scenario = _scenario(payload, name)
    payload["state"] = _state(payload["state"], scenario, name)
    payload["loaded_scenario"] = scenario  # validated, at the save's difficulty
    return payload


def _scenario(payload: dict, name: str):
    """The save's scenario, re-validated by the scenario loader, at the save's difficulty."""
    from game.scenario import ScenarioError, load_scenario_tree

    difficulty = payload["meta"].get("difficulty") or "normal"
    try:
        return load_scenario_tree(payload["scenario"], name, difficulty=difficulty)
    except ScenarioError as exc:
        raise refuse(name, [f"scenario.{p.path}: {p.message}" for p in exc.problems]) from None


def _state(tree: dict, scenario, name: str) -> GameState:
    try:
        state = from_dict(tree)
    except KeyError as exc:
        raise refuse(name, [f"state.{exc.args[0]}: required key is missing"]) from None
    except (TypeError, ValueError, OverflowError, AttributeError, IndexError) as exc:
        raise refuse(name, [f"state: cannot be built ({exc})"]) from None
    problems = validate_state(state, scenario)
    if problems:
        raise refuse(name, problems)
    return state


def load_save(path) -> dict:
    """Read a save file (see `decode_save`); the size is checked before a byte is read."""
    path = Path(path)
    try:
        if os.stat(path).st_size > MAX_SAVE_BYTES:
            raise SaveError(f"{path}: too large to be a Hydra save (over 64 MB)")
        with open(path, "rb") as fh:
            data = fh.read(MAX_SAVE_BYTES + 1)
    except OSError as exc:
        raise SaveError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return decode_save(data, str(path))
