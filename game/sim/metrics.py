"""Metrics: named reporter functions over a state, national and per region.

Metric names are part of the CSV and JSON outputs (README lists them); add, never rename. Each
measure is computed here once (the homicide rate, the state's control) and read by everyone else.
"""

from __future__ import annotations

import numpy as np

from game.scenario.types import Scenario
from game.sim.calendar import month_date
from game.sim.state import GameState

PER_100K = 1e5


def armed_group_rows(state: GameState, scenario: Scenario) -> np.ndarray:
    """Rows of the factions with at least `armed_group_threshold` members."""
    totals = state.members.sum(axis=1)
    return np.flatnonzero(totals >= scenario.model.armed_group_threshold)


def armed_groups(state: GameState, scenario: Scenario) -> int:
    """Factions with at least `armed_group_threshold` members."""
    return int(armed_group_rows(state, scenario).size)


def homicide_rate(state: GameState, scenario: Scenario) -> float:
    """National homicides per 100k over the last 12 months."""
    return float(state.homicide_history.sum() / scenario.map.populations().sum() * PER_100K)


def regional_rates(homicide_history: np.ndarray, scenario: Scenario) -> np.ndarray:
    """Homicides per 100k over the last 12 months, by region [R] (public data: death records)."""
    return homicide_history.sum(axis=0) / scenario.map.populations() * PER_100K


def state_control(state: GameState, scenario: Scenario) -> np.ndarray:
    """Share of each region the state controls [R], 0-1: its capacity against cartel presence.

    Capacity is police, courts, local integrity and troops; presence is members per thousand
    people. Equal weight gives one half.
    """
    capacity = (
        0.35 * state.police + 0.35 * state.courts + 0.2 * state.integrity + 0.3 * state.troops
    )
    presence = state.members.sum(axis=0) / scenario.map.populations() * 1000.0
    return capacity / (capacity + 0.25 * presence + 1e-9)


def national(state: GameState, scenario: Scenario) -> dict:
    """The national metrics of the month just played (or of the start, at turn 0)."""
    from game.sim.policy import exposure

    pops = scenario.map.populations()
    return {
        "turn": state.turn,
        "date": month_date(scenario, state.turn).strftime("%Y-%m"),
        "homicides": round(float(state.homicides.sum()), 1),
        "homicides_per_100k": round(homicide_rate(state, scenario), 3),
        "cartel_deaths": round(float(state.conflict_deaths.sum()), 1),
        "members": round(float(state.members.sum()), 1),
        "recruits": round(float(state.recruits.sum()), 1),
        "arrests": round(float(state.arrests.sum()), 1),
        "armed_groups": armed_groups(state, scenario),
        "drug_flow": round(float(state.arrivals.sum()), 3),
        "leaders_removed": int(state.leaders_removed),
        "splits": int(state.splits),
        "approval": round(float(state.approval), 2),
        "us_pressure": round(float(state.us_pressure), 2),
        "budget": round(float(state.budget), 0),
        "civilians_killed_by_state": round(float(state.civilians_killed.sum()), 1),
        "state_control": round(float(state_control(state, scenario) @ pops / pops.sum()), 4),
        "intel": round(float(exposure(state, scenario).mean()) if state.n_factions else 0.0, 4),
        "mandate_lost": int(state.status == "mandate_lost"),
    }


def dominant_factions(state: GameState) -> list[str]:
    """The faction with most members in each region ('' where nobody is)."""
    if not state.n_factions:
        return [""] * state.n_regions
    best = state.members.argmax(axis=0)
    present = state.members.max(axis=0) > 0
    ids = state.faction_ids  # built once, not once per region
    return [ids[f] if ok else "" for f, ok in zip(best, present, strict=True)]


def regional(state: GameState, scenario: Scenario) -> list[dict]:
    """One row per region for the month just played."""
    date = month_date(scenario, state.turn).strftime("%Y-%m")
    members = state.members.sum(axis=0)
    rates = regional_rates(state.homicide_history, scenario)
    dominant = dominant_factions(state)
    control = state_control(state, scenario)
    return [
        {
            "turn": state.turn,
            "date": date,
            "state": region.iso,
            "members": round(float(members[r]), 1),
            "homicides": round(float(state.homicides[r]), 1),
            "homicides_per_100k": round(float(rates[r]), 3),
            "dominant_faction": dominant[r],
            "drug_flow": round(float(state.drug_flow[r]), 3),
            "troops": round(float(state.troops[r]), 3),
            "police": round(float(state.police[r]), 4),
            "courts": round(float(state.courts[r]), 4),
            "intel": round(float(state.regional_intel[r]), 4),
            "state_control": round(float(control[r]), 4),
        }
        for r, region in enumerate(scenario.map.regions)
    ]
