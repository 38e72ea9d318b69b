"""The classroom level (issue 6, "A lesson in a box"): `levels/classroom_24.yaml` loads, lasts 24
months, has a handful of named factions, and shows the decapitation lesson within those 24 months:
over 10 seeds (common random numbers: seed k is the same world for both plans), the decapitation
planner ends with more armed groups than the passive one and removes more leaders."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from game.lab.runner import run_game
from game.scenario import load_scenario

LEVELS = Path(__file__).resolve().parents[2] / "levels"
LEVEL = LEVELS / "classroom_24.yaml"
SEEDS = range(10)


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(LEVEL)


def test_level_loads_with_24_turns_and_few_named_factions(scenario):
    assert scenario.id == "classroom_24"
    assert scenario.turns == 24
    named = [f for f in scenario.factions if not f.local]
    assert 4 <= len(named) <= 10
    local = [f for f in scenario.factions if f.local]
    assert len(local) <= 30


def test_level_is_bilingual_and_shares_the_calibrated_model():
    tree = yaml.safe_load(LEVEL.read_text(encoding="utf-8"))
    assert tree["name_es"] and tree["description_es"]
    main = yaml.safe_load((LEVELS / "mexico_2026.yaml").read_text(encoding="utf-8"))
    assert tree.get("model") == main.get("model")  # both play the model's defaults
    assert load_scenario(LEVEL).model == load_scenario(LEVELS / "mexico_2026.yaml").model


@pytest.fixture(scope="module")
def ends(scenario):
    out = {}
    for strategy in ("passive", "decapitation"):
        out[strategy] = [run_game(scenario, strategy, 24, seed).national[-1] for seed in SEEDS]
    return out


def test_decapitation_leaves_more_armed_groups_than_passive_at_24_months(ends):
    decap = np.mean([n["armed_groups"] for n in ends["decapitation"]])
    passive = np.mean([n["armed_groups"] for n in ends["passive"]])
    assert decap > passive


def test_decapitation_removes_more_leaders_than_passive(ends):
    decap = np.mean([n["leaders_removed"] for n in ends["decapitation"]])
    passive = np.mean([n["leaders_removed"] for n in ends["passive"]])
    assert decap > passive
