"""Validation: every problem is found at once, located by path, with "did you mean" hints."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import Problem, ScenarioError, load_scenario_tree
from game.scenario.types import Scenario


def problems_of(tree) -> dict[str, str]:
    """path -> message for every problem in `tree` (fails if the tree is valid)."""
    with pytest.raises(ScenarioError) as exc:
        load_scenario_tree(tree, source="t.yaml")
    return {p.path: p.message for p in exc.value.problems}


# --- unknown names ------------------------------------------------------------------------------


def test_unknown_key_suggests_the_closest_key(tree):
    tree["model"] = {"recruitmnt_rate": 0.001}
    tree["factions"][1]["rival"] = {}
    found = problems_of(tree)
    assert found["model.recruitmnt_rate"] == (
        "unknown key 'recruitmnt_rate' — did you mean 'recruitment_rate'?"
    )
    assert found["factions[1].rival"] == "unknown key 'rival' — did you mean 'rivals'?"


def test_unknown_region_suggests_the_closest_name(mexico_tree):
    mexico_tree["factions"][0]["lieutenants"] = [{"id": "x", "name": "X", "home": "Jalsico"}]
    found = problems_of(mexico_tree)
    assert found["factions[0].lieutenants[0].home"] == (
        "unknown region 'Jalsico' — did you mean 'JAL' (Jalisco)?"
    )


@pytest.mark.parametrize(
    "spelling", ["MIC", "mic", "MX-MIC", "Michoacan", "MICHOACÁN", "Michoacán de Ocampo"]
)
def test_regions_match_by_code_iso_or_name_ignoring_case_and_accents(mexico_tree, spelling):
    mexico_tree["regions"] = {spelling: {"police": 0.9}}
    s = load_scenario_tree(mexico_tree)
    assert s.regions[s.map.index()["MIC"]].police == 0.9


def test_the_same_region_twice_under_two_spellings_is_reported(mexico_tree):
    mexico_tree["factions"][0]["members"]["Jalisco"] = 5
    found = problems_of(mexico_tree)
    assert found["factions[0].members.Jalisco"] == "repeats region 'JAL' (Jalisco), given as 'JAL'"


def test_unknown_region_on_a_synthetic_map_is_reported(tree):
    tree["factions"][1]["members"] = {"R7": 10, "Region 1": 5}
    assert problems_of(tree) == {"factions[1].members.R7": "unknown region 'R7'"}


def test_unknown_faction_in_relations_suggests_the_closest_id(tree):
    tree["factions"][0]["rivals"] = {"soth": 1.0, "south": 1.0}
    found = problems_of(tree)
    assert found["factions[0].rivals.soth"] == "unknown faction 'soth' — did you mean 'south'?"


def test_unknown_map_is_reported_with_the_accepted_forms(tree):
    tree["map"] = "mexico"
    assert "did you mean 'mexico_states'?" in problems_of(tree)["map"]


@pytest.mark.parametrize("spec", ["synthetic:0", "synthetic:20001"])
def test_synthetic_maps_have_between_1_and_20000_regions(tree, spec):
    tree["map"] = spec
    assert "1..20000" in problems_of(tree)["map"]


# --- types and ranges ---------------------------------------------------------------------------

BAD_VALUES = [
    ("budget", True, "expected a number, got the boolean true"),
    ("turns", 12.5, "expected a whole number, got number 12.5"),
    ("turns", "12", "expected a whole number, got text '12'"),
    ("turns", 0, "must be >= 1, got 0"),
    ("turns", 1201, "must be <= 1200, got 1201"),
    ("budget", 0, "must be > 0.0, got 0"),
    ("budget", float("inf"), "must be a finite number, got inf"),
    ("budget", float("nan"), "must be a finite number, got nan"),
    ("id", "Tiny Scenario", "'Tiny Scenario' may use only lower-case letters a-z, digits and _"),
    ("name", "", "must not be empty"),
    ("name", "x" * 201, "is 201 characters long; at most 200 allowed"),
    ("description", "x" * 5001, "is 5001 characters long; at most 5000 allowed"),
    ("factions", {"north": {}}, "expected a list, got mapping {'north': {}}"),
    ("model", 3, "expected a mapping, got integer 3"),
]


@pytest.mark.parametrize(("key", "value", "message"), BAD_VALUES)
def test_a_bad_top_level_value_is_reported_at_its_key(tree, key, value, message):
    tree[key] = value
    assert problems_of(tree) == {key: message}


def test_numbers_out_of_their_documented_range_are_refused(tree):
    tree["model"] = {"mobility": 0.6, "conflict_rate": -1e-9}
    tree["regions"] = {"R0": {"courts": 1.5}}
    tree["factions"][0]["lieutenants"][0]["loyalty"] = 2
    tree["factions"][0]["colour"] = 16
    found = problems_of(tree)
    assert found["model.mobility"] == "must be <= 0.05, got 0.6"  # its documented range
    assert found["model.conflict_rate"] == "must be >= 0.0, got -1e-09"
    assert found["regions.R0.courts"] == "must be <= 1.0, got 1.5"
    assert found["factions[0].lieutenants[0].loyalty"] == "must be <= 1.0, got 2"
    assert found["factions[0].colour"] == "must be <= 15, got 16"


def test_negative_members_are_refused(tree):
    tree["factions"][0]["members"]["R0"] = -5
    assert problems_of(tree) == {"factions[0].members.R0": "must be >= 0.0, got -5"}


def test_a_boolean_is_not_a_number_anywhere(tree):
    tree["factions"][0]["members"]["R0"] = True
    tree["factions"][0]["succession_clarity"] = False
    found = problems_of(tree)
    assert found["factions[0].members.R0"] == "expected a number, got the boolean true"
    assert found["factions[0].succession_clarity"] == "expected a number, got the boolean false"


def test_a_non_text_region_key_is_reported(tree):
    tree["factions"][0]["members"] = {1: 10}
    assert problems_of(tree) == {"factions[0].members[1]": "expected text, got integer 1"}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "required key is missing"),
        (2, "must be 1, got 2"),
        (True, "expected a whole number, got the boolean true"),
        ("1", "expected a whole number, got text '1'"),
    ],
)
def test_schema_version_must_be_1(tree, value, message):
    if value is None:
        del tree["schema_version"]
    else:
        tree["schema_version"] = value
    assert problems_of(tree) == {"schema_version": message}


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("2006-13", "must be a month as YYYY-MM, got '2006-13'"),
        ("2006", "must be a month as YYYY-MM"),
        ("Dec 2006", "must be a month as YYYY-MM"),
        (200612, "expected text, got integer 200612"),
        (dt.date(2006, 12, 1), "the date 2006-12-01 (quote it or write YYYY-MM)"),
    ],
)
def test_start_must_be_a_year_and_month(tree, value, fragment):
    tree["start"] = value
    assert fragment in problems_of(tree)["start"]


# --- ids and relations --------------------------------------------------------------------------


def test_duplicate_faction_ids_are_reported(tree):
    tree["factions"].append({"id": "north", "name": "North again"})
    assert problems_of(tree)["factions[2].id"] == "duplicate faction id 'north' (also factions[0])"


def test_generated_group_ids_are_reserved(tree):
    tree["factions"].append({"id": "local_3", "name": "Impostor"})
    assert "reserved" in problems_of(tree)["factions[2].id"]


def test_duplicate_person_ids_are_reported_across_factions(tree):
    tree["factions"][1]["leader"] = {"id": "lt_n", "name": "Copy", "home": "R2"}
    assert problems_of(tree) == {
        "factions[1].leader.id": "duplicate person id 'lt_n' (also factions[0].lieutenants[0])"
    }


def test_a_one_sided_relation_names_the_missing_side(tree):
    del tree["factions"][1]["rivals"]
    assert problems_of(tree) == {
        "factions[0].rivals.south": (
            "is 1.0 but factions[1].rivals.north is missing (declare relations on both sides)"
        )
    }


def test_a_relation_with_two_different_values_is_reported_once(tree):
    tree["factions"][1]["rivals"]["north"] = 0.5
    assert problems_of(tree) == {
        "factions[0].rivals.south": "is 1.0 but factions[1].rivals.north is 0.5 (must be the same)"
    }


def test_a_faction_cannot_be_its_own_rival_or_ally(tree):
    tree["factions"][0]["rivals"]["north"] = 1.0
    tree["factions"][0]["allies"] = {"north": 1.0}
    found = problems_of(tree)
    assert found["factions[0].rivals.north"] == "a faction cannot be its own rival"
    assert found["factions[0].allies.north"] == "a faction cannot be its own ally"


def test_a_faction_cannot_be_rival_and_ally_of_the_same_faction(tree):
    tree["factions"][0]["allies"] = {"south": 1.0}
    tree["factions"][1]["allies"] = {"north": 1.0}
    assert problems_of(tree) == {"factions[0].rivals.south": "'south' is both a rival and an ally"}


def test_a_parent_must_be_another_known_faction(tree):
    tree["factions"][0]["parent"] = "north"
    tree["factions"][1]["parent"] = "nort"
    assert problems_of(tree) == {
        "factions[0].parent": "a faction cannot be its own parent",
        "factions[1].parent": "unknown faction 'nort' — did you mean 'north'?",
    }


def test_a_file_with_no_factions_and_no_local_groups_is_refused(tree):
    tree["factions"] = []
    assert problems_of(tree) == {
        "factions": "needs at least one faction (or local_groups with count >= 1)"
    }


def test_local_group_weights_must_name_known_regions_and_not_all_be_zero(tree):
    tree["local_groups"] = {"count": 5, "members": 100, "regions": {"R1": 0, "R9": 1}}
    found = problems_of(tree)
    assert found["local_groups.regions.R9"].startswith("unknown region 'R9'")
    assert found["local_groups.regions"] == "weights must not all be zero"


# --- reporting ----------------------------------------------------------------------------------


def test_several_problems_in_one_file_are_all_reported(mexico_tree):
    mexico_tree["turns"] = "twelve"
    mexico_tree["colour"] = 3
    mexico_tree["factions"][0]["members"]["Jalsco"] = 10
    mexico_tree["factions"][0]["rivals"]["sinaloa"] = 0.3
    mexico_tree["factions"][1]["leader"] = {"id": "mencho", "name": "Dup", "home": "SIN"}
    assert set(problems_of(mexico_tree)) == {
        "turns",
        "colour",
        "factions[0].members.Jalsco",
        "factions[0].rivals.sinaloa",
        "factions[1].leader.id",
    }


def test_the_error_text_lists_every_problem_as_file_path_message(tree):
    tree["turns"] = 0
    tree["budget"] = -1
    with pytest.raises(ScenarioError) as exc:
        load_scenario_tree(tree, source="levels/x.yaml")
    assert str(exc.value).splitlines() == [
        "levels/x.yaml: turns: must be >= 1, got 0",
        "levels/x.yaml: budget: must be > 0.0, got -1",
    ]
    assert exc.value.problems[0] == Problem("turns", "must be >= 1, got 0", "levels/x.yaml")


def test_keys_with_spaces_are_quoted_in_paths(mexico_tree):
    mexico_tree["regions"] = {"Estado de Mexico": {"police": 7}}
    assert 'regions["Estado de Mexico"].police' in problems_of(mexico_tree)


# --- robustness ---------------------------------------------------------------------------------

ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(),
    st.sampled_from([10**400, -(10**400), "", "x" * 300, "R1", "north", "mexico_states"]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def _containers(node, out):
    """Every (container, key) pair in a tree, for choosing what to mutate."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in list(items):
        out.append((node, key))
        if isinstance(value, (dict, list)):
            _containers(value, out)
    return out


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_random_mutations_give_a_scenario_or_a_scenario_error(tree, data):
    tree["local_groups"] = {"count": 3, "members": 30, "regions": {"R1": 1}}
    tree["regions"] = {"R0": {"police": 0.5}}
    mutated = copy.deepcopy(tree)
    for _ in range(data.draw(st.integers(1, 3))):
        places = _containers(mutated, [])
        node, key = data.draw(st.sampled_from(places))
        if data.draw(st.booleans()):
            del node[key]
        else:
            node[key] = data.draw(ANY_VALUE)
    try:
        result = load_scenario_tree(mutated)
    except ScenarioError as exc:
        assert exc.problems and all(isinstance(p, Problem) for p in exc.problems)
    else:
        assert isinstance(result, Scenario)
