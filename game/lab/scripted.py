"""Scripted orders from a YAML file, for `hydra run --orders FILE.yaml`.

    - {turn: 3, order: hvt, target: cjng.leader, mode: kill, guaranteed: true}
    - {turn: 5, order: interdict, region: TAM, level: 0.8}

Every problem is reported at once with its place (`orders[1].region: unknown region 'Tamps'`).
Whether an order is legal is decided again at its turn, by the same validation as in play.
"""

from __future__ import annotations

from pathlib import Path

from game.scenario.errors import Problem, ScenarioError, did_you_mean
from game.scenario.names import RegionNames
from game.scenario.reading import parse_yaml, read_text
from game.scenario.types import Scenario
from game.sim.operations import HVT, MODES, Interdict
from game.sim.orders import Order

FIELDS = {
    "hvt": {"turn", "order", "target", "mode", "guaranteed"},
    "interdict": {"turn", "order", "region", "level"},
}


def load_orders(path: str | Path, scenario: Scenario) -> dict[int, list[Order]]:
    """Orders by turn from a file; ScenarioError listing every problem."""
    source = str(path)
    tree = parse_yaml(read_text(path), source)
    if not isinstance(tree, list):
        raise ScenarioError([Problem("", "an orders file is a list of orders", source)])
    problems: list[str] = []
    by_turn: dict[int, list[Order]] = {}
    for i, item in enumerate(tree):
        where = f"orders[{i}]"
        order, errors = _one(item, scenario)
        problems += [f"{where}{e}" for e in errors]
        if order is not None:
            by_turn.setdefault(item["turn"], []).append(order)
    if problems:
        raise ScenarioError([Problem(*p.split(": ", 1), source) for p in problems])
    return by_turn


def _one(item, scenario: Scenario) -> tuple[Order | None, list[str]]:
    if not isinstance(item, dict):
        return None, [": each order is a mapping like {turn: 3, order: hvt, ...}"]
    kind = item.get("order")
    if kind not in FIELDS:
        return None, [f".order: unknown order {kind!r}{did_you_mean(kind, FIELDS)}"]
    errors = [
        f".{k}: unknown key{did_you_mean(k, FIELDS[kind])}" for k in item if k not in FIELDS[kind]
    ]
    turn = item.get("turn")
    if isinstance(turn, bool) or not isinstance(turn, int) or not 1 <= turn <= 1200:
        errors.append(f".turn: must be a whole number from 1 to 1200, not {turn!r}")
    order, more = (_hvt if kind == "hvt" else _interdict)(item, scenario)
    errors += more
    return (None if errors else order), errors


def _hvt(item, scenario: Scenario):
    errors = []
    target, mode = item.get("target"), item.get("mode", "capture")
    people = {
        p.id for f in scenario.factions for p in ((f.leader,) if f.leader else ()) + f.lieutenants
    }
    leaders = {f"{f.id}.leader" for f in scenario.factions if not f.local}
    if not isinstance(target, str):
        errors.append(".target: a person id or 'faction.leader' is required")
    elif target.endswith(".leader"):
        if not _faction_may_exist(target[: -len(".leader")], scenario):
            hint = did_you_mean(target, leaders)
            errors.append(f".target: no faction {target[: -len('.leader')]!r} in {target!r}{hint}")
    elif target not in people:
        errors.append(f".target: unknown person {target!r}{did_you_mean(target, people | leaders)}")
    if mode not in MODES:
        errors.append(f".mode: must be 'capture' or 'kill', not {mode!r}")
    guaranteed = item.get("guaranteed", False)
    if not isinstance(guaranteed, bool):
        errors.append(".guaranteed: must be true or false")
    if errors:
        return None, errors
    return HVT(target, mode, guaranteed), []


def _faction_may_exist(fid: str, scenario: Scenario) -> bool:
    """A faction of the scenario, or a splinter one may become (splinter ids extend their
    parent's: `cjng_el_sapo`); whether it exists is decided again at the order's turn."""
    return any(fid == f.id or fid.startswith(f"{f.id}_") for f in scenario.factions)


def _interdict(item, scenario: Scenario):
    errors = []
    names = RegionNames(scenario.map)
    region = names.find(item.get("region"))
    if region is None:
        errors.append(f".region: {names.unknown(item.get('region'))}")
    level = item.get("level", 1.0)
    if isinstance(level, bool) or not isinstance(level, int | float) or not 0 <= level <= 1:
        errors.append(f".level: must be a number from 0 to 1, not {level!r}")
    if errors:
        return None, errors
    return Interdict(region, float(level)), []
