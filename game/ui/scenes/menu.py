"""The main menu: new game, continue, load, policy lab, team play, introduction, settings, help, quit.

Enter starts a new game of the default scenario at once.
"""

from __future__ import annotations

import pygame

from game import __version__
from game.ui import palette, text
from game.ui.geo import Camera, Geometry
from game.ui.maprender import MapRenderer, MapStyle
from game.ui.paths import ROOT
from game.ui.saves import latest
from game.ui.scene import Call, ChangeSettings, Push, Quit, Scene


class MainMenu(Scene):
    name = "menu"

    def __init__(self, app):
        super().__init__(app)
        self.geometry = Geometry.outline(ROOT / "assets" / "mexico_states.json")
        self.renderer = MapRenderer(self.geometry, [("", "")] * len(self.geometry.regions), 0)
        self.camera = Camera(self.geometry, (10, 10))
        fills = [palette.mix((40, 52, 70), (70, 86, 110), (i * 37 % 11) / 10) for i in range(32)]
        self.style = MapStyle(("menu",), fills)

    def build(self) -> None:
        from game.ui.scenes.newgame import NewGame

        w, h = self.size
        s, t = self.s, self.t
        x, bw, gap = s(70), max(s(330), int(w * 0.3)), s(8)
        self.column = bw + s(20)
        self.subtitle = text.wrap(t("menu.subtitle"), s(17), w - 2 * x)  # above the map
        y = self._title_bottom() + s(18)
        bottom = h - s(96)  # above the hint and the credits
        has_save = latest(self.app.paths.saves) is not None
        entries = [
            ("menu.new_game", "N", lambda: Push(NewGame(self.app)), True),
            ("menu.continue", "C", self._continue, has_save),
            ("menu.load", "L", self._load, has_save),
            ("menu.lab", "K", self._lab, True),
            ("menu.teams", "T", self._teams, True),
            ("menu.tutorial", "I", self._tutorial, True),
            ("menu.settings", "S", self._settings, True),
            ("menu.help", "F1", self._help, True),
            ("menu.quit", "Q", lambda: Quit(force=True), True),
        ]
        self.keys = {}
        bh = min(s(40), (bottom - y - gap * (len(entries) - 1)) // len(entries))
        for k, (key, hotkey, fn, enabled) in enumerate(entries):
            b = self.button((x, y + k * (bh + gap), bw, bh), f"{t(key)}   ({hotkey})", fn, "@menu")
            if not enabled:
                b.disable()
            self.keys[hotkey] = (fn, enabled)
        left = x + self.column + s(40)
        self.camera.resize((w - left - s(30), bottom - y))
        self.camera.reset()
        self.map_rect = pygame.Rect(left, y, *self.camera.size)
        self.focus.enter_activates = False

    def _title_bottom(self) -> int:
        """The y under the title and its subtitle."""
        line = text.font(self.s(17)).get_linesize()
        return self.s(24) + self.s(84) + line * len(self.subtitle)

    def _continue(self):
        save = latest(self.app.paths.saves)
        return Call(self.app.open_save, (save.path,)) if save else None

    def _load(self):
        from game.ui.scenes.loadgame import LoadGame

        return Push(LoadGame(self.app))

    def _lab(self):
        from game.ui.scenes.lab import LabScene

        return Push(LabScene(self.app))

    def _teams(self):
        from game.ui.scenes.teams import TeamSetup

        return Push(TeamSetup(self.app))

    def _tutorial(self):
        return [
            ChangeSettings({"tutorial_done": False}),
            Call(self.app.new_game, (None, None, None, True)),
        ]

    def _settings(self):
        from game.ui.scenes.settings_scene import SettingsScene

        return Push(SettingsScene(self.app))

    def _help(self):
        from game.ui.scenes.help import HelpOverlay

        return Push(HelpOverlay(self.app))

    def exit(self) -> None:
        self.renderer.release()
        super().exit()

    def resume(self, result=None):
        self.rebuild()  # a save may have appeared (Continue / Load become available)

    def key(self, event):
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return Call(self.app.new_game)
        if event.key == pygame.K_ESCAPE:  # a stray Esc must not close the game: ask
            from game.ui.scenes.dialogs import ConfirmQuit

            return Push(ConfirmQuit(self.app))
        name = pygame.key.name(event.key).upper()
        fn, enabled = self.keys.get(name, (None, False))
        return fn() if fn and enabled else None

    def draw_back(self, surface) -> None:
        surface.fill(palette.BG)
        self.renderer.draw(surface, self.map_rect, self.camera, self.style)
        s, t = self.s, self.t
        w, h = surface.get_size()
        x = s(70)
        surface.blit(text.render("HYDRA", s(64), palette.ACCENT, True), (x, s(24)))
        text.draw_lines(surface, self.subtitle, (x + s(4), s(24) + s(84)), s(17), palette.TEXT_DIM)
        hint = text.render(t("menu.enter_hint"), s(15), palette.TEXT)
        surface.blit(hint, (x, h - s(70)))
        credit = f"Hydra {__version__} · {t('menu.credits')}"
        surface.blit(text.render(credit, s(12), palette.TEXT_DIM), (x, h - s(38)))

    def shortcuts(self):
        return [
            ("Enter", "help.menu.enter"),
            ("N C L K T I S Q", "help.menu.letters"),
            ("Tab / ↑ ↓", "help.focus"),
            ("{space}", "help.activate"),
        ]
