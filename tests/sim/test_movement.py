"""Members drifting between neighbouring regions."""

from dataclasses import replace

import numpy as np

from game.scenario.mapdata import synthetic_map
from game.sim.movement import diffuse


def test_movement_keeps_every_faction_total():
    world = synthetic_map(25)
    src, dst = world.graph.src, world.graph.dst
    members = np.random.default_rng(0).integers(0, 1000, size=(6, 25)).astype(float)
    moved = diffuse(members, src, dst, 0.05)
    np.testing.assert_allclose(moved.sum(axis=1), members.sum(axis=1))
    assert (moved >= 0).all()


def test_members_move_mostly_to_where_their_faction_already_is():
    world = replace(synthetic_map(3), adjacency=((0, 1), (1, 2)))  # a row: 0 - 1 - 2
    src, dst = world.graph.src, world.graph.dst
    members = np.array([[0.0, 1000.0, 500.0]])
    moved = diffuse(members, src, dst, 0.1)
    gained = moved - members
    assert gained[0, 2] > 45  # receives 99.8 from region 1, sends 50 back
    assert gained[0, 0] == 0  # a fifth of a person cannot open a new region


def test_a_faction_with_no_neighbours_present_spreads_into_empty_regions():
    world = replace(synthetic_map(3), adjacency=((0, 1), (1, 2)))
    moved = diffuse(np.array([[0.0, 1000.0, 0.0]]), world.graph.src, world.graph.dst, 0.1)
    np.testing.assert_allclose(moved, [[50.0, 900.0, 50.0]])


def test_members_only_reach_neighbours():
    world = synthetic_map(9)  # 3x3 grid; 0 and 8 are corners
    src, dst = world.graph.src, world.graph.dst
    members = np.zeros((1, 9))
    members[0, 0] = 1000
    moved = diffuse(members, src, dst, 0.1)
    assert set(np.flatnonzero(moved[0])) == {0, 1, 3}
