"""The state as JSON: written field by field from its declaration (`SPECS` in game/sim/state.py)
and read back with an error that names the field on any malformed input (a broken or hostile
save loses nothing: game/sim/save reads through here).
"""

from __future__ import annotations

import numpy as np

from game.scenario.types import Faction
from game.sim.state import SPECS, Axis, GameState, Spec, check_shapes


def to_dict(state: GameState) -> dict:
    """A JSON-ready dict of the state (arrays as nested lists)."""
    out = {}
    for name, spec in SPECS.items():
        value = getattr(state, name)
        if spec.dtype is Faction:
            out[name] = [x.to_dict() for x in value]
        elif isinstance(value, np.ndarray):
            out[name] = value.tolist()
        elif isinstance(value, tuple):
            out[name] = list(value)
        elif isinstance(value, dict):
            out[name] = dict(value)
        else:
            out[name] = value
    return out


def from_dict(d: dict) -> GameState:
    """The inverse of `to_dict`; ValueError naming the field on any malformed input."""
    if not isinstance(d, dict):
        raise ValueError("the state is not a mapping")
    missing = [name for name in SPECS if name not in d]
    if missing:
        raise ValueError(f"missing fields: {', '.join(missing)}")
    unknown = sorted(set(d) - set(SPECS))
    if unknown:
        raise ValueError(f"unknown fields: {', '.join(map(str, unknown))[:200]}")
    kwargs = {}
    for name, spec in SPECS.items():
        try:
            kwargs[name] = _read(d[name], spec)
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            raise ValueError(f"{name}: {exc}") from None
    state = GameState(**kwargs)
    check_shapes(state)
    return state


def _read(value, spec: Spec):
    if spec.dtype is Faction:
        if not isinstance(value, list):
            raise TypeError("expected a list of factions")
        return tuple(Faction.from_dict(x) for x in value)
    if spec.axis is not Axis.SCALAR:
        arr = np.array(value, dtype=np.float64)
        if not np.isfinite(arr).all():
            raise ValueError("non-finite numbers")
        if spec.dtype is int:
            if (arr != np.round(arr)).any():
                raise ValueError("expected whole numbers")
            return arr.astype(np.int64)
        return arr
    return _read_scalar(value, spec.dtype)


def _read_scalar(value, dtype: type):
    if dtype is dict:
        if not isinstance(value, dict):
            raise TypeError("expected a mapping")
        return {str(k): _finite(v) for k, v in value.items()}
    if dtype is tuple:
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise TypeError("expected a list of ids")
        return tuple(value)
    if dtype is bool or dtype is str:
        if not isinstance(value, dtype):
            raise TypeError(f"expected {dtype.__name__}, got {type(value).__name__}")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    value = _finite(value)
    if dtype is int:
        if value != round(value) or abs(value) > 2**62:
            raise ValueError(f"expected a whole number, got {value}")
        return int(value)
    return value


def _finite(v) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise TypeError(f"expected a number, got {type(v).__name__}")
    v = float(v)
    if not np.isfinite(v):
        raise ValueError("non-finite number")
    return v
