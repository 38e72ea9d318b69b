"""Cartel AI: one policy per faction, deciding monthly from what the faction can see.

The adaptive policy's monthly task list, in order:
1. retaliate when it has lost people (aggressive factions, more after a killing);
2. choose a posture: lie low under intelligence pressure, confront when strong and unwatched;
3. turn to extortion when trafficking revenue per member falls behind;
4. expand into (or reinforce) the best neighbouring plaza: route value, a rival's vacuum and weak
   institutions attract; remembered state pressure, interdiction and strong rivals repel;
5. ally against a common enemy; absorb small groups where it dominates.
Each order names its reason, and the events it produces say why. Personalities are data
(aggression, expansion, corruption, caution). Every faction draws from its own random stream, so
changing one faction's policy never changes another faction's dice.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from game.scenario.types import DIFFICULTY, Scenario
from game.sim.cartel_orders import RETALIATION_FORMS, Absorb, Ally, Extort, Move, Posture, Retaliate
from game.sim.events import Cause
from game.sim.flows import rival_pressure
from game.sim.orders import Order
from game.sim.rng import rng_for
from game.sim.state import GameState

# A policy decides for a set of faction rows at once: (state, scenario, rows, outlook, dice)
# -> [(row, order)], with dice the month's table of uniform draws [F, len(DICE)].
Policy = Callable[[GameState, Scenario, np.ndarray, "Outlook", np.ndarray], list]


class Outlook:
    """What every faction sees this month, computed once for all factions (vectorised)."""

    def __init__(self, state: GameState, scenario: Scenario):
        m = state.members
        self.totals = m.sum(axis=1)
        per_region = m.sum(axis=0)
        self.share = m / np.maximum(per_region, 1.0)
        rivals = rival_pressure(state)  # [F, R] rival members there, weighted by enmity
        flow = state.drug_flow
        self.value = flow / flow.max() if flow.max() > 0 else np.zeros_like(flow)
        disrupted = state.disruption @ self.share  # share of each region held by disrupted groups
        self.vacuum = np.clip(disrupted[None, :] - state.disruption[:, None] * self.share, 0, 1)
        self.weak = 1.0 - 0.5 * (state.police + state.courts)
        self.graph = scenario.map.graph
        present = (m >= 1.0).astype(float)
        self.frontier = self.graph.neighbour_sum(present) > 0  # regions next to a faction's
        reach = self.graph.neighbour_sum(m) + m  # members a faction could bring to bear
        self.hostile = np.clip(rivals / (reach + 1.0), 0.0, 3.0)
        pops = scenario.map.populations()
        self.market = pops / pops.max()
        revenue_per_member = state.revenue / np.maximum(self.totals, 1.0)
        mean = state.revenue.sum() / max(self.totals.sum(), 1.0)
        self.relative_revenue = revenue_per_member / mean if mean > 0 else np.ones_like(self.totals)
        self.foresight = DIFFICULTY[scenario.difficulty]["foresight"]
        self._personalities(state)
        self._postures(state)
        self._extortion(state)
        self._plazas(state)

    def _personalities(self, state: GameState) -> None:
        traits = np.array(
            [
                [
                    f.personality.aggression,
                    f.personality.expansion,
                    f.personality.corruption,
                    f.personality.caution,
                ]
                for f in state.factions
            ]
        ).reshape(-1, 4)
        self.aggression, self.expansion, self.corruption, self.caution = traits.T

    def _postures(self, state: GameState) -> None:
        """Lie low under intelligence pressure and remembered state pressure."""
        watched = state.intel + 0.5 * state.memory.max(axis=1, initial=0.0)
        self.posture = np.clip(self.aggression * (1.0 - self.caution * watched), 0.0, 1.0)

    def _extortion(self, state: GameState) -> None:
        """Groups cut off from trafficking money, or whose money is falling, squeeze civilians."""
        shut_out = np.clip(1.0 - self.relative_revenue, 0.0, 1.0)
        ref = state.revenue_ref
        fallen = np.where(
            ref > 0, np.clip(1.0 - state.revenue / np.where(ref > 0, ref, 1.0), 0.0, 1.0), 0.0
        )
        target = np.minimum((0.6 * shut_out + 1.2 * fallen) * (1.0 - 0.5 * self.caution), 1.0)
        # Habits change slowly: a third of the way each month.
        self.extortion = state.extortion + (target - state.extortion) / 3.0
        self.extortion_reason = np.where(
            1.2 * fallen > 0.6 * shut_out, Cause.REVENUE_FELL, Cause.NO_ROUTE_ACCESS
        )

    def _plazas(self, state: GameState) -> None:
        """The most attractive neighbouring plaza of every faction, and why."""
        parts = np.stack(
            [
                np.broadcast_to(1.0 * self.value, self.share.shape),  # route
                np.broadcast_to(0.3 * self.market, self.share.shape),  # market
                2.0 * self.vacuum,  # a rival's vacuum
                0.4 * self.corruption[:, None] * self.weak[None, :],  # weak institutions
            ]
        )
        danger = (state.memory + 2.0 * state.interdiction[None, :] + 0.5 * self.hostile) * (
            0.5 + self.caution[:, None]
        )
        raw = parts.sum(axis=0) - danger
        if self.foresight >= 2:  # harder opponents also weigh the plazas one border further
            raw = raw + 0.5 * _best_neighbour(raw, self.graph)
        score = np.where(self.frontier, raw, -np.inf)
        self.plaza = score.argmax(axis=1)
        rows = np.arange(score.shape[0])
        self.plaza_score = score[rows, self.plaza]
        self.plaza_reason = parts[:, rows, self.plaza].argmax(axis=0)


def _best_neighbour(score: np.ndarray, graph) -> np.ndarray:
    """For every faction and region, the best score among the region's neighbours [F, R]."""
    src, dst = graph.src, graph.dst
    best = np.full_like(score, -np.inf)
    for f in range(score.shape[0]):
        np.maximum.at(best[f], src, score[f, dst])
    return np.where(np.isfinite(best), best, 0.0)


def cartel_orders(
    state: GameState,
    scenario: Scenario,
    policies: dict[str, str] | None = None,
    default: str = "adaptive",
) -> list[Order]:
    """The orders of every faction's AI for the coming month, faction by faction."""
    outlook = Outlook(state, scenario)
    threshold = scenario.model.armed_group_threshold
    # A fixed row of dice per faction row, one column per decision: a faction's decisions never
    # shift another's draws, whatever the other decides or whichever policy it follows.
    dice = rng_for(state.seed, state.turn + 1, "ai").random((state.n_factions, len(DICE)))
    alive = [
        f
        for f, info in enumerate(state.factions)
        if info.dissolved is None and outlook.totals[f] >= threshold
    ]
    groups: dict[str, list[int]] = {}
    for f in alive:
        name = (policies or {}).get(state.factions[f].id, default)
        groups.setdefault(name, []).append(f)
    decided: list[tuple[int, Order]] = []
    for name, rows in groups.items():
        decided += POLICIES[name](state, scenario, np.array(rows, dtype=np.int64), outlook, dice)
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
    grievance = state.grievance[rows]
    chance = outlook.aggression[rows] * np.minimum(grievance, 1.0)
    hit = rows[(grievance >= 0.3) & (dice[rows, COLUMN["retaliate"]] < chance)]
    out = []
    for f in hit.tolist():
        region = int(np.argmax(state.members[f]))
        form = RETALIATION_FORMS[pick(dice[f, COLUMN["form"]], len(RETALIATION_FORMS))]
        out.append(
            (f, Retaliate(state.factions[f].id, Cause.LOST_LEADERS, region=region, form=form))
        )
    return out


def choose_posture(state, scenario, rows, outlook, dice) -> Decisions:
    level = outlook.posture[rows]
    change = rows[np.abs(level - state.posture[rows]) >= 0.1]
    out = []
    for f in change.tolist():
        level = float(outlook.posture[f])
        reason = Cause.INTEL_PRESSURE if level < state.posture[f] else Cause.UNWATCHED
        out.append((f, Posture(state.factions[f].id, reason, level=round(level, 3))))
    return out


def choose_extortion(state, scenario, rows, outlook, dice) -> Decisions:
    change = rows[np.abs(outlook.extortion[rows] - state.extortion[rows]) >= 0.05]
    out = []
    for f in change.tolist():
        reason = Cause(outlook.extortion_reason[f])
        level = round(float(outlook.extortion[f]), 3)
        out.append((f, Extort(state.factions[f].id, reason, level=level)))
    return out


PLAZA_REASONS = (Cause.ROUTE, Cause.MARKET, Cause.VACUUM, Cause.WEAK_STATE)


def expand(state, scenario, rows, outlook, dice) -> Decisions:
    """Move members toward the most attractive neighbouring plaza, if any is worth it."""
    expansion = outlook.expansion[rows]
    score = outlook.plaza_score[rows]
    keen = dice[rows, COLUMN["expand"]] < 0.2 + 0.6 * expansion
    worth = np.isfinite(score) & (score >= 0.6 * (1.0 - expansion))
    out = []
    neighbours = scenario.map.graph.neighbours
    for f in rows[keen & worth].tolist():
        dst = int(outlook.plaza[f])
        src = max(neighbours[dst], key=lambda r: state.members[f, r])
        count = round(float(state.members[f, src]) * (0.03 + 0.07 * outlook.expansion[f]))
        if count >= 1:
            reason = PLAZA_REASONS[int(outlook.plaza_reason[f])]
            out.append(
                (f, Move(state.factions[f].id, reason, src=src, dst=dst, count=float(count)))
            )
    return out


def diplomacy(state, scenario, rows, outlook, dice) -> Decisions:
    at_war = (state.rivalry[rows] >= 1.0).any(axis=1)
    ally = rows[at_war & (dice[rows, COLUMN["ally"]] < 0.05 * (1.0 - outlook.aggression[rows]))]
    absorb = rows[dice[rows, COLUMN["absorb"]] < 0.1 * outlook.expansion[rows]]
    out = [(f, o) for f in ally.tolist() for o in _ally(state, f, outlook, dice)]
    return out + [(f, o) for f in absorb.tolist() for o in _absorb(state, f, outlook)]


def _ally(state, f, outlook, dice) -> list[Order]:
    """An alliance with a faction that fights one of our enemies, against it."""
    enemies = np.flatnonzero(state.rivalry[f] >= 1.0)
    enemy = int(enemies[pick(dice[f, COLUMN["enemy"]], enemies.size)])
    friends = np.flatnonzero(
        (state.rivalry[enemy] >= 1.0)
        & (state.rivalry[f] < 0.5)
        & (state.alliance[f] == 0)
        & (outlook.totals >= 50)
    )
    friends = friends[friends != f]
    if not friends.size:
        return []
    other = state.factions[int(friends[pick(dice[f, COLUMN["friend"]], friends.size)])].id
    return [Ally(state.factions[f].id, Cause.COMMON_ENEMY, other=other)]


def _absorb(state, f, outlook) -> list[Order]:
    home = int(np.argmax(state.members[f]))
    if outlook.share[f, home] < 0.5:
        return []
    small = np.flatnonzero(
        (state.members[:, home] > 0)
        & (outlook.totals < 0.2 * outlook.totals[f])
        & (state.rivalry[f] < 1.0)
    )
    for g in small:
        if g != f and state.factions[g].dissolved is None:
            return [Absorb(state.factions[f].id, Cause.DOMINATES_PLAZA, other=state.factions[g].id)]
    return []


POLICIES: dict[str, Policy] = {"adaptive": adaptive, "null": null_policy}
