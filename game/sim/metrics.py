"""Metrics: named reporter functions over a state, national and per region.

Metric names are part of the CSV and JSON outputs (README lists them); add, never rename.
"""

from __future__ import annotations

import numpy as np

from game.scenario.types import Scenario
from game.sim.state import GameState, month_date


def armed_groups(state: GameState, scenario: Scenario) -> int:
    """Factions with at least `armed_group_threshold` members."""
    totals = state.members.sum(axis=1)
    return int((totals >= scenario.model.armed_group_threshold).sum())


def homicide_rate(state: GameState, scenario: Scenario) -> float:
    """National homicides per 100k over the last 12 months."""
    return float(state.homicide_history.sum() / scenario.map.populations().sum() * 1e5)


def national(state: GameState, scenario: Scenario) -> dict:
    """The national metrics of the month just played (or of the start, at turn 0)."""
    flows = state.flows
    return {
        "turn": state.turn,
        "date": month_date(scenario, state.turn).strftime("%Y-%m"),
        "homicides": round(float(state.homicides.sum()), 1),
        "homicides_per_100k": round(homicide_rate(state, scenario), 3),
        "cartel_deaths": round(float(flows["conflict_deaths"].sum()), 1),
        "members": round(float(state.members.sum()), 1),
        "recruits": round(float(flows["recruits"].sum()), 1),
        "arrests": round(float(flows["arrests"].sum()), 1),
        "armed_groups": armed_groups(state, scenario),
    }


def dominant_factions(state: GameState) -> list[str]:
    """The faction with most members in each region ('' where nobody is)."""
    best = state.members.argmax(axis=0)
    present = state.members.max(axis=0) > 0
    return [state.faction_ids[f] if ok else "" for f, ok in zip(best, present, strict=True)]


def regional(state: GameState, scenario: Scenario) -> list[dict]:
    """One row per region for the month just played."""
    date = month_date(scenario, state.turn).strftime("%Y-%m")
    members = state.members.sum(axis=0)
    pops = scenario.map.populations()
    rates = state.homicide_history.sum(axis=0) / pops * 1e5
    dominant = dominant_factions(state)
    return [
        {
            "turn": state.turn,
            "date": date,
            "state": region.iso,
            "members": round(float(members[r]), 1),
            "homicides": round(float(state.homicides[r]), 1),
            "homicides_per_100k": round(float(rates[r]), 3),
            "dominant_faction": dominant[r],
        }
        for r, region in enumerate(scenario.map.regions)
    ]


def faction_totals(state: GameState) -> np.ndarray:
    return state.members.sum(axis=1)
