"""The envelope of a save, checked before anything is built from it.

A save is plain JSON: every number must be finite, every text free of control characters, the
top-level keys known, `meta` a mapping whose known keys have their documented shapes, the seed and
the turn whole numbers within bounds, and every order (the log and the desktop game's pending
orders) one that `order_from_dict` can rebuild, with fields of the right types. Each problem is
located by its path (`state.turn: ...`, `orders[3].target: ...`). The state's contents are
checked after it is built (`game.sim.save.checks`).

`meta.bookmark` (optional, save version 2 onwards; a save without one is a game played from the
start) marks a game taken over from history: {"month": "2012-12", "turn": 73}, the first month
the player planned. It must agree with the rest of the save, because replays rely on it: the
month is the scenario's month of that turn, the state has reached it and is no experiment, and
every guaranteed operation of the order log comes before it (history's, not the player's).
"""

from __future__ import annotations

import dataclasses
import math
import re

import numpy as np

from game.limits import MAX_SEED, MAX_TURNS
from game.scenario.errors import format_path, shorten
from game.scenario.text import text_problem
from game.scenario.types import DIFFICULTY

TOP_KEYS = ("format", "version", "meta", "scenario", "state", "orders")
MAX_ORDERS = 100_000
MAX_PENDING = 1_000
MAX_TEXT = 100_000
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def envelope_problems(payload: dict) -> list[str]:
    """Every problem of the save's envelope (empty when it may be built)."""
    problems = [f"{k}: unknown key" for k in payload if k not in TOP_KEYS]
    problems += [f"{k}: required key is missing" for k in TOP_KEYS if k not in payload]
    problems += plain_problems(payload)
    if problems:
        return problems
    for key, kind in (("meta", dict), ("scenario", dict), ("state", dict), ("orders", list)):
        if not isinstance(payload[key], kind):
            problems.append(f"{key}: must be a {_KIND[kind]}, got {_kind(payload[key])}")
    if problems:
        return problems
    problems += _state_header(payload["state"])
    problems += meta_problems(payload["meta"])
    problems += orders_problems("orders", payload["orders"], MAX_ORDERS)
    if not problems and "bookmark" in payload["meta"]:
        problems += bookmark_problems(payload)
    return problems


def bookmark_problems(payload: dict) -> list[str]:
    """Problems of `meta.bookmark` (see the module's docstring), on the plain JSON."""
    mark, state = payload["meta"]["bookmark"], payload["state"]
    shape = "must be a mapping {month: YYYY-MM, turn: N} (the month the player took over)"
    if not isinstance(mark, dict) or set(mark) != {"month", "turn"}:
        return [f"meta.bookmark: {shape}"]
    month, turn = mark["month"], mark["turn"]
    if not (isinstance(month, str) and _MONTH.fullmatch(month)) or not whole(turn, 1, MAX_TURNS):
        return [f"meta.bookmark: {shape}"]
    start = payload["scenario"].get("start")
    if isinstance(start, str) and _MONTH.fullmatch(start):
        first = int(start[:4]) * 12 + int(start[5:7]) + turn - 1
        expected = f"{(first - 1) // 12:04d}-{(first - 1) % 12 + 1:02d}"
        if month != expected:
            return [f"meta.bookmark.month: turn {turn} of this scenario is {expected}, not {month}"]
    problems = []
    if state["turn"] < turn - 1:
        problems.append(f"meta.bookmark.turn: {turn}, but the state has played {state['turn']}")
    if state.get("experiment") is not False:
        problems.append("state.experiment: a game taken over from history is no experiment")
    late = [i for i, o in enumerate(payload["orders"]) if o.get("guaranteed") and o["turn"] >= turn]
    if late:
        problems.append(f"orders[{late[0]}]: a guaranteed operation after the bookmark")
    return problems


_KIND = {dict: "mapping", list: "list", str: "text", int: "whole number", float: "number"}


def _kind(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    return _KIND.get(type(value), "null" if value is None else type(value).__name__)


def plain_problems(tree, limit: int = 12) -> list[str]:
    """Non-finite numbers and texts with control characters anywhere in a JSON tree."""
    problems: list[str] = []
    stack: list[tuple[tuple, object]] = [((), tree)]
    while stack and len(problems) < limit:
        loc, value = stack.pop()
        if isinstance(value, dict):
            for key, child in value.items():
                problem = text_problem(key) if len(key) <= MAX_TEXT else "key is too long"
                if problem:
                    problems.append(f"{format_path(loc)}: a key {problem}")
                stack.append(((*loc, key), child))
        elif isinstance(value, list):
            if not _finite_numbers(value):
                stack.extend(((*loc, i), child) for i, child in enumerate(value))
        else:
            problem = _leaf_problem(value)
            if problem:
                problems.append(f"{format_path(loc) or '(top)'}: {problem}")
    return problems


def _finite_numbers(values: list) -> bool:
    """True for a (nested) list of finite numbers only: checked at numpy speed."""
    if not values or not all(type(v) in (float, int, list) for v in values):
        return False
    try:
        arr = np.asarray(values, dtype=np.float64)
    except (ValueError, TypeError, OverflowError):
        return False
    return bool(np.isfinite(arr).all())


def _leaf_problem(value) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number, got {value}"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 1e300:
        return "a number too large"
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            return f"a text of {len(value):,} characters; at most {MAX_TEXT:,}"
        return text_problem(value, multiline=True)
    return None


def whole(value, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _state_header(state: dict) -> list[str]:
    problems = []
    if not whole(state.get("seed"), 0, MAX_SEED):
        problems.append(f"state.seed: must be a whole number from 0 to {MAX_SEED}")
    if not whole(state.get("turn"), 0, MAX_TURNS):
        problems.append(f"state.turn: must be a whole number from 0 to {MAX_TURNS}")
    return problems


def meta_problems(meta: dict) -> list[str]:
    """The known keys of `meta` in their documented shapes; other keys are free."""
    problems = []
    for key in ("strategy", "scenario_file", "app", "scenario_id"):
        if key in meta and not isinstance(meta[key], str):
            problems.append(f"meta.{key}: must be text, got {_kind(meta[key])}")
    for key in ("scenario_name", "scenario_name_es"):
        value = meta.get(key, "")
        problem = text_problem(value) if isinstance(value, str) else "must be text"
        if problem:
            problems.append(f"meta.{key}: {problem}")
    if "difficulty" in meta and meta["difficulty"] not in DIFFICULTY:
        problems.append(f"meta.difficulty: must be one of {', '.join(DIFFICULTY)}")
    if "turn" in meta and not whole(meta["turn"], 0, MAX_TURNS):
        problems.append(f"meta.turn: must be a whole number from 0 to {MAX_TURNS}")
    date = meta.get("date", "")
    if not (isinstance(date, str) and (date == "" or _MONTH.fullmatch(date))):
        problems.append(f"meta.date: must be a month as YYYY-MM, got {shorten(date)}")
    problems += _national_problems(meta.get("national", []))
    problems += _history_problems(meta.get("history", {}))
    return problems + orders_problems("meta.pending", meta.get("pending", []), MAX_PENDING)


def _national_problems(rows) -> list[str]:
    if not isinstance(rows, list) or len(rows) > MAX_TURNS + 1:
        return [f"meta.national: must be a list of at most {MAX_TURNS + 1} months"]
    for i, row in enumerate(rows):
        where = f"meta.national[{i}]"
        if not isinstance(row, dict) or row.get("turn") != i or type(row.get("turn")) is not int:
            return [f"{where}: must be the mapping of month {i} (with turn: {i})"]
        if not isinstance(row.get("date"), str):
            return [f"{where}.date: must be text"]
        bad = [k for k, v in row.items() if k != "date" and type(v) not in (int, float)]
        if bad:
            return [f"{where}.{bad[0]}: must be a number"]
    return []


def _history_problems(history) -> list[str]:
    if not isinstance(history, dict):
        return [f"meta.history: must be a mapping, got {_kind(history)}"]
    problems = []
    for key in ("regional_homicides", "drug_flow", "spent", "moments"):
        value = history.get(key, [])
        if not isinstance(value, list) or len(value) > MAX_TURNS + 1:
            problems.append(f"meta.history.{key}: must be a list of at most {MAX_TURNS + 1}")
        elif key == "moments" and not all(isinstance(m, dict) for m in value):
            problems.append(f"meta.history.{key}: must be a list of mappings")
        elif key == "regional_homicides" and not all(
            isinstance(row, list) and _finite_numbers(row) or row == [] for row in value
        ):
            problems.append(f"meta.history.{key}: must be a list of lists of numbers")
        elif key in ("drug_flow", "spent") and value and not _finite_numbers(value):
            problems.append(f"meta.history.{key}: must be a list of numbers")
    return problems


def orders_problems(where: str, items, limit: int) -> list[str]:
    """Problems of an order list: each entry must rebuild into an order of the right types."""
    if not isinstance(items, list):
        return [f"{where}: must be a list of orders, got {_kind(items)}"]
    if len(items) > limit:
        return [f"{where}: {len(items):,} orders; at most {limit:,}"]
    problems: list[str] = []
    for i, item in enumerate(items):
        problems += order_problems(f"{where}[{i}]", item)
        if len(problems) >= 12:
            break
    return problems


# The field types orders declare (their annotations are strings: `from __future__ import
# annotations`). A type not listed is accepted as any plain value.
_FIELD_TYPES = {
    "str": lambda v: isinstance(v, str),
    "bool": lambda v: isinstance(v, bool),
    "int": lambda v: whole(v, -(2**63), 2**63 - 1),
    "float": lambda v: type(v) in (int, float) and math.isfinite(v),
    "int | None": lambda v: v is None or whole(v, -(2**63), 2**63 - 1),
    "str | None": lambda v: v is None or isinstance(v, str),
    "float | None": lambda v: v is None or (type(v) in (int, float) and math.isfinite(v)),
}


def order_problems(where: str, item) -> list[str]:
    """The problems of one order-log entry (empty when `order_from_dict` rebuilds it)."""
    from game.sim.order_types import ORDER_TYPES, order_from_dict

    if not isinstance(item, dict):
        return [f"{where}: an order is a mapping, got {_kind(item)}"]
    if not whole(item.get("turn"), 1, MAX_TURNS + 1):
        return [f"{where}.turn: must be a month from 1 to {MAX_TURNS + 1}"]
    cls = ORDER_TYPES.get(item.get("kind")) if isinstance(item.get("kind"), str) else None
    if cls is None:
        return [f"{where}.kind: unknown order kind {shorten(item.get('kind'))}"]
    problems = []
    for f in dataclasses.fields(cls):
        check = _FIELD_TYPES.get(str(f.type))
        if f.name in item and check is not None and not check(item[f.name]):
            problems.append(f"{where}.{f.name}: must be {f.type}, got {_kind(item[f.name])}")
    if problems:
        return problems
    try:
        order_from_dict(item)
    except ValueError as exc:
        return [f"{where}: {exc}"]
    return []
