"""The lookups derived from the faction records, kept up to date row by row, always equal the
ones built afresh from the records."""

import numpy as np

from game.lab.runner import Game
from game.scenario.builder import ScenarioBuilder
from game.scenario.mapdata import synthetic_map
from game.sim import groups, leadership, month
from game.sim.roster import Roster, people_by_id, rows_by_id


def assert_fresh(state):
    """The state's cached lookups equal lookups built from its faction records."""
    assert {k: state.row(k) for k in rows_by_id(state.factions)} == rows_by_id(state.factions)
    fresh = people_by_id(state.factions)
    assert state._derived("people", people_by_id) == fresh
    built, kept = Roster.of(state.factions), state.roster
    for name in ("alive", "local", "led", "traits"):
        assert np.array_equal(getattr(built, name), getattr(kept, name))


def test_lookups_stay_fresh_through_removals_splits_births_and_dissolutions(monkeypatch):
    world = ScenarioBuilder(synthetic_map(16)).power_law_groups(40, 60_000, seed=3).build()
    game = Game.start(world, seed=2)
    checked = []

    def checking(fn):
        def wrapped(state, *args, **kwargs):
            out = fn(state, *args, **kwargs)
            assert_fresh(state)
            checked.append(fn.__name__)
            return out

        return wrapped

    for module, name in (
        (leadership, "split_faction"),
        (leadership, "add_factions"),
        (groups, "add_factions"),
        (month, "compact"),
    ):
        monkeypatch.setattr(module, name, checking(getattr(module, name)))
    for _ in range(18):
        game.play([])
        assert_fresh(game.state)
    assert {"split_faction", "add_factions", "compact"} <= set(checked)
