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

Policy = Callable[[GameState, Scenario, int, "Outlook", "Dice"], list[Order]]

DICE_PER_FACTION = 16


class Dice:
    """A faction's uniform draws for one month, used in order; more than 16 wraps around."""

    def __init__(self, row: np.ndarray):
        self.row = row
        self.k = 0

    def random(self) -> float:
        value = float(self.row[self.k % len(self.row)])
        self.k += 1
        return value

    def integers(self, n: int) -> int:
        return min(int(self.random() * n), n - 1)


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
    """The orders of every faction's AI for the coming month."""
    outlook = Outlook(state, scenario)
    threshold = scenario.model.armed_group_threshold
    # A fixed row of dice per faction row: a faction's decisions never shift another's draws.
    table = rng_for(state.seed, state.turn + 1, "ai").random((state.n_factions, DICE_PER_FACTION))
    orders: list[Order] = []
    for f, info in enumerate(state.factions):
        if info.dissolved is not None or outlook.totals[f] < threshold:
            continue
        name = (policies or {}).get(info.id, default)
        orders.extend(POLICIES[name](state, scenario, f, outlook, Dice(table[f])))
    return orders


def null_policy(state, scenario, f, outlook, dice) -> list[Order]:
    """Does nothing: the experimental control."""
    return []


def adaptive(state, scenario, f, outlook, dice) -> list[Order]:
    """The default cartel mind (see the module docstring for its task list)."""
    orders: list[Order] = []
    for task in (retaliate, choose_posture, choose_extortion, expand, diplomacy):
        orders.extend(task(state, scenario, f, outlook, dice))
    return orders


def retaliate(state, scenario, f, outlook, dice) -> list[Order]:
    info = state.factions[f]
    grievance = state.grievance[f]
    if grievance < 0.3 or dice.random() >= info.personality.aggression * min(grievance, 1.0):
        return []
    region = int(np.argmax(state.members[f]))
    form = RETALIATION_FORMS[int(dice.integers(len(RETALIATION_FORMS)))]
    return [Retaliate(info.id, Cause.LOST_LEADERS, region=region, form=form)]


def choose_posture(state, scenario, f, outlook, dice) -> list[Order]:
    level = float(outlook.posture[f])
    if abs(level - state.posture[f]) < 0.1:
        return []
    reason = Cause.INTEL_PRESSURE if level < state.posture[f] else Cause.UNWATCHED
    return [Posture(state.factions[f].id, reason, level=round(level, 3))]


def choose_extortion(state, scenario, f, outlook, dice) -> list[Order]:
    level = float(outlook.extortion[f])
    if abs(level - state.extortion[f]) < 0.05:
        return []
    reason = Cause(outlook.extortion_reason[f])
    return [Extort(state.factions[f].id, reason, level=round(level, 3))]


PLAZA_REASONS = (Cause.ROUTE, Cause.MARKET, Cause.VACUUM, Cause.WEAK_STATE)


def expand(state, scenario, f, outlook, dice) -> list[Order]:
    """Move members toward the most attractive neighbouring plaza, if any is worth it."""
    expansion = outlook.expansion[f]
    if dice.random() >= 0.2 + 0.6 * expansion:
        return []
    dst = int(outlook.plaza[f])
    if not np.isfinite(outlook.plaza_score[f]) or outlook.plaza_score[f] < 0.6 * (1.0 - expansion):
        return []
    neighbours = scenario.map.neighbours(dst)
    src = max(neighbours, key=lambda r: state.members[f, r])
    count = round(float(state.members[f, src]) * (0.03 + 0.07 * expansion))
    if count < 1:
        return []
    reason = PLAZA_REASONS[int(outlook.plaza_reason[f])]
    return [Move(state.factions[f].id, reason, src=src, dst=dst, count=float(count))]


def diplomacy(state, scenario, f, outlook, dice) -> list[Order]:
    info = state.factions[f]
    orders: list[Order] = []
    at_war = np.flatnonzero(state.rivalry[f] >= 1.0)
    if at_war.size and dice.random() < 0.05 * (1.0 - info.personality.aggression):
        enemy = int(at_war[dice.integers(at_war.size)])
        friends = np.flatnonzero(
            (state.rivalry[enemy] >= 1.0)
            & (state.rivalry[f] < 0.5)
            & (state.alliance[f] == 0)
            & (outlook.totals >= 50)
        )
        friends = friends[friends != f]
        if friends.size:
            other = state.factions[int(friends[dice.integers(friends.size)])].id
            orders.append(Ally(info.id, Cause.COMMON_ENEMY, other=other))
    if dice.random() < 0.1 * info.personality.expansion:
        orders.extend(_absorb(state, f, outlook))
    return orders


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
