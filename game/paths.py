"""Where Hydra's shipped files are: the checkout's root and its levels folder.

Defined once here, at the bottom of the layers (it imports nothing from `game`), so the command
line, the experiments and the desktop game all find the same levels.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEVELS_DIR = ROOT / "levels"
DEFAULT_SCENARIO = LEVELS_DIR / "mexico_2026.yaml"


def level(name: str) -> Path:
    """The shipped level `name` (a file name such as ``classroom_24.yaml``)."""
    return LEVELS_DIR / name
