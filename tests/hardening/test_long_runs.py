"""Long runs with random players: no exception, no NaN or inf, no negative stocks, and every
member accounted for; random orders, legal or not, are applied or refused with a reason.

The default profile plays 8 seeds x 600 months of `classroom_24`; HYDRA_FUZZ=nightly plays 50
seeds of `mexico_2026` instead.
"""

import os
from multiprocessing import Pool
from pathlib import Path

import numpy as np

from game.lab.runner import Game
from game.scenario import load_scenario
from game.sim import levers
from game.sim.operations import HVT, Interdict
from game.sim.politics import AnswerUsOffer, Extradite, UsCooperation
from game.sim.state import SPECS

LEVELS = Path(__file__).resolve().parents[2] / "levels"
LEVEL = "mexico_2026" if os.environ.get("HYDRA_FUZZ") == "nightly" else "classroom_24"
SEEDS, MONTHS = (50 if os.environ.get("HYDRA_FUZZ") == "nightly" else 8), 600


def random_orders(game: Game, rng: np.random.Generator) -> list:
    """A few orders a careless player might give, legal or not."""
    state, scenario = game.state, game.scenario
    n = scenario.map.n
    orders = []
    for _ in range(int(rng.integers(0, 4))):
        p = levers.PROGRAMMES[int(rng.integers(0, len(levers.PROGRAMMES)))]
        region = int(rng.integers(-2, n + 2)) if p.scope == "state" else None
        orders.append(levers.Allocate(p.id, float(rng.uniform(-1e8, 3e9)), region))
    people = [p.id for f in state.factions if f.dissolved is None for p in f.people()]
    targets = people + ["nobody", "cjng.leader"]
    if rng.random() < 0.25:
        orders.append(
            HVT(
                targets[int(rng.integers(0, len(targets)))],
                ["capture", "kill", "tickle"][int(rng.integers(0, 3))],
            )
        )
    orders.append(Interdict(int(rng.integers(-1, n + 1)), float(rng.uniform(-0.5, 1.5))))
    if state.prisoners and rng.random() < 0.5:
        orders.append(Extradite(state.prisoners[0]))
    orders.append(Extradite("ghost"))
    if rng.random() < 0.05:
        orders.append(UsCooperation(bool(rng.random() < 0.5)))
    orders.append(AnswerUsOffer(bool(rng.random() < 0.5)))
    return orders


def check(game: Game, before: float) -> None:
    state = game.state
    for name, value in vars(state).items():
        if isinstance(value, np.ndarray):
            assert np.isfinite(value).all(), name
    for name in SPECS:
        value = getattr(state, name)
        if isinstance(value, np.ndarray):
            assert np.isfinite(value).all(), name
            if name not in ("route_next", "belief"):  # an index (-1: a crossing); a logarithm
                assert (value >= -1e-9).all(), name
    assert 0.0 <= state.approval <= 100.0
    expected = (
        before
        + state.recruits.sum()
        - state.arrests.sum()
        - state.conflict_deaths.sum()
        - state.exits.sum()
        - state.killed_by_state.sum()
    )
    assert abs(state.members.sum() - expected) <= 1e-6 * max(before, 1.0), "members leaked"


def long_run(seed: int) -> tuple[int, int]:
    scenario = load_scenario(LEVELS / f"{LEVEL}.yaml")
    game = Game.start(scenario, seed)
    rng = np.random.default_rng([seed, 99])
    refused = 0
    for _ in range(MONTHS):
        before = game.state.members.sum()
        game.play(random_orders(game, rng))
        refused += sum(e.kind == "order_rejected" for e in game.last_events)
        check(game, before)
    return refused, game.state.n_factions


def test_fifty_random_players_for_fifty_years_break_nothing():
    with Pool(2) as pool:
        results = pool.map(long_run, range(SEEDS))
    assert all(refused > 0 for refused, _ in results)  # the nonsense was refused, not applied
