"""`validate_state(state, scenario)`: is a loaded state one the model can play from?

A save with a recomputed checksum can hold anything the JSON envelope allows: negative members, a
leader whose home is region 999, duplicate faction ids, allocations to unknown programmes. Such a
state must be refused when it is loaded, with located problems, never crash the first month.
Shapes and types come from the state's declaration (game/sim/state.py, read by `from_dict` in
game/sim/state_json.py); this module checks ranges, references between fields (people's homes,
ids, allocation keys) and what the model assumes of them.
"""

from __future__ import annotations

import numpy as np

from game.limits import MAX_SEED, MAX_TURNS
from game.scenario.schema import MAX_BUDGET
from game.scenario.types import Scenario
from game.sim.state import SPECS, GameState

MAX_MEMBERS = 1e9  # in one region during play (a scenario starts at most at 1e7)
STATUSES = ("playing", "mandate_lost", "term_over")
MAX_MAGNITUDE = 1e12  # any other number of the state: far above play, far below overflow
SHARES = (
    "police",
    "courts",
    "integrity",
    "regional_intel",
    "intel",
    "disruption",
    "posture",
    "extortion",
    "interdiction",
    "freeze",
)
SIGNED = ("belief",)  # may be any finite number (a logarithm)
TOLERANCE = 1e-9


def validate_state(state: GameState, scenario: Scenario) -> list[str]:
    """Every problem found in a loaded state, each located (`state.members: ...`)."""
    problems = _shape_problems(state, scenario)
    if problems:
        return problems  # the checks below index arrays by faction and region
    for check in (_header, _arrays, _factions, _allocation):
        problems += check(state, scenario)
    return problems


def _shape_problems(state: GameState, scenario: Scenario) -> list[str]:
    n_f, n_r = len(state.factions), scenario.map.n
    if state.police.shape != (n_r,):
        return [f"state.police: {state.police.size} regions, but the map has {n_r}"]
    if state.members.shape != (n_f, n_r):
        return [f"state.members: shape {state.members.shape}, expected ({n_f}, {n_r})"]
    return []


def _header(state: GameState, scenario: Scenario) -> list[str]:
    problems = []
    if not 0 <= state.seed <= MAX_SEED:
        problems.append(f"state.seed: must be from 0 to {MAX_SEED}")
    if not 0 <= state.turn <= MAX_TURNS:
        problems.append(f"state.turn: must be from 0 to {MAX_TURNS}")
    if state.status not in STATUSES:
        problems.append(f"state.status: must be one of {', '.join(STATUSES)}")
    if not (np.isfinite(state.budget) and 0 <= state.budget <= 2 * MAX_BUDGET):
        problems.append(f"state.budget: must be from 0 to {2 * MAX_BUDGET:g} pesos")
    for name in ("approval", "us_pressure"):
        if not 0 <= getattr(state, name) <= 100:
            problems.append(f"state.{name}: must be from 0 to 100")
    for name in ("leaders_removed", "splits", "retaliations", "low_approval_months"):
        if not 0 <= getattr(state, name) <= 1e9:
            problems.append(f"state.{name}: must be from 0 to 1e9")
    for name in ("price", "route_cost", "shipped", "prisons", "base_rate", "base_arrivals"):
        if not 0 <= getattr(state, name) <= MAX_MAGNITUDE:
            problems.append(f"state.{name}: must be from 0 to {MAX_MAGNITUDE:g}")
    if not 0 <= state.prisons <= 1:
        problems.append("state.prisons: must be from 0 to 1")
    if not set(state.prisoners) <= set(state.removed):
        problems.append("state.prisoners: every prisoner must also be in state.removed")
    return problems


def _named_arrays(state: GameState):
    for name in SPECS:
        value = getattr(state, name)
        if isinstance(value, np.ndarray):
            yield name, value


def _arrays(state: GameState, scenario: Scenario) -> list[str]:
    problems = []
    for name, arr in _named_arrays(state):
        if name in SIGNED or not arr.size:
            continue
        low = -1.0 if name == "route_next" else 0.0  # an index: -1 marks a crossing
        if arr.min() < low - TOLERANCE or arr.max() > MAX_MAGNITUDE:
            problems.append(f"state.{name}: values must be from {low:g} to {MAX_MAGNITUDE:g}")
    if state.members.size and state.members.max() > MAX_MEMBERS:
        problems.append(f"state.members: at most {MAX_MEMBERS:g} members in a region")
    for name in SHARES:
        arr = getattr(state, name)
        if arr.size and (arr.min() < -TOLERANCE or arr.max() > 1 + TOLERANCE):
            problems.append(f"state.{name}: shares must be from 0 to 1")
    if state.route_next.size and state.route_next.max() >= scenario.map.n:
        problems.append("state.route_next: must hold region indexes (or -1)")
    if state.belief.size and np.abs(state.belief).max() > 50:
        problems.append("state.belief: log estimates must be from -50 to 50")
    serials = state.serial
    if serials.size and (
        len(set(serials.tolist())) != serials.size or serials.max() >= state.next_serial
    ):
        problems.append("state.serial: every faction needs its own number below next_serial")
    return problems


def _factions(state: GameState, scenario: Scenario) -> list[str]:
    problems, ids, people = [], set(), set()
    n_r = scenario.map.n
    archived = {a.id for a in state.archive}
    for i, info in enumerate(state.factions):
        where = f"state.factions[{i}]"
        if info.id in archived:
            problems.append(f"{where}.id: {info.id!r} is also in state.archive")
        if not isinstance(info.id, str) or not info.id or info.id in ids:
            problems.append(f"{where}.id: must be a unique, non-empty text")
        ids.add(info.id)
        problems += _faction_fields(where, info, state.turn, n_r)
        for k, person in enumerate(info.people()):
            at = f"{where}.{'leader' if person is info.leader else f'lieutenants[{k - 1}]'}"
            problems += _person_problems(at, person, n_r)
            if info.dissolved is None and person.id in people:
                problems.append(f"{at}.id: person {person.id!r} appears twice")
            people.add(person.id)
    return problems


def _faction_fields(where: str, info, turn: int, n_r: int) -> list[str]:
    problems = []
    texts = ("name", "short")
    if not all(isinstance(getattr(info, k), str) for k in texts):
        problems.append(f"{where}: name and short must be texts")
    if isinstance(info.colour, bool) or not isinstance(info.colour, int) or info.colour < 0:
        problems.append(f"{where}.colour: must be a whole number >= 0")
    if not _share(info.succession_clarity):
        problems.append(f"{where}.succession_clarity: must be from 0 to 1")
    if not all(_share(v) for v in vars(info.personality).values()):
        problems.append(f"{where}.personality: every trait must be from 0 to 1")
    if not _turn_or_none(info.founded, turn, allow_none=False):
        problems.append(f"{where}.founded: must be a month from 0 to {turn}")
    if not _turn_or_none(info.dissolved, turn, allow_none=True):
        problems.append(f"{where}.dissolved: must be null or a month from 0 to {turn}")
    if info.parent is not None and not isinstance(info.parent, str):
        problems.append(f"{where}.parent: must be null or a faction id")
    if info.founder is not None and not isinstance(info.founder, str):
        problems.append(f"{where}.founder: must be null or a text")
    home = info.home
    if home is not None and (
        isinstance(home, bool) or not isinstance(home, int) or not 0 <= home < n_r
    ):
        problems.append(f"{where}.home: must be null or a region index from 0 to {n_r - 1}")
    return problems


def _person_problems(where: str, person, n_r: int) -> list[str]:
    problems = []
    if not isinstance(person.id, str) or not isinstance(person.name, str):
        problems.append(f"{where}: id and name must be texts")
    home = person.home
    if isinstance(home, bool) or not isinstance(home, int) or not 0 <= home < n_r:
        problems.append(f"{where}.home: must be a region index from 0 to {n_r - 1}")
    if not _share(person.loyalty):
        problems.append(f"{where}.loyalty: must be from 0 to 1")
    return problems


def _share(value) -> bool:
    return type(value) in (int, float) and 0.0 <= value <= 1.0


def _turn_or_none(value, turn: int, allow_none: bool) -> bool:
    if value is None:
        return allow_none
    return type(value) is int and 0 <= value <= turn


def _allocation(state: GameState, scenario: Scenario) -> list[str]:
    from game.sim.levers import BY_ID, key

    problems = []
    for line, pesos in state.allocation.items():
        programme, _, region = line.partition("@")
        p = BY_ID.get(programme)
        known = p is not None and (
            (p.scope == "national" and not region)
            or (p.scope == "state" and region.isdigit() and key(programme, int(region)) == line)
        )
        if not known or (region and int(region) >= scenario.map.n):
            problems.append(f"state.allocation[{line!r}]: unknown programme or region")
        elif not (np.isfinite(pesos) and 0 <= pesos <= 2 * MAX_BUDGET):
            problems.append(f"state.allocation[{line!r}]: must be from 0 to {2 * MAX_BUDGET:g}")
    return problems
