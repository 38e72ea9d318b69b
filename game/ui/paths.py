"""Where the desktop game keeps its files: saves, autosaves and settings.

The folders follow the platform's conventions (platformdirs). `HYDRA_HOME` moves everything under
one folder, which tests, the screenshot tool and the benchmark use so they never touch the
player's own saves.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from game.paths import DEFAULT_SCENARIO, LEVELS_DIR, ROOT

ASSETS = ROOT / "assets" / "ui"
LEVELS = LEVELS_DIR
__all__ = ["ASSETS", "DEFAULT_SCENARIO", "LEVELS", "ROOT", "Paths", "default_paths"]


@dataclass(frozen=True)
class Paths:
    """The game's writable folders."""

    data: Path
    config: Path

    @property
    def saves(self) -> Path:
        return self.data / "saves"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @classmethod
    def under(cls, home: str | os.PathLike) -> Paths:
        home = Path(home)
        return cls(home / "data", home / "config")


def default_paths() -> Paths:
    """The player's folders, or those under `HYDRA_HOME` when it is set."""
    home = os.environ.get("HYDRA_HOME")
    if home:
        return Paths.under(home)
    return Paths(
        Path(platformdirs.user_data_dir("hydra")), Path(platformdirs.user_config_dir("hydra"))
    )
