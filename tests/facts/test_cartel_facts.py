"""FACTS.md F2, F3, F7 and the routes finding (Dell 2015), as twin runs over seeds.

No rule adds violence because a leader fell: what follows a removal comes from the disruption of
the organisation, the claimants fighting over the fallen leader's plaza, rivals moving into the
vacuum and retaliation (game/sim/leadership.py); these tests check that those mechanisms alone
give the effects the research measured."""

from pathlib import Path

import numpy as np
import pytest

from game.lab import experiments
from game.scenario import load_scenario
from game.scenario.builder import ScenarioBuilder
from game.scenario.mapdata import synthetic_map

LEVELS = Path(__file__).resolve().parents[2] / "levels"


@pytest.fixture(scope="module")
def mexico():
    return load_scenario(LEVELS / "mexico_2026.yaml")


LEADERS = [
    "cdn.leader",
    "sinaloa_chapitos.leader",
    "sinaloa_mayos.leader",
    "familia.leader",
    "tepito.leader",
    "linea.leader",
    "carteles_unidos.leader",
    "santa_rosa.leader",
]
# What a leader's fall sets off (game/sim/leadership.py): disruption of the organisation and of
# its heir's splinters, the disrupted group's weaker defence and unruly men, splinters at war.
FALL = (
    "heir_disruption",
    "splinter_disruption",
    "disruption_vulnerability",
    "disruption_violence",
    "splinter_rivalry",
)
# Three of them each carry part of the rise: without any one the mean misses the band (12 seeds,
# measured 6 December 2026: 1.24, 1.20 and 1.26 against 1.44 with all of them). The other two
# act elsewhere (an heir's own splinters; violence against the public, not between claimants).
NEEDED = ("splinter_disruption", "disruption_vulnerability", "splinter_rivalry")
BAND = (1.3, 1.8)  # +30% to +80% over months 1-6, on average over the organisations


def mean_rise(scenario, seeds) -> float:
    """Mean over LEADERS of homicides where the organisation operated, months 1-6, against the
    twin without the removal."""
    ratios = [experiments.leader_removal(scenario, t, seeds)["ratio_months_1_6"] for t in LEADERS]
    return float(np.mean(ratios))


def test_removing_a_leader_raises_homicides_where_it_happens_30_to_80_percent(mexico):
    """Calderón et al. (2015): +36.5% over six months; Lindo & Padilla-Romo (2018): +80% in the
    municipality, +30% where the same organisation operates. Hydra's place is a state.

    The rise must come from the mechanisms of a fall (disruption, claimants fighting over the
    throne, splinters at war): with the parameters of FALL at zero the same removals give +8%
    on average, below the band (asserted below)."""
    results = [experiments.leader_removal(mexico, t, range(12)) for t in LEADERS]
    first = [r["ratio_months_1_6"] for r in results]
    later = [r["ratio_months_7_12"] for r in results]
    network = [r["ratio_network_1_6"] for r in results if r["ratio_network_1_6"] > 0]
    assert all(r["seeds"] >= 10 for r in results)
    low, high = BAND
    assert low <= float(np.mean(first)) <= high
    # The band is the mechanisms' doing: take any one of those that carry it away and the same
    # removals, on the same seeds, fall below it.
    for name in NEEDED:
        without = load_scenario(LEVELS / "mexico_2026.yaml", [f"model.{name}=0"])
        assert mean_rise(without, range(12)) < low, name
    assert min(first) > 1.1  # every organisation's removal, not just the average
    # and in most worlds, not in a few violent seeds that carry the sum
    assert float(np.mean([r["share_of_seeds_higher"] for r in results])) >= 0.75
    assert float(np.mean(later)) > 1.05  # still elevated a year on
    assert float(np.mean(network)) > 1.0  # and where the organisation operates
    # The same removals without the fall's mechanisms (6 seeds): the raid's own deaths,
    # retaliation and chance stay below the band, so the band measures the mechanisms.
    bare = load_scenario(LEVELS / "mexico_2026.yaml", [f"model.{k}=0" for k in FALL])
    ablated = mean_rise(bare, range(6))
    assert ablated < 1.2
    assert float(np.mean(first)) - ablated > 0.2


def test_a_clear_heir_gives_a_much_smaller_effect_than_a_contested_succession(mexico):
    clear = experiments.with_clarity(mexico, "cdn", 1.0)
    contested = experiments.with_clarity(mexico, "cdn", 0.0)
    calm = experiments.leader_removal(clear, "cdn.leader", range(12))["ratio_months_1_6"]
    war = experiments.leader_removal(contested, "cdn.leader", range(12))["ratio_months_1_6"]
    assert war - 1.0 > 2.0 * (calm - 1.0)


def test_splitting_the_largest_faction_keeps_members_but_raises_conflict_deaths():
    scenario = load_scenario(LEVELS / "calibration_2012.yaml")
    result = experiments.forced_split(scenario, None, range(10), years=5)
    assert abs(result["members_ratio"] - 1.0) < 0.05
    assert result["conflict_deaths_ratio"] > 1.05


def test_interdicting_the_busiest_crossing_diverts_flow_and_the_national_flow_barely_moves(
    mexico,
):
    result = experiments.interdiction(mexico, None, range(3))
    assert result["arrivals_there_ratio"] < 0.8
    assert result["arrivals_elsewhere_ratio"] > 1.05
    assert abs(result["national_change"]) < 0.1


def one_route_world():
    """A chain of regions: drugs are produced at one end and cross at the other; no detour."""
    world = synthetic_map(5)
    regions = tuple(
        r.__class__(**{**r.__dict__, "crossings": ("Only crossing",) if i == 4 else (),
                       "seaports": (), "production": i == 0})
        for i, r in enumerate(world.regions)
    )  # fmt: skip
    chain = world.__class__(world.name, regions, tuple((i, i + 1) for i in range(4)))
    return ScenarioBuilder(chain).faction("a", {2: 1000}).build()


def test_with_a_single_route_the_same_interdiction_bites(mexico):
    """National flow can fall: when there is no other route, seizures raise the price and the US
    buys less (demand elasticity, Gallet 2014); 'barely changes' on the Mexico map comes from
    route substitution, not from a fixed flow. Over the first year (the price adjusts over
    months) the single route loses several times what the Mexico map loses."""
    alone = experiments.interdiction(one_route_world(), 4, range(2))["national_change"]
    mexico_change = experiments.interdiction(mexico, None, range(2))["national_change"]
    assert alone < -0.05
    assert alone < 2 * mexico_change


def test_a_decapitation_campaign_from_2006_multiplies_armed_groups_and_homicides():
    scenario = load_scenario(LEVELS / "calderon_2006.yaml")
    campaign = experiments.strategy_decade(scenario, "decapitation", range(10), turns=72)
    twin = experiments.strategy_decade(scenario, "passive", range(10), turns=72)
    assert campaign["armed_groups_end"] >= 5 * campaign["armed_groups_start"]
    assert campaign["homicide_rate_end"] >= 2 * campaign["homicide_rate_start"]
    assert campaign["armed_groups_end"] > 2 * twin["armed_groups_end"]  # the campaign did it
    assert campaign["homicide_rate_end"] > 1.3 * twin["homicide_rate_end"]
