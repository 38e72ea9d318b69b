"""The load screen: every save and autosave, newest first, in a list that scrolls.

Each row is read from the file without trusting it (`saves.peek`): a damaged or hostile file
shows as an unreadable entry, never a crash.
"""

from __future__ import annotations

import time

import pygame
import pygame_gui

from game.ui import palette, text
from game.ui.saves import describe, list_saves, peek
from game.ui.scene import Call, Pop, Scene
from game.ui.widgets.panels import scroll_into_view, tidy_scroll

MAX_LISTED = 500  # saves read for the list (a folder with more shows the newest)


class LoadGame(Scene):
    name = "load"

    def __init__(self, app):
        super().__init__(app)
        self.saves = list_saves(app.paths.saves)[:MAX_LISTED]
        self.peeked = {s.path: peek(s.path) for s in self.saves}
        self.rows: list = []

    def build(self) -> None:
        w, h = self.size
        s, t = self.s, self.t
        self.label((s(60), s(40), w - s(120), s(50)), t("load.title"), "@title")
        area = pygame.Rect(s(60), s(110), w - s(120), h - s(110) - s(100))
        self.scroll = pygame_gui.elements.UIScrollingContainer(
            area, manager=self.ui, allow_scroll_x=False
        )
        bw, bh, y = area.width - s(26), s(52), 0
        self.rows = []
        for save in self.saves:
            row = self.button((0, y, bw, bh), self._row(save), self._open(save), "@menu",
                              container=self.scroll)  # fmt: skip
            self.rows.append(row)
            y += bh + s(8)
        self.scroll.set_scrollable_area_dimensions((bw, max(y, 1)))
        tidy_scroll(self.scroll)
        self.button((s(60), h - s(80), s(160), s(48)), t("common.back"), lambda: Pop())
        if self.saves:
            self.focus.index = 0

    def _row(self, save) -> str:
        t = self.t
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(save.mtime))
        kind = t("load.auto") if save.auto else text.clean(save.name, 60)
        info = describe(self.peeked.get(save.path), t)
        if info is None:
            return f"{kind}  ·  {t('load.unreadable')}  ·  {when}"
        name, month = info
        return "  ·  ".join(x for x in (kind, name, month, when) if x)

    def _open(self, save):
        return lambda: Call(self.app.open_save, (save.path,))

    def focused(self, element) -> None:
        scroll_into_view(self.scroll, element, self.s(10))

    def key(self, event):
        if event.key == pygame.K_ESCAPE:
            return Pop()
        return None

    def draw_front(self, surface) -> None:
        if not self.saves:
            s = self.s
            msg = self.t("load.none", folder=str(self.app.paths.saves))
            text.draw_wrapped(
                surface,
                msg,
                pygame.Rect(s(60), s(130), self.size[0] - s(120), s(200)),
                s(16),
                palette.TEXT_DIM,
            )

    def shortcuts(self):
        return [
            ("↑ ↓ / {wheel}", "help.load.pick"),
            ("Enter / {space}", "help.load.open"),
            ("Esc", "help.back"),
        ]
