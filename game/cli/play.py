"""`hydra play` (the default): the desktop game, after checking the scenario it starts with, and
the month it is taken over in (`--from`, the history level only)."""

from __future__ import annotations

from game.cli.errors import UsageError
from game.cli.inputs import load


def play_command(args) -> int:
    """Start the desktop game; a broken `--scenario` or a `--from` month the history level does
    not have is refused here, before the window opens."""
    scenario = getattr(args, "scenario", None)
    bookmark = getattr(args, "bookmark", None)
    if bookmark is not None:
        scenario = check_bookmark(scenario, bookmark)
    elif scenario is not None:
        load(scenario)
    try:
        from game.ui.app import run_app
    except ImportError as exc:
        raise UsageError(f"the desktop game cannot start: {exc}") from None
    return run_app(scenario=scenario, bookmark=bookmark)


def check_bookmark(scenario: str | None, month: str) -> str:
    """The history level's file (`scenario`, by default the shipped one) if it has `month`;
    UsageError otherwise."""
    from game.lab.backtest import BOOKMARKS, HISTORY_ID, is_history, turn_of
    from game.paths import level

    scenario = scenario or str(level(f"{HISTORY_ID}.yaml"))
    loaded = load(scenario)
    if not is_history(loaded):
        raise UsageError(
            f"--from takes over the history level ({HISTORY_ID}); {scenario} is "
            f"'{loaded.id}', which has no history to replay"
        )
    if not 1 <= turn_of(loaded, month) <= loaded.turns:
        first = f"{loaded.start.year:04d}-{loaded.start.month:02d}"
        raise UsageError(
            f"--from {month}: not a month of {loaded.id} "
            f"({loaded.turns} months from {first}); bookmarks: {', '.join(BOOKMARKS)}"
        )
    return scenario
