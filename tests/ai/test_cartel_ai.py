"""The cartel AI: what each faction decides, and why."""

from dataclasses import replace

import numpy as np

from game.ai.cartel import cartel_orders
from game.scenario.builder import ScenarioBuilder
from game.scenario.mapdata import synthetic_map
from game.scenario.types import Personality
from game.sim.cartel_orders import Move, Posture, Retaliate
from game.sim.leadership import remove_person
from game.sim.start import new_game

BOLD = Personality(aggression=0.9, expansion=0.9, corruption=0.5, caution=0.1)


def row_world():
    """Three regions in a row: a strong expansive faction next to a rival's stronghold."""
    world = replace(synthetic_map(3), adjacency=((0, 1), (1, 2)))
    builder = ScenarioBuilder(world).faction("hawk", {0: 8000, 1: 500}, personality=BOLD)
    builder.faction("dove", {2: 3000, 1: 2500}, clarity=0.0)
    return builder.rivals("hawk", "dove", 1.0).build()


def orders_of(state, scenario, fid, turns=range(30), **kw):
    out = []
    for t in turns:
        s = state.copy()
        s.turn = t
        out += [o for o in cartel_orders(s, scenario, **kw) if o.faction == fid]
    return out


def test_the_null_policy_does_nothing():
    scenario = row_world()
    state = new_game(scenario, 1)
    assert cartel_orders(state, scenario, default="null") == []


def test_rivals_move_into_a_vacuum_left_by_a_fallen_leader():
    scenario = row_world()
    state = new_game(scenario, 1)
    calm = [o for o in orders_of(state, scenario, "hawk") if isinstance(o, Move)]
    remove_person(state, scenario, "dove_leader", "killed", 1, np.random.default_rng(0))
    shaken = [o for o in orders_of(state, scenario, "hawk") if isinstance(o, Move)]
    assert sum(o.reason == "vacuum" for o in shaken) > sum(o.reason == "vacuum" for o in calm)


def test_factions_lie_low_under_intelligence_pressure():
    scenario = row_world()
    state = new_game(scenario, 1)
    state.intel[:] = 1.0
    state.memory[:] = 2.0
    postures = [o for o in orders_of(state, scenario, "dove", range(1)) if isinstance(o, Posture)]
    assert postures and postures[0].level < state.posture[1]
    assert postures[0].reason == "intel_pressure"


def test_killing_provokes_more_retaliation_than_capturing():
    scenario = row_world()

    def retaliations(how):
        state = new_game(scenario, 1)
        state.grievance[1] = 1.0 if how == "killed" else 0.6
        return sum(isinstance(o, Retaliate) for o in orders_of(state, scenario, "dove", range(200)))

    assert retaliations("killed") > retaliations("captured")


def test_one_factions_policy_never_changes_anothers_decisions():
    scenario = row_world()
    state = new_game(scenario, 4)
    both = orders_of(state, scenario, "hawk")
    dove_null = orders_of(state, scenario, "hawk", policies={"dove": "null"})
    assert both == dove_null


def test_the_balanced_plan_strikes_where_an_heir_holds_and_the_odds_are_good():
    from game.ai.planners import GOOD_ODDS, balanced
    from game.sim.operations import HVT, hvt_odds

    scenario = row_world()
    state = new_game(scenario, 1)
    state.factions = (replace(state.factions[0], succession_clarity=0.9),) + state.factions[1:]
    state.intel[:] = 1.0
    state.posture[:] = 1.0
    assert hvt_odds(state, scenario, "hawk_leader", "capture") >= GOOD_ODDS  # reachable
    ops = [o for o in balanced(state, scenario, 2) if isinstance(o, HVT)]
    assert [(o.target, o.mode) for o in ops] == [("hawk_leader", "capture")]
    state.intel[:] = 0.0  # without intelligence, no operation
    assert not [o for o in balanced(state, scenario, 2) if isinstance(o, HVT)]


def test_announced_conditional_targeting_makes_the_most_violent_group_lie_low_and_strike_less():
    """Lessing (2017): conditional repression gives groups a reason to be less violent."""
    scenario = row_world()
    state = new_game(scenario, 1)
    state.violence[:] = [10.0, 1.0]  # hawk is the most violent
    state.grievance[:] = 1.0
    quiet = state.copy()
    quiet.targeting = True

    def strikes(s):
        return sum(isinstance(o, Retaliate) for o in orders_of(s, scenario, "hawk", range(100)))

    from game.ai.cartel import Outlook

    assert Outlook(quiet, scenario).posture[0] < Outlook(state, scenario).posture[0]
    assert strikes(quiet) < strikes(state)
