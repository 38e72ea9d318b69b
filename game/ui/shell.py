"""The application: the window, the scene stack, the session, saving, settings and toasts.

`App.frame` runs one frame (events, update, draw) so tests and the benchmark can drive the game
without a real clock; `App.run` loops until the stack is empty or the player quits.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pygame

from game.ui import palette, text, theme
from game.ui.i18n import Strings
from game.ui.paths import DEFAULT_SCENARIO, Paths
from game.ui.saves import autosave, latest, load_session, save_session
from game.ui.scene import Call, Issue, Pop, Push, Quit, Replace, Reset, Scene
from game.ui.settings import Settings
from game.ui.tutorial import Tutorial

if TYPE_CHECKING:  # the model is imported when a game starts, so the menu opens fast
    from game.ui.match import Match
    from game.ui.session import Session

MIN_SIZE = (960, 600)
AUTO_SCALE_HEIGHT = 800  # windows taller than this get proportionally larger text


class App:
    """The desktop game: one window, a stack of scenes and at most one session."""

    def __init__(self, paths: Paths, settings: Settings | None = None, size=(1280, 720)):
        theme.init_display()
        self.paths = paths
        self.settings = settings or Settings.load(paths.settings_file)
        self.t = Strings(self.settings.language)
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if self.settings.fullscreen else 0)
        pygame.display.set_caption("Hydra")  # before the window exists, so it is never untitled
        self.screen = pygame.display.set_mode(size, flags)
        pygame.key.set_repeat(300, 40)
        self.stack: list[Scene] = []
        self.session: Session | None = None
        self.match: Match | None = None  # team play: every team's session, whose turn it is
        self.tutorial = Tutorial(self)
        self.toasts: list[tuple[str, str, float]] = []
        self.running = True
        self.clock = pygame.time.Clock()

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

        top = self.stack[-1] if self.stack else None
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
                veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
                veil.fill((8, 10, 14, 150))
                surface.blit(veil, (0, 0))
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
        if isinstance(action, Push):
            self.push(action.scene)
        elif isinstance(action, Pop):
            self.pop(action.result)
        elif isinstance(action, Replace):
            self.pop()
            self.push(action.scene)
        elif isinstance(action, Reset):
            while self.stack:
                self.stack.pop().exit()
            self.push(action.scene)
        elif isinstance(action, Issue):
            self.issue(action.order)
        elif isinstance(action, Call):
            self.apply(action.fn(*action.args))
        elif isinstance(action, Quit):
            self.quit(action.force)

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

    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    def _caption(self) -> None:
        parts = ["Hydra"]
        if self.session is not None:
            parts.append(self.t.scenario_text(self.session.scenario.raw, "name"))
            parts.append(self.t.month(self.session.view.national.get("date", "")))
        pygame.display.set_caption(" — ".join(parts))

    # --- windows, settings -------------------------------------------------------------------

    @property
    def scale(self) -> float:
        """The player's UI scale, times a little more on tall windows (1080p and up)."""
        height = self.screen.get_height()
        return self.settings.ui_scale * min(1.5, max(1.0, height / AUTO_SCALE_HEIGHT))

    def new_manager(self):
        return theme.manager(self.screen.get_size(), self.scale)

    def resized(self) -> None:
        w, h = pygame.display.get_surface().get_size()
        if (w < MIN_SIZE[0] or h < MIN_SIZE[1]) and not self.settings.fullscreen:
            self.screen = pygame.display.set_mode(
                (max(w, MIN_SIZE[0]), max(h, MIN_SIZE[1])), pygame.RESIZABLE
            )
        else:
            self.screen = pygame.display.get_surface()
        for scene in self.stack:
            scene.rebuild()

    def set_settings(self, **changes) -> None:
        """Change settings, save them and redraw every scene in the new language or scale."""
        for name, value in changes.items():
            setattr(self.settings, name, value)
        self.settings.clean()
        self.settings.save(self.paths.settings_file)
        self.t = Strings(self.settings.language)
        if "fullscreen" in changes:
            size = self.screen.get_size() if not self.settings.fullscreen else (0, 0)
            if not self.settings.fullscreen:
                size = (1280, 720)
            flags = pygame.FULLSCREEN if self.settings.fullscreen else pygame.RESIZABLE
            self.screen = pygame.display.set_mode(size, flags)
        text.render.cache_clear()
        for scene in self.stack:
            scene.rebuild()
        self._caption()

    # --- sessions -----------------------------------------------------------------------------

    def new_game(self, scenario_file=None, difficulty=None, seed=None, tutorial=None):
        """Start a new game and show the map; a broken scenario is a message, not a crash."""
        from game.scenario import ScenarioError, load_scenario
        from game.scenario.difficulty import with_difficulty
        from game.ui.scenes.map_screen import MapScreen
        from game.ui.session import Session

        path = Path(scenario_file or DEFAULT_SCENARIO)
        difficulty = difficulty or self.settings.difficulty
        try:
            scenario = with_difficulty(load_scenario(path), difficulty)
        except (ScenarioError, ValueError) as exc:
            return self.message(self.t("error.scenario", path=path.name), str(exc))
        seed = int(np.random.default_rng().integers(1, 2**31 - 1)) if seed is None else seed
        self.session = Session.new(scenario, seed, str(path), difficulty)
        self.match = None
        self.tutorial.start(not self.settings.tutorial_done if tutorial is None else tutorial)
        return Reset(MapScreen(self))

    def open_save(self, path: Path):
        """Load a save; a damaged one offers the latest autosave instead."""
        from game.sim.save import SaveError
        from game.ui.scenes.map_screen import MapScreen

        try:
            self.session = load_session(path)
        except SaveError as exc:
            auto = latest(self.paths.saves, auto_only=True)
            offer = auto if auto and auto.path != Path(path) else None
            return self.message(self.t("error.save"), str(exc), autosave=offer)
        self.match = None
        self.tutorial.start(False)
        self.toast(self.t("toast.loaded", name=Path(path).stem))
        return Reset(MapScreen(self))

    def save(self, name: str | None = None) -> bool:
        if self.session is None:
            return False
        try:
            path = save_session(self.session, self.paths.saves, name)
        except OSError as exc:
            self.toast(self.t("toast.save_failed", reason=exc.strerror or str(exc)), "bad")
            return False
        self.toast(self.t("toast.saved", name=path.stem))
        return True

    def start_match(self, scenario_file, teams: int, seed: int):
        """Team play: every team gets its own game of one scenario and seed; team 1 starts."""
        from game.scenario import ScenarioError, load_scenario
        from game.scenario.difficulty import with_difficulty
        from game.ui.match import Match
        from game.ui.scenes.teams import HandOver

        path = Path(scenario_file)
        difficulty = self.settings.difficulty
        try:
            scenario = with_difficulty(load_scenario(path), difficulty)
        except (ScenarioError, ValueError) as exc:
            return self.message(self.t("error.scenario", path=path.name), str(exc))
        self.match = Match.start(scenario, seed, teams, str(path), difficulty)
        self.session = self.match.session
        self.tutorial.start(False)
        return Reset(HandOver(self))

    def next_team(self):
        """After a team's month: the hand-over to the next team, or the class table at the end."""
        from game.ui.scenes.teams import ClassTable, HandOver

        if self.match is None:
            return None
        if not self.match.advance():
            return Reset(ClassTable(self))
        self.session = self.match.session
        self._caption()
        return Reset(HandOver(self))

    def autosave(self) -> None:
        try:
            if self.match is not None:  # each team's game has its own file, saved every month
                self.match.save(self.paths.saves)
                self.session.dirty = False
                return
            autosave(self.session, self.paths.saves)
        except OSError as exc:
            self.toast(self.t("toast.save_failed", reason=exc.strerror or str(exc)), "bad")

    def issue(self, order) -> list[str]:
        problems = self.session.propose(order) if self.session else ["no game"]
        if problems:
            self.toast(self.t("toast.refused", problems="; ".join(problems)), "bad")
        return problems

    def message(self, title: str, body: str, autosave=None):
        from game.ui.scenes.dialogs import MessageDialog

        return Push(MessageDialog(self, title, body, autosave))

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
        self.toasts.append((message, kind, time.monotonic() + seconds))

    def _draw_toasts(self, surface) -> None:
        now = time.monotonic()
        self.toasts = [t for t in self.toasts if t[2] > now]
        size = int(14 * self.scale)
        y = surface.get_height() - int(60 * self.scale)
        for message, kind, _ in reversed(self.toasts):
            lines = text.wrap(message, size, int(surface.get_width() * 0.5))
            h = len(lines) * text.font(size).get_linesize() + 16
            w = max(text.font(size).size(line)[0] for line in lines) + 28
            box = pygame.Rect(0, 0, w, h)
            box.midbottom = (surface.get_width() // 2, y)
            edge = palette.BAD if kind == "bad" else palette.ACCENT
            pygame.draw.rect(surface, (12, 14, 19), box, border_radius=6)
            pygame.draw.rect(surface, edge, box, 2, border_radius=6)
            text.draw_lines(surface, lines, (box.x + 14, box.y + 8), size, palette.TEXT)
            y = box.top - 8
