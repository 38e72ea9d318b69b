"""Loading scenarios: files and text, safety limits, the built `Scenario`, local groups."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import numpy as np
import pytest
import yaml

from game.scenario import ScenarioError, check_files, load_scenario, load_scenario_tree
from game.scenario.params import PARAMS
from game.scenario.types import ModelParams, RegionInit

LEVELS = sorted((Path(__file__).resolve().parents[2] / "levels").glob("*.yaml"))


def write(tmp_path, tree_or_text, name="scenario.yaml"):
    path = tmp_path / name
    text = tree_or_text if isinstance(tree_or_text, str) else yaml.safe_dump(tree_or_text)
    path.write_text(text, encoding="utf-8")
    return path


def only_problem(exc_info) -> str:
    problems = exc_info.value.problems
    assert len(problems) == 1, problems
    return problems[0].message


# --- a valid scenario ---------------------------------------------------------------------------


def test_a_minimal_scenario_on_a_synthetic_map_loads(tree):
    s = load_scenario_tree(tree)
    assert s.id == "tiny" and s.map.n == 4 and s.turns == 12
    assert s.start == date(2006, 12, 1)
    assert s.model == ModelParams()
    assert s.regions == (RegionInit(),) * 4
    assert [f.id for f in s.factions] == ["north", "south"]
    north = s.factions[0]
    assert s.members["north"] == {0: 100.0, 1: 50.0}
    assert north.leader.home == 0 and north.lieutenants[0].home == 1
    assert north.lieutenants[0].loyalty == 0.4
    assert s.rivalry.dtype == np.float64 and s.rivalry.shape == (2, 2)


def test_a_file_and_the_same_text_give_the_same_scenario(tmp_path, tree):
    path = write(tmp_path, tree)
    from_file = load_scenario(path)
    from_text = load_scenario(path.read_text(encoding="utf-8"))
    assert from_file.factions == from_text.factions
    assert from_file.members == from_text.members
    assert from_file.source == str(path)
    assert from_file.raw == tree


def test_zero_member_entries_are_dropped(tree):
    s = load_scenario_tree(tree)
    assert s.members["south"] == {2: 80.0}


def test_missing_optional_keys_take_the_documented_defaults(tree):
    s = load_scenario_tree(tree)
    south = s.factions[1]
    assert south.leader is None and south.lieutenants == ()
    assert south.succession_clarity == 0.5 and south.short == "SOUTH" and south.colour == 1


def test_given_model_and_region_values_replace_the_defaults(tree):
    tree["model"] = {"mobility": 0.01, "armed_group_threshold": 20}
    tree["regions"] = {"R2": {"police": 0.7, "background_homicide_rate": 2.5}}
    s = load_scenario_tree(tree)
    assert s.model.mobility == 0.01 and s.model.armed_group_threshold == 20.0
    assert s.model.recruitment_rate == ModelParams().recruitment_rate
    assert s.regions[2] == RegionInit(police=0.7, courts=0.4, background_homicide_rate=2.5)


def test_relations_are_symmetric_matrices_in_file_order(tree):
    tree["factions"].append({"id": "east", "name": "East", "allies": {"south": 0.5}})
    tree["factions"][1]["allies"] = {"east": 0.5}
    s = load_scenario_tree(tree)
    assert np.array_equal(s.rivalry, s.rivalry.T) and np.array_equal(s.alliance, s.alliance.T)
    assert s.rivalry[0, 1] == 1.0 and s.alliance[1, 2] == 0.5 and s.alliance[0, 2] == 0.0


def test_the_mexico_map_accepts_codes_iso_codes_and_accentless_names(mexico_tree):
    s = load_scenario_tree(mexico_tree)
    codes = [r.code for r in s.map.regions]
    cjng, sinaloa = s.factions
    assert {codes[i] for i in s.members[cjng.id]} == {"JAL", "MIC", "CMX"}
    assert codes[cjng.leader.home] == "JAL"
    assert {codes[i] for i in s.members[sinaloa.id]} == {"SIN", "MIC"}


def test_exponents_without_a_sign_are_numbers(tmp_path, tree):
    text = yaml.safe_dump(tree).replace("budget: 1000000", "budget: 1.5e6")
    assert load_scenario(write(tmp_path, text)).budget == 1.5e6


# --- problems with the file itself --------------------------------------------------------------


def test_a_missing_file_is_one_clear_problem(tmp_path):
    with pytest.raises(ScenarioError) as exc:
        load_scenario(tmp_path / "nope.yaml")
    assert only_problem(exc) == "no such file"
    assert str(exc.value) == f"{tmp_path / 'nope.yaml'}: no such file"


def test_a_directory_is_not_a_scenario_file(tmp_path):
    with pytest.raises(ScenarioError) as exc:
        load_scenario(tmp_path)
    assert "directory" in only_problem(exc)


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: Michoacán\n".encode("latin-1"))
    with pytest.raises(ScenarioError) as exc:
        load_scenario(path)
    assert "not UTF-8" in only_problem(exc)


def test_a_yaml_syntax_error_reports_line_and_column(tmp_path):
    path = write(tmp_path, "schema_version: 1\nfactions: [\n  {id: a\nturns: 3\n")
    with pytest.raises(ScenarioError) as exc:
        load_scenario(path)
    message = only_problem(exc)
    assert "YAML syntax error" in message and message.startswith("line 4, column")


def test_an_empty_file_is_one_clear_problem(tmp_path):
    with pytest.raises(ScenarioError) as exc:
        load_scenario(write(tmp_path, "# nothing here\n"))
    assert only_problem(exc) == "file is empty"


def test_a_top_level_list_is_refused(tmp_path):
    with pytest.raises(ScenarioError) as exc:
        load_scenario(write(tmp_path, "- 1\n- 2\n"))
    assert "top level must be a mapping" in only_problem(exc)


def test_two_documents_in_one_file_are_refused(tmp_path, tree):
    text = yaml.safe_dump(tree) + "---\n" + yaml.safe_dump(tree)
    with pytest.raises(ScenarioError) as exc:
        load_scenario(write(tmp_path, text))
    assert "one YAML document" in only_problem(exc)


def test_a_file_over_5_mb_is_refused_before_parsing(tmp_path, monkeypatch):
    """(How fast such files are refused is measured by bench/bench_hostile.py.)"""
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"[" * (5 * 1024 * 1024 + 1))  # would be a deep-nesting bomb if parsed

    def parsed(*_):
        raise AssertionError("the YAML parser saw a file over the limit")

    monkeypatch.setattr("game.scenario.reading.BoundedLoader", parsed)
    with pytest.raises(ScenarioError) as exc:
        load_scenario(path)
    assert "larger than 5 MB" in only_problem(exc)


def test_duplicate_keys_are_reported_with_their_line(tmp_path, tree):
    text = yaml.safe_dump(tree) + "turns: 24\n"
    with pytest.raises(ScenarioError) as exc:
        load_scenario(write(tmp_path, text))
    assert "duplicate key 'turns'" in only_problem(exc)
    assert only_problem(exc).startswith(f"line {text.count(chr(10))}, column 1")


def test_python_object_tags_are_refused_and_nothing_runs(tmp_path):
    marker = tmp_path / "pwned"
    text = f"schema_version: !!python/object/apply:os.system ['touch {marker}']\n"
    with pytest.raises(ScenarioError) as exc:
        load_scenario(write(tmp_path, text))
    message = only_problem(exc)
    assert "python/object/apply:os.system" in message and "not allowed" in message
    assert not marker.exists()


def test_an_alias_bomb_is_refused_by_its_expanded_size(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    with pytest.raises(ScenarioError) as exc:
        load_scenario(write(tmp_path, "\n".join(lines) + "\n"))
    # refused by the node count with aliases expanded, not after building 10^10 values
    assert "once aliases are expanded" in only_problem(exc)


def test_a_recursive_alias_is_refused(tmp_path):
    with pytest.raises(ScenarioError) as exc:
        load_scenario(write(tmp_path, "a: &loop [1, *loop]\n"))
    assert "recursive" in only_problem(exc)


def test_deep_nesting_is_refused(tmp_path):
    with pytest.raises(ScenarioError) as exc:
        load_scenario(write(tmp_path, "a: " + "[" * 500 + "]" * 500 + "\n"))
    assert "nested" in only_problem(exc)


def test_an_in_memory_tree_with_a_cycle_is_refused():
    cyclic: dict = {}
    cyclic["self"] = cyclic
    with pytest.raises(ScenarioError) as exc:
        load_scenario_tree(cyclic)
    assert "refused" in only_problem(exc)


# --- check_files --------------------------------------------------------------------------------


def test_check_files_prints_a_summary_for_clean_files_and_returns_0(tmp_path, tree):
    out = io.StringIO()
    path = write(tmp_path, tree)
    assert check_files([path], out=out) == 0
    assert out.getvalue() == f"{path}: ok (2 factions, 4 regions, 12 turns)\n"


def test_check_files_prints_every_problem_and_returns_2(tmp_path, tree):
    good = write(tmp_path, tree, "good.yaml")
    tree["turns"] = 0
    tree["factions"][0]["members"]["R9"] = 1
    bad = write(tmp_path, tree, "bad.yaml")
    out = io.StringIO()
    assert check_files([good, bad, tmp_path / "missing.yaml"], out=out) == 2
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"{good}: ok")
    assert f"{bad}: turns: must be >= 1, got 0" in lines
    assert any(line.startswith(f"{bad}: factions[0].members.R9: unknown region") for line in lines)
    assert lines[-1] == f"{tmp_path / 'missing.yaml'}: no such file"


# --- local groups -------------------------------------------------------------------------------


def with_local_groups(tree, **spec):
    tree["local_groups"] = {"count": 30, "members": 3000, "seed": 7, **spec}
    return tree


def test_local_groups_follow_the_named_factions_and_sum_to_the_members(tree):
    s = load_scenario_tree(with_local_groups(tree))
    groups = s.factions[2:]
    assert [g.id for g in groups] == [f"local_{k}" for k in range(1, 31)]
    assert all(g.local and g.leader is None and g.succession_clarity == 0.5 for g in groups)
    assert sum(sum(s.members[g.id].values()) for g in groups) == pytest.approx(3000)
    home = groups[6].home
    assert s.members[groups[6].id].keys() == {home}
    assert groups[6].name == f"Grupo local 7 (Region {home})"


def test_local_group_sizes_follow_a_power_law_of_rank(tree):
    s = load_scenario_tree(with_local_groups(tree, exponent=-1.5, rank_offset=4))
    sizes = np.array([sum(s.members[g.id].values()) for g in s.factions[2:]])
    ranks = 4 + np.arange(1, 31)
    assert np.allclose(sizes / sizes[0], (ranks / ranks[0]) ** -1.5)


def test_local_groups_are_deterministic_and_depend_on_their_seed(tree):
    first = load_scenario_tree(with_local_groups(tree))
    again = load_scenario_tree(with_local_groups(tree))
    other = load_scenario_tree(with_local_groups(tree, seed=8))
    assert first.factions == again.factions
    assert np.array_equal(first.rivalry, again.rivalry)
    assert first.factions != other.factions


def test_local_groups_live_only_in_regions_with_weight(tree):
    s = load_scenario_tree(with_local_groups(tree, regions={"R1": 1, "R3": 2}))
    homes = {g.home for g in s.factions[2:]}
    assert homes == {1, 3}


def test_local_groups_are_rivals_of_everyone_in_their_home_region(tree):
    s = load_scenario_tree(with_local_groups(tree, rivalry=0.25))
    ids = s.faction_index()
    for g in s.factions[2:]:
        k, home = ids[g.id], g.home
        present = {ids[f.id] for f in s.factions if home in s.members.get(f.id, {})} - {k}
        assert set(np.flatnonzero(s.rivalry[k])) == present
        assert all(s.rivalry[k, j] == 0.25 for j in present)
    assert np.array_equal(s.rivalry, s.rivalry.T)
    assert s.rivalry[0, 1] == 1.0  # the declared rivalry is kept


def test_local_groups_alone_make_a_valid_scenario(tree):
    tree["factions"] = []
    s = load_scenario_tree(with_local_groups(tree))
    assert len(s.factions) == 30 and s.rivalry.shape == (30, 30)


def test_every_model_parameter_can_be_set_in_the_file(tree):
    # The lower end of every parameter's plausible range (game/scenario/params.py).
    values = {p.name: p.low for p in PARAMS}
    tree["model"] = values
    s = load_scenario_tree(tree)
    assert s.model == ModelParams(**{k: float(v) for k, v in values.items()})


@pytest.mark.parametrize("path", LEVELS, ids=[p.name for p in LEVELS])
def test_every_shipped_level_loads(path):
    s = load_scenario(path)
    assert s.factions and np.array_equal(s.rivalry, s.rivalry.T)
