"""Driving the desktop game in tests: keys, clicks and buttons, and the seed of the test games.

Kept out of conftest.py so test modules import them by a name no other test folder uses.
"""

from __future__ import annotations

import pygame

SEED = 11


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
