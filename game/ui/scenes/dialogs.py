"""Small modal dialogs: a message (with the latest autosave offered after a damaged save),
"quit without saving?", and the in-game menu."""

from __future__ import annotations

import pygame

from game.ui import palette, text
from game.ui.scene import Call, Pop, Push, Quit, Reset, Save, Scene


class Dialog(Scene):
    """A centred box over the dimmed scene below, with buttons in a row."""

    opaque = False
    width = 560

    def __init__(self, app, title: str, body: str):
        super().__init__(app)
        self.title = title
        self.body = body

    def options(self) -> list[tuple[str, object, str | None]]:
        """(label, callback, class) for each button, the default first."""
        return [(self.t("common.ok"), lambda: Pop(), "@primary")]

    def build(self) -> None:
        s = self.s
        w, h = self.size
        width = min(s(self.width), w - s(40))
        self.lines = text.wrap(self.body, s(15), width - s(48))
        line_h = text.font(s(15)).get_linesize()
        shown = self.lines[: max(3, (h - s(260)) // line_h)]
        if len(shown) < len(self.lines):
            shown[-1] = shown[-1] + " …"
        self.lines = shown
        options = self.options()
        height = s(130) + len(self.lines) * line_h
        self.box = pygame.Rect(0, 0, width, height)
        self.box.center = (w // 2, h // 2)
        bw = min(s(190), (width - s(40)) // max(1, len(options)) - s(10))
        x = self.box.right - s(24)
        for label, fn, cls in reversed(options):
            x -= bw
            self.button((x, self.box.bottom - s(58), bw, s(40)), label, fn, cls)
            x -= s(10)
        self.focus.index = len(options) - 1  # the default (first) option, added last

    def key(self, event):
        if event.key == pygame.K_ESCAPE:
            return Pop()
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self.options()[0][1]()
        return None

    def draw_back(self, surface) -> None:
        s = self.s
        pygame.draw.rect(surface, palette.PANEL, self.box, border_radius=s(10))
        pygame.draw.rect(surface, palette.ACCENT, self.box, 2, border_radius=s(10))
        title = text.render(
            text.fit(self.title, s(20), self.box.width - s(48), True), s(20), palette.TEXT, True
        )
        surface.blit(title, (self.box.x + s(24), self.box.y + s(18)))
        text.draw_lines(
            surface, self.lines, (self.box.x + s(24), self.box.y + s(58)), s(15), palette.TEXT
        )

    def shortcuts(self):
        return [
            ("Enter", "help.dialog.default"),
            ("Tab / ← →", "help.focus"),
            ("Esc", "help.cancel"),
        ]


class MessageDialog(Dialog):
    """A message; after a damaged save it offers the latest autosave."""

    def __init__(self, app, title, body, autosave=None):
        super().__init__(app, title, body)
        self.autosave = autosave

    def options(self):
        ok = (self.t("common.ok"), lambda: Pop(), None)
        if self.autosave is None:
            return [(self.t("common.ok"), lambda: Pop(), "@primary")]
        load = (self.t("dialog.load_autosave"), self._load, "@primary")
        return [load, ok]

    def _load(self):
        return [Pop(), Call(self.app.open_save, (self.autosave.path,))]


class ConfirmQuit(Dialog):
    """Esc on the main menu: quit Hydra, or stay."""

    def build(self) -> None:
        self.title, self.body = self.t("quit.confirm_title"), self.t("quit.confirm_body")
        super().build()

    def __init__(self, app):
        super().__init__(app, "", "")

    def options(self):
        return [
            (self.t("quit.confirm"), lambda: Quit(force=True), "@primary"),
            (self.t("common.cancel"), lambda: Pop(), None),
        ]


class QuitDialog(Dialog):
    """Quit (or leave for the main menu) with unsaved play: save first, leave, or stay."""

    def __init__(self, app, to_menu: bool):
        super().__init__(app, "", "")
        self.to_menu = to_menu

    def build(self) -> None:
        self.title, self.body = self.t("quit.title"), self.t("quit.body")  # in today's language
        super().build()

    def options(self):
        t = self.t
        return [
            (t("quit.save"), self._save_and_leave, "@primary"),
            (t("quit.discard"), self._leave, None),
            (t("common.cancel"), lambda: Pop(), None),
        ]

    def _save_and_leave(self):
        return self._leave() if self.app.save() else Pop()

    def _leave(self):
        if self.to_menu:
            from game.ui.scenes.menu import MainMenu

            self.app.session = None
            return Reset(MainMenu(self.app))
        return Quit(force=True)


class GameMenu(Dialog):
    """Esc on the map: resume, save, load, settings, help, main menu, quit."""

    width = 380

    def __init__(self, app):
        super().__init__(app, "", "")

    def build(self) -> None:
        s, t = self.s, self.t
        w, h = self.size
        self.title = t("gamemenu.title")  # rebuilt after a change of language
        entries = [
            ("gamemenu.resume", lambda: Pop()),
            ("gamemenu.save", self._save),
            ("gamemenu.load", self._load),
            ("gamemenu.settings", self._settings),
            ("gamemenu.help", self._help),
            ("gamemenu.main_menu", self._menu),
            ("gamemenu.quit", self._quit),
        ]
        bh, gap = s(42), s(8)
        seed = self.session.state.seed if self.session is not None else None
        self.lines = [t("gamemenu.seed", seed=seed)] if seed is not None else []
        top = s(62) + s(26) * len(self.lines)
        self.box = pygame.Rect(0, 0, s(self.width), top + s(18) + len(entries) * (bh + gap))
        self.box.center = (w // 2, h // 2)
        for k, (key, fn) in enumerate(entries):
            rect = (
                self.box.x + s(24),
                self.box.y + top + k * (bh + gap),
                self.box.width - s(48),
                bh,
            )
            self.button(rect, t(key), fn, "@primary" if k == 0 else None)
        self.focus.index = 0

    def options(self):
        return [(self.t("gamemenu.resume"), lambda: Pop(), None)]

    def _save(self):
        return [Save(), Pop()]

    def _load(self):
        from game.ui.scenes.loadgame import LoadGame

        return Push(LoadGame(self.app))

    def _settings(self):
        from game.ui.scenes.settings_scene import SettingsScene

        return Push(SettingsScene(self.app))

    def _help(self):
        from game.ui.scenes.help import HelpOverlay

        return Push(HelpOverlay(self.app))

    def _menu(self):
        if self.session is not None and self.session.dirty:
            return Push(QuitDialog(self.app, to_menu=True))
        return QuitDialog(self.app, to_menu=True)._leave()

    def _quit(self):
        return self.app.close_requested()
