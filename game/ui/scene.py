"""Scenes and the actions they return: the stack's vocabulary.

A scene owns its widgets (its own pygame_gui manager), reads the session and returns actions:
push or pop a scene, issue an order, play the month, save, show a message, quit. The app does
the work (`App.apply`); `draw` never changes the game.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID

from game.ui import palette
from game.ui.focus import Focus
from game.ui.text import clean


@dataclass
class Push:
    scene: Scene


@dataclass
class Pop:
    result: Any = None


@dataclass
class Replace:
    scene: Scene


@dataclass
class Reset:
    """Empty the stack and start again from `scene` (e.g. back to the main menu)."""

    scene: Scene


@dataclass
class Issue:
    """Give an order for this month; the app asks the model whether it is legal."""

    order: Any


@dataclass
class Quit:
    force: bool = False


@dataclass
class Call:
    """Run a function on the app (save, load, change settings); it may return more actions."""

    fn: Any
    args: tuple = field(default_factory=tuple)


@dataclass
class PlayMonth:
    """End the month being planned: play it, autosave, and show its report."""


@dataclass
class Save:
    """Save the game (under `name`, or one made from the scenario and the month)."""

    name: str | None = None


@dataclass
class Toast:
    """A short message at the bottom of the window."""

    message: str
    kind: str = "info"
    seconds: float = 3.5


@dataclass
class ChangeSettings:
    """Change and keep settings (language, scale, palette, difficulty...)."""

    changes: dict = field(default_factory=dict)


def oid(class_id: str | None = None, object_id: str | None = None) -> ObjectID:
    return ObjectID(object_id=object_id, class_id=class_id)


class Scene:
    """Base class: lifecycle (enter, pause, resume, exit), widgets, keys, drawing."""

    name = "scene"
    opaque = True  # False: the scene below is drawn first (dialogs, overlays)

    def __init__(self, app):
        self.app = app
        self.ui: pygame_gui.UIManager | None = None
        self.focus = Focus()
        self._callbacks: dict = {}

    # --- helpers -------------------------------------------------------------------------

    @property
    def t(self):
        return self.app.t

    @property
    def session(self):
        return self.app.session

    def s(self, px: float) -> int:
        """`px` at the player's UI scale."""
        return int(round(px * self.app.scale))

    @property
    def size(self) -> tuple[int, int]:
        return self.app.screen.get_size()

    @property
    def typing(self) -> bool:
        """A text field has the keyboard (letters are text, not shortcuts)."""
        focus = self.ui.get_focus_set() if self.ui is not None else None
        return any(isinstance(e, pygame_gui.elements.UITextEntryLine) for e in focus or ())

    def button(self, rect, label, fn, cls=None, tooltip=None, container=None, focus=True):
        b = pygame_gui.elements.UIButton(
            pygame.Rect(rect),
            clean(label, 300),
            manager=self.ui,
            container=container,
            object_id=oid(cls),
            tool_tip_text=tooltip,
        )
        self._callbacks[b] = fn
        if focus:
            self.focus.add(b, activate=fn)
        return b

    def label(self, rect, label, cls=None, container=None):
        return pygame_gui.elements.UILabel(
            pygame.Rect(rect),
            clean(label, 300),
            manager=self.ui,
            container=container,
            object_id=oid(cls),
        )

    def slider(self, rect, value, lo, hi, fn, container=None, step=5):
        sl = pygame_gui.elements.UIHorizontalSlider(
            pygame.Rect(rect),
            value,
            (lo, hi),
            manager=self.ui,
            container=container,
            click_increment=step,
        )
        self._callbacks[sl] = fn

        def nudge(delta: int):
            new = min(hi, max(lo, sl.get_current_value() + delta * step))
            sl.set_current_value(new)
            return fn(new)

        self.focus.add(sl, adjust=nudge)
        return sl

    # --- lifecycle ------------------------------------------------------------------------

    def enter(self) -> None:
        self.rebuild()

    def pause(self) -> None:
        pass

    def resume(self, result=None):
        """Back on top of the stack (`result` from the scene that was popped)."""
        return None

    def exit(self) -> None:
        """Off the stack for good: let go of the widgets and their surfaces at once."""
        self.release()

    def release(self) -> None:
        if self.ui is not None:
            # widgets and their manager refer to each other: empty it now (the app reuses it)
            # instead of waiting for the garbage collector, so their surfaces go with the scene
            self.app.recycle_manager(self.ui)
            self.ui = None
        self._callbacks.clear()
        self.focus.clear()

    def rebuild(self) -> None:
        """Recreate every widget (after a resize, or a change of language or scale)."""
        self.release()
        self.ui = self.app.new_manager()
        self.build()

    def build(self) -> None:
        """Create the widgets; subclasses override."""

    # --- events ---------------------------------------------------------------------------

    def handle(self, event):
        """One event -> an action, a list of actions, or None."""
        consumed = self.ui.process_events(event) if self.ui else False
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self._callbacks:
            return self._callbacks[event.ui_element]()
        if event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED:
            fn = self._callbacks.get(event.ui_element)
            return fn(event.value) if fn else None
        if event.type == pygame_gui.UI_TEXT_BOX_LINK_CLICKED:
            return self.link(event.link_target)
        if event.type == pygame.KEYDOWN:
            if self.typing and event.key not in TYPING_EXITS:
                return None  # letters, digits and arrows belong to the text field
            if self.typing and event.key == pygame.K_TAB:
                self.ui.set_focus_set(None)  # Tab leaves the field for the next button
            handled, action = self.focus.key(event)
            if handled and self.focus.current is not None:
                self.focused(self.focus.current.element)
            return action if handled else self.key(event)
        if not consumed and event.type in MOUSE_EVENTS:
            return self.mouse(event)
        return None

    def key(self, event):
        """A key the widgets did not use."""
        return None

    def focused(self, element) -> None:
        """The keyboard moved to `element` (scenes with scrolling panels bring it into view)."""

    def mouse(self, event):
        """A mouse event the widgets did not use."""
        return None

    def link(self, target: str):
        return None

    def update(self, dt: float):
        if self.ui:
            self.ui.update(dt)
        return None

    # --- drawing --------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_back(surface)
        if self.ui:
            self.ui.draw_ui(surface)
        self.draw_front(surface)
        self.focus.draw(surface)

    def draw_back(self, surface: pygame.Surface) -> None:
        """Custom drawing under the widgets."""
        if self.opaque:
            surface.fill(palette.BG)

    def draw_front(self, surface: pygame.Surface) -> None:
        """Custom drawing over the widgets."""

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, i18n key of what they do) for the help overlay."""
        return []


TYPING_EXITS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_TAB)
MOUSE_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION, pygame.MOUSEWHEEL)
