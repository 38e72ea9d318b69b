"""FACTS.md F2, F3, F7 and the routes finding (Dell 2015), as twin runs over seeds."""

from pathlib import Path

import pytest

from game.lab import experiments
from game.scenario import load_scenario

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


def test_removing_a_leader_raises_homicides_in_his_states_30_to_80_percent(mexico):
    """Calderón et al. (2015): +36.5% over six months; Lindo & Padilla-Romo (2018): +80%."""
    results = [experiments.leader_removal(mexico, t, range(12)) for t in LEADERS]
    first = [r["ratio_months_1_6"] for r in results]
    later = [r["ratio_months_7_12"] for r in results]
    assert all(r["seeds"] >= 10 for r in results)
    mean_rise = sum(first) / len(first)
    assert mean_rise >= 1.3 and mean_rise <= 1.8  # +30% to +80% on average
    assert min(first) > 1.1  # every organisation's states get worse, not just the average
    assert sum(later) / len(later) > 1.05  # still elevated a year on


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


def test_interdicting_the_busiest_crossing_diverts_flow_but_barely_changes_the_total(mexico):
    result = experiments.interdiction(mexico, None, range(3))
    assert result["arrivals_there_ratio"] < 0.8
    assert result["arrivals_elsewhere_ratio"] > 1.05
    assert abs(result["national_change"]) < 0.15


def test_a_decapitation_campaign_from_2006_multiplies_armed_groups_and_homicides():
    scenario = load_scenario(LEVELS / "calderon_2006.yaml")
    result = experiments.strategy_decade(scenario, "decapitation", range(10), turns=72)
    assert result["armed_groups_end"] >= 5 * result["armed_groups_start"]
    assert result["homicide_rate_end"] >= 2 * result["homicide_rate_start"]
