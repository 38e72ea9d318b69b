"""`hydra play` (the default): the desktop game, after checking the scenario it starts with."""

from __future__ import annotations

from game.cli.errors import UsageError
from game.cli.inputs import load


def play_command(args) -> int:
    """Start the desktop game; a broken `--scenario` is refused here, before the window opens."""
    scenario = getattr(args, "scenario", None)
    if scenario is not None:
        load(scenario)
    try:
        from game.ui.app import run_app
    except ImportError as exc:
        raise UsageError(f"the desktop game cannot start: {exc}") from None
    return run_app(scenario=scenario)
