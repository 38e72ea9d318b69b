"""Leaders, lieutenants, successions and splits."""

from dataclasses import replace

import numpy as np

from game.scenario.builder import ScenarioBuilder
from game.scenario.mapdata import synthetic_map
from game.scenario.types import Person
from game.sim.leadership import remove_person, split_faction
from game.sim.start import new_game
from game.text.names import faction_label, state_lookup


def world(clarity=0.0):
    lts = [
        Person("a_north", "El Norte", 0, 0.6),
        Person("a_south", "El Sur", 3, 0.4),
        Person("a_east", "El Este", 2, 0.5),
    ]
    builder = ScenarioBuilder(synthetic_map(4)).faction(
        "a", {0: 3000, 1: 2000, 2: 1500, 3: 2500}, clarity=clarity, lieutenants=lts, short="A"
    )
    return builder.faction("b", {1: 1000}).rivals("a", "b", 1.0).build()


def test_a_contested_succession_splits_the_faction_into_hostile_splinters():
    scenario = world(clarity=0.0)
    state = new_game(scenario, 1)
    total = state.members.sum()
    events = remove_person(state, scenario, "a_leader", "killed", 1, np.random.default_rng(0))
    assert [e.kind for e in events][:2] == ["leader_removed", "faction_split"]
    splinters = [f for f in state.factions if f.parent == "a"]
    assert 2 <= len(splinters) <= 5
    lookup, places = state_lookup(state), [r.name for r in scenario.map.regions]
    assert all(
        faction_label(f, lookup, places, "es").startswith("A – facción de") for f in splinters
    )
    assert all(faction_label(f, lookup, places, "en").endswith("'s faction") for f in splinters)
    assert state.factions[0].dissolved == 1 and state.members[0].sum() == 0
    assert state.members.sum() == np.float64(total)  # nobody lost in the split itself
    rows = [state.row(f.id) for f in splinters]
    assert all(state.rivalry[i, j] > 1 for i in rows for j in rows if i != j)
    assert state.splits == 1 and state.leaders_removed == 1


def test_a_clear_heir_keeps_the_faction_whole():
    scenario = world(clarity=1.0)
    state = new_game(scenario, 1)
    events = remove_person(state, scenario, "a_leader", "captured", 1, np.random.default_rng(0))
    assert "succession_clear" in [e.kind for e in events]
    assert state.factions[0].leader.id == "a_north"  # the most loyal lieutenant
    assert state.n_factions == 2 and state.prisoners == ("a_leader",)


def test_splinters_inherit_their_lieutenants_regions():
    scenario = world()
    state = new_game(scenario, 1)
    split_faction(state, scenario, 0, 1, np.random.default_rng(0))
    for f in state.factions[2:]:
        home = f.leader.home
        row = state.row(f.id)
        assert state.members[row, home] == state.members[2:, home].max()


def test_splinters_can_split_again():
    scenario = world()
    state = new_game(scenario, 1)
    split_faction(state, scenario, 0, 1, np.random.default_rng(0))
    state.factions = (
        state.factions[:2]
        + (replace(state.factions[2], succession_clarity=0.0),)
        + state.factions[3:]
    )
    first = state.factions[2]
    remove_person(state, scenario, first.leader.id, "killed", 2, np.random.default_rng(1))
    grandchildren = [f for f in state.factions if f.parent == first.id]
    assert len(grandchildren) >= 2
    assert state.factions[2].dissolved == 2


def test_a_lieutenant_matters_more_on_a_route():
    scenario = world()
    blows = []
    for flow in (np.array([0, 0, 0, 10.0]), np.array([0, 0, 10.0, 0])):
        state = new_game(scenario, 1)
        state.drug_flow = flow
        before = state.disruption[0]
        remove_person(state, scenario, "a_east", "captured", 1, np.random.default_rng(0))
        blows.append(state.disruption[0] - before)
    off_route, on_route = blows
    assert off_route > 0
    assert on_route > 1.5 * off_route


def test_at_the_bound_on_organisations_no_group_is_born_and_a_fallen_leader_has_one_heir(
    monkeypatch,
):
    from game.sim import groups

    scenario = world(clarity=0.0)
    state = new_game(scenario, 1)
    # A world where groups would be born freely: five expected in every state.
    monkeypatch.setattr(groups, "expected_births", lambda s, _: np.full(s.n_regions, 5.0))
    monkeypatch.setattr("game.sim.state.MAX_ORGANISATIONS", 2)  # the two alive now
    assert groups.births(state, scenario, 1, np.random.default_rng(0)) == []
    events = remove_person(state, scenario, "a_leader", "killed", 1, np.random.default_rng(0))
    assert "faction_split" not in [e.kind for e in events]
    assert state.n_factions == 2 and state.factions[0].leader is not None
    monkeypatch.setattr("game.sim.state.MAX_ORGANISATIONS", 4)  # room for two more: two are born
    assert len(groups.births(state, scenario, 2, np.random.default_rng(0))) == 2
