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

    Where it happens is the state of the operation, the target's home (Calderón et al. 2015 and
    Lindo & Padilla-Romo 2018 measure the municipality of the removal; a state is Hydra's
    smallest place); "his network" are the other states where his organisation had at least a
    tenth of its largest presence (Lindo & Padilla-Romo: +30% where the same organisation
    operates). Ratios treated/twin of homicides in months 1-6 and 7-12 after the operation
    (sums over seeds), and the share of seeds in which the home state's first six months rose.
    """
    sums = np.zeros((3, 2))  # rows: home 1-6, home 7-12, network 1-6; columns: treated, twin
    per_seed = []
    for seed in seeds:
        treated, twin = _start(scenario, seed), _start(scenario, seed)
        _advance(treated, turn - 1)
        _advance(twin, turn - 1)
        found = resolve_target(treated.state, target)
        if found is None:
            continue
        f, pid = found
        home = treated.state.person(pid)[1].home
        presence = treated.state.members[f]
        network = (presence >= 0.1 * presence.max()) & (np.arange(presence.size) != home)
        a = np.array(_advance(treated, months, [HVT(target, mode, guaranteed=True)]))
        b = np.array(_advance(twin, months))
        for k, (rows, where) in enumerate(
            ((slice(0, 6), home), (slice(6, 12), home), (slice(0, 6), network))
        ):
            sums[k] += a[rows][:, where].sum(), b[rows][:, where].sum()
        per_seed.append(a[:6, home].sum() / max(b[:6, home].sum(), 1.0))
    ratio = sums[:, 0] / np.maximum(sums[:, 1], 1.0)
    return {
        "target": target,
        "mode": mode,
        "seeds": len(per_seed),
        "ratio_months_1_6": float(ratio[0]),
        "ratio_months_7_12": float(ratio[1]),
        "ratio_network_1_6": float(ratio[2]),
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


def with_institutions(scenario: Scenario, level: float) -> Scenario:
    """The scenario with police and courts at `level` in every state (a capable state)."""
    regions = tuple(replace(r, police=level, courts=level) for r in scenario.regions)
    return replace(scenario, regions=regions)


def campaign_against_leaders(
    scenario: Scenario, seeds: range, turns: int = 120, strategy: str = "capture"
) -> dict:
    """F8: a campaign against the leaders vs the same world without it (passive), twin runs.

    Returns the mean homicide rate and armed groups at the end of both arms, and the share of
    seeds in which the campaign ended with fewer homicides.
    """
    from game.lab.runner import run_game

    ends = {"campaign": [], "passive": []}
    for seed in seeds:
        for arm, plan in (("campaign", strategy), ("passive", "passive")):
            ends[arm].append(run_game(scenario, plan, turns, seed).national[-1])
    rate = {arm: [r["homicides_per_100k"] for r in rows] for arm, rows in ends.items()}
    groups = {arm: [r["armed_groups"] for r in rows] for arm, rows in ends.items()}
    return {
        "seeds": len(seeds),
        "rate_campaign": float(np.mean(rate["campaign"])),
        "rate_passive": float(np.mean(rate["passive"])),
        "groups_campaign": float(np.mean(groups["campaign"])),
        "groups_passive": float(np.mean(groups["passive"])),
        "share_lower_rate": float(
            np.mean([c < p for c, p in zip(rate["campaign"], rate["passive"], strict=True)])
        ),
    }
