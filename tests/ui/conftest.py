"""Desktop-game tests run without a display: SDL's dummy video driver, set before pygame loads.

Every test gets its own HYDRA_HOME (saves and settings), so nothing touches the player's files.
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"

import pygame  # noqa: E402
import pytest  # noqa: E402
from uidriver import SEED  # noqa: E402  (the helpers tests import live there)

from game.ui.paths import DEFAULT_SCENARIO, Paths  # noqa: E402
from game.ui.settings import Settings  # noqa: E402


@pytest.fixture(scope="session")
def scenario():
    from game.scenario import load_scenario

    return load_scenario(DEFAULT_SCENARIO)


@pytest.fixture
def paths(tmp_path, monkeypatch):
    monkeypatch.setenv("HYDRA_HOME", str(tmp_path))
    return Paths.under(tmp_path)


@pytest.fixture
def app(paths):
    """The app on its main menu, in English, with the introduction already seen."""
    from game.ui.scenes.menu import MainMenu
    from game.ui.shell import App

    application = App(paths, Settings(language="en", tutorial_done=True))
    application.push(MainMenu(application))
    application.frame()
    yield application
    pygame.display.quit()


@pytest.fixture
def playing(app):
    """The app on the map screen of a new game of the default scenario (fixed seed)."""
    app.apply(app.new_game(seed=SEED))
    app.frame()
    return app
