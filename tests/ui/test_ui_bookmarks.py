"""History, replayed, as bookmarks: taking over at a month after history has played the months
before, the past in the session's series, the grade and "what if?" from the bookmark, saves and
replays of such a game, and `hydra play --from`. Short bookmarks keep these quick."""

from __future__ import annotations

import pygame
from uidriver import button_with, click, key

from game.cli import main
from game.lab.replay import load_source, replay
from game.sim.operations import HVT
from game.ui.moments import key_moments
from game.ui.paths import LEVELS
from game.ui.saves import load_session, save_session
from game.ui.scenes.map_screen import MapScreen
from game.ui.scenes.menu import MainMenu
from game.ui.scenes.newgame import NewGame
from game.ui.scenes.replaying import Replaying
from game.ui.statusquo import StatusQuo
from game.ui.widgets.debrief import WhatIf

HISTORY = LEVELS / "history_2006.yaml"
SHORT = ("2006-12", "2007-03", "2008-02", "2008-05")  # El Mochomo falls in 2008-01, history's


def taken_over(app, month="2008-02", seed=11):
    """The app on the map of the history level taken over at `month` (history waited for)."""
    app.apply(app.take_over(HISTORY, month, seed=seed))
    assert isinstance(app.top, Replaying)
    app.top.job.wait()
    app.frame()
    app.frame()
    assert isinstance(app.top, MapScreen)
    return app.session


def test_choosing_a_bookmark_replays_history_and_hands_over_its_month(app, monkeypatch):
    monkeypatch.setattr("game.lab.backtest.BOOKMARKS", SHORT)
    # Three months replay in a blink: hold the hand-over until the test has seen the scene.
    held, update = [True], Replaying.update
    monkeypatch.setattr(Replaying, "update", lambda self, dt: None if held[0] else update(self, dt))
    picker = NewGame(app)
    picker.index = next(i for i, lv in enumerate(picker.levels) if lv.path == HISTORY)
    app.push(picker)
    app.frame()
    click(app, button_with(picker, "2007 · Peña Nieto").get_abs_rect().center)
    assert picker.mark == 1 and button_with(picker, "Take over")
    picker.seed.set_text("11")
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, Replaying)
    app.top.job.wait()
    held[0] = False
    app.frame()
    app.frame()
    assert isinstance(app.top, MapScreen)
    session = app.session
    assert (session.bookmark, session.state.turn, session.state.seed) == (4, 3, 11)
    assert session.bookmark_month == "2007-03" and not session.state.experiment
    assert [r["date"] for r in session.game.national][-1] == "2007-02"
    assert len(session.game.national) == len(session.history.drug_flow) == 4
    assert len(session.history.regional_homicides) == 4
    assert {t for t, _ in session.game.order_log} == {1, 2, 3}
    assert session.term_rows == session.game.national[3:]


def test_going_back_while_history_replays_keeps_no_game(app):
    app.apply(app.take_over(HISTORY, "2012-12", seed=3, who="pena"))
    job = app.top.job
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, MainMenu) and app.session is None
    job.wait()
    assert job.cancelled and job.game is None


def test_a_bookmarked_game_saves_loads_and_replays_the_same(app):
    session = taken_over(app)
    app.issue(HVT("sinaloa.leader", "capture"))
    session.end_turn()
    path = save_session(session, app.paths.saves, "taken")
    loaded = load_session(path)
    assert loaded.bookmark == session.bookmark == 15
    assert loaded.meta()["bookmark"] == {"month": "2008-02", "turn": 15}
    assert loaded.game.national == session.game.national
    assert loaded.history.to_dict() == session.history.to_dict()
    assert not loaded.state.experiment and loaded.state.turn == 15
    source = load_source(path)
    assert source.bookmark == 15 and replay(source) == session.game.national


def test_the_grade_and_what_if_of_a_bookmarked_game_start_at_the_bookmark(app):
    session = taken_over(app)
    session.end_turn()
    session.end_turn()
    quo = StatusQuo(session.scenario, session.state.seed, session.state.turn, session.handover())
    quo.start().wait()
    assert quo.error is None
    assert quo.rows[0] == session.term_rows[0] == session.game.national[14]
    assert len(quo.rows) == len(session.term_rows) == 3
    assert WhatIf(session).turns == []  # history's capture in month 14 is not the player's
    assert session.game.order_log[0][0] == 1 and session.history.moments
    months = [int(m.split(":")[0].split()[-1]) for m in key_moments(session, app.t)]
    assert all(month >= 15 for month in months)


def test_play_from_a_month_the_history_level_has_not_exits_2(capsys):
    for args in (
        ["--from", "2030-01"],
        ["--from", "2006-11"],
        ["--from", "2018-13"],
        ["--from", "12-2018"],
        ["--from", "2018-12", "--scenario", str(LEVELS / "classroom_24.yaml")],
    ):
        assert main(["play", *args]) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and ("--from" in err or "history" in err)


def test_play_from_a_bookmark_opens_the_history_level_there(monkeypatch):
    seen = {}
    monkeypatch.setattr("game.ui.app.run_app", lambda **kw: seen.update(kw) or 0)
    assert main(["play", "--from", "2012-12"]) == 0
    assert seen["bookmark"] == "2012-12" and seen["scenario"].endswith("history_2006.yaml")
