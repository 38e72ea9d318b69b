"""The load list: every save reachable, one calendar on every screen, finished games finished,
and files in the saves folder never trusted (a hostile one is an unreadable entry, not a crash)."""

from __future__ import annotations

import json

import pygame
import pytest
from uidriver import key

from game.ui import dates
from game.ui.paths import LEVELS
from game.ui.saves import describe, list_saves, peek, save_session
from game.ui.scenes.dialogs import MessageDialog
from game.ui.scenes.endterm import EndOfTerm
from game.ui.scenes.loadgame import LoadGame
from game.ui.scenes.map_screen import MapScreen
from game.ui.scenes.teams import HandOver
from game.ui.widgets import topbar

HOSTILE = {
    "date-not-text": {"meta": {"date": 5, "turn": "3", "scenario_name": ["x"]}},
    "month-99": {"meta": {"date": "2026-99", "planning": "2026-13", "turn": 99}},
    "nul-in-name": {"meta": {"scenario_name": "Mé\x00xico\x07", "date": "2026-03", "turn": 1}},
    "huge-name": {"meta": {"scenario_name": "x" * 10_000_000, "turn": 0}},
    "not-an-object": [1, 2, 3],
}


def write_hostile(folder):
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in HOSTILE.items():
        (folder / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    (folder / "deep-nesting.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    (folder / "not-utf8.json").write_bytes(b"\xff\xfe{\x00")


def test_every_save_in_a_long_list_can_be_reached(app):
    app.apply(app.new_game(seed=3))
    for k in range(14):
        save_session(app.session, app.paths.saves, f"class {k}")
    load = LoadGame(app)
    app.push(load)
    app.frame()
    assert len(load.rows) == 14
    visible = load.scroll.get_abs_rect()
    last = load.rows[-1]
    assert not visible.contains(last.get_abs_rect())  # below the fold at first
    for _ in range(13):
        key(app, pygame.K_DOWN)
    app.frame()
    assert visible.contains(last.get_abs_rect())


def test_hostile_files_in_the_saves_folder_are_unreadable_entries_not_crashes(app):
    write_hostile(app.paths.saves)
    load = LoadGame(app)
    app.push(load)
    app.frame()
    assert len(load.rows) == len(list_saves(app.paths.saves)) == len(HOSTILE) + 2
    labels = [row.text for row in load.rows]
    assert all("\x00" not in x and len(x) < 300 for x in labels)
    assert sum("unreadable" in x for x in labels) >= 3  # nesting, bad bytes, not an object
    for save in list_saves(app.paths.saves):
        app.apply(app.open_save(save.path))
        app.frame()
        assert isinstance(app.top, MessageDialog)
        key(app, pygame.K_ESCAPE)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_peek_checks_every_field_it_reads(tmp_path, name):
    write_hostile(tmp_path)
    info = peek(tmp_path / f"{name}.json")
    if info is not None:
        assert info["date"] is None or dates.parse(info["date"])
        assert info["turn"] is None or isinstance(info["turn"], int)
        names = [info["scenario_name"], info["scenario_name_es"]]
        assert all(n is None or ("\x00" not in n and len(n) <= 80) for n in names)


def test_one_calendar_on_the_top_bar_the_handover_the_title_the_save_and_the_load_list(app):
    app.apply(app.start_match(LEVELS / "classroom_24.yaml", 2, 7))
    app.frame()
    session = app.session
    when = dates.months(session)
    month = app.t.month(when.planning)
    assert when.number == 1 and month == app.t.month("2026-03")
    assert isinstance(app.top, HandOver)
    assert month in dates.label(app.t, when)
    assert month in pygame.display.get_caption()[0]
    assert topbar.cards(session, app.t)[0][1] == month
    path = save_session(session, app.paths.saves)
    assert when.planning in path.stem
    assert month in describe(peek(path), app.t)[1]
    session.end_turn()
    assert dates.months(session).played == "2026-03"
    assert dates.months(session).planning == "2026-04"


def test_a_finished_game_loads_on_its_end_of_term_with_end_month_disabled(app):
    scenario = app._scenario(LEVELS / "classroom_24.yaml", "normal", turns=2)
    from game.ui.session import Session

    session = Session.new(scenario, 4, str(LEVELS / "classroom_24.yaml"))
    session.end_turn()
    session.end_turn()
    assert session.finished
    path = save_session(session, app.paths.saves, "done")
    row = describe(peek(path), app.t)[1]
    assert "Finished" in row and "3 of" not in row
    app.apply(app.open_save(path))
    app.frame()
    assert isinstance(app.top, EndOfTerm)
    key(app, pygame.K_ESCAPE)  # back to the map
    board = app.top
    assert isinstance(board, MapScreen) and not board.end_button.is_enabled
    assert "Finished" in topbar.cards(app.session, app.t)[0][0]
    assert app.session.state.turn == 2


def test_control_characters_in_a_scenario_name_never_reach_the_window(playing):
    playing.session.scenario.raw["name"] = "After\x00 El Mencho\x1b[2J" + "!" * 5000
    playing._caption()
    caption = pygame.display.get_caption()[0]
    assert "\x00" not in caption and "\x1b" not in caption and len(caption) <= 200
    path = save_session(playing.session, playing.paths.saves, "odd name")
    app_load = LoadGame(playing)
    playing.push(app_load)
    playing.frame()
    assert path.exists() and all("\x00" not in row.text for row in app_load.rows)
