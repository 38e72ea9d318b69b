"""Memory: a long game holds only the current screens, and the window's memory stays flat from
month to month (bench/bench_ui.py measures a 120-month game)."""

from __future__ import annotations

import gc
import sys

import pygame
import pygame_gui
import pytest
from uidriver import key

from game.ui import memory
from game.ui.scene import Scene

MONTHS = 24


def live(kind) -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, kind))


def play(app, months: int) -> None:
    for k in range(months):
        key(app, pygame.K_RETURN)  # end the month: its report
        key(app, pygame.K_RETURN)  # back to the map
        key(app, pygame.K_1 + k % 6)  # and a look at another map mode


def test_a_long_game_holds_only_the_screens_on_the_stack(playing):
    play(playing, 3)
    scenes, managers = live(Scene), live(pygame_gui.UIManager)
    play(playing, 6)
    assert live(Scene) == scenes == len(playing.stack)
    assert live(pygame_gui.UIManager) <= managers
    assert len(playing.session.game.national) == 10


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_the_windows_memory_is_flat_month_over_month(playing):
    play(playing, 10)
    memory.trim()
    before = memory.rss_mb()
    play(playing, MONTHS - 10)
    memory.trim()
    grown = memory.rss_mb() - before
    assert grown < 20, f"{grown:.1f} MB more after {MONTHS - 10} more months"
