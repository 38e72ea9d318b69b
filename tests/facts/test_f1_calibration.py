"""FACTS.md F1: the regional model reproduces the national 2012-2022 trajectory of cartel members
(Prieto-Curiel, Campedelli & Hope 2023) and of homicides (INEGI), averaged over 20 seeds of
`calibration_2012` (leader removals make single decades noisy; 20 keep the test honest). These
are calibration targets: `tools/calibrate.py` fits the parameters marked "calibrated" in
game/scenario/params.py to them."""

from multiprocessing import Pool
from pathlib import Path

import numpy as np
import pytest

from game.lab.calibration import f1_stats
from game.lab.runner import run_game
from game.scenario import load_scenario

LEVEL = Path(__file__).resolve().parents[2] / "levels" / "calibration_2012.yaml"


@pytest.fixture(scope="module")
def decade():
    with Pool(2) as pool:
        runs = pool.map(_one, range(20))
    return {key: float(np.mean([r[key] for r in runs])) for key in runs[0]}


def _one(seed: int) -> dict:
    from game.blas import single_threaded

    single_threaded()
    return f1_stats(run_game(load_scenario(LEVEL), "passive", 120, seed).national)


def test_members_grow_from_115_thousand_to_160_185_thousand(decade):
    assert 160_000 <= decade["members_end"] <= 185_000


def test_conflict_deaths_rise_60_to_90_percent_over_the_decade(decade):
    growth = decade["deaths_last_year"] / decade["deaths_first_year"] - 1.0
    assert 0.60 <= growth <= 0.90


def test_about_5000_to_6500_are_incapacitated_in_the_last_year(decade):
    assert 5_000 <= decade["incapacitated_last_year"] <= 6_500


def test_330_to_450_recruits_a_week_are_needed_in_the_last_year(decade):
    assert 330 <= decade["recruits_per_week_last_year"] <= 450


def test_homicides_start_near_inegi_2012_and_end_in_the_2022_band(decade):
    """The same decade measured in homicides (INEGI: 22.2 per 100k in 2012, 25.9 in 2022): conflict
    deaths grow faster than homicides because a growing share of the war's victims disappear
    (the disappearance series of the level, 0.29 in 2012 to 0.39 in 2021)."""
    assert 20.0 <= decade["homicide_rate_start"] <= 24.5
    assert 24.0 <= decade["homicide_rate_end"] <= 30.0
