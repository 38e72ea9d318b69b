"""Every screen opens, draws and answers its keys under the dummy video driver."""

from __future__ import annotations

import pygame
import pytest
from uidriver import click_button, key

from game.ui.scenes.charts import ChartsScene
from game.ui.scenes.dialogs import GameMenu, MessageDialog, QuitDialog
from game.ui.scenes.endterm import EndOfTerm
from game.ui.scenes.faction_view import FactionView
from game.ui.scenes.help import HelpOverlay
from game.ui.scenes.hvt import HVTDialog
from game.ui.scenes.lab import LabScene
from game.ui.scenes.loadgame import LoadGame
from game.ui.scenes.map_screen import MapScreen
from game.ui.scenes.menu import MainMenu
from game.ui.scenes.newgame import NewGame
from game.ui.scenes.report import TurnReport
from game.ui.scenes.settings_scene import SettingsScene
from game.ui.scenes.teams import TeamSetup


def names(app):
    return [type(s).__name__ for s in app.stack]


def test_the_window_title_starts_with_hydra(app):
    assert pygame.display.get_caption()[0].startswith("Hydra")


def test_enter_on_the_main_menu_starts_the_default_scenario(app):
    key(app, pygame.K_RETURN)
    assert names(app) == ["MapScreen"]
    assert app.session.scenario.id == "mexico_2026"
    assert pygame.display.get_caption()[0].startswith("Hydra")


def test_enter_on_the_map_ends_the_turn_and_shows_the_report(playing):
    key(playing, pygame.K_RETURN)
    assert playing.session.state.turn == 1
    assert isinstance(playing.top, TurnReport)
    key(playing, pygame.K_RETURN)
    assert isinstance(playing.top, MapScreen)


@pytest.mark.parametrize(
    "make",
    [
        lambda app: NewGame(app),
        lambda app: LoadGame(app),
        lambda app: SettingsScene(app),
        lambda app: HelpOverlay(app),
        lambda app: MessageDialog(app, "Title", "A message " * 40),
    ],
    ids=["newgame", "load", "settings", "help", "message"],
)
def test_menu_screens_open_draw_and_close_with_escape(app, make):
    app.push(make(app))
    app.frame()
    key(app, pygame.K_TAB)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, MainMenu)


def play_screens(app):
    session = app.session
    faction = session.view.factions[1]
    return {
        "factions": FactionView(app, faction.id),
        "hvt": HVTDialog(app, faction, faction.leader),
        "report": TurnReport(app, session.game.last_events),
        "charts": ChartsScene(app),
        "endterm": EndOfTerm(app),
        "gamemenu": GameMenu(app),
        "quit": QuitDialog(app, to_menu=True),
        "help": HelpOverlay(app),
    }


@pytest.mark.parametrize(
    "name", ["factions", "hvt", "report", "charts", "endterm", "gamemenu", "quit", "help"]
)
def test_game_screens_open_draw_and_close(playing, name):
    key(playing, pygame.K_RETURN)  # a month played, so reports and charts have data
    key(playing, pygame.K_RETURN)
    playing.push(play_screens(playing)[name])
    for k in (pygame.K_TAB, pygame.K_LEFT, pygame.K_DOWN):
        key(playing, k)
    key(playing, pygame.K_ESCAPE)
    assert isinstance(playing.top, MapScreen)


def test_drawing_never_changes_the_game(playing):
    before = playing.session.state.checksum()
    for scene in play_screens(playing).values():
        playing.push(scene)
        for _ in range(3):
            playing.frame()
        playing.pop()
    for mode in range(6):
        key(playing, pygame.K_1 + mode)
    assert playing.session.state.checksum() == before


def test_every_map_mode_draws_with_a_legend(playing):
    scene = playing.top
    for k in range(6):
        key(playing, pygame.K_1 + k)
        data = scene.mode_data()
        assert data.legend and len(data.style.fills) == 32


def test_map_shortcuts_open_their_screens(playing):
    for k, cls in ((pygame.K_f, FactionView), (pygame.K_c, ChartsScene)):
        key(playing, k)
        assert isinstance(playing.top, cls)
        key(playing, pygame.K_ESCAPE)
    key(playing, pygame.K_ESCAPE)
    assert isinstance(playing.top, GameMenu)
    key(playing, pygame.K_ESCAPE)
    key(playing, pygame.K_F1)
    assert isinstance(playing.top, HelpOverlay)


def test_the_hvt_dialog_shows_odds_and_queues_the_order(playing):
    key(playing, pygame.K_f)
    view = playing.top
    key(playing, pygame.K_DOWN)  # a faction with a leader
    key(playing, pygame.K_h)
    dialog = playing.top
    assert isinstance(dialog, HVTDialog)
    assert 0 < dialog.odds("capture") < dialog.odds("kill") <= 1
    key(playing, pygame.K_k)
    assert playing.top is view
    assert any(type(o).__name__ == "HVT" and o.mode == "kill" for o in playing.session.pending)


def test_undo_withdraws_the_last_order(playing):
    scene = playing.top
    scene.select(13)
    row = scene.panel.rows["police"]
    row.moved(row.percent() + 20)
    assert len(playing.session.pending) == 1
    key(playing, pygame.K_z, pygame.KMOD_CTRL)
    assert playing.session.pending == []


def test_a_refused_allocation_is_explained_and_the_slider_goes_back(playing):
    from game.sim.levers import Allocate

    session = playing.session
    for r in range(32):  # spend what is left, state by state, until the model refuses
        session.propose(Allocate("police", session.full_cost("police", r) * 1.5, r))
    scene = playing.top
    scene.select(14)
    row = scene.panel.rows["troops"]
    before = row.percent()
    playing.toasts.clear()
    row.moved(150)
    assert row.slider.get_current_value() == before
    assert any("refused" in message.lower() for message, _, _ in playing.toasts)


def test_resizing_the_window_rebuilds_every_screen(playing):
    pygame.display.set_mode((1920, 1080), pygame.RESIZABLE)
    playing.frame(
        events=[pygame.event.Event(pygame.VIDEORESIZE, size=(1920, 1080), w=1920, h=1080)]
    )
    scene = playing.top
    assert scene.map_rect.width > 1200
    playing.frame()


def test_switching_to_spanish_rewrites_the_screens(playing):
    playing.set_settings(language="es")
    playing.frame()
    scene = playing.top
    labels = [getattr(e, "text", "") for e in scene.ui.get_sprite_group().sprites()]
    assert any("Terminar mes" in x for x in labels)
    assert playing.settings.language == "es"


def test_the_menu_buttons_work_with_the_mouse(app):
    click_button(app, "Settings")
    assert isinstance(app.top, SettingsScene)
    click_button(app, "Back")
    click_button(app, "Policy lab")
    assert isinstance(app.top, LabScene)
    click_button(app, "Back")
    click_button(app, "Team play")
    assert isinstance(app.top, TeamSetup)


def test_closing_the_window_with_unsaved_play_asks_first(playing):
    key(playing, pygame.K_RETURN)
    key(playing, pygame.K_RETURN)
    playing.frame(events=[pygame.event.Event(pygame.QUIT)])
    assert isinstance(playing.top, QuitDialog)
    assert playing.running
    key(playing, pygame.K_ESCAPE)
    assert isinstance(playing.top, MapScreen)


def test_the_debrief_grades_the_term_and_replays_it_without_an_operation(playing):
    from game.sim.operations import HVT

    session = playing.session
    faction = next(f for f in session.view.factions if f.leader and f.dissolved is None)
    assert session.propose(HVT(faction.leader.id, "kill")) == []
    for _ in range(3):
        session.end_turn()
    end = EndOfTerm(playing)
    playing.push(end)
    playing.frame()
    assert end.whatif.turns == [1]
    key(playing, pygame.K_w)
    end.whatif.wait()
    playing.frame()
    result = end.whatif.result
    assert result is not None and result["turn"] == 1
    assert len(result["played"]) == len(result["without"]) == 4


def test_a_broken_scenario_on_the_command_line_is_a_message_not_a_window(tmp_path, capsys):
    from game.ui.app import run_app

    bad = tmp_path / "bad.yaml"
    bad.write_text("id: nothing\n", encoding="utf-8")
    assert run_app(str(bad)) == 2
    assert "problems" in capsys.readouterr().err


def test_every_setting_applies_at_once_and_is_saved(playing):
    from game.ui.settings import Settings

    playing.push(SettingsScene(playing))
    playing.frame()
    for _ in range(4):  # language, scale, palette, full screen: each one step to the right
        key(playing, pygame.K_RIGHT)
        key(playing, pygame.K_DOWN)
    saved = Settings.load(playing.paths.settings_file)
    assert saved.language == "es" and saved.ui_scale > 1.0
    assert saved.colourblind and saved.fullscreen
    key(playing, pygame.K_F11)  # and back to a window
    assert not playing.settings.fullscreen
    key(playing, pygame.K_ESCAPE)
    assert isinstance(playing.top, MapScreen)
    playing.frame()
