"""Save version 1 -> 2: the state declared field by field (wave two of the model).

Version 1 kept the planner's programmes in `stocks`, politics in `politics`, counters in
`counters` and last month's flows in `flows`, had a `tension` per region and no market, belief,
serials or archive. This step moves every value to its declared field, drops what the model no
longer has (tension, scenario keys of the removed succession shocks) and fills what is new with the
values a game of version 1 implies: the price and route costs of the start (set again by the next
month), one serial per faction row, and the planner's belief from the members with the widest
uncertainty of a first report (version 1 drew its estimates afresh every month).
"""

from __future__ import annotations

import math

from game.sim.save.upgrade import UPGRADES

REMOVED_MODEL_KEYS = ("tension_decay", "contested_shock", "clear_shock", "lieutenant_shock")
STOCKS = (
    "troops",
    "troops_ordered",
    "youth",
    "integrity",
    "regional_intel",
    "strain",
    "reform_effort",
    "deployed_months",
    "state_kills",
    "civilians_killed",
    "soldiers_killed",
    "route_next",
)
FLOWS = ("recruits", "arrests", "conflict_deaths", "exits", "killed_by_state")
FIRST_REPORT_ERROR = 0.8  # the widest log error of a first report (estimate_error_blind)


@UPGRADES.register(1)
def declared_fields(payload: dict) -> dict:
    model = payload["scenario"].get("model")
    if isinstance(model, dict):
        for key in REMOVED_MODEL_KEYS:
            model.pop(key, None)
    state = payload["state"]
    stocks, politics = state.pop("stocks"), state.pop("politics")
    counters, flows = state.pop("counters"), state.pop("flows")
    state.pop("tension", None)
    n_f, n_r = len(state["factions"]), len(state["police"])
    for name in STOCKS:
        state[name] = stocks.get(name, [0.0] * n_r)
    state["route_next"] = [int(x) for x in state["route_next"]]
    for name in FLOWS:
        state[name] = flows.get(name, [[0.0] * n_r for _ in range(n_f)])
    _politics(state, politics, counters)
    _new_fields(state, n_f, n_r)
    for info in state["factions"]:
        info.setdefault("founder", None)
        info.setdefault("home", None)
    return payload


def _politics(state: dict, politics: dict, counters: dict) -> None:
    state["approval"] = politics.get("approval", 55.0)
    state["us_pressure"] = politics.get("us_pressure", 50.0)
    state["prisons"] = politics.get("prisons", 0.4)
    state["us_cooperation"] = bool(politics.get("us_cooperation", 0.0))
    state["us_offer"] = bool(politics.get("offer", 0.0))
    state["low_approval_months"] = int(politics.get("low_months", 0))
    state["high_pressure_months"] = int(politics.get("high_pressure_months", 0))
    state["base_rate"] = politics.get("base_rate", 0.0)
    state["base_arrivals"] = politics.get("base_arrivals", sum(state["arrivals"]))
    state["base_exposure"] = politics.get("start_exposure", 0.0)
    for name in ("leaders_removed", "splits", "retaliations"):
        state[name] = int(counters.get(name, 0))


def _new_fields(state: dict, n_f: int, n_r: int) -> None:
    state["archive"] = []
    state["serial"] = list(range(n_f))
    state["next_serial"] = n_f
    state["violence"] = [0.0] * n_f
    state["targeting"], state["target"] = False, ""
    state["price"], state["route_cost"] = 1.0, 1.0
    state["shipped"], state["base_route_cost"], state["base_loss"] = 0.0, 0.0, 0.0
    state["belief"] = [[math.log1p(max(m, 0.0)) for m in row] for row in state["members"]]
    state["belief_var"] = [
        [FIRST_REPORT_ERROR**2 if m > 0 else 0.0 for m in row] for row in state["members"]
    ]
