"""`run_app`: the entry point of `hydra play` (and of `hydra` with no sub-command)."""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path


def run_app(scenario: str | None = None, bookmark: str | None = None) -> int:
    """Open the game window; returns the exit status (2 when `scenario` cannot be used). With
    `bookmark` ("YYYY-MM", checked by the caller), the history level `scenario` is replayed up
    to that month and handed over."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.scenario import ScenarioError, load_scenario

    if scenario is not None:
        try:
            load_scenario(Path(scenario))
        except ScenarioError as exc:
            print(f"hydra: the scenario has problems:\n{exc}", file=sys.stderr)
            return 2
    from game.ui.paths import default_paths
    from game.ui.scenes.menu import MainMenu
    from game.ui.shell import App

    app = App(default_paths())
    try:
        app.push(MainMenu(app))
        if bookmark is not None:
            app.apply(app.take_over(scenario, bookmark))
        elif scenario is not None:
            app.apply(app.new_game(scenario))
        return app.run()
    except Exception:  # a bug, not a player's mistake: keep the game and say where the log is
        return _crash(app)
    finally:
        import pygame

        pygame.quit()


def _crash(app) -> int:
    log = app.paths.data / "crash.log"
    saved = ""
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(time.strftime("%Y-%m-%d %H:%M:%S\n") + traceback.format_exc(), "utf-8")
        if app.session is not None:
            from game.ui.saves import save_session

            saved = str(save_session(app.session, app.paths.saves, "rescue"))
    except Exception:  # noqa: BLE001 - nothing more can be done; still print the message
        pass
    print(f"hydra: the game stopped because of a bug (details in {log}).", file=sys.stderr)
    if saved:
        print(f"hydra: your game was saved to {saved}.", file=sys.stderr)
    return 1
