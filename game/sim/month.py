"""One month of the world: the rules of a month, top to bottom.

`resolve_month(state, scenario, orders, cartels)` returns a new state and the events of the
month; the state it was given is never changed. Every phase has the same signature, `phase(m)`,
reads and changes `m.state` and adds to `m.events`; `PHASES` is the order they happen in. Each
phase draws from its own random stream, derived from (seed, month, phase), so a saved and
reloaded game continues exactly as the uninterrupted one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from game.scenario.types import Scenario
from game.sim import (
    flows,
    force,
    groups,
    homicides,
    leadership,
    movement,
    policy,
    politics,
    territory,
    view,
)
from game.sim.events import Cause, Event, Kind
from game.sim.operations import leader_rows
from game.sim.orders import Order, OrderRejected, apply_orders
from game.sim.rng import rng_for
from game.sim.state import FLOW_NAMES, SPECS, GameState, compact, shape_of

Cartels = Callable[[GameState, Scenario], list[Order]]
# The month's counts: each month starts them from zero (`last_month_clears`).
MONTH_COUNTS = (*FLOW_NAMES, "killed_by_state", "state_deaths")


@dataclass
class Month:
    """The month being resolved: what every phase reads and writes."""

    state: GameState  # the new state; phases change it in place
    scenario: Scenario
    turn: int
    orders: list[Order]
    events: list[Event] = field(default_factory=list)
    rejected: list[OrderRejected] = field(default_factory=list)
    # Each faction's expected growth per member at the start of the month's flows [F]
    # (flows.net_growth): set by the flows, read when groups fall apart.
    growth: np.ndarray | None = None

    def rng(self, stream: str) -> np.random.Generator:
        return rng_for(self.state.seed, self.turn, stream)


@dataclass
class TurnResult:
    """What a month produced: the new state, its events and the orders refused."""

    state: GameState
    events: list[Event] = field(default_factory=list)
    rejected: list[OrderRejected] = field(default_factory=list)


def resolve_month(
    state: GameState, scenario: Scenario, orders=(), cartels: Cartels | None = None
) -> TurnResult:
    """Play one month: the planner's orders, then each cartel's (its AI decides from the state
    at the start of the month), then every phase in order. Returns a new state."""
    decided = list(orders) + (cartels(state, scenario) if cartels else [])
    m = Month(state.copy(cleared=MONTH_COUNTS), scenario, state.turn + 1, decided)
    for phase in PHASES:
        phase(m)
    m.state.turn = m.turn
    return TurnResult(m.state, m.events, m.rejected)


# --- the phases, in the order they happen -------------------------------------------------------


def last_month_clears(m: Month) -> None:
    """Factions that dissolved last month leave the arrays (their records go to the archive);
    the month's counts (recruits, arrests, deaths, exits; deaths in operations and attacks)
    start again from zero, so whatever removes members this month is counted where it happens."""
    state = m.state
    compact(state, cleared=MONTH_COUNTS)  # the counts are replaced below, at the new size
    for name in MONTH_COUNTS:
        setattr(state, name, np.zeros(shape_of(SPECS[name], state.n_factions, state.n_regions)))


def orders_are_carried_out(m: Month) -> None:
    """Every order is validated against the world as it is now; illegal ones are refused."""
    events, m.rejected = apply_orders(m.state, m.scenario, m.orders, m.turn)
    m.events += events


def routine_enforcement_takes_leaders(m: Month) -> None:
    """Routine enforcement, rivals and prison take some leaders every year, without any order."""
    state, rate = m.state, m.scenario.model.leader_attrition
    # Two dice per faction, by its serial: one faction's fate never moves another's dice.
    dice = m.rng("attrition").random((state.next_serial, 2))[state.serial]
    for f in sorted(leader_rows(state)):
        info = state.factions[f]
        if info.leader is None or dice[f, 0] >= rate:  # an earlier removal may have split it
            continue
        how = "captured" if dice[f, 1] < m.scenario.model.routine_capture_share else "killed"
        rng = m.rng(f"attrition:{info.id}")
        m.events += leadership.remove_person(
            state, m.scenario, info.leader.id, how, m.turn, rng, Cause.ROUTINE
        )


def leaderless_organisations_settle(m: Month) -> None:
    """Leaderless organisations settle who rules: an heir, or a split."""
    state = m.state
    chance = m.scenario.model.succession_monthly
    factions, roster = state.factions, state.roster  # as the month found them
    for f in np.flatnonzero(~roster.led & ~roster.local & roster.alive).tolist():
        # Each faction has its own stream, so one faction's succession never moves another's.
        rng = m.rng(f"succession:{factions[f].id}")
        if state.members[f].sum() >= 1 and rng.random() < chance:
            m.events += leadership.succeed(state, m.scenario, f, m.turn, rng, Cause.LEADERLESS)


def programmes_work(m: Month) -> None:
    """The month's budget moves the programme stocks (troops, institutions, intelligence...)."""
    policy.phase_policy(m.state, m.scenario)


def drugs_move_north(m: Month) -> None:
    """The market takes what it takes at the going price; drugs move along least-cost routes;
    plazas on the way collect tolls."""
    territory.move_drugs(m.state, m.scenario)


def members_are_recruited_arrested_and_killed(m: Month) -> None:
    """Recruitment, arrests, conflict deaths and exits, week by week; who did the killing."""
    state = m.state
    before = state.members.sum(axis=1)
    fighting = flows.strength(state, m.scenario)[:, None] * state.members
    m.growth = flows.add_month(state, m.scenario, m.rng("flows"))
    state.violence = flows.attribute(state.conflict_deaths.sum(axis=0), fighting)
    m.events += _threshold_events(before, state.members.sum(axis=1), m)


def troops_clash_with_cartels(m: Month) -> None:
    """Clashes between troops and cartels: members, civilians and soldiers killed."""
    exposure = policy.exposure(m.state, m.scenario)
    m.events += force.clashes(m.state, m.scenario, exposure, m.turn, m.rng("force"))


def members_drift_to_neighbours(m: Month) -> None:
    """Members drift to neighbouring regions, mostly where their faction already is; troops
    push them out to the neighbours (displacement, Dell 2015)."""
    graph = m.scenario.map.graph
    share = force.displacement(
        m.state, m.scenario, m.scenario.model.mobility * flows.WEEKS_PER_MONTH
    )
    m.state.members = movement.diffuse(
        m.state.members, graph.src, graph.dst, share, graph.by_source
    )


def groups_form_and_fall_apart(m: Month) -> None:
    """Small groups that cannot replace their losses fold; new local groups form where the
    plaza is free; a capable state dismantles small groups; groups too small fall apart."""
    m.events += groups.collapses(m.state, m.scenario, m.growth, m.turn, m.rng("collapses"))
    m.events += groups.births(m.state, m.scenario, m.turn, m.rng("births"))
    m.events += groups.dismantling(m.state, m.scenario, m.turn, m.rng("dismantling"))
    m.events += groups.dissolutions(m.state, m.scenario, m.turn)


def homicides_are_counted(m: Month) -> None:
    """Count the month's homicides and push them into the 12-month history."""
    state = m.state
    state.homicides = homicides.draw_homicides(
        state, m.scenario, state.conflict_deaths, m.turn, m.rng("homicides")
    )
    state.homicide_history = np.vstack([state.homicide_history[1:], state.homicides[None, :]])


def the_state_picks_its_target(m: Month) -> None:
    """Under conditional targeting, the most violent organisation of the month is next."""
    state = m.state
    if not state.targeting or not state.n_factions:
        state.target = ""
        return
    worst = int(np.argmax(state.violence))
    fid = state.factions[worst].id if state.violence[worst] > 0 else ""
    if fid and fid != state.target:
        data = {"violence": float(state.violence[worst])}
        m.events.append(Event(Kind.TARGET_CHOSEN, m.turn, fid, None, Cause.MOST_VIOLENT, data))
    state.target = fid


def the_public_and_washington_judge(m: Month) -> None:
    """Politics reads the whole month: what fell, who struck back, how many died."""
    m.events += politics.phase_politics(m.state, m.scenario, m.turn, m.events, m.rng("politics"))


def intelligence_reports(m: Month) -> None:
    """The planner's picture of each faction is updated from this month's intelligence."""
    view.observe(m.state, m.scenario, m.rng("view"))


def shocks_fade(m: Month) -> None:
    """Disruption, grievance and remembered pressure decay."""
    state, p = m.state, m.scenario.model
    state.disruption *= p.disruption_decay
    state.grievance *= p.grievance_decay
    pressure = state.interdiction + state.troops
    state.memory = state.memory * p.ai_memory_decay + pressure[None, :] * (state.members > 0)


PHASES = (
    last_month_clears,
    orders_are_carried_out,
    routine_enforcement_takes_leaders,
    leaderless_organisations_settle,
    programmes_work,
    drugs_move_north,
    members_are_recruited_arrested_and_killed,
    troops_clash_with_cartels,
    members_drift_to_neighbours,
    groups_form_and_fall_apart,
    homicides_are_counted,
    the_state_picks_its_target,
    the_public_and_washington_judge,
    intelligence_reports,
    shocks_fade,
)


def _threshold_events(before, after, m: Month) -> list[Event]:
    """Factions that crossed the armed-group threshold this month, either way."""
    threshold = m.scenario.model.armed_group_threshold
    crossings = (
        (Kind.ARMED_GROUP_FORMED, Cause.RECRUITMENT, (before < threshold) & (after >= threshold)),
        (Kind.ARMED_GROUP_DISSOLVED, Cause.ATTRITION, (before >= threshold) & (after < threshold)),
    )
    factions = m.state.factions
    return [
        Event(kind, m.turn, factions[f].id, cause=cause, data={"members": float(after[f])})
        for kind, cause, crossed in crossings
        for f in np.flatnonzero(crossed).tolist()
    ]
