"""``--set dotted.key=value`` overrides: applied before validation, bad paths reported."""

from __future__ import annotations

import pytest
import yaml

from game.scenario import ScenarioError, load_scenario, load_scenario_tree


def override_problems(tree, *overrides) -> dict[str, str]:
    with pytest.raises(ScenarioError) as exc:
        load_scenario_tree(tree, overrides=overrides)
    return {p.path: p.message for p in exc.value.problems}


def test_overrides_change_top_level_and_model_values(tree):
    s = load_scenario_tree(tree, overrides=["turns=24", "model.recruitment_rate=0.0012"])
    assert s.turns == 24 and s.model.recruitment_rate == 0.0012
    assert s.raw["model"] == {"recruitment_rate": 0.0012}


def test_factions_are_addressed_by_id(tree):
    s = load_scenario_tree(tree, overrides=["factions.south.succession_clarity=0.9"])
    assert s.factions[1].succession_clarity == 0.9 and s.factions[0].succession_clarity == 0.5


def test_people_in_a_list_are_addressed_by_id(tree):
    s = load_scenario_tree(tree, overrides=["factions.north.lieutenants.lt_n.loyalty=1"])
    assert s.factions[0].lieutenants[0].loyalty == 1.0


def test_a_region_entry_is_created_for_a_valid_region(mexico_tree):
    s = load_scenario_tree(mexico_tree, overrides=["regions.JAL.police=0.6"])
    jal = s.map.index()["JAL"]
    assert s.regions[jal].police == 0.6 and s.regions[jal].courts == 0.4


def test_a_region_override_reuses_the_entry_under_another_spelling(mexico_tree):
    mexico_tree["regions"] = {"Michoacán": {"police": 0.2, "courts": 0.3}}
    s = load_scenario_tree(mexico_tree, overrides=["regions.mic.police=0.8"])
    assert s.raw["regions"] == {"Michoacán": {"police": 0.8, "courts": 0.3}}


def test_values_are_parsed_as_yaml_scalars(tree):
    overrides = ["name=Tiny: the sequel", "start=2010-01", "budget=2.5e6", "id='x_2'"]
    s = load_scenario_tree(tree, overrides=overrides)
    assert s.name == "Tiny: the sequel" and s.start.year == 2010 and s.budget == 2.5e6
    assert s.id == "x_2"
    assert override_problems(tree, "turns=yes") == {
        "turns": "expected a whole number, got the boolean true"
    }


def test_overrides_apply_to_files_too(tmp_path, tree):
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(tree), encoding="utf-8")
    assert load_scenario(path, ["turns=3"]).turns == 3


def test_a_bad_key_suggests_the_closest_one(tree):
    assert override_problems(tree, "model.recruitmnt_rate=0.1") == {
        "--set model.recruitmnt_rate": (
            "unknown key 'recruitmnt_rate' — did you mean 'recruitment_rate'?"
        )
    }


def test_an_unknown_faction_id_suggests_the_closest_one(tree):
    assert override_problems(tree, "factions.nrth.name=X") == {
        "--set factions.nrth.name": "no entry with id 'nrth' — did you mean 'north'?"
    }


def test_an_unknown_region_suggests_the_closest_one(mexico_tree):
    assert override_problems(mexico_tree, "regions.Jalsico.police=0.6") == {
        "--set regions.Jalsico.police": "unknown region 'Jalsico' — did you mean 'JAL' (Jalisco)?"
    }


def test_a_relation_override_needs_a_known_faction(tree):
    found = override_problems(tree, "factions.north.rivals.sout=0.5")
    assert found == {
        "--set factions.north.rivals.sout": "unknown faction 'sout' — did you mean 'south'?"
    }


@pytest.mark.parametrize(
    ("override", "fragment"),
    [
        ("turns", "expected dotted.key=value"),
        ("model..mobility=1", "empty key"),
        ("turns.months=3", "turns is a single value"),
        ("budget=[1, 2]", "expected a number, got text '[1, 2]'"),
        ('name="bad \\q escape"', "value: line 1, column"),
        ("turns=!!python/object/apply:os.system ['true']", "expected a whole number, got text"),
    ],
)
def test_malformed_overrides_are_reported(tree, override, fragment):
    found = override_problems(tree, override)
    assert len(found) == 1
    assert fragment in next(iter(found.values()))


def test_override_problems_and_validation_problems_are_reported_together(tree):
    tree["budget"] = -1
    found = override_problems(tree, "modle.mobility=0.1", "turns=0")
    assert found == {
        "--set modle.mobility": "unknown key 'modle' — did you mean 'model'?",
        "turns": "must be >= 1, got 0",
        "budget": "must be > 0.0, got -1",
    }


def test_an_override_that_breaks_a_relation_is_caught_by_validation(tree):
    found = override_problems(tree, "factions.north.rivals.south=0.5")
    assert found == {
        "factions[0].rivals.south": "is 0.5 but factions[1].rivals.north is 1.0 (must be the same)"
    }


def test_overrides_leave_the_callers_tree_unchanged(tree):
    load_scenario_tree(tree, overrides=["turns=99", "regions.R1.police=0.1"])
    assert tree["turns"] == 12 and "regions" not in tree


def test_an_override_of_an_aliased_value_changes_only_one_place(tree):
    text = yaml.safe_dump(tree) + "regions:\n  R0: &inst {police: 0.3}\n  R1: *inst\n"
    s = load_scenario(text, ["regions.R0.police=0.9"])
    assert s.regions[0].police == 0.9 and s.regions[1].police == 0.3
