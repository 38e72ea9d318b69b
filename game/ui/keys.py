"""Which key presses reach the scenes: one deliberate press acts once.

pygame repeats a held key as more KEYDOWN events (`pygame.key.set_repeat`), and a busy machine
can deliver a dozen of them in one frame. A repeated Enter must never end a second month, confirm
a dialog, change screens or hand the keyboard to the next team, so repeats pass only for keys
where repeating helps (moving the map, sliders and lists, deleting text) — and only to the scene
that saw the key go down. A key still held when the screen changes does nothing on the new
screen until it is released and pressed again.
"""

from __future__ import annotations

import pygame

# Keys whose repeats are useful: panning, zooming, moving through lists and sliders, editing text.
REPEATABLE = frozenset(
    {
        pygame.K_LEFT,
        pygame.K_RIGHT,
        pygame.K_UP,
        pygame.K_DOWN,
        pygame.K_PLUS,
        pygame.K_MINUS,
        pygame.K_EQUALS,
        pygame.K_KP_PLUS,
        pygame.K_KP_MINUS,
        pygame.K_PAGEUP,
        pygame.K_PAGEDOWN,
        pygame.K_TAB,
        pygame.K_BACKSPACE,
        pygame.K_DELETE,
        pygame.K_COMMA,
        pygame.K_PERIOD,
    }
)
# Keys that confirm, leave or end something: never repeated, even while typing.
ACTION_KEYS = frozenset({pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_SPACE})
REPEAT_DELAY_MS, REPEAT_INTERVAL_MS = 300, 40


class KeyGate:
    """Remembers which keys are down, and for which scene, to tell presses from repeats."""

    def __init__(self):
        self.held: dict[int, int] = {}  # key -> id of the scene on top when it went down

    def admit(self, event, top) -> bool:
        """Whether `event` should reach the scenes (always, for anything but a repeated key)."""
        if event.type == pygame.KEYUP:
            self.held.pop(event.key, None)
            return True
        if event.type == getattr(pygame, "WINDOWFOCUSLOST", -1):
            self.held.clear()  # the key-up may never arrive while another window has the focus
            return True
        if event.type != pygame.KEYDOWN:
            return True
        owner = self.held.get(event.key)
        if owner is None:  # a fresh press
            self.held[event.key] = id(top)
            return True
        if owner != id(top) or event.key in ACTION_KEYS:
            return False
        return event.key in REPEATABLE or bool(getattr(top, "typing", False))
