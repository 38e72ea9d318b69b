"""A scripted player: new game, three months with orders, save, load, and the same state."""

from __future__ import annotations

import pygame
from uidriver import click, click_button, key

from game.ui.saves import list_saves
from game.ui.scenes.loadgame import LoadGame
from game.ui.scenes.map_screen import MapScreen
from game.ui.scenes.menu import MainMenu
from game.ui.scenes.report import TurnReport


def test_three_months_saved_and_loaded_give_the_same_state(app):
    click_button(app, "New game")
    click_button(app, "Start")
    assert isinstance(app.top, MapScreen)
    scene = app.top
    # choose Jalisco on the map by clicking where its label sits
    anchor = scene.map.geometry.regions[13].anchor
    x, y = scene.map.camera.to_screen(*anchor)
    click(app, (int(x) + scene.map_rect.x, int(y) + scene.map_rect.y))
    assert scene.selected == 13
    for month in range(3):
        if month == 1:
            key(app, pygame.K_f)
            key(app, pygame.K_DOWN)
            key(app, pygame.K_h)
            click_button(app, "Order capture")
            key(app, pygame.K_ESCAPE)
        click_button(app, "End month")
        assert isinstance(app.top, TurnReport)
        click_button(app, "Back to the map")
        assert isinstance(app.top, MapScreen)
    session = app.session
    assert session.state.turn == 3
    checksum = session.state.checksum()
    national = list(session.game.national)
    key(app, pygame.K_s, pygame.KMOD_CTRL)
    saved = [s for s in list_saves(app.paths.saves) if not s.auto]
    assert len(saved) == 1
    assert len([s for s in list_saves(app.paths.saves) if s.auto]) == 3

    key(app, pygame.K_ESCAPE)
    click_button(app, "Main menu")
    assert isinstance(app.top, MainMenu)
    assert app.session is None
    click_button(app, "Load game")
    assert isinstance(app.top, LoadGame)
    click_button(app, saved[0].name)
    assert isinstance(app.top, MapScreen)
    assert app.session.state.checksum() == checksum
    assert app.session.game.national == national
    assert len(app.session.game.order_log) == len(session.game.order_log)


def test_continue_opens_the_latest_save(app):
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)  # end the first month (an autosave)
    key(app, pygame.K_RETURN)
    checksum = app.session.state.checksum()
    app.session.dirty = False
    key(app, pygame.K_ESCAPE)
    click_button(app, "Main menu")
    click_button(app, "Continue")
    assert app.session.state.checksum() == checksum
