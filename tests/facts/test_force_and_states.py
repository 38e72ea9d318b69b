"""F4 (troops) and the map of violence: the 2025 start of `mexico_2026` and its first year."""

import csv
from pathlib import Path

import numpy as np
import pytest

from game.ai.planners import _hottest
from game.lab.runner import run_game
from game.scenario import load_scenario
from game.sim.start import new_game

LEVEL = Path(__file__).resolve().parents[2] / "levels" / "mexico_2026.yaml"

STATES = LEVEL.parent / "data" / "inegi_homicides_states.csv"


def rates_2025() -> dict[str, float]:
    """Homicides per 100k by state in 2025 (estimates: levels/README.md, "Data")."""
    with STATES.open(encoding="utf-8") as fh:
        return {
            r["state_code"]: float(r["rate_per_100k"])
            for r in csv.DictReader(fh)
            if r["year"] == "2025"
        }


@pytest.fixture(scope="module")
def mexico():
    return load_scenario(LEVEL)


def ranks(values) -> np.ndarray:
    order = np.argsort(values, kind="stable")
    out = np.empty(len(values))
    out[order] = np.arange(len(values))
    return out


def spearman(a, b) -> float:
    return float(np.corrcoef(ranks(np.asarray(a)), ranks(np.asarray(b)))[0, 1])


def test_the_start_matches_the_2025_figures_within_the_documented_bands(mexico):
    """Month 0 (expected values, nothing random) against the 2025 estimates: the bands of
    levels/README.md ("Members by state"). A calibration check: the members were fitted to it."""
    state, pops = new_game(mexico, 1), mexico.map.populations()
    truth = rates_2025()
    codes = [r.code for r in mexico.map.regions]
    model = state.homicides * 12 / pops * 1e5
    assert 18.0 <= state.homicides.sum() * 12 / pops.sum() * 1e5 <= 23.0
    assert spearman(model, [truth[c] for c in codes]) >= 0.85
    assert 175_000 <= state.members.sum() <= 185_000


def test_state_homicide_rates_still_rank_like_2025_after_a_year_of_play(mexico):
    index = {r.code: i for i, r in enumerate(mexico.map.regions)}
    pops = mexico.map.populations()
    truth = rates_2025()
    rhos = []
    for seed in range(10):
        history = run_game(mexico, "passive", 12, seed).state.homicide_history
        rates = history.sum(axis=0) / pops * 1e5
        rhos.append(spearman([rates[index[c]] for c in truth], list(truth.values())))
    assert np.mean(rhos) >= 0.6


def test_troop_surges_raise_homicides_5_to_15_per_100k_in_the_first_year(mexico):
    """Espinosa & Rubin (2015): about +11 per 100k in the year after a military intervention."""
    hot = _hottest(new_game(mexico, 0), mexico, 8)  # the states militarize sends troops to
    pops = mexico.map.populations()[hot]
    diffs = []
    for seed in range(10):
        surge = run_game(mexico, "militarize", 12, seed).state.homicide_history.sum(axis=0)
        twin = run_game(mexico, "passive", 12, seed).state.homicide_history.sum(axis=0)
        diffs.append((surge[hot] - twin[hot]) / pops * 1e5)
    assert 5.0 <= float(np.mean(diffs)) <= 15.0
