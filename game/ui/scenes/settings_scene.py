"""Settings: language, UI scale, colour-blind palette, fullscreen. Applied at once and saved."""

from __future__ import annotations

import pygame

from game.ui import palette, text
from game.ui.scene import ChangeSettings, Pop, Scene
from game.ui.settings import LANGUAGES, SCALES


class SettingsScene(Scene):
    name = "settings"

    def __init__(self, app):
        super().__init__(app)
        self.row = 0

    def rows(self):
        st, t = self.app.settings, self.t
        return [
            (
                "settings.language",
                [(t(f"lang.{x}"), x) for x in LANGUAGES],
                "language",
                st.language,
            ),
            ("settings.scale", [(f"{x:g}×", x) for x in SCALES], "ui_scale", st.ui_scale),
            ("settings.colourblind", self._onoff(), "colourblind", st.colourblind),
            ("settings.fullscreen", self._onoff(), "fullscreen", st.fullscreen),
        ]

    def _onoff(self):
        return [(self.t("common.off"), False), (self.t("common.on"), True)]

    def build(self) -> None:
        w, h = self.size
        s, t = self.s, self.t
        self.label((s(60), s(40), w - s(120), s(50)), t("settings.title"), "@title")
        y = s(130)
        self.row_rects = []
        label_w = min(s(300), w // 3)
        for key, choices, field, current in self.rows():
            self.label((s(60), y, label_w - s(20), s(36)), t(key), "@bold")
            x0 = s(60) + label_w
            room = w - s(60) - x0 + s(8)
            bw = min(s(90) if len(choices) > 3 else s(150), room // len(choices) - s(8))
            for j, (label, value) in enumerate(choices):
                cls = "@tab_on" if value == current else "@tab"
                rect = (x0 + j * (bw + s(8)), y, bw, s(36))
                self.button(rect, label, self._set(field, value), cls)
            self.row_rects.append(pygame.Rect(s(50), y - s(6), w - s(100), s(48)))
            y += s(70)
        self.note_y = y
        self.button((s(60), h - s(80), s(160), s(48)), t("common.back"), lambda: Pop())

    def _set(self, field, value):
        return lambda: ChangeSettings({field: value})

    def key(self, event):
        rows = self.rows()
        if event.key == pygame.K_ESCAPE:
            return Pop()
        if event.key in (pygame.K_UP, pygame.K_DOWN):
            self.row = (self.row + (-1 if event.key == pygame.K_UP else 1)) % len(rows)
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            _, choices, field, current = rows[self.row]
            values = [v for _, v in choices]
            k = values.index(current) if current in values else 0
            k = (k + (-1 if event.key == pygame.K_LEFT else 1)) % len(values)
            return self._set(field, values[k])()
        return None

    def draw_back(self, surface) -> None:
        surface.fill(palette.BG)
        if 0 <= self.row < len(self.row_rects):
            pygame.draw.rect(surface, palette.PANEL, self.row_rects[self.row], border_radius=6)
            pygame.draw.rect(surface, palette.BORDER, self.row_rects[self.row], 1, border_radius=6)

    def draw_front(self, surface) -> None:
        s = self.s
        note = self.t("settings.note", folder=str(self.app.paths.settings_file))
        rect = pygame.Rect(s(60), self.note_y + s(10), self.size[0] - s(120), s(120))
        text.draw_wrapped(surface, note, rect, s(13), palette.TEXT_DIM)

    def shortcuts(self):
        return [("↑ ↓", "help.settings.row"), ("← →", "help.settings.value"), ("Esc", "help.back")]
