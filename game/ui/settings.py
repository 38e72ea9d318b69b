"""Player settings (language, UI scale, palette, fullscreen, guided introduction), kept as JSON.

A missing or unreadable settings file is never an error: the game starts with defaults, and the
first run follows the system language.
"""

from __future__ import annotations

import contextlib
import json
import locale
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from game.jsonread import Limits, read_json_bounded

LANGUAGES = ("en", "es")
SCALES = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
DIFFICULTIES = ("easy", "normal", "hard")
# A settings file holds a handful of values: anything bigger or deeper is damaged, not read.
SETTINGS_LIMITS = Limits(max_bytes=64 * 1024, max_depth=4, max_containers=64, max_values=512)


def system_language() -> str:
    """'es' when the system locale is Spanish, else 'en'."""
    candidates = [os.environ.get(v, "") for v in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")]
    with contextlib.suppress(ValueError):  # an unknown locale name in the environment
        candidates.append(locale.getlocale()[0] or "")
    for name in candidates:
        if name and name.lower() not in ("c", "posix", "c.utf-8"):
            return "es" if name.lower().startswith("es") else "en"
    return "en"


@dataclass
class Settings:
    """What the player chose in the settings screen."""

    language: str = "en"
    ui_scale: float = 1.0
    colourblind: bool = False
    fullscreen: bool = False
    tutorial_done: bool = False
    difficulty: str = "normal"

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Settings from `path`; defaults (in the system language) when missing or damaged."""
        try:
            data = read_json_bounded(path, SETTINGS_LIMITS)
        except (OSError, ValueError):  # JsonRefused is a ValueError
            return cls(language=system_language())
        if not isinstance(data, dict):
            return cls(language=system_language())
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict) -> Settings:
        known = {f.name for f in fields(cls)}
        out = cls(language=system_language())
        for key, value in data.items():
            if key in known:
                setattr(out, key, value)
        out.clean()
        return out

    def clean(self) -> None:
        """Replace values that make no sense (hand-edited files) with defaults."""
        if self.language not in LANGUAGES:
            self.language = system_language()
        try:
            scale = float(self.ui_scale)
        except (TypeError, ValueError):
            scale = 1.0
        self.ui_scale = min(SCALES, key=lambda s: abs(s - scale))
        self.colourblind = bool(self.colourblind)
        self.fullscreen = bool(self.fullscreen)
        self.tutorial_done = bool(self.tutorial_done)
        if self.difficulty not in DIFFICULTIES:
            self.difficulty = "normal"

    def save(self, path: Path) -> bool:
        """Write the settings; False (not an exception) when the folder is not writable."""
        from game.sim.save import write_atomic  # (imported here: the menu starts without the model)

        try:
            write_atomic(path, json.dumps(asdict(self), indent=2).encode("utf-8"))
        except OSError:
            return False
        return True
