"""Twin-run experiments behind the research checks (FACTS.md F2, F3, F7 and the routes).

A twin run plays the same scenario with the same seed twice, one order different; because every
random stream is derived from (seed, turn, stream), whatever differs between the twins is caused
by that order. Each experiment returns plain numbers, so tests and `hydra experiment` share them.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from game.lab.runner import Game
from game.scenario.types import Scenario
from game.sim.events import Cause
from game.sim.leadership import split_faction
from game.sim.operations import HVT, Interdict, resolve_target
from game.sim.rng import rng_for


def _start(scenario: Scenario, seed: int) -> Game:
    game = Game.start(scenario, seed)
    game.state.experiment = True
    return game


def _advance(game: Game, months: int, orders=()) -> list[np.ndarray]:
    """Play `months` months (orders only in the first); return each month's homicides [R]."""
    out = []
    for k in range(months):
        game.play(list(orders) if k == 0 else [])
        out.append(game.state.homicides.copy())
    return out


def leader_removal(
    scenario: Scenario,
    target: str,
    seeds: range,
    turn: int = 3,
    mode: str = "kill",
    months: int = 15,
) -> dict:
    """Regional homicides after a guaranteed HVT on `target` at `turn`, against the twin without.

    "His states" are those where the target's faction had at least a tenth of its largest
    regional presence when the operation was ordered (Calderón et al. 2015 measure the effect
    where the organisation operates). Returns the ratio treated/twin of homicides there in months
    1-6 and 7-12 after the operation (sums over seeds), and per-seed ratios for the first six.
    """
    first, second, per_seed = [0.0, 0.0], [0.0, 0.0], []
    for seed in seeds:
        treated, twin = _start(scenario, seed), _start(scenario, seed)
        _advance(treated, turn - 1)
        _advance(twin, turn - 1)
        found = resolve_target(treated.state, target)
        if found is None:
            continue
        presence = treated.state.members[found[0]]
        where = presence >= 0.1 * presence.max()
        a = np.array(_advance(treated, months, [HVT(target, mode, guaranteed=True)]))[:, where]
        b = np.array(_advance(twin, months))[:, where]
        first[0] += a[:6].sum()
        first[1] += b[:6].sum()
        second[0] += a[6:12].sum()
        second[1] += b[6:12].sum()
        per_seed.append(a[:6].sum() / max(b[:6].sum(), 1.0))
    return {
        "target": target,
        "mode": mode,
        "seeds": len(per_seed),
        "ratio_months_1_6": first[0] / max(first[1], 1.0),
        "ratio_months_7_12": second[0] / max(second[1], 1.0),
        "share_of_seeds_higher": float(np.mean([r > 1.0 for r in per_seed])) if per_seed else 0.0,
    }


def forced_split(scenario: Scenario, faction: str | None, seeds: range, years: int = 5) -> dict:
    """Split the largest (or a named) faction at the start vs its twin; members and deaths."""
    members, deaths = [0.0, 0.0], [0.0, 0.0]
    for seed in seeds:
        treated, twin = _start(scenario, seed), _start(scenario, seed)
        state = treated.state
        f = int(np.argmax(state.members.sum(axis=1))) if faction is None else state.row(faction)
        split_faction(state, scenario, f, 0, rng_for(seed, 0, "forced_split"), cause=Cause.FORCED)
        for game, k in ((treated, 0), (twin, 1)):
            for _ in range(12 * years):
                game.play([])
            members[k] += game.state.members.sum()
            deaths[k] += sum(row["cartel_deaths"] for row in game.national[1:])
    return {
        "seeds": len(seeds),
        "members_ratio": members[0] / members[1],
        "conflict_deaths_ratio": deaths[0] / max(deaths[1], 1.0),
    }


def busiest_crossing(scenario: Scenario, seed: int = 0) -> int:
    game = _start(scenario, seed)
    game.play([])
    return int(np.argmax(game.state.arrivals))


def interdiction(scenario: Scenario, region: int | None, seeds: range, months: int = 12) -> dict:
    """Interdict a region fully for `months` vs the twin; arrivals there, elsewhere, in total."""
    there, elsewhere, total = [0.0, 0.0], [0.0, 0.0], [0.0, 0.0]
    region = busiest_crossing(scenario) if region is None else region
    for seed in seeds:
        for k, orders in ((0, [Interdict(region, 1.0)]), (1, [])):
            game = _start(scenario, seed)
            for m in range(months):
                game.play(orders if m == 0 else [])
                arrivals = game.state.arrivals
                there[k] += arrivals[region]
                elsewhere[k] += arrivals.sum() - arrivals[region]
                total[k] += arrivals.sum()
    return {
        "region": scenario.map.regions[region].name,
        "arrivals_there_ratio": there[0] / max(there[1], 1e-9),
        "arrivals_elsewhere_ratio": elsewhere[0] / max(elsewhere[1], 1e-9),
        "national_change": total[0] / max(total[1], 1e-9) - 1.0,
    }


def with_clarity(scenario: Scenario, faction: str, clarity: float) -> Scenario:
    """The scenario with one faction's succession clarity changed."""
    factions = tuple(
        replace(f, succession_clarity=clarity) if f.id == faction else f for f in scenario.factions
    )
    return replace(scenario, factions=factions)


def strategy_decade(scenario: Scenario, strategy: str, seeds: range, turns: int) -> dict:
    """Armed groups and homicide rate at the start and the end of `turns` months (seed means)."""
    from game.lab.runner import run_game

    rows = [run_game(scenario, strategy, turns, seed) for seed in seeds]
    start, end = rows[0].national[0], [g.national[-1] for g in rows]
    return {
        "strategy": strategy,
        "seeds": len(rows),
        "turns": turns,
        "armed_groups_start": float(start["armed_groups"]),
        "armed_groups_end": float(np.mean([r["armed_groups"] for r in end])),
        "homicide_rate_start": float(start["homicides_per_100k"]),
        "homicide_rate_end": float(np.mean([r["homicides_per_100k"] for r in end])),
        "leaders_removed": float(np.mean([g.state.leaders_removed for g in rows])),
    }
