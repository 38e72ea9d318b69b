"""Saves from the desktop game: round trips, autosaves kept, damaged files explained."""

from __future__ import annotations

import pytest

from game.sim.levers import Allocate
from game.sim.save import SaveError
from game.ui.saves import AUTOSAVES_KEPT, autosave, list_saves, load_session, save_session
from game.ui.scenes.dialogs import MessageDialog
from game.ui.session import Session


@pytest.fixture
def session(scenario):
    return Session.new(scenario, seed=5, scenario_file="levels/mexico_2026.yaml")


def test_a_saved_game_loads_with_the_same_state_history_and_pending_orders(session, tmp_path):
    session.end_turn()
    session.end_turn()
    order = Allocate("police", session.full_cost("police", 3) * 0.9, 3)
    assert session.propose(order) == []
    path = save_session(session, tmp_path, "my game")
    loaded = load_session(path)
    assert loaded.state.checksum() == session.state.checksum()
    assert loaded.game.national == session.game.national
    assert loaded.history.regional_homicides == session.history.regional_homicides
    assert loaded.pending == [order]
    assert not loaded.dirty
    loaded.end_turn()
    session.end_turn()
    assert loaded.state.checksum() == session.state.checksum()


def test_only_the_last_five_autosaves_are_kept(session, tmp_path):
    for _ in range(AUTOSAVES_KEPT + 3):
        session.end_turn()
        autosave(session, tmp_path)
    autos = [s for s in list_saves(tmp_path) if s.auto]
    assert len(autos) == AUTOSAVES_KEPT
    assert max(load_session(a.path).state.turn for a in autos) == session.state.turn


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"format": "hydra-save"}', None])
def test_a_damaged_save_is_a_clear_error(session, tmp_path, damage):
    path = save_session(session, tmp_path, "victim")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if damage is None else damage)
    with pytest.raises(SaveError) as info:
        load_session(path)
    assert str(path) in str(info.value)


def test_opening_a_damaged_save_offers_the_latest_autosave(playing):
    playing.session.end_turn()
    playing.autosave()
    bad = playing.paths.saves / "broken.json"
    bad.write_text("{ this is not a save", encoding="utf-8")
    playing.apply(playing.open_save(bad))
    dialog = playing.top
    assert isinstance(dialog, MessageDialog)
    assert dialog.autosave is not None
    playing.apply(dialog.options()[0][1]())  # "Load latest autosave"
    playing.frame()
    assert playing.session.state.turn == 1


def test_a_new_order_replaces_the_pending_one_on_the_same_line(session):
    first = Allocate("youth", session.full_cost("youth", 7) * 0.5, 7)
    second = Allocate("youth", session.full_cost("youth", 7) * 0.8, 7)
    other = Allocate("youth", session.full_cost("youth", 8) * 0.8, 8)
    for order in (first, second, other):
        assert session.propose(order) == []
    assert session.pending == [second, other]
    assert session.allocation("youth", 7) == second.pesos
    assert session.undo() is other
    assert session.pending == [second]


def test_the_model_decides_what_is_legal(session):
    too_much = Allocate("transfers", session.full_cost("transfers") * 10)
    problems = session.propose(too_much)
    assert problems and session.pending == []


def test_difficulty_changes_the_budget_and_survives_a_save(app, tmp_path):
    from game.ui.saves import load_session, save_session

    app.apply(app.new_game(seed=3, difficulty="hard"))
    hard = app.session
    app.apply(app.new_game(seed=3, difficulty="easy"))
    easy = app.session
    assert hard.state.budget < easy.state.budget
    path = save_session(hard, tmp_path, "hard game")
    loaded = load_session(path)
    assert loaded.difficulty == "hard"
    assert loaded.scenario.difficulty == "hard"
    loaded.end_turn()
    hard.end_turn()
    assert loaded.state.checksum() == hard.state.checksum()
