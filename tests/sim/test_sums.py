"""Sums taken the fast way are the sums a plain loop takes, in the same order, bit for bit."""

import numpy as np
import pytest

from game.scenario import graph as graph_module
from game.scenario.graph import leaving
from game.scenario.mapdata import synthetic_map
from game.sim.pairs import RegionSums


def loop_pressure(f, r, kernel, a):
    """sum_j K[f_i, f_j] a[j] over the cells j of cell i's region, in cell order, one by one."""
    out = np.zeros(a.size)
    for i in range(a.size):
        for j in range(a.size):
            if r[j] == r[i]:
                out[i] += kernel[f[i], f[j]] * a[j]
    return out


def loop_neighbour_sum(graph, x):
    """Each region's neighbours added one edge after another, in edge order."""
    out = np.zeros(x.shape)
    for e in range(graph.src.size):
        out[:, graph.dst[e]] += x[:, graph.src[e]]
    return out


def same_bits(a, b):
    return np.array_equal(np.asarray(a).view(np.int64), np.asarray(b).view(np.int64))


@pytest.mark.parametrize("seed", range(4))
def test_region_sums_are_the_loop_bit_for_bit(seed):
    rng = np.random.default_rng(seed)
    n_f, n_r = 30, 6
    occupied = rng.random((n_f, n_r)) < rng.uniform(0.2, 0.9)
    flat = np.flatnonzero(occupied)
    f, r = np.divmod(flat, n_r)
    kernel = rng.uniform(0.5, 3.0, (n_f, n_f))
    np.fill_diagonal(kernel, 0.0)
    a = rng.lognormal(3.0, 2.0, flat.size) * (rng.random(flat.size) < 0.9)
    sums = RegionSums(f, r, n_r, kernel)
    assert same_bits(sums.pressure(a), loop_pressure(f, r, kernel, a))


@pytest.mark.parametrize("n_cells", [0, 1, 5])
def test_region_sums_of_cells_alone_in_their_regions_are_zero(n_cells):
    f = np.arange(n_cells)
    r = np.arange(n_cells)  # one cell a region: nobody has a rival
    kernel = np.ones((max(n_cells, 1),) * 2) - np.eye(max(n_cells, 1))
    sums = RegionSums(f, r, n_cells + 2, kernel)
    assert same_bits(sums.pressure(np.full(n_cells, 3.0)), np.zeros(n_cells))


def test_region_sums_hold_across_bands_of_very_different_regions():
    """A crowded region, middling ones and lone cells, so the tables come in several bands."""
    rng = np.random.default_rng(11)
    n_f, sizes = 120, [100, 60, 59, 30, 12, 3, 2, 1, 1]
    cells = sorted(
        (int(fac), region)
        for region, size in enumerate(sizes)
        for fac in rng.choice(n_f, size, replace=False)
    )
    f, r = (np.array(x) for x in zip(*cells, strict=True))
    kernel = rng.uniform(0.5, 3.0, (n_f, n_f))
    np.fill_diagonal(kernel, 0.0)
    a = rng.lognormal(3.0, 2.0, f.size)
    sums = RegionSums(f, r, len(sizes), kernel)
    assert len(sums.bands) > 1
    assert same_bits(sums.pressure(a), loop_pressure(f, r, kernel, a))


@pytest.mark.parametrize("dense", [True, False])
def test_neighbour_sum_is_the_edge_loop_bit_for_bit(dense, monkeypatch):
    graph = synthetic_map(24).graph
    rng = np.random.default_rng(7)
    x = rng.lognormal(2.0, 2.0, (40, graph.n)) * (rng.random((40, graph.n)) < 0.3)
    monkeypatch.setattr(graph_module, "DENSE_CELLS", 1 << 30 if dense else 0)
    assert same_bits(graph.neighbour_sum(x), loop_neighbour_sum(graph, x))


@pytest.mark.parametrize("dense", [True, False])
def test_edges_leaving_are_in_row_then_edge_order(dense, monkeypatch):
    graph = synthetic_map(24).graph
    mask = np.random.default_rng(3).random((40, graph.n)) < 0.3
    monkeypatch.setattr(graph_module, "DENSE_CELLS", 1 << 30 if dense else 0)
    row, edge = leaving(mask, graph.src, graph.by_source)
    expected = np.nonzero(mask[:, graph.src])
    assert np.array_equal(row, expected[0]) and np.array_equal(edge, expected[1])
