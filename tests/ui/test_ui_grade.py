"""The end-of-term grade measured against doing nothing in the same world, and the class table."""

from __future__ import annotations

import pygame
from uidriver import button_with, key

from game.sim.evaluation import evaluate
from game.ui.paths import LEVELS
from game.ui.scenes.endterm import EndOfTerm
from game.ui.scenes.lab_results import LabResults
from game.ui.scenes.teams import ClassTable
from game.ui.session import Session
from game.ui.widgets.debrief import comparison

CLASSROOM = LEVELS / "classroom_24.yaml"


def row(rate, groups=150, control=0.6, flow=34.0, approval=55.0, civilians=0.0):
    return {
        "homicides_per_100k": rate,
        "armed_groups": groups,
        "state_control": control,
        "drug_flow": flow,
        "approval": approval,
        "civilians_killed_by_state": civilians,
    }


def worsening(end_rate, end_groups, months=24):
    """A term in a world that worsens: 30 homicides per 100k at the start, `end_rate` at the end."""
    step = (end_rate - 30.0) / months
    group_step = (end_groups - 150) / months
    return [
        row(30.0 + step * k, 150 + group_step * k, approval=55 - k * 0.5, civilians=k % 3)
        for k in range(months + 1)
    ]


def test_a_plan_that_beats_doing_nothing_in_a_worsening_world_grades_better_than_doing_nothing():
    passive = worsening(42.0, 180)
    plan = worsening(33.2, 165)
    against_start = evaluate(plan)
    assert against_start.score < 40  # blamed for a world that worsens by itself
    mine, nothing = evaluate(plan, passive), evaluate(passive, passive)
    assert nothing.score == 50.0 and mine.against_baseline
    assert mine.score > nothing.score + 10
    assert mine.grade < nothing.grade  # "B" < "D": a better letter


def test_every_reason_carries_what_doing_nothing_gives():
    passive, plan = worsening(42.0, 180), worsening(33.2, 165)
    result = evaluate(plan, passive)
    by_code = {r.code: r for r in result.reasons}
    assert by_code["homicide_rate"].baseline == 42.0
    assert by_code["armed_groups"].baseline == 180
    assert by_code["civilians_killed_by_state"].baseline == sum(r["civilians_killed_by_state"]
                                                                for r in passive[1:])  # fmt: skip
    assert all(r.baseline is None for r in evaluate(plan).reasons)


def test_a_shorter_term_is_compared_with_the_same_month_of_doing_nothing():
    passive = worsening(42.0, 180)
    ended_early = worsening(33.2, 165)[:11]  # the mandate lost in month 10
    reason = evaluate(ended_early, passive).reasons[0]
    assert reason.baseline == passive[10]["homicides_per_100k"]


def test_the_grade_text_names_both_numbers():
    from game.ui.i18n import Strings

    result = evaluate(worsening(33.2, 165), worsening(42.0, 180))
    line = comparison(result.reasons[0], Strings("en"))
    assert "33.2" in line and "42.0" in line and "21% below" in line
    spanish = comparison(result.reasons[0], Strings("es"))
    assert "33.2" in spanish and "42.0" in spanish


def test_the_end_of_term_plays_doing_nothing_in_the_background_and_keeps_only_its_rows(app):
    scenario = app._scenario(CLASSROOM, "normal", turns=2)
    app.session = Session.new(scenario, 6, str(CLASSROOM))
    app.session.end_turn()
    app.session.end_turn()
    end = EndOfTerm(app)
    app.push(end)
    app.frame()
    end.quo.wait()
    app.frame()
    assert end.quo.rows is not None and len(end.quo.rows) == 3
    assert end.quo._scenario is None  # nothing of that world is kept but its rows
    assert end.quo.rows[0] == app.session.game.national[0]  # the same world


def test_the_class_table_ranks_equal_scores_together_and_enter_compares(app):
    app.apply(app.start_match(CLASSROOM, 3, 5, turns=2))
    for session in app.match.sessions:
        while not session.finished:
            session.end_turn()
    app.apply(app.next_team())
    table = app.top
    assert isinstance(table, ClassTable)
    table.quo.wait()
    app.frame()
    ranks = [rank for rank, _, _ in app.match.ranking(table.quo.rows)]
    assert ranks == [1, 1, 1]  # three teams that gave no orders: one world, one result
    assert "Enter" in button_with(table, "Compare").text
    assert "Esc" in button_with(table, "Main menu").text
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, LabResults)
    assert [s.label for s in app.top.charts[0].series][-1] == "Doing nothing"
