"""Groups are born and die: small groups that cannot replace their losses fold."""

import numpy as np
import pytest

from game.scenario.builder import ScenarioBuilder
from game.scenario.mapdata import synthetic_map
from game.sim import flows, groups
from game.sim.month import resolve_month
from game.sim.start import new_game

# One region, a big organisation and a small local group; no limit on the pool of recruits.
BIG, SMALL = 20_000, 30


def world(**model):
    builder = ScenarioBuilder(synthetic_map(1), recruit_pool_share=0.0, **model)
    builder = builder.faction("big", {0: BIG})
    return builder.faction("cell", {0: SMALL}, local=True).build()


def growth_of(scenario):
    state = new_game(scenario, 0)
    cells = flows.Cells(state, scenario)
    return state, flows.net_growth(cells, cells.rates(cells.members))


def test_growth_is_recruits_less_losses_per_member():
    scenario = world()
    state, growth = growth_of(scenario)
    expected = flows.expected_flows(state, scenario)
    net = expected["recruits"] - expected["arrests"] - expected["conflict_deaths"]
    net = (net - expected["exits"]).sum(axis=1) / state.members.sum(axis=1)
    np.testing.assert_allclose(growth, net, rtol=1e-12)


def test_only_a_small_group_that_is_shrinking_can_fold():
    shrinking = world(recruitment_rate=0.0)
    state, growth = growth_of(shrinking)
    assert (growth < 0).all()
    chance = groups.collapse_chance(state, shrinking, growth)
    p = shrinking.model
    assert chance[0] == 0.0  # far above the viable size
    assert chance[1] == pytest.approx(p.collapse_rate * (1 - SMALL / p.viable_size))

    growing = world(recruitment_rate=0.02)
    state, growth = growth_of(growing)
    assert (growth > 0).all()
    assert not groups.collapse_chance(state, growing, growth).any()


def play(scenario, seed, months):
    state, folded = new_game(scenario, seed), []
    for _ in range(months):
        result = resolve_month(state, scenario)
        state = result.state
        folded += [e for e in result.events if e.kind == "group_dissolved" and e.faction == "cell"]
    return state, folded


def test_when_recruits_dry_up_the_small_group_folds_and_its_members_go_home():
    # Twins: the same seeds, with and without recruits (few arrests: the cell is not arrested out
    # of existence, and it stays well above the size at which a group simply falls apart).
    dry = world(recruitment_rate=0.0, arrests_per_week=1.0, saturation_rate=1e-7)
    wet = world(recruitment_rate=0.01, arrests_per_week=1.0, saturation_rate=1e-7)
    folds = 0
    for seed in range(20):
        state, folded = play(dry, seed, 36)
        if folded:
            folds += 1
            assert folded[0].cause == "no_recruits"
            assert folded[0].data["members"] > dry.model.dissolution_size
        assert play(wet, seed, 36)[1] == []
    # Each month the chance is about 4% (0.05 x 0.8): over three years about 15 seeds in 20.
    assert folds >= 10
