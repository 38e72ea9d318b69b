"""The root game state: numpy arrays indexed by faction id and region id.

`GameState` is the only thing a turn changes. Factions are referenced by their index (the row of
`members`); `faction_ids` names each row so saves and events use names, not positions. The last
month's flows are part of the state because metrics and the UI report them; derived caches are not.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields, replace
from datetime import date

import numpy as np

from game.scenario.types import Scenario

HISTORY_MONTHS = 12

# Per-cell flows of the last month, each an array [F, R]; see game/sim/flows.py.
FLOW_NAMES = ("recruits", "arrests", "conflict_deaths", "exits")


@dataclass
class GameState:
    """Everything that changes during a game.

    Attributes:
        seed: the game's seed; with the turn it fixes every random draw.
        turn: months played so far (0 before the first month).
        faction_ids: the id of each faction row.
        members: members of faction f in region r, float64 [F, R].
        rivalry, alliance: symmetric relations between factions, float64 [F, F].
        police, courts: institutional capacity of each region, 0-1, float64 [R].
        budget: pesos available this month.
        flows: the last month's flows by name, each float64 [F, R].
        homicides: the last month's homicides by region, float64 [R].
        homicide_history: homicides by region in the last 12 months, oldest first, [12, R].
    """

    seed: int
    turn: int
    faction_ids: tuple[str, ...]
    members: np.ndarray
    rivalry: np.ndarray
    alliance: np.ndarray
    police: np.ndarray
    courts: np.ndarray
    budget: float
    flows: dict[str, np.ndarray] = field(default_factory=dict)
    homicides: np.ndarray = field(default_factory=lambda: np.zeros(0))
    homicide_history: np.ndarray = field(default_factory=lambda: np.zeros((HISTORY_MONTHS, 0)))

    @property
    def n_factions(self) -> int:
        return self.members.shape[0]

    @property
    def n_regions(self) -> int:
        return self.members.shape[1]

    def copy(self) -> GameState:
        """A deep copy: turns never mutate the state they were given."""
        return replace(
            self,
            members=self.members.copy(),
            rivalry=self.rivalry.copy(),
            alliance=self.alliance.copy(),
            police=self.police.copy(),
            courts=self.courts.copy(),
            flows={k: v.copy() for k, v in self.flows.items()},
            homicides=self.homicides.copy(),
            homicide_history=self.homicide_history.copy(),
        )

    def checksum(self) -> str:
        """A sha256 over every field, stable across processes and platforms."""
        h = hashlib.sha256()
        for f in fields(self):
            value = getattr(self, f.name)
            h.update(f.name.encode())
            _hash_value(h, value)
        return h.hexdigest()


def _hash_value(h, value) -> None:
    if isinstance(value, np.ndarray):
        h.update(str(value.shape).encode())
        h.update(np.ascontiguousarray(value, dtype=np.float64).tobytes())
    elif isinstance(value, dict):
        for key in sorted(value):
            h.update(key.encode())
            _hash_value(h, value[key])
    else:
        h.update(repr(value).encode())


def month_date(scenario: Scenario, turn: int) -> date:
    """The first day of the month of `turn` (turn 1 is the scenario's start month)."""
    months = scenario.start.year * 12 + scenario.start.month - 1 + max(turn, 1) - 1
    return date(months // 12, months % 12 + 1, 1)


def new_game(scenario: Scenario, seed: int) -> GameState:
    """The state before the first month: members, relations and institutions from the scenario.

    The flows and the homicide history are filled with the *expected* values of the starting state
    (no randomness), so the starting metrics describe the situation the scenario sets up.
    """
    from game.sim.flows import expected_month  # local: flows imports this module

    n_f, n_r = len(scenario.factions), scenario.map.n
    members = np.zeros((n_f, n_r))
    for f, spec in enumerate(scenario.factions):
        for r, m in spec.members.items():
            members[f, r] = m
    state = GameState(
        seed=int(seed),
        turn=0,
        faction_ids=tuple(f.id for f in scenario.factions),
        members=members,
        rivalry=np.array(scenario.rivalry, dtype=np.float64),
        alliance=np.array(scenario.alliance, dtype=np.float64),
        police=np.array([r.police for r in scenario.regions], dtype=np.float64),
        courts=np.array([r.courts for r in scenario.regions], dtype=np.float64),
        budget=float(scenario.budget),
    )
    flows, homicides = expected_month(state, scenario)
    state.flows = flows
    state.homicides = homicides
    state.homicide_history = np.tile(homicides, (HISTORY_MONTHS, 1))
    return state
