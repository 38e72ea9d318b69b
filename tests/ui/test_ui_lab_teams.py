"""The in-game policy lab (background run, cancel, charts, export) and hot-seat team play."""

from __future__ import annotations

import pygame
from uidriver import key

from game.ui.paths import LEVELS
from game.ui.scenes.lab import LabScene
from game.ui.scenes.lab_results import LabResults
from game.ui.scenes.map_screen import MapScreen
from game.ui.scenes.teams import ClassTable, HandOver

CLASSROOM = LEVELS / "classroom_24.yaml"


def small_lab(app, seeds=2, turns=6):
    lab = LabScene(app)
    app.push(lab)
    lab.level = next(i for i, lv in enumerate(lab.levels) if lv.path == CLASSROOM)
    lab.chosen, lab.seeds, lab.turns = ["passive", "decapitation"], seeds, turns
    return lab


def test_the_lab_runs_in_the_background_then_shows_charts_and_exports(app):
    lab = small_lab(app)
    lab._run()
    assert lab.job is not None
    lab.job.wait()
    app.frame()
    assert isinstance(app.top, LabResults)
    results = app.top
    assert [s.label for s in results.charts[0].series] == ["passive", "decapitation"]
    key(app, pygame.K_RIGHT)
    assert results.index == 1
    results._export()
    out = results.exported
    names = {p.name for p in out.iterdir()}
    assert {"runs.csv", "summary.csv", "report.md", "homicides_per_100k.png"} <= names
    assert out.is_relative_to(app.paths.data)


def test_cancelling_the_lab_stops_it_and_keeps_the_setup(app):
    lab = small_lab(app, seeds=50, turns=24)
    lab._run()
    lab._cancel()
    lab.job.wait()
    assert lab.job.cancelled and lab.job.done < lab.job.total
    app.frame()
    assert app.top is lab and lab.job is None


def test_teams_take_turns_behind_a_handover_screen_and_end_in_a_class_table(app):
    app.apply(app.start_match(CLASSROOM, 2, 5))
    app.frame()
    match = app.match
    assert isinstance(app.top, HandOver) and match.current == 0
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, MapScreen)
    key(app, pygame.K_RETURN)  # end the month: its report
    key(app, pygame.K_ESCAPE)  # close the report: team 2's turn, map hidden
    assert isinstance(app.top, HandOver) and match.current == 1
    assert app.session is match.sessions[1] and match.sessions[0].state.turn == 1
    assert (app.paths.saves / f"{match.save_name(0)}.json").exists()
    assert match.sessions[1].state.turn == 0
    for session in match.sessions:
        while not session.finished:
            session.end_turn()
    app.apply(app.next_team())
    app.frame()
    assert isinstance(app.top, ClassTable)
    key(app, pygame.K_c)
    assert isinstance(app.top, LabResults)
    assert [s.label for s in app.top.charts[0].series] == ["Team 1", "Team 2"]


def test_both_teams_start_from_the_same_world(app):
    app.apply(app.start_match(CLASSROOM, 3, 9))
    first, *others = app.match.sessions
    assert all(s.game.national[0] == first.game.national[0] for s in others)
    assert all(s is not first for s in others)


def test_the_lab_offers_the_history_planner_only_on_its_level_and_names_every_plan(app):
    from uidriver import button_with

    from game.ui.i18n import Strings

    lab = LabScene(app)
    app.push(lab)
    app.frame()
    history = next(i for i, lv in enumerate(lab.levels) if lv.path.name == "history_2006.yaml")
    classroom = next(i for i, lv in enumerate(lab.levels) if lv.path == CLASSROOM)
    lab._pick(history)()
    lab.chosen = ["passive", "history"]
    assert "history" in lab.names and button_with(lab, "History (2006-2025)")
    lab._pick(classroom)()
    assert "history" not in lab.names and lab.chosen == ["passive"]
    for lang in ("en", "es"):
        t = Strings(lang)
        assert all(t(f"strategy.{name}") != f"strategy.{name}" for name in lab.names)
