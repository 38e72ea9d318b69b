"""Cartel AI: one policy per faction, deciding monthly from what the faction can see.

The adaptive policy's monthly task list, in order:
1. retaliate when it has lost people (aggressive factions, more after a killing);
2. choose a posture: lie low under intelligence pressure and where the state pushed, and — when
   the state has announced that the most violent group is targeted first — the more, the closer
   it is to being that group (Lessing 2017); confront when strong and unwatched;
3. turn to extortion when trafficking revenue per member falls behind or falls;
4. expand into (or reinforce) the best neighbouring plaza: route value, a rival's vacuum (a
   disrupted group's plazas) and weak institutions attract; remembered state pressure,
   interdiction, capable police and courts and strong rivals repel;
5. ally against a common enemy; absorb small groups where it dominates.
Each order names its reason, and the events it produces say why. Personalities are data
(aggression, expansion, corruption, caution); every weight is a model parameter (`ai_*`). Each
faction has its own row of dice (by its serial number), so changing one faction's policy never
changes another faction's dice.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from game.ai import plazas
from game.scenario.types import DIFFICULTY, Scenario
from game.sim.cartel_orders import RETALIATION_FORMS, Absorb, Ally, Extort, Move, Posture, Retaliate
from game.sim.events import Cause
from game.sim.flows import rival_pressure
from game.sim.orders import Order
from game.sim.policy import exposure
from game.sim.rng import rng_for
from game.sim.state import GameState

# A policy decides for a set of faction rows at once: (state, scenario, rows, outlook, dice)
# -> [(row, order)], with dice the month's uniform draws by row [F, len(DICE)].
Policy = Callable[[GameState, Scenario, np.ndarray, "Outlook", np.ndarray], list]
POSTURE_STEP, EXTORTION_STEP = 0.1, 0.05  # smaller changes are not worth an order


class Outlook:
    """What every faction sees this month, computed once for all factions (vectorised)."""

    def __init__(self, state: GameState, scenario: Scenario):
        p = scenario.model
        m = state.members
        self.p = p
        self.totals = m.sum(axis=1)
        self.share = m / np.maximum(m.sum(axis=0), 1.0)
        flow = state.drug_flow
        self.value = flow / flow.max() if flow.max() > 0 else np.zeros_like(flow)
        self.disrupted = state.disruption @ self.share  # share of each region held by disrupted
        self.capacity = 0.5 * (state.police + state.courts)
        self.graph = scenario.map.graph
        self.reach = self.graph.neighbour_sum(m) + m  # members a faction could bring to bear
        self.rivals = rival_pressure(state, scenario)  # [F, R] rivals there, weighted by enmity
        pops = scenario.map.populations()
        self.market = pops / pops.max()
        revenue_per_member = state.revenue / np.maximum(self.totals, 1.0)
        mean = state.revenue.sum() / max(self.totals.sum(), 1.0)
        self.relative_revenue = revenue_per_member / mean if mean > 0 else np.ones_like(self.totals)
        self.foresight = DIFFICULTY[scenario.difficulty]["foresight"]
        self._personalities(state)
        self._threat(state)
        self._postures(state, scenario)
        self._extortion(state)
        self._plazas(state)

    def _personalities(self, state: GameState) -> None:
        self.aggression, self.expansion, self.corruption, self.caution = state.roster.traits.T

    def _threat(self, state: GameState) -> None:
        """Under announced conditional targeting: how close each faction is to being the most
        violent, 0-1 (the most violent is 1); zero when the rule is not announced."""
        top = state.violence.max(initial=0.0)
        if not state.targeting or top <= 0:
            self.threat = np.zeros(state.n_factions)
        else:
            self.threat = state.violence / top

    def _postures(self, state: GameState, scenario: Scenario) -> None:
        """Lie low under intelligence pressure, remembered state pressure and targeting."""
        watched = exposure(state, scenario) + self.p.ai_memory_watch * state.memory.max(
            axis=1, initial=0.0
        )
        restraint = 1.0 - self.p.conditional_response * self.threat
        self.posture = np.clip(
            self.aggression * (1.0 - self.caution * watched) * restraint, 0.0, 1.0
        )

    def _extortion(self, state: GameState) -> None:
        """Groups cut off from trafficking money, or whose money is falling, squeeze civilians."""
        shut_out = np.clip(1.0 - self.relative_revenue, 0.0, 1.0)
        ref = state.revenue_ref
        fallen = np.where(
            ref > 0, np.clip(1.0 - state.revenue / np.where(ref > 0, ref, 1.0), 0.0, 1.0), 0.0
        )
        push = np.maximum(fallen, shut_out / 2)  # losing income hurts more than never having it
        target = np.clip(self.p.ai_extortion_switch * push * (1.0 - self.caution / 2), 0.0, 1.0)
        self.extortion = state.extortion + self.p.ai_habit * (target - state.extortion)
        self.revenue_fell = fallen >= shut_out / 2  # the reason: else no access to routes

    def _plazas(self, state: GameState) -> None:
        """The most attractive neighbouring plaza of every faction, and why (game/ai/plazas.py)."""
        self.plaza, self.plaza_score, self.plaza_reason = plazas.choose(self, state)


def cartel_orders(
    state: GameState,
    scenario: Scenario,
    policies: dict[str, str] | None = None,
    default: str = "adaptive",
) -> list[Order]:
    """The orders of every faction's AI for the coming month, faction by faction."""
    outlook = Outlook(state, scenario)
    threshold = scenario.model.armed_group_threshold
    # One row of dice per faction serial, one column per decision: a faction's decisions never
    # shift another's draws, whatever the other decides or whichever policy it follows.
    table = rng_for(state.seed, state.turn + 1, "ai").random((state.next_serial, len(DICE)))
    dice = table[state.serial]
    acting = np.flatnonzero(state.roster.alive & (outlook.totals >= threshold))
    groups: dict[str, list[int]] = {}
    if policies:
        for f in acting.tolist():
            groups.setdefault(policies.get(state.factions[f].id, default), []).append(f)
    else:
        groups[default] = acting
    decided: list[tuple[int, Order]] = []
    for name, rows in groups.items():
        decided += POLICIES[name](state, scenario, np.asarray(rows, dtype=np.int64), outlook, dice)
    decided.sort(key=lambda pair: pair[0])  # stable: each faction's tasks stay in order
    return [order for _, order in decided]


# One column of the dice table per random decision.
DICE = ("retaliate", "form", "expand", "ally", "enemy", "friend", "absorb")
COLUMN = {name: k for k, name in enumerate(DICE)}
Decisions = list[tuple[int, Order]]


def pick(u: float, n: int) -> int:
    """An index in 0..n-1 from a uniform draw u in [0, 1)."""
    return min(int(u * n), n - 1)


def null_policy(state, scenario, rows, outlook, dice) -> Decisions:
    """Does nothing: the experimental control."""
    return []


def adaptive(state, scenario, rows, outlook, dice) -> Decisions:
    """The default cartel mind (see the module docstring for its task list)."""
    decided: Decisions = []
    for task in (retaliate, choose_posture, choose_extortion, expand, diplomacy):
        decided += task(state, scenario, rows, outlook, dice)
    return decided


def retaliate(state, scenario, rows, outlook, dice) -> Decisions:
    """Strike back at the state after losses; the targeted-first rule holds the most violent
    back (striking the state would make it the target)."""
    p = scenario.model
    grievance = state.grievance[rows]
    restraint = 1.0 - p.conditional_response * outlook.threat[rows]
    chance = outlook.aggression[rows] * np.minimum(grievance, 1.0) * restraint
    hit = rows[(grievance >= p.ai_grievance_threshold) & (dice[rows, COLUMN["retaliate"]] < chance)]
    out = []
    for f in hit.tolist():
        region = int(np.argmax(state.members[f]))
        form = RETALIATION_FORMS[pick(dice[f, COLUMN["form"]], len(RETALIATION_FORMS))]
        order = Retaliate(state.factions[f].id, Cause.LOST_LEADERS, region=region, form=form)
        out.append((f, order))
    return out


def choose_posture(state, scenario, rows, outlook, dice) -> Decisions:
    change = rows[np.abs(outlook.posture[rows] - state.posture[rows]) >= POSTURE_STEP]
    out = []
    for f in change.tolist():
        level = float(outlook.posture[f])
        reason = Cause.INTEL_PRESSURE if level < state.posture[f] else Cause.UNWATCHED
        out.append((f, Posture(state.factions[f].id, reason, level=round(level, 3))))
    return out


def choose_extortion(state, scenario, rows, outlook, dice) -> Decisions:
    change = rows[np.abs(outlook.extortion[rows] - state.extortion[rows]) >= EXTORTION_STEP]
    out = []
    for f in change.tolist():
        reason = Cause.REVENUE_FELL if outlook.revenue_fell[f] else Cause.NO_ROUTE_ACCESS
        level = round(float(outlook.extortion[f]), 3)
        out.append((f, Extort(state.factions[f].id, reason, level=level)))
    return out


PLAZA_REASONS = (Cause.ROUTE, Cause.MARKET, Cause.VACUUM, Cause.WEAK_STATE)


def expand(state, scenario, rows, outlook, dice) -> Decisions:
    """Move members toward the most attractive neighbouring plaza, if any is worth it."""
    p = scenario.model
    expansion = outlook.expansion[rows]
    score = outlook.plaza_score[rows]
    chance = p.ai_expand_chance + (1.0 - 2.0 * p.ai_expand_chance) * expansion
    keen = dice[rows, COLUMN["expand"]] < chance
    worth = np.isfinite(score) & (score >= p.ai_expand_threshold * (1.0 - expansion))
    movers = rows[keen & worth]
    if not movers.size:
        return []
    dst = outlook.plaza[movers]
    src = _strongest_neighbour(state.members, scenario.map.graph, movers, dst)
    share = p.ai_move_share * (0.5 + outlook.expansion[movers])  # an average faction: the share
    count = np.rint(state.members[movers, src] * share)  # half to even, as Python's round
    out = []
    for f, a, b, n, why in zip(
        movers.tolist(),
        src.tolist(),
        dst.tolist(),
        count.tolist(),
        outlook.plaza_reason[movers].tolist(),
        strict=True,
    ):
        if n >= 1:
            move = Move(state.factions[f].id, PLAZA_REASONS[why], src=a, dst=b, count=n)
            out.append((f, move))
    return out


def _strongest_neighbour(members, graph, f: np.ndarray, region: np.ndarray) -> np.ndarray:
    """For each faction f[i], the neighbour of region[i] where it has most members (the lowest
    region among equals), as `max(neighbours[region], key=members[f])` would pick it."""
    near = graph.neighbour_table()[region]  # [k, most neighbours], padded with R
    padded = np.concatenate([members[f], np.full((f.size, 1), -np.inf)], axis=1)
    best = np.take_along_axis(padded, near, axis=1).argmax(axis=1)
    return near[np.arange(f.size), best]


def diplomacy(state, scenario, rows, outlook, dice) -> Decisions:
    p = scenario.model
    at_war = (state.rivalry >= 1.0).any(axis=1)[rows]
    calm = 1.0 - outlook.aggression[rows]
    ally = rows[at_war & (dice[rows, COLUMN["ally"]] < p.ai_alliance_chance * calm)]
    keen = rows[dice[rows, COLUMN["absorb"]] < p.ai_absorb_chance * outlook.expansion[rows]]
    # Only a faction that dominates its home plaza absorbs: checked for all of them at once.
    home = np.argmax(state.members[keen], axis=1)
    dominant = outlook.share[keen, home] >= 0.5
    out = [(f, o) for f in ally.tolist() for o in _ally(state, scenario, f, outlook, dice)]
    for f, plaza in zip(keen[dominant].tolist(), home[dominant].tolist(), strict=True):
        out += [(f, o) for o in _absorb(state, scenario, f, plaza, outlook)]
    return out


def _ally(state, scenario, f, outlook, dice) -> list[Order]:
    """An alliance with a faction that fights one of our enemies, against it."""
    enemies = np.flatnonzero(state.rivalry[f] >= 1.0)
    enemy = int(enemies[pick(dice[f, COLUMN["enemy"]], enemies.size)])
    friends = np.flatnonzero(
        (state.rivalry[enemy] >= 1.0)
        & (state.rivalry[f] < 0.5)
        & (state.alliance[f] == 0)
        & (outlook.totals >= scenario.model.armed_group_threshold)
    )
    friends = friends[friends != f]
    if not friends.size:
        return []
    other = state.factions[int(friends[pick(dice[f, COLUMN["friend"]], friends.size)])].id
    return [Ally(state.factions[f].id, Cause.COMMON_ENEMY, other=other)]


def _absorb(state, scenario, f, home, outlook) -> list[Order]:
    """Take over a much smaller group in the home plaza (where it has most members), which this
    faction dominates."""
    small = np.flatnonzero(
        (state.members[:, home] > 0)
        & (outlook.totals < scenario.model.absorb_ratio * outlook.totals[f])
        & (state.rivalry[f] < 1.0)
    )
    for g in small:
        if g != f and state.factions[g].dissolved is None:
            return [Absorb(state.factions[f].id, Cause.DOMINATES_PLAZA, other=state.factions[g].id)]
    return []


POLICIES: dict[str, Policy] = {"adaptive": adaptive, "null": null_policy}
