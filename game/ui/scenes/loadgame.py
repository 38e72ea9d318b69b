"""The load screen: every save and autosave, newest first."""

from __future__ import annotations

import time

import pygame

from game.ui import palette, text
from game.ui.saves import list_saves, peek
from game.ui.scene import Call, Pop, Scene

PAGE = 9


class LoadGame(Scene):
    name = "load"

    def __init__(self, app):
        super().__init__(app)
        self.saves = list_saves(app.paths.saves)
        self.info = {s.path: peek(s.path) for s in self.saves[:40]}

    def build(self) -> None:
        w, h = self.size
        s, t = self.s, self.t
        self.label((s(60), s(40), w - s(120), s(50)), t("load.title"), "@title")
        y, bh = s(120), s(52)
        for save in self.saves[: PAGE * 4]:
            if y + bh > h - s(100):
                break
            self.button((s(60), y, w - s(120), bh), self._row(save), self._open(save), "@menu")
            y += bh + s(8)
        self.button((s(60), h - s(80), s(160), s(48)), t("common.back"), lambda: Pop())
        if self.saves:
            self.focus.index = 0

    def _row(self, save) -> str:
        t = self.t
        meta = self.info.get(save.path, {})
        name = meta.get(f"scenario_name_{t.lang}") or meta.get("scenario_name") or ""
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(save.mtime))
        month = t.month(meta["date"]) if meta.get("date") else "?"
        kind = t("load.auto") if save.auto else save.name
        return f"{kind}  ·  {name}  ·  {month}  ·  {when}"

    def _open(self, save):
        return lambda: Call(self.app.open_save, (save.path,))

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
            ("↑ ↓ / Tab", "help.focus"),
            ("Enter / {space}", "help.load.open"),
            ("Esc", "help.back"),
        ]
