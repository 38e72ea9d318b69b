"""Keys: a held key that pygame repeats acts once where acting twice would hurt (a month, a
dialog, a screen, a hand-over), and keeps repeating where repeating helps (moving the map)."""

from __future__ import annotations

import pygame
from uidriver import key

from game.ui.paths import LEVELS
from game.ui.scenes.dialogs import ConfirmQuit
from game.ui.scenes.faction_view import FactionView
from game.ui.scenes.hvt import HVTDialog
from game.ui.scenes.map_screen import MapScreen
from game.ui.scenes.menu import MainMenu
from game.ui.scenes.report import TurnReport
from game.ui.scenes.teams import HandOver


def down(k):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)


def up(k):
    return pygame.event.Event(pygame.KEYUP, key=k, mod=0, unicode="", scancode=0)


def hold(app, k, repeats: int, release: bool = True) -> None:
    """Press `k`, let pygame repeat it `repeats` times (a frame apart), then release it."""
    app.frame(events=[down(k)])
    for _ in range(repeats):
        app.frame(events=[down(k)])
    if release:
        app.frame(events=[up(k)])


def test_holding_enter_on_the_map_ends_exactly_one_month(playing):
    hold(playing, pygame.K_RETURN, repeats=12)
    assert playing.session.state.turn == 1
    assert isinstance(playing.top, TurnReport)  # the report stays up: the repeats did nothing


def test_a_busy_frame_full_of_repeated_enters_ends_one_month(playing):
    playing.frame(events=[down(pygame.K_RETURN)] * 12 + [up(pygame.K_RETURN)])
    assert playing.session.state.turn == 1


def test_each_deliberate_press_of_enter_acts_once(playing):
    key(playing, pygame.K_RETURN)  # end the month
    key(playing, pygame.K_RETURN)  # close its report
    key(playing, pygame.K_RETURN)  # end the next month
    assert playing.session.state.turn == 2


def test_enter_on_the_handover_screen_does_not_also_end_the_teams_month(app):
    app.apply(app.start_match(LEVELS / "classroom_24.yaml", 2, 5))
    app.frame()
    assert isinstance(app.top, HandOver)
    hold(app, pygame.K_RETURN, repeats=6)
    assert isinstance(app.top, MapScreen)
    assert app.session.state.turn == 0


def test_enter_on_factions_opens_the_operation_dialog_but_does_not_order_it(playing):
    key(playing, pygame.K_f)
    key(playing, pygame.K_DOWN)  # a faction with a leader
    assert isinstance(playing.top, FactionView)
    hold(playing, pygame.K_RETURN, repeats=6, release=False)
    assert isinstance(playing.top, HVTDialog)
    assert playing.session.pending == []
    playing.frame(events=[up(pygame.K_RETURN)])
    key(playing, pygame.K_RETURN)  # a second, deliberate press orders it
    assert len(playing.session.pending) == 1


def test_a_key_held_through_a_change_of_screen_waits_for_a_fresh_press(playing):
    hold(playing, pygame.K_RETURN, repeats=3, release=False)  # month ended, report up
    assert isinstance(playing.top, TurnReport)
    hold(playing, pygame.K_RETURN, repeats=3)  # still the same press: the report stays
    assert isinstance(playing.top, TurnReport)


def test_arrow_keys_keep_repeating_to_move_the_map(playing):
    camera = playing.top.map.camera
    camera.zoom_by(4)
    start = camera.origin()
    hold(playing, pygame.K_RIGHT, repeats=3)
    moved = camera.origin()[0] - start[0]
    assert moved >= 3 * playing.top.s(90) - 1


def test_escape_on_the_main_menu_asks_before_quitting(app):
    hold(app, pygame.K_ESCAPE, repeats=5)
    assert app.running and isinstance(app.top, ConfirmQuit)
    key(app, pygame.K_ESCAPE)  # changed my mind
    assert app.running and isinstance(app.top, MainMenu)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)
    assert not app.running
