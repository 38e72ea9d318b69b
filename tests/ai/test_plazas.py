"""Where factions expand: the fast ways of finding frontiers and plazas agree with the plain ones."""

import numpy as np
import pytest

from game.ai import plazas
from game.ai.cartel import Outlook
from game.lab.runner import Game
from game.scenario import graph as graph_module
from game.scenario.builder import ScenarioBuilder
from game.scenario.mapdata import synthetic_map


def loop_next_to(graph, mask):
    """A region is next to a True cell when one of its edges leads from one, edge by edge."""
    out = np.zeros(mask.shape, dtype=bool)
    for e in range(graph.src.size):
        out[:, graph.dst[e]] |= mask[:, graph.src[e]]
    return out


@pytest.mark.parametrize("small", [True, False])
def test_the_frontier_is_the_regions_next_to_a_factions_own(small, monkeypatch):
    graph = synthetic_map(24).graph
    mask = np.random.default_rng(5).random((40, graph.n)) < 0.2
    monkeypatch.setattr(graph_module, "DENSE_REGIONS", 1 << 30 if small else 0)
    assert np.array_equal(graph.next_to(mask), loop_next_to(graph, mask))


def test_plazas_chosen_on_the_frontier_alone_are_those_chosen_on_every_cell(monkeypatch):
    scenario = ScenarioBuilder(synthetic_map(24)).power_law_groups(40, 60_000, seed=3).build()
    game = Game.start(scenario, seed=2)
    for _ in range(6):
        game.play([])
    outlook = Outlook(game.state, scenario)
    monkeypatch.setattr(plazas, "SPARSE_SHARE", 0.0)  # every cell
    everywhere = plazas.choose(outlook, game.state)
    monkeypatch.setattr(plazas, "SPARSE_SHARE", np.inf)  # the frontier's cells alone
    frontier = plazas.choose(outlook, game.state)
    for a, b in zip(everywhere, frontier, strict=True):
        assert np.array_equal(a, b)
