"""The application: the window, the scene stack, the actions scenes return, settings and toasts.

`App.frame` runs one frame (events, update, draw) so tests and the benchmark can drive the game
without a real clock; `App.run` loops until the stack is empty or the player quits. What the app
does with a game (start, load, save, play a month, team play) is in `game.ui.commands`.
"""

from __future__ import annotations

import gc
import time

import pygame

from game.ui import dates, memory, palette, text, theme
from game.ui.commands import GameCommands
from game.ui.i18n import Strings
from game.ui.keys import REPEAT_DELAY_MS, REPEAT_INTERVAL_MS, KeyGate
from game.ui.paths import Paths
from game.ui.scene import (
    Call,
    ChangeSettings,
    Issue,
    PlayMonth,
    Pop,
    Push,
    Quit,
    Replace,
    Reset,
    Save,
    Scene,
    Toast,
)
from game.ui.settings import Settings
from game.ui.tutorial import Tutorial

MIN_SIZE = (960, 600)
AUTO_SCALE_HEIGHT = 800  # windows taller than this get proportionally larger text
MANAGERS_KEPT = 4  # widget managers kept for reuse (one per scene on a usual stack)


class App(GameCommands):
    """The desktop game: one window, a stack of scenes and at most one session."""

    def __init__(self, paths: Paths, settings: Settings | None = None, size=(1280, 720)):
        memory.tune()
        theme.init_display()
        self.paths = paths
        self.settings = settings or Settings.load(paths.settings_file)
        self.t = Strings(self.settings.language)
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if self.settings.fullscreen else 0)
        pygame.display.set_caption("Hydra")  # before the window exists, so it is never untitled
        self.screen = pygame.display.set_mode(size, flags)
        pygame.key.set_repeat(REPEAT_DELAY_MS, REPEAT_INTERVAL_MS)  # filtered by `self.keys`
        self.keys = KeyGate()
        self.stack: list[Scene] = []
        self.session = None  # game.ui.session.Session (the model is imported when a game starts)
        self.match = None  # team play: every team's session, whose turn it is
        self.tutorial = Tutorial(self)
        self.toasts: list[tuple[str, str, float]] = []
        self.running = True
        self.clock = pygame.time.Clock()
        self._managers: list = []

    # --- the loop ---------------------------------------------------------------------------

    def run(self) -> int:
        while self.running and self.stack:
            dt = self.clock.tick(60) / 1000.0
            self.frame(dt)
        return 0

    def frame(self, dt: float = 1 / 60, events=None) -> None:
        for event in pygame.event.get() if events is None else events:
            self.dispatch(event)
        if self.stack:
            self.apply(self.stack[-1].update(dt))
        self.draw(self.screen)
        pygame.display.flip()

    def dispatch(self, event) -> None:
        if not self.keys.admit(event, self.top):
            return  # a held key repeating: it acted once already
        if event.type == pygame.QUIT:
            self.apply(self.close_requested())
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.resized()
            return
        if event.type == pygame.KEYDOWN and self._global_key(event):
            return
        if self.stack:
            self.apply(self.stack[-1].handle(event))

    def _global_key(self, event) -> bool:
        from game.ui.scenes.help import HelpOverlay

        top = self.top
        wants_help = event.key == pygame.K_F1 or (
            event.unicode == "?" and not getattr(top, "typing", False)
        )
        if wants_help and not isinstance(top, HelpOverlay):
            self.push(HelpOverlay(self))
            return True
        if event.key == pygame.K_F11:
            self.set_settings(fullscreen=not self.settings.fullscreen)
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        start = len(self.stack) - 1
        while start > 0 and not self.stack[start].opaque:
            start -= 1
        for k, scene in enumerate(self.stack[max(start, 0) :], start=max(start, 0)):
            if k > max(start, 0) and not scene.opaque:
                surface.fill((105, 106, 110), special_flags=pygame.BLEND_RGB_MULT)  # dim below
            scene.draw(surface)
        self._draw_toasts(surface)

    # --- actions and the stack --------------------------------------------------------------

    def apply(self, action) -> None:
        if action is None:
            return
        if isinstance(action, list | tuple):
            for a in action:
                self.apply(a)
            return
        handler = {
            Push: lambda a: self.push(a.scene),
            Pop: lambda a: self.pop(a.result),
            Replace: lambda a: (self.pop(), self.push(a.scene)),
            Reset: lambda a: self.reset(a.scene),
            Issue: lambda a: self.issue(a.order),
            Call: lambda a: self.apply(a.fn(*a.args)),
            Quit: lambda a: self.quit(a.force),
            PlayMonth: lambda a: self.apply(self.play_month()),
            Save: lambda a: self.save(a.name),
            Toast: lambda a: self.toast(a.message, a.kind, a.seconds),
            ChangeSettings: lambda a: self.set_settings(**a.changes),
        }.get(type(action))
        if handler is not None:
            handler(action)

    def push(self, scene: Scene) -> None:
        if self.stack:
            self.stack[-1].pause()
        self.stack.append(scene)
        scene.enter()
        self._caption()

    def pop(self, result=None) -> None:
        if not self.stack:
            return
        self.stack.pop().exit()
        if self.stack:
            self.apply(self.stack[-1].resume(result))
        self._caption()

    def reset(self, scene: Scene) -> None:
        """Empty the stack and start again from `scene`. The scenes that go refer to themselves
        (their widgets' callbacks, panels, cards), so only the collector frees them: collect now
        (some 50 ms, at a change of screen) rather than let them pile up hand-over after
        hand-over."""
        while self.stack:
            self.stack.pop().exit()
        gc.collect()
        memory.trim()
        self.push(scene)

    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    def _caption(self) -> None:
        parts = ["Hydra"]
        if self.session is not None:
            parts.append(self.t.scenario_text(self.session.scenario.raw, "name"))
            parts.append(dates.label(self.t, dates.months(self.session)))
        pygame.display.set_caption(text.clean(" — ".join(p for p in parts if p), 200))

    # --- windows, widget managers, settings --------------------------------------------------

    @property
    def scale(self) -> float:
        """The player's UI scale, times a little more on tall windows (1080p and up), but never
        more than fits: every screen is laid out for at least MIN_SIZE pixels at scale 1, so a
        large interface on a small window grows only as far as the window allows."""
        w, h = self.screen.get_size()
        wanted = self.settings.ui_scale * min(1.5, max(1.0, h / AUTO_SCALE_HEIGHT))
        return min(wanted, max(1.0, min(w / MIN_SIZE[0], h / MIN_SIZE[1])))

    def new_manager(self):
        """A widget manager for a scene: a used one of the right size and scale when there is one
        (each new manager loads its fonts again, which costs time and memory)."""
        key = (self.screen.get_size(), self.scale)
        while self._managers:
            manager = self._managers.pop()
            if getattr(manager, "hydra_key", None) == key:
                return manager
        manager = theme.manager(*key)
        manager.hydra_key = key
        return manager

    def recycle_manager(self, manager) -> None:
        """Take back a scene's manager, emptied, for the next scene."""
        manager.clear_and_reset()
        manager.set_focus_set(None)
        if len(self._managers) < MANAGERS_KEPT:
            self._managers.append(manager)

    def resized(self) -> None:
        w, h = pygame.display.get_surface().get_size()
        if (w < MIN_SIZE[0] or h < MIN_SIZE[1]) and not self.settings.fullscreen:
            self.screen = pygame.display.set_mode(
                (max(w, MIN_SIZE[0]), max(h, MIN_SIZE[1])), pygame.RESIZABLE
            )
        else:
            self.screen = pygame.display.get_surface()
        self._rebuild_all()

    def set_settings(self, **changes) -> None:
        """Change settings, save them and redraw every scene in the new language or scale."""
        for name, value in changes.items():
            setattr(self.settings, name, value)
        self.settings.clean()
        self.settings.save(self.paths.settings_file)
        self.t = Strings(self.settings.language)
        if "fullscreen" in changes:
            full = self.settings.fullscreen
            flags = pygame.FULLSCREEN if full else pygame.RESIZABLE
            self.screen = pygame.display.set_mode((0, 0) if full else (1280, 720), flags)
        text.forget()
        self._rebuild_all()
        self._caption()

    def _rebuild_all(self) -> None:
        self._managers.clear()  # sized or scaled for the old window
        for scene in self.stack:
            scene.rebuild()
        memory.trim()

    # --- quitting -----------------------------------------------------------------------------

    def close_requested(self):
        """The window's close button: ask first when there is unsaved play."""
        from game.ui.scenes.dialogs import QuitDialog

        if any(isinstance(s, QuitDialog) for s in self.stack):
            return Quit(force=True)
        if self.session is not None and self.session.dirty:
            return Push(QuitDialog(self, to_menu=False))
        return Quit(force=True)

    def quit(self, force: bool = False) -> None:
        if force or self.session is None or not self.session.dirty:
            self.running = False
            while self.stack:
                self.stack.pop().exit()
        else:
            self.apply(self.close_requested())

    # --- toasts -------------------------------------------------------------------------------

    def toast(self, message: str, kind: str = "info", seconds: float = 3.5) -> None:
        self.toasts = [t for t in self.toasts if t[2] > time.monotonic()][-3:]
        self.toasts.append((text.clean(message, 2000), kind, time.monotonic() + seconds))

    def _draw_toasts(self, surface) -> None:
        now = time.monotonic()
        self.toasts = [t for t in self.toasts if t[2] > now]
        size = int(14 * self.scale)
        y = surface.get_height() - int(60 * self.scale)
        for message, kind, _ in reversed(self.toasts):
            lines = text.wrap(message, size, int(surface.get_width() * 0.5))
            h = len(lines) * text.font(size).get_linesize() + 16
            w = max(text.text_width(line, size) for line in lines) + 28
            box = pygame.Rect(0, 0, min(w, surface.get_width() - 20), h)
            box.midbottom = (surface.get_width() // 2, y)
            edge = palette.BAD if kind == "bad" else palette.ACCENT
            pygame.draw.rect(surface, (12, 14, 19), box, border_radius=6)
            pygame.draw.rect(surface, edge, box, 2, border_radius=6)
            text.draw_lines(surface, lines, (box.x + 14, box.y + 8), size, palette.TEXT)
            y = box.top - 8
