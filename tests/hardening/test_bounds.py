"""`check` guarantees the run (issue 14, item 6): the extreme legal value of every bounded field
plays 1,200 months on a tiny world without an exception, a NaN or a negative stock.

The extremes are read from the schema itself (every range of `model:` and the file's bounds), so
a new parameter is covered the day it is added; a parameter with no documented range fails
`test_every_model_parameter_has_a_documented_range`.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from game.lab.runner import run_game
from game.limits import MAX_TURNS
from game.scenario import load_scenario_tree
from game.scenario.params import BY_NAME, PARAMS
from game.scenario.schema import (
    MAX_BUDGET,
    MAX_EQUILIBRIUM,
    MAX_MEMBERS,
    MAX_REGION_WEIGHT,
    MAX_RELATION,
    YEARS,
)
from game.scenario.types import ModelParams


def world(end: int, start: str, budget: float, members: float, relation: float) -> dict:
    """A three-region world with every bounded value at one end of its range."""
    lo_hi = {p.name: p.bounds[end] for p in PARAMS}
    person = {"loyalty": float(end), "home": "R0"}
    return {
        "schema_version": 1,
        "id": "edge",
        "name": "Edge",
        "description": "Every value at an end of its range.",
        "map": "synthetic:3",
        "start": start,
        "turns": MAX_TURNS,
        "budget": budget,
        "model": lo_hi,
        "regions": {f"R{r}": {"police": float(end), "courts": float(end)} for r in range(3)},
        "factions": [
            {
                "id": fid,
                "name": fid.upper(),
                "members": {"R0": members, "R1": members, "R2": members},
                "leader": {"id": f"{fid}_boss", "name": "Boss", **person},
                "lieutenants": [{"id": f"{fid}_lt", "name": "Lt", **person}],
                "succession_clarity": float(end),
                "personality": dict.fromkeys(
                    ("aggression", "expansion", "corruption", "caution"), float(end)
                ),
                "rivals": {other: relation},
            }
            for fid, other in (("a", "b"), ("b", "a"))
        ],
        "local_groups": {
            "count": 4,
            "members": members,
            "exponent": 10.0 if end else -10.0,
            "rivalry": relation,
            "regions": {"R0": MAX_REGION_WEIGHT if end else 1e-300, "R2": MAX_REGION_WEIGHT},
        },
    }


def fastest_growth() -> dict:
    """Most recruitment, the least saturation allowed for it, nothing else taking members."""
    tree = world(0, "2026-03", 1e6, MAX_MEMBERS, 0.0)
    rho = BY_NAME["recruitment_rate"].bounds[1]
    tree["model"].update(recruitment_rate=rho, saturation_rate=rho / MAX_EQUILIBRIUM)
    return tree


EXTREMES = {
    "highest": world(1, f"{YEARS[1]}-12", MAX_BUDGET, MAX_MEMBERS, MAX_RELATION),
    "lowest": world(0, f"{YEARS[0]}-01", 1e-9, 0.0, 0.0),
    "fastest growth": fastest_growth(),
}


def test_every_model_parameter_has_a_documented_range_and_source():
    assert {f.name for f in dataclasses.fields(ModelParams)} == set(BY_NAME)
    for p in PARAMS:
        lo, hi = p.bounds
        assert lo <= p.low <= p.default <= p.high <= hi < float("inf"), p.name
        assert p.source and p.unit and p.kind in ("sourced", "calibrated", "assumption"), p.name


@pytest.mark.parametrize(
    ("end", "strategy"),
    [("highest", "decapitation"), ("highest", "passive"), ("lowest", "decapitation")]
    + [("fastest growth", "passive")],
)
def test_the_extreme_legal_values_play_a_hundred_years(end, strategy):
    scenario = load_scenario_tree(EXTREMES[end], f"<{end}>")
    game = run_game(scenario, strategy, MAX_TURNS, seed=1)
    state = game.state
    assert state.turn == MAX_TURNS
    for name, value in vars(state).items():
        if isinstance(value, np.ndarray):
            assert np.isfinite(value).all(), name
    assert (state.members >= 0).all()
