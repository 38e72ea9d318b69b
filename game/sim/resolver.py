"""The turn resolver: one month of the world, as named phases in a fixed order.

`resolve_turn(state, scenario, orders)` returns a new state and the events of the month; the
state it was given is never changed. Orders from every side (the planner's and each cartel AI's,
decided beforehand from the state at the start of the month) are validated and applied first.
Each phase draws from its own random stream, derived from (seed, turn, phase), so a saved and
reloaded game continues exactly as the uninterrupted one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.scenario.types import Scenario
from game.sim import flows, homicides, leadership, movement, policy, politics, territory
from game.sim.events import Event
from game.sim.orders import OrderRejected, apply_orders
from game.sim.rng import rng_for
from game.sim.state import GameState

SUCCESSION_MONTHLY = 0.3  # chance a leaderless faction settles its succession in a month
GRIEVANCE_DECAY = 0.7
DISRUPTION_DECAY = 0.8
MEMORY_DECAY = 0.9


@dataclass
class TurnResult:
    """What a turn produced: the new state, its events and the orders refused."""

    state: GameState
    events: list[Event] = field(default_factory=list)
    rejected: list[OrderRejected] = field(default_factory=list)


def phase_attrition(state: GameState, scenario: Scenario, turn: int) -> list[Event]:
    """Routine enforcement, rivals and prison take some leaders every year, without any order."""
    events: list[Event] = []
    rate = scenario.model.leader_attrition
    # Two dice per faction row, drawn for every row, so one faction's fate never moves another's.
    dice = rng_for(state.seed, turn, "attrition").random((state.n_factions, 2))
    for f, info in enumerate(list(state.factions)):
        if info.leader is None or info.local or info.dissolved is not None:
            continue
        if dice[f, 0] < rate:
            how = "captured" if dice[f, 1] < 0.7 else "killed"
            rng = rng_for(state.seed, turn, f"attrition:{info.id}")
            events += leadership.remove_person(
                state, scenario, info.leader.id, how, turn, rng, cause="routine"
            )
    return events


def phase_succession(state: GameState, scenario: Scenario, turn: int) -> list[Event]:
    """Leaderless organisations settle who rules: an heir, or a split."""
    events: list[Event] = []
    for f, info in enumerate(state.factions):
        if info.leader is None and not info.local and info.dissolved is None:
            # Each faction has its own stream, so one faction's succession never moves another's dice.
            rng = rng_for(state.seed, turn, f"succession:{info.id}")
            if state.members[f].sum() >= 1 and rng.random() < SUCCESSION_MONTHLY:
                events += leadership.succeed(state, scenario, f, turn, rng, cause="leaderless")
    return events


def phase_routes(state: GameState, scenario: Scenario, turn: int) -> list[Event]:
    """Drugs move north along least-cost routes; plazas on the way collect tolls."""
    territory.move_drugs(state, scenario)
    return []


def phase_flows(state: GameState, scenario: Scenario, turn: int) -> list[Event]:
    """Recruitment, arrests, conflict deaths and exits, week by week."""
    before = state.members.sum(axis=1)
    state.members, state.flows = flows.simulate_month(
        state, scenario, rng_for(state.seed, turn, "flows")
    )
    return _threshold_events(before, state.members.sum(axis=1), state, scenario, turn)


def phase_policy(state: GameState, scenario: Scenario, turn: int) -> list[Event]:
    """The month's budget moves the programme stocks (troops, institutions, intelligence...)."""
    return policy.phase_policy(state, scenario, turn)


def phase_force(state: GameState, scenario: Scenario, turn: int) -> list[Event]:
    """Clashes between troops and cartels: members, civilians and soldiers killed."""
    return policy.phase_force(state, scenario, turn, rng_for(state.seed, turn, "force"))


def phase_movement(state: GameState, scenario: Scenario, turn: int) -> list[Event]:
    """Members drift to neighbouring regions, mostly where their faction already is; troops
    push them out to the neighbours (displacement, Dell 2015)."""
    base = min(scenario.model.mobility * flows.WEEKS_PER_MONTH, 1.0)
    extra = np.maximum(state.stocks["troops"] - policy.status_quo_effort("troops"), 0.0)
    share = np.minimum(base * (1.0 + 3.0 * extra), 0.5)
    src, dst = _edges(scenario)
    state.members = movement.diffuse(state.members, src, dst, share)
    return []


def phase_homicides(state: GameState, scenario: Scenario, turn: int) -> list[Event]:
    """Count the month's homicides and push them into the 12-month history."""
    rng = rng_for(state.seed, turn, "homicides")
    state.homicides = homicides.draw_homicides(state, scenario, state.flows["conflict_deaths"], rng)
    state.homicide_history = np.vstack([state.homicide_history[1:], state.homicides[None, :]])
    return []


def phase_decay(state: GameState, scenario: Scenario, turn: int) -> list[Event]:
    """Shocks fade: tension, disruption, grievance and remembered pressure decay."""
    state.tension *= scenario.model.tension_decay
    state.disruption *= DISRUPTION_DECAY
    state.grievance *= GRIEVANCE_DECAY
    pressure = state.interdiction + state.stocks["troops"]
    state.memory = state.memory * MEMORY_DECAY + pressure[None, :] * (state.members > 0)
    return []


PHASES = (
    phase_attrition,
    phase_succession,
    phase_policy,
    phase_routes,
    phase_flows,
    phase_force,
    phase_movement,
    phase_homicides,
    phase_decay,
)


def resolve_turn(state: GameState, scenario: Scenario, orders=()) -> TurnResult:
    """Play one month: orders, then every phase in order. Returns a new state."""
    new = state.copy()
    turn = state.turn + 1
    new.state_deaths = np.zeros(new.n_regions)
    events, rejected = apply_orders(new, scenario, list(orders), turn)
    for phase in PHASES:
        events.extend(phase(new, scenario, turn))
    # Politics reads the whole month: what fell, who struck back, how many died.
    events.extend(
        politics.phase_politics(new, scenario, turn, events, rng_for(state.seed, turn, "politics"))
    )
    new.turn = turn
    return TurnResult(new, events, rejected)


def _threshold_events(before, after, state, scenario, turn) -> list[Event]:
    """Factions that crossed the armed-group threshold this month, either way."""
    threshold = scenario.model.armed_group_threshold
    crossings = (
        ("armed_group_formed", "recruitment", (before < threshold) & (after >= threshold)),
        ("armed_group_dissolved", "attrition", (before >= threshold) & (after < threshold)),
    )
    return [
        Event(kind, turn, state.faction_ids[f], cause=cause, data={"members": float(after[f])})
        for kind, cause, crossed in crossings
        for f in np.flatnonzero(crossed)
    ]


def _edges(scenario: Scenario) -> tuple[np.ndarray, np.ndarray]:
    """The map's directed edges, cached on the (immutable) map object; never saved."""
    cached = scenario.map.__dict__.get("_edges")
    if cached is None:
        cached = movement.edge_arrays(scenario.map)
        object.__setattr__(scenario.map, "_edges", cached)
    return cached
