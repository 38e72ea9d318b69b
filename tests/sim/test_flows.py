"""The regional stocks-and-flows model against the national model it comes from."""

import numpy as np
import pytest

from game.scenario.builder import ScenarioBuilder
from game.scenario.mapdata import synthetic_map
from game.sim import flows
from game.sim.start import new_game

RHO, ETA, THETA, OMEGA = 2.527e-3, 110.0, 1.549e-8, 4.0e-8  # Prieto-Curiel et al. (2023)


# The national model has no pool of recruits, no payroll, no postures and no deterrence by
# courts: those mechanisms of
# the regional model are switched off to compare like with like.
NATIONAL = {
    "recruitment_rate": RHO,
    "arrests_per_week": ETA,
    "conflict_rate": THETA,
    "saturation_rate": OMEGA,
    "recruit_pool_share": 0.0,
    "affordability_elasticity": 0.0,
    "posture_violence": 0.0,
    "deterrence": 0.0,
}


def one_region_world(sizes, rivalry=None, alliance=None, **model):
    builder = ScenarioBuilder(synthetic_map(1), **(NATIONAL | model))
    for k, size in enumerate(sizes):
        builder.faction(f"c{k}", {0: size})
    for (a, b), level in (rivalry or {}).items():
        builder.rivals(f"c{a}", f"c{b}", level)
    for (a, b), level in (alliance or {}).items():
        builder.allies(f"c{a}", f"c{b}", level)
    # Courts at 1: every arrest incapacitates, as in the national model; police at the reference.
    return builder.region(0, police=0.4, courts=1.0).build()


def national_rates(sizes, kernel):
    c = np.asarray(sizes, dtype=float)
    return {
        "recruits": RHO * c,
        "arrests": ETA * c / c.sum(),
        "conflict_deaths": THETA * c * (kernel @ c),
        "exits": OMEGA * c * c,
    }


def test_everyone_in_one_region_gives_the_national_model_back():
    sizes = [40_000, 20_000, 13_000, 10_000, 8_000]
    scenario = one_region_world(sizes, rivalry={(0, 1): 2.0}, alliance={(2, 3): 1.0})
    state = new_game(scenario, seed=0)
    kernel = (1 + scenario.rivalry) / (1 + scenario.alliance)
    np.fill_diagonal(kernel, 0)
    expected = national_rates(sizes, kernel)
    got = flows.expected_flows(state, scenario)
    for name, values in expected.items():
        np.testing.assert_allclose(got[name][:, 0], values, rtol=1e-12, err_msg=name)


def integrate_national(sizes, weeks):
    c = np.asarray(sizes, dtype=float)
    kernel = np.ones((len(c), len(c))) - np.eye(len(c))
    for _ in range(weeks):
        c = c + c * (RHO - ETA / c.sum() - THETA * (kernel @ c) - OMEGA * c)
    return c


def test_drawn_trajectory_follows_the_national_equations_on_average():
    sizes = [60_000, 30_000, 25_000]
    scenario = one_region_world(sizes)
    months = 60
    ends = []
    for seed in range(20):
        state = new_game(scenario, seed)
        rng = np.random.default_rng(seed)
        for _ in range(months):
            flows.add_month(state, scenario, rng)
        ends.append(state.members[:, 0])
    weeks = round(months * flows.WEEKS_PER_MONTH)
    np.testing.assert_allclose(np.mean(ends, axis=0), integrate_national(sizes, weeks), rtol=0.02)


def test_groups_in_different_regions_do_not_fight():
    scenario = ScenarioBuilder(synthetic_map(2)).faction("a", {0: 5000}).faction("b", {1: 5000})
    scenario = scenario.rivals("a", "b", 3.0).build()
    state = new_game(scenario, 0)
    assert flows.expected_flows(state, scenario)["conflict_deaths"].sum() == 0


@pytest.mark.parametrize(("relation", "more_deaths"), [("rivals", True), ("allies", False)])
def test_rivalry_raises_and_alliance_lowers_conflict(relation, more_deaths):
    def deaths(level):
        builder = ScenarioBuilder(synthetic_map(1)).faction("a", {0: 5000}).faction("b", {0: 5000})
        scenario = getattr(builder, relation)("a", "b", level).build()
        state = new_game(scenario, 0)
        return flows.expected_flows(state, scenario)["conflict_deaths"].sum()

    assert (deaths(2.0) > deaths(0.0)) == more_deaths


def test_weak_courts_release_most_of_those_arrested():
    def incapacitated(courts):
        builder = ScenarioBuilder(synthetic_map(1), **NATIONAL).faction("a", {0: 5000})
        scenario = builder.region(0, courts=courts).build()
        state = new_game(scenario, 0)
        return flows.expected_flows(state, scenario)["arrests"].sum()

    weak, strong = incapacitated(0.0), incapacitated(1.0)
    assert strong == pytest.approx(ETA)
    assert weak == pytest.approx(ETA * 0.3)


def test_arrests_follow_police_and_eta_holds_at_the_reference_capacity():
    builder = ScenarioBuilder(synthetic_map(2), **NATIONAL).faction("a", {0: 5000, 1: 5000})
    scenario = builder.region(0, police=0.8, courts=1.0).region(1, police=0.2, courts=1.0).build()
    state = new_game(scenario, 0)
    arrests = flows.expected_flows(state, scenario)["arrests"][0]
    assert arrests[0] == pytest.approx(4 * arrests[1])
    # Half the members under police at 0.8, half at 0.2: a mean of 0.5 against the reference 0.4.
    assert arrests.sum() == pytest.approx(ETA * 0.5 / 0.4)


def test_no_stock_goes_negative_under_extreme_rates():
    builder = ScenarioBuilder(synthetic_map(3), conflict_rate=1e-3, arrests_per_week=10_000)
    scenario = builder.faction("a", {0: 50, 1: 5}).faction("b", {0: 70}).rivals("a", "b", 3).build()
    state = new_game(scenario, 0)
    _, members, drawn, _ = flows.simulate_cells(state, scenario, np.random.default_rng(1))
    assert (members >= 0).all()
    assert (drawn >= 0).all()
