"""The real window: start `hydra` under Xvfb, open New game (N) and End month with xdotool, check
the title and that the month was autosaved. Skipped (with the reason) where Xvfb or xdotool is
missing; .ci/run is meant to install both."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
XVFB, XDOTOOL = shutil.which("Xvfb"), shutil.which("xdotool")

pytestmark = pytest.mark.skipif(
    not (XVFB and XDOTOOL), reason="the real-window test needs Xvfb and xdotool (not installed)"
)


def wait_for(check, seconds: float = 20.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    return None


def xdotool(display: str, *args) -> str:
    env = {**os.environ, "DISPLAY": display}
    done = subprocess.run([XDOTOOL, *args], capture_output=True, text=True, timeout=10, env=env)
    return done.stdout.strip()


def click(display: str, window: str, x: int, y: int) -> None:
    xdotool(display, "mousemove", "--window", window, str(x), str(y))
    time.sleep(0.3)
    xdotool(display, "click", "1")


def test_hydra_opens_a_window_plays_a_month_and_autosaves(tmp_path):
    display = next(f":{n}" for n in range(90, 140) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen([XVFB, display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
    env = {
        **os.environ,
        "DISPLAY": display,
        "SDL_VIDEODRIVER": "x11",
        "SDL_AUDIODRIVER": "dummy",
        "HYDRA_HOME": str(tmp_path),
        "LANG": "en_US.UTF-8",
    }
    game = None
    try:
        assert wait_for(lambda: Path(f"/tmp/.X11-unix/X{display[1:]}").exists(), 10), "no Xvfb"
        game = subprocess.Popen([sys.executable, "-m", "game"], cwd=ROOT, env=env)

        # (search by --pid: some xdotool builds find no names without a window manager)
        # The process may own more than one X window (SDL's helpers): wait for the named one.
        def named() -> str | None:
            for candidate in xdotool(display, "search", "--pid", str(game.pid)).split():
                if xdotool(display, "getwindowname", candidate).startswith("Hydra"):
                    return candidate
            return None

        window = wait_for(named, 40)
        assert window, "no window named Hydra appeared"
        time.sleep(1.5)
        xdotool(display, "key", "--window", window, "n")  # New game (N), wherever its button is
        time.sleep(1.0)
        xdotool(display, "key", "--window", window, "Return")  # start the default scenario
        saves = tmp_path / "data" / "saves"
        found = None
        for _ in range(3):  # End month (again if the first click came before the map was ready)
            time.sleep(2.0)
            click(display, window, 1190, 26)
            found = wait_for(
                lambda: list(saves.glob("autosave-*.json")) if saves.is_dir() else [], 8
            )
            if found:
                break
        assert found, "ending the month did not write an autosave"
        assert "Hydra" in xdotool(display, "getwindowname", window)
    finally:
        if game is not None:
            game.kill()  # SIGTERM would only ask "quit without saving?" like the close button
            game.wait(timeout=10)
        server.terminate()
        server.wait(timeout=10)
