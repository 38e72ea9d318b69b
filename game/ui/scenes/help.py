"""The help overlay (F1 or ?): every shortcut of the screen below, and the global ones."""

from __future__ import annotations

import pygame

from game.ui import palette, text
from game.ui.scene import Pop, Scene

GLOBAL = [
    ("F1 / ?", "help.global.help"),
    ("F11", "help.global.fullscreen"),
    ("Tab / Shift+Tab", "help.focus"),
    ("{space}", "help.activate"),
]


def shortcut_list(own: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A screen's shortcuts, then the global ones it does not already list (each key once:
    the map's "Tab, ← →" already says what Tab does)."""
    said = " ".join(keys for keys, _ in own)
    meanings = {what for _, what in own}
    extra = [
        (keys, what)
        for keys, what in GLOBAL
        if what not in meanings and keys.split(" ")[0] not in said
    ]
    return own + extra


class HelpOverlay(Scene):
    name = "help"
    opaque = False

    def build(self) -> None:
        below = self.app.stack[-2] if len(self.app.stack) > 1 else None
        self.entries = shortcut_list(below.shortcuts() if below else [])
        w, h = self.size
        s = self.s
        self.box = pygame.Rect(
            0, 0, min(s(760), w - s(40)), min(h - s(40), s(110) + len(self.entries) * s(27))
        )
        self.box.center = (w // 2, h // 2)
        self.button(
            (self.box.right - s(140), self.box.bottom - s(52), s(116), s(38)),
            self.t("common.close"),
            lambda: Pop(),
            "@primary",
        )

    def key(self, event):
        if event.key in (pygame.K_ESCAPE, pygame.K_F1, pygame.K_RETURN) or event.unicode == "?":
            return Pop()
        return None

    def draw_back(self, surface) -> None:
        s, t = self.s, self.t
        box = self.box
        pygame.draw.rect(surface, palette.PANEL, box, border_radius=s(10))
        pygame.draw.rect(surface, palette.ACCENT, box, 2, border_radius=s(10))
        surface.blit(
            text.render(t("help.title"), s(22), palette.TEXT, True), (box.x + s(24), box.y + s(16))
        )
        y = box.y + s(60)
        key_w = s(230)
        for keys, what in self.entries:
            if y > box.bottom - s(70):
                break
            keys = keys.format(drag=t("keys.drag"), wheel=t("keys.wheel"), space=t("keys.space"))
            surface.blit(text.render(keys, s(14), palette.ACCENT, True), (box.x + s(24), y))
            desc = text.fit(t(what), s(14), box.width - key_w - s(48))
            surface.blit(text.render(desc, s(14), palette.TEXT), (box.x + s(24) + key_w, y))
            y += s(27)
