"""The planner's levers: money rules, delays, side effects and politics, on small worlds."""

import numpy as np
import pytest

from game.scenario.builder import ScenarioBuilder
from game.scenario.difficulty import with_difficulty
from game.scenario.mapdata import synthetic_map
from game.sim import flows, force, levers, policy
from game.sim.levers import Allocate, key
from game.sim.month import resolve_month
from game.sim.operations import HVT, hvt_odds
from game.sim.orders import validate
from game.sim.politics import UsCooperation
from game.sim.start import new_game

# A small world: synthetic regions hold tens of thousands of people and no trafficking routes,
# so the pool of recruits and the payroll brakes would starve these groups; lever tests switch
# them off, and national arrests (eta is a national count) are scaled to ten thousand members.
NO_BRAKES = {"recruit_pool_share": 0.0, "affordability_elasticity": 0.0, "arrests_per_week": 10.0}


def world(**model):
    builder = ScenarioBuilder(synthetic_map(4), **(NO_BRAKES | model))
    builder.faction("a", {0: 4000, 1: 2000}, clarity=0.1).faction("b", {0: 3000, 2: 1000})
    return builder.rivals("a", "b", 1.0).build()


def play(state, scenario, months, orders=()):
    for k in range(months):
        state = resolve_month(state, scenario, orders if k == 0 else ()).state
    return state


def full(scenario, programme, region=None, effort=1.0):
    return Allocate(programme, effort * levers.BY_ID[programme].full_cost(scenario, region), region)


def test_the_status_quo_fits_the_budget_and_keeps_institutions_steady():
    scenario = world()
    state = new_game(scenario, 1)
    assert levers.spending(state) <= state.budget
    later = play(state, scenario, 24)
    np.testing.assert_allclose(later.police, state.police, atol=1e-9)
    np.testing.assert_allclose(later.courts, state.courts, atol=1e-9)


@pytest.mark.parametrize(
    ("order", "message"),
    [
        (Allocate("nonsense", 1.0, 0), "unknown programme"),
        (Allocate("police", 1.0, None), "funded per state"),
        (Allocate("prisons", 1.0, 2), "national programme"),
        (Allocate("police", -5.0, 0), "zero or more"),
        (Allocate("transfers", 1e15), "150%"),
    ],
)
def test_impossible_allocations_are_refused_with_a_reason(order, message):
    scenario = world()
    problems = validate(order, new_game(scenario, 1), scenario)
    assert any(message in p for p in problems)


def test_spending_beyond_the_budget_is_refused():
    scenario = world()
    state = new_game(scenario, 1)
    state.budget = levers.spending(state) + 1.0
    problems = validate(full(scenario, "police", 0, 1.5), state, scenario)
    assert any("over budget" in p for p in problems)


def test_police_funding_builds_capacity_over_years_not_months():
    scenario = world()
    state = new_game(scenario, 1)
    start = state.police[0]
    after_year = play(state, scenario, 12, [full(scenario, "police", 0, 1.5)])
    after_five = play(after_year, scenario, 48)
    target_gain = scenario.model.institution_sensitivity * (1.5 - 0.5)
    assert after_year.police[0] - start < 0.4 * target_gain
    assert after_five.police[0] - start > 0.8 * target_gain


def test_a_big_reform_lowers_arrests_before_it_raises_them():
    scenario = world()
    state = new_game(scenario, 3)
    orders = [full(scenario, "police", 0, 1.5), full(scenario, "courts", 0, 1.5)]
    reform, twin = play(state, scenario, 1, orders), play(state, scenario, 1)
    ctx_reform = flows.month_context(reform, scenario)["arrest"][:, 0].sum()
    ctx_twin = flows.month_context(twin, scenario)["arrest"][:, 0].sum()
    assert ctx_reform < ctx_twin  # strain first
    later, later_twin = play(reform, scenario, 60), play(twin, scenario, 60)
    assert (
        flows.month_context(later, scenario)["arrest"][:, 0].sum()
        > flows.month_context(later_twin, scenario)["arrest"][:, 0].sum()
    )


def test_targeted_youth_programmes_cut_recruitment_there_after_a_delay():
    scenario = world()
    state = new_game(scenario, 1)
    funded = play(state, scenario, 1, [full(scenario, "youth", 0, 1.5)])
    first = policy.recruitment_multiplier(funded, scenario)[0, 0]
    grown = policy.recruitment_multiplier(play(funded, scenario, 23), scenario)
    # At full targeted effort (1.5) recruitment there falls by youth_effect x 1.5, relative to
    # the status quo's programmes; the first month changes little, two years on most of it shows.
    effect = scenario.model.youth_effect
    full_cut = 1.0 - (1.0 - 1.5 * effect) / (1.0 - effect * policy.status_quo_effort("youth"))
    assert first > 1.0 - 0.3 * full_cut
    assert grown[0, 0] < 1.0 - 0.8 * full_cut
    assert grown[0, 1] == pytest.approx(
        policy.recruitment_multiplier(state, scenario)[0, 1], rel=0.05
    )


def test_untargeted_transfers_do_little_per_peso():
    scenario = world()
    state = new_game(scenario, 1)
    youth_pesos = sum(levers.BY_ID["youth"].full_cost(scenario, r) for r in range(4))
    youth = play(state, scenario, 36, [full(scenario, "youth", r, 1.0) for r in range(4)])
    cash = play(state, scenario, 36, [full(scenario, "transfers", None, 1.0)])
    base = policy.recruitment_multiplier(state, scenario).mean()
    cut_youth = (base - policy.recruitment_multiplier(youth, scenario).mean()) / youth_pesos
    cut_cash = (base - policy.recruitment_multiplier(cash, scenario).mean()) / (
        levers.BY_ID["transfers"].full_cost(scenario) * 0.5
    )
    assert cut_cash < cut_youth / 5


def test_freezes_bite_only_where_courts_work():
    def frozen(courts):
        builder = ScenarioBuilder(synthetic_map(1)).faction("a", {0: 5000})
        scenario = builder.region(0, courts=courts).build()
        state = play(new_game(scenario, 1), scenario, 1, [full(scenario, "financial_intel")])
        return state.freeze[0]

    assert frozen(0.9) > 4 * frozen(0.1)


def expected_civilians(troops, intel, police):
    builder = ScenarioBuilder(synthetic_map(1)).faction("a", {0: 20_000})
    scenario = builder.region(0, police=police).build()
    state = new_game(scenario, 1)
    state.troops[:] = troops
    state.regional_intel[:] = intel
    state.intel[:] = intel
    total = 0.0
    for seed in range(40):
        trial = state.copy()
        force.clashes(
            trial, scenario, policy.exposure(trial, scenario), 1, np.random.default_rng(seed)
        )
        total += trial.civilians_killed.sum()
    return total / 40


def test_civilians_killed_by_the_state_rise_with_troops_and_fall_with_intelligence_and_police():
    base = expected_civilians(1.0, 0.2, 0.2)
    assert expected_civilians(1.5, 0.2, 0.2) > base
    assert expected_civilians(1.0, 0.8, 0.2) < 0.6 * base
    assert expected_civilians(1.0, 0.2, 0.8) < 0.6 * base


def test_intelligence_and_us_cooperation_raise_operation_odds():
    scenario = world()
    state = new_game(scenario, 1)
    low = hvt_odds(state, scenario, "a.leader", "capture")
    state.intel[:] = 0.9
    high = hvt_odds(state, scenario, "a.leader", "capture")
    coop = play(state, scenario, 1, [UsCooperation(True)])
    assert high > low
    assert hvt_odds(coop, scenario, "a.leader", "capture") >= hvt_odds(
        play(state, scenario, 1), scenario, "a.leader", "capture"
    )
    assert hvt_odds(state, scenario, "a.leader", "kill") > hvt_odds(
        state, scenario, "a.leader", "capture"
    )


def test_a_fallen_kingpin_lifts_approval_at_once():
    scenario = world()
    state = new_game(scenario, 1)
    state.experiment = True
    hit = play(state, scenario, 1, [HVT("a.leader", "capture", guaranteed=True)])
    twin = play(state, scenario, 1)
    assert hit.approval > twin.approval + 3


def test_guaranteed_operations_are_refused_in_normal_play():
    scenario = world()
    problems = validate(HVT("a.leader", "kill", guaranteed=True), new_game(scenario, 1), scenario)
    assert any("experiments only" in p for p in problems)


def test_losing_all_approval_ends_the_mandate():
    scenario = world()
    state = new_game(scenario, 1)
    state.approval = 3.0
    after = resolve_month(state, scenario)
    assert after.state.status == "mandate_lost"
    assert "mandate_lost" in [e.kind for e in after.events]


def test_difficulty_changes_money_and_knowledge_never_the_dynamics():
    scenario = world()
    hard, easy = with_difficulty(scenario, "hard"), with_difficulty(scenario, "easy")
    assert easy.budget > scenario.budget > hard.budget
    assert easy.starting_intel > scenario.starting_intel > hard.starting_intel
    assert easy.model == hard.model == scenario.model  # the dynamics are the same
    assert with_difficulty(hard, "normal").budget == pytest.approx(scenario.budget)


def test_a_starting_intelligence_set_on_the_command_line_survives_the_difficulty():
    scenario = world(starting_intel=0.55)
    assert with_difficulty(scenario, "normal").starting_intel == pytest.approx(0.55)
    assert with_difficulty(scenario, "easy").starting_intel == pytest.approx(0.65)


def test_allocation_keys_name_the_state():
    assert key("police", 14) == "police@14"
    assert key("prisons", None) == "prisons"


def test_troops_arrive_a_month_after_the_order():
    scenario = world()
    state = new_game(scenario, 1)
    before = state.troops[0]
    first = play(state, scenario, 1, [full(scenario, "troops", 0, 1.0)])
    second = play(first, scenario, 1)
    assert first.troops[0] == pytest.approx(before)
    assert second.troops[0] == pytest.approx(1.0)


def test_the_troop_pool_limits_deployments_whatever_the_money():
    scenario = world()
    state = new_game(scenario, 1)
    state.budget *= 10
    orders = [full(scenario, "troops", r, 1.5) for r in range(4)]
    problems = []
    for order in orders:
        problems = validate(order, state, scenario)
        if problems:
            break
        order.apply(state, scenario, None)
    assert any("not enough units" in p for p in problems)


def test_lost_jobs_raise_recruitment_only_where_cartels_are():
    builder = ScenarioBuilder(synthetic_map(2), **NO_BRAKES).faction("a", {0: 5000})
    scenario = builder.region(0, job_losses=0.3).region(1, job_losses=0.3).build()
    calm = ScenarioBuilder(synthetic_map(2), **NO_BRAKES).faction("a", {0: 5000}).build()
    hit, base = new_game(scenario, 1), new_game(calm, 1)
    rates_hit = flows.expected_flows(hit, scenario)["recruits"]
    rates_base = flows.expected_flows(base, calm)["recruits"]
    assert rates_hit[0, 0] > 1.2 * rates_base[0, 0]
    assert rates_hit[0, 1] == rates_base[0, 1] == 0.0  # no cartel there, no recruits
