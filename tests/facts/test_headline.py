"""The classroom headline (FACTS.md; issue: the planner's levers): six plans over ten years of
`mexico_2026`, 20 seeds each, common random numbers (seed k is the same world for every plan)."""

from multiprocessing import Pool
from pathlib import Path

import numpy as np
import pytest

from game.lab.runner import run_game
from game.scenario import load_scenario
from game.sim.evaluation import evaluate

LEVEL = Path(__file__).resolve().parents[2] / "levels" / "mexico_2026.yaml"
STRATEGIES = ("passive", "decapitation", "militarize", "institutions", "prevention", "balanced")
SEEDS = range(20)
KEYS = ("homicides_per_100k", "members", "armed_groups", "leaders_removed", "approval")


def _run(args):
    strategy, seed = args
    national = run_game(load_scenario(LEVEL), strategy, 120, seed).national
    rows = {t: {k: national[t][k] for k in KEYS} for t in (0, 12, 72, 120)}
    return strategy, rows, evaluate(national).score


@pytest.fixture(scope="module")
def decade():
    with Pool(2) as pool:
        runs = pool.map(_run, [(s, k) for s in STRATEGIES for k in SEEDS])
    out = {}
    for strategy in STRATEGIES:
        mine = [r for r in runs if r[0] == strategy]
        out[strategy] = {
            t: {k: float(np.mean([r[1][t][k] for r in mine])) for k in KEYS}
            for t in (0, 12, 72, 120)
        }
        out[strategy]["score"] = float(np.mean([r[2] for r in mine]))
    return out


def rate(decade, strategy, turn):
    return decade[strategy][turn]["homicides_per_100k"]


def test_decapitation_leaves_more_armed_groups_and_no_fewer_homicides(decade):
    d = decade["decapitation"]
    assert d[120]["armed_groups"] > d[0]["armed_groups"]
    assert d[120]["homicides_per_100k"] >= d[0]["homicides_per_100k"]


def test_decapitation_removes_the_most_leaders_and_has_the_best_early_approval(decade):
    others = [s for s in STRATEGIES if s != "decapitation"]
    d = decade["decapitation"]
    assert all(d[120]["leaders_removed"] > decade[s][120]["leaders_removed"] for s in others)
    assert all(d[12]["approval"] > decade[s][12]["approval"] for s in others)


def test_cutting_recruitment_ends_with_fewer_members_and_fewer_homicides(decade):
    p = decade["prevention"]
    assert p[120]["members"] < p[0]["members"]
    assert p[120]["homicides_per_100k"] < p[0]["homicides_per_100k"]


def test_a_balanced_plan_beats_every_single_lever_plan(decade):
    assert all(
        rate(decade, "balanced", 120) < rate(decade, s, 120) for s in STRATEGIES if s != "balanced"
    )
    assert rate(decade, "balanced", 72) <= rate(decade, "balanced", 0) * 2 / 3


def test_institutions_cost_first_and_pay_later(decade):
    assert rate(decade, "institutions", 12) >= rate(decade, "passive", 12)
    assert rate(decade, "institutions", 120) < 0.75 * rate(decade, "passive", 120)


def test_the_end_of_term_grade_rewards_the_balanced_plan(decade):
    assert decade["balanced"]["score"] > decade["decapitation"]["score"]
    assert decade["balanced"]["score"] > decade["passive"]["score"]
