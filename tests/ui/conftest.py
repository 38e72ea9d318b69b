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

from game.ui.paths import DEFAULT_SCENARIO, Paths  # noqa: E402
from game.ui.settings import Settings  # noqa: E402

SEED = 11


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


def key(app, k, mod=0, unicode=""):
    """Press and release a key, then run a frame."""
    down = pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode, scancode=0)
    up = pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode=unicode, scancode=0)
    app.frame(events=[down, up])
    app.frame()


def click(app, pos, button=1):
    """A mouse click at `pos` (move, press, release), then a frame to deliver widget events."""
    events = [
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button, touch=False),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button, touch=False),
    ]
    app.frame(events=events)
    app.frame()
    app.frame()


def button_with(scene, text):
    """The scene's button whose label contains `text`."""
    import pygame_gui

    for element in scene.ui.get_sprite_group().sprites():
        if isinstance(element, pygame_gui.elements.UIButton) and text in element.text:
            return element
    raise LookupError(f"no button with {text!r} in {type(scene).__name__}")


def click_button(app, text):
    scene = app.top
    element = button_with(scene, text)
    click(app, element.get_abs_rect().center)
