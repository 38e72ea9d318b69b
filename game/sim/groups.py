"""Groups are born and die: new local groups, small groups that fold when recruits dry up,
small groups dismantled by a capable state, and groups that fall apart.

New local groups form where young people are there to be recruited, no organisation holds the plaza
and the state is weak: each month, in each region, a Poisson number of groups with mean
`group_birth_rate` per 10,000 recruitable people not yet taken, times how far the plaza is from
being held by one organisation, times how weak police and courts are (Crisis Group 2022: at least
543 groups operated at some point in 2009-2020). A small group that cannot replace its losses (its
expected recruits below its expected arrests, deaths and exits: flows.net_growth) folds with a
chance of `collapse_rate` times how far it stands below `viable_size`; a growing group never does,
however small. A group whose members fall below `dissolution_size` falls apart: its last members
leave (they count as exits). Where police and courts are capable, the state can finish a small
group off: each month a group of fewer than `dismantle_size` members is dismantled with a chance of
`dismantle_rate` times how far the state's capacity where it operates stands above the reference (0
at 0.4, 1 at full capacity) times how well the state knows it (its exposure). Its members are
arrested (those the courts keep are incapacitated, the rest disperse). This is how the fragments of
a decapitated organisation die where the state can hold the territory (F8), and why they do not
where it cannot. Absorption by a larger group is an order of the cartel AI
(game/sim/cartel_orders.py). Rows of dissolved groups are compacted away (game/sim/state.py,
`compact`).
"""

from __future__ import annotations

import numpy as np

from game.scenario.types import Faction, Personality, Scenario
from game.sim.events import Cause, Event, Kind
from game.sim.state import GameState, add_factions, room_for_organisations

LOCAL_CLARITY = 0.5  # succession clarity of a local group (as the scenario format's default)
PER_RECRUITABLE = 1e4  # the birth rate is per 10,000 recruitable people


def expected_births(state: GameState, scenario: Scenario) -> np.ndarray:
    """Expected new groups this month in each region [R]: the same programmes that cut
    recruitment (youth, integrity, prisons, jobs) cut the formation of new groups."""
    from game.sim.policy import recruitment_climate

    p = scenario.model
    members = state.members.sum(axis=0)
    pool = p.recruit_pool_share * scenario.map.populations() * (1.0 + scenario.arrays.job_losses)
    unclaimed = np.maximum(pool - members, 0.0)
    held = state.members.max(axis=0, initial=0.0) / np.maximum(members, 1.0)
    weak = 1.0 - 0.5 * (state.police + state.courts)
    climate = recruitment_climate(state, scenario)
    return p.group_birth_rate * unclaimed / PER_RECRUITABLE * (1.0 - held) * weak * climate


def births(state: GameState, scenario: Scenario, turn: int, rng) -> list[Event]:
    """New local groups form; each starts with `group_birth_size` new recruits."""
    counts = rng.poisson(expected_births(state, scenario))
    homes = np.repeat(np.arange(state.n_regions), counts)
    room = room_for_organisations(state)
    if homes.size > room:  # at the bound on organisations alive (game/limits.py)
        homes = np.sort(rng.permutation(homes)[: max(room, 0)])
    if not homes.size:
        return []
    size = scenario.model.group_birth_size
    infos, rows = [], np.zeros((homes.size, state.n_regions))
    for k, r in enumerate(homes.tolist()):
        serial = state.next_serial + k
        infos.append(_local_group(f"local_{serial}", int(r), turn))
        rows[k, r] = size
    before = state.n_factions
    others = state.members[:, homes] > 0  # who is already in each new group's home
    add_factions(state, infos, rows)
    for k in range(homes.size):
        near = np.flatnonzero(others[:, k])
        row = before + k
        state.rivalry[row, near] = state.rivalry[near, row] = scenario.model.group_birth_rivalry
    state.recruits[before:] = rows
    return [
        Event(Kind.GROUP_FORMED, turn, info.id, int(r), Cause.RECRUITMENT, {"members": size})
        for info, r in zip(infos, homes.tolist(), strict=True)
    ]


def _local_group(gid: str, home: int, turn: int) -> Faction:
    return Faction(
        id=gid,
        name="",
        short="",
        colour=LOCAL_COLOUR,
        leader=None,
        lieutenants=(),
        succession_clarity=LOCAL_CLARITY,
        personality=Personality(),
        local=True,
        founded=turn,
        home=home,
    )


LOCAL_COLOUR = 15  # the palette entry local groups share (as scenario local groups)


def dismantling_chance(state: GameState, scenario: Scenario) -> np.ndarray:
    """Chance this month that the state dismantles each faction [F] (zero for large groups and
    where police and courts are no better than the reference)."""
    from game.sim.policy import capacity_above_reference, exposure

    p = scenario.model
    totals = state.members.sum(axis=1)
    above = (state.members @ capacity_above_reference(state)) / np.maximum(totals, 1.0)
    small = (totals > 0) & (totals < p.dismantle_size)
    return np.where(small, p.dismantle_rate * above * exposure(state, scenario), 0.0)


def dismantling(state: GameState, scenario: Scenario, turn: int, rng) -> list[Event]:
    """Small groups the state finishes off; their members are arrested."""
    from game.sim.flows import incapacitation

    chance = dismantling_chance(state, scenario)
    dice = rng.random(state.next_serial)[state.serial]  # a die per faction, by its serial
    events = []
    kept = incapacitation(state, scenario)
    for f in np.flatnonzero(dice < chance).tolist():
        info = state.factions[f]
        caught = state.members[f].copy()
        state.arrests[f] += caught * kept
        state.exits[f] += caught * (1.0 - kept)
        state.members[f] = 0.0
        state.replace_faction(f, _gone(info, turn))
        home = int(np.argmax(caught))
        data = {"members": float(caught.sum())}
        events.append(Event(Kind.GROUP_DISMANTLED, turn, info.id, home, Cause.STATE, data))
    return events


def collapse_chance(state: GameState, scenario: Scenario, growth: np.ndarray) -> np.ndarray:
    """Chance this month that each faction [F] folds: zero unless it is small and its expected
    recruits do not replace its expected losses (`growth` below zero, flows.net_growth); then
    `collapse_rate` times how far it stands below `viable_size` (1 at no members)."""
    p = scenario.model
    totals = state.members.sum(axis=1)
    small = np.clip(1.0 - totals / max(p.viable_size, 1.0), 0.0, 1.0)
    shrinking = (growth < 0) & (totals > 0)
    return np.where(shrinking, p.collapse_rate * small, 0.0)


def collapses(state: GameState, scenario: Scenario, growth, turn: int, rng) -> list[Event]:
    """Small groups that cannot replace their losses fold; their members go home (exits)."""
    if growth is None or growth.size != state.n_factions:
        raise ValueError("collapses need this month's growth of every faction (flows.add_month)")
    chance = collapse_chance(state, scenario, growth)
    dice = rng.random(state.next_serial)[state.serial]  # a die per faction, by its serial
    return [
        _fold(state, f, turn, Cause.NO_RECRUITS) for f in np.flatnonzero(dice < chance).tolist()
    ]


def dissolutions(state: GameState, scenario: Scenario, turn: int) -> list[Event]:
    """Groups below `dissolution_size` fall apart; their last members leave."""
    totals = state.members.sum(axis=1)
    alive = state.roster.alive
    falling = np.flatnonzero(alive & (totals < scenario.model.dissolution_size))
    return [_fold(state, f, turn, Cause.ATTRITION) for f in falling.tolist()]


def _fold(state: GameState, f: int, turn: int, cause: Cause) -> Event:
    """Faction `f` falls apart: its members leave (they count as exits)."""
    info, members = state.factions[f], state.members[f].copy()
    total = float(members.sum())
    state.exits[f] += members
    home = int(np.argmax(members)) if total > 0 else info.home
    state.members[f] = 0.0
    state.replace_faction(f, _gone(info, turn))
    return Event(Kind.GROUP_DISSOLVED, turn, info.id, home, cause, {"members": total})


def _gone(info: Faction, turn: int) -> Faction:
    from dataclasses import replace

    return replace(info, dissolved=turn, leader=None, lieutenants=())
