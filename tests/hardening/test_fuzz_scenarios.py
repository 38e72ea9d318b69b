"""Hostile scenario files: every mutation of every shipped level is either accepted or refused
with located problems — never another exception, never a hang.

Profiles: the default runs 1,250 mutations per level (5,000 in all); set HYDRA_FUZZ=nightly for
20,000 per level.
"""

import copy
import math
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import ScenarioError, load_scenario_tree
from game.scenario.reading import BoundedLoader

LEVELS = sorted((Path(__file__).resolve().parents[2] / "levels").glob("*.yaml"))
EXAMPLES = 20_000 if os.environ.get("HYDRA_FUZZ") == "nightly" else 1_250


def read(path: Path):
    loader = BoundedLoader(path.read_text(encoding="utf-8"))
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


TREES = {p.stem: read(p) for p in LEVELS}

nasty_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -1e-308, 0, -1, 10**12]),
    st.text(max_size=40),
    st.sampled_from(["x" * 100_000, "Michoacán", "ñ" * 300, "\u202e\u0000", "JAL", "cjng", ""]),
    st.lists(st.integers(), max_size=4),
    st.dictionaries(st.text(max_size=8), st.integers(), max_size=3),
    st.recursive(st.integers(), lambda inner: st.lists(inner, max_size=2), max_leaves=60),
)


def paths(tree, prefix=()):
    """Every path into the tree (dict keys and list indexes)."""
    yield prefix
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(tree, list):
        for i, v in enumerate(tree):
            yield from paths(v, prefix + (i,))


PATHS = {name: [p for p in paths(tree) if p] for name, tree in TREES.items()}


def mutate(tree, path, op, value):
    tree = copy.deepcopy(tree)
    parent = tree
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if op == "delete":
        del parent[last]
    elif op == "replace":
        parent[last] = value
    elif op == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))  # duplicate ids, people, factions
    elif op == "nest":
        parent[last] = [[[[[[parent[last]]]]]]]
    elif op == "rename" and isinstance(parent, dict):
        parent[str(value)[:20] + "_"] = parent.pop(last)
    else:
        parent[last] = value
    return tree


@pytest.mark.parametrize("level", sorted(TREES))
@settings(
    max_examples=EXAMPLES,
    deadline=2000,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_every_mutation_is_accepted_or_refused_with_located_problems(level, data):
    path = data.draw(st.sampled_from(PATHS[level]))
    op = data.draw(st.sampled_from(["delete", "replace", "duplicate", "nest", "rename"]))
    value = data.draw(nasty_values)
    tree = mutate(TREES[level], path, op, value)
    try:
        load_scenario_tree(tree)
    except ScenarioError as err:
        assert err.problems
        assert all(problem.message.strip() for problem in err.problems)
        # A mutation deep in the tree is reported at a place, not as a problem of the whole file.
        if len(path) > 1 and op != "nest":
            assert any(problem.path for problem in err.problems)
        assert len(str(err).splitlines()) >= len(err.problems)


def test_the_shipped_levels_all_load_as_parsed():
    for tree in TREES.values():
        load_scenario_tree(tree)


def test_a_yaml_alias_bomb_is_refused_by_its_expanded_size(tmp_path):
    """(How fast: bench/bench_hostile.py.)"""
    from game.scenario import load_scenario

    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for k in range(1, 9):
        lines.append(f"{chr(97 + k)}: &{chr(97 + k)} [" + ", ".join([f"*{chr(96 + k)}"] * 9) + "]")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as exc:
        load_scenario(bomb)
    assert "once aliases are expanded" in str(exc.value)


def test_python_tags_never_run(tmp_path):
    from game.scenario import load_scenario

    marker = tmp_path / "ran"
    evil = tmp_path / "evil.yaml"
    evil.write_text(f"!!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    with pytest.raises(ScenarioError):
        load_scenario(evil)
    assert not marker.exists()
    assert yaml.safe_load("a: 1") == {"a": 1}
