"""Keyboard focus for widgets: Tab moves between buttons and sliders, Space or Enter presses,
Left and Right move a slider. pygame_gui has no keyboard navigation of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import palette


@dataclass
class Item:
    element: object
    activate: object = None  # () -> action, for buttons
    adjust: object = None  # (delta) -> action, for sliders


class Focus:
    """The focusable widgets of a scene, in Tab order."""

    def __init__(self):
        self.items: list[Item] = []
        self.index: int | None = None
        self.enter_activates = True  # False where Enter has a scene-wide meaning (end turn)

    def clear(self) -> None:
        self.items.clear()
        self.index = None

    def add(self, element, activate=None, adjust=None) -> None:
        self.items.append(Item(element, activate, adjust))

    def remove_dead(self) -> None:
        alive = [i for i in self.items if i.element.alive()]
        if len(alive) != len(self.items):
            current = self.current
            self.items = alive
            self.index = next((k for k, i in enumerate(alive) if i is current), None)

    @property
    def current(self) -> Item | None:
        if self.index is None or not (0 <= self.index < len(self.items)):
            return None
        return self.items[self.index]

    def set(self, element) -> None:
        self.index = next((k for k, i in enumerate(self.items) if i.element is element), None)

    def move(self, step: int) -> None:
        self.remove_dead()
        usable = [k for k, i in enumerate(self.items) if i.element.is_enabled and i.element.visible]
        if not usable:
            self.index = None
            return
        if self.index not in usable:
            self.index = usable[0] if step > 0 else usable[-1]
            return
        pos = usable.index(self.index)
        self.index = usable[(pos + step) % len(usable)]

    def key(self, event) -> tuple[bool, object]:
        """(handled, action) for a key press."""
        if event.key == pygame.K_TAB:
            self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True, None
        item = self.current
        if item is None:
            return False, None
        activate_keys = (pygame.K_SPACE,) + ((pygame.K_RETURN,) if self.enter_activates else ())
        if event.key in activate_keys and item.activate and item.element.is_enabled:
            return True, item.activate()
        if item.adjust and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            step = -1 if event.key == pygame.K_LEFT else 1
            step *= 5 if event.mod & pygame.KMOD_SHIFT else 1
            return True, item.adjust(step)
        if event.key in (pygame.K_UP, pygame.K_DOWN) and not item.adjust:
            self.move(-1 if event.key == pygame.K_UP else 1)
            return True, None
        return False, None

    def draw(self, surface: pygame.Surface) -> None:
        item = self.current
        if item is None or not item.element.alive() or not item.element.visible:
            return
        rect = pygame.Rect(item.element.get_abs_rect()).inflate(6, 6)
        clip = getattr(item.element, "ui_container", None)
        if clip is not None and hasattr(clip, "get_abs_rect"):
            rect = rect.clip(pygame.Rect(clip.get_abs_rect()).inflate(6, 6))
        if rect.width > 0 and rect.height > 0:
            pygame.draw.rect(surface, palette.HOVER, rect, 2, border_radius=5)
