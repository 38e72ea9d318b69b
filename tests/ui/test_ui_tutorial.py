"""The guided introduction, and playing with the keyboard alone."""

from __future__ import annotations

import pygame
from uidriver import SEED, key

from game.sim.levers import Allocate
from game.ui.settings import Settings
from game.ui.tutorial import STEPS


def test_a_first_game_starts_the_introduction_and_it_follows_the_player(app):
    app.apply(app.new_game(seed=SEED, tutorial=True))
    app.frame()
    scene = app.top
    assert scene.card.step_id == "welcome"
    key(app, pygame.K_t)  # next card
    assert app.tutorial.step.id == "modes"
    key(app, pygame.K_2)  # doing what the card says moves it on
    assert app.tutorial.step.id == "select"
    key(app, pygame.K_PERIOD)
    assert app.tutorial.step.id == "budget"


def test_the_introduction_can_be_skipped_and_is_remembered(app):
    app.apply(app.new_game(seed=SEED, tutorial=True))
    app.frame()
    key(app, pygame.K_t, pygame.KMOD_CTRL)
    assert not app.tutorial.active
    assert app.top.card.step_id is None
    assert Settings.load(app.paths.settings_file).tutorial_done


def test_the_introduction_covers_the_first_three_months():
    assert {s.scene for s in STEPS} >= {"map", "factions", "hvt", "report", "charts"}
    assert max(s.turn for s in STEPS) == 2


def test_the_budget_can_be_set_with_the_keyboard_alone(playing):
    key(playing, pygame.K_PERIOD)  # the first state, alphabetically
    scene = playing.top
    for _ in range(40):  # Tab until a budget slider has the focus
        key(playing, pygame.K_TAB)
        item = scene.focus.current
        if item is not None and item.adjust is not None:
            break
    assert item is not None and item.adjust is not None
    key(playing, pygame.K_RIGHT)
    assert any(isinstance(o, Allocate) for o in playing.session.pending)
    assert scene.map_rect.collidepoint(scene.map_rect.center)  # still on the map screen
