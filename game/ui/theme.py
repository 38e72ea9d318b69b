"""The widget theme (assets/ui/theme.json) scaled for the player's UI scale, and UI managers."""

from __future__ import annotations

import copy
import json
from functools import cache

import pygame
import pygame_gui

from game.ui.paths import ASSETS


@cache
def _base() -> dict:
    with open(ASSETS / "theme.json", encoding="utf-8") as fh:
        return json.load(fh)


def theme(scale: float) -> dict:
    """The theme with every font size and pixel width multiplied by `scale`."""
    out = copy.deepcopy(_base())
    for block in out.values():
        font = block.get("font")
        if isinstance(font, dict) and "size" in font:
            font["size"] = str(max(8, round(int(font["size"]) * scale)))
        misc = block.get("misc", {})
        if "sliding_button_width" in misc:
            misc["sliding_button_width"] = str(
                max(8, round(int(misc["sliding_button_width"]) * scale))
            )
    return out


def manager(size: tuple[int, int], scale: float) -> pygame_gui.UIManager:
    """A widget manager for one scene (fonts named in the theme are loaded with it)."""
    return pygame_gui.UIManager(size, theme(scale), enable_live_theme_updates=False)


def init_display() -> None:
    """Start only what the game uses (no audio: there is no sound to play)."""
    pygame.display.init()
    pygame.font.init()
