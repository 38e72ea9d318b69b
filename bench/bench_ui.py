"""Desktop-game speed: time to an interactive main menu, and frame times on the map screen.

Prints one JSON line: {"startup_s", "frame_ms_median", "frame_ms_p95", "frames", "size"}.
`startup_s` is measured in a fresh Python process, from launch to the first drawn menu frame
(target < 2 s). Frames are timed at 1280x720 on the map screen of a new game while the map is
dragged and zoomed with the wheel (target p95 < 16 ms), with SDL's dummy video driver.
Run: python bench/bench_ui.py [--frames N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}

CHILD = """
from game.ui.paths import default_paths
from game.ui.scenes.menu import MainMenu
from game.ui.shell import App
app = App(default_paths())
app.push(MainMenu(app))
app.frame()
"""


def startup_seconds(home: str) -> float:
    env = {**os.environ, **ENV, "HYDRA_HOME": home}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, check=True)
    return time.perf_counter() - start


def frame_times(home: str, frames: int) -> list[float]:
    os.environ.update(ENV)
    os.environ["HYDRA_HOME"] = home
    sys.path.insert(0, str(ROOT))
    import pygame

    from game.ui.paths import default_paths
    from game.ui.scenes.menu import MainMenu
    from game.ui.settings import Settings
    from game.ui.shell import App

    app = App(default_paths(), Settings(language="en", tutorial_done=True), size=(1280, 720))
    app.push(MainMenu(app))
    app.apply(app.new_game(seed=1))
    for _ in range(5):
        app.frame()
    scene = app.top
    centre = scene.map_rect.center
    pos = list(centre)
    times = []
    press = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=tuple(pos), button=1, touch=False)
    app.frame(events=[press])
    for i in range(frames):
        if i % 20 == 10:  # a wheel notch in or out, under the cursor
            events = [
                pygame.event.Event(
                    pygame.MOUSEWHEEL,
                    x=0,
                    y=1 if (i // 20) % 4 < 2 else -1,
                    flipped=False,
                    precise_x=0.0,
                    precise_y=0.0,
                    touch=False,
                )
            ]
        else:  # dragging in a slow circle
            dx, dy = (6, 3) if (i // 40) % 2 == 0 else (-6, -3)
            pos = [pos[0] + dx, pos[1] + dy]
            events = [
                pygame.event.Event(
                    pygame.MOUSEMOTION, pos=tuple(pos), rel=(dx, dy), buttons=(1, 0, 0), touch=False
                )
            ]
        start = time.perf_counter()
        app.frame(events=events)
        times.append((time.perf_counter() - start) * 1000)
    frame_times.redraws = scene.map.renderer.renders
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        startup = startup_seconds(home)
        times = sorted(frame_times(home, args.frames))
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(
        json.dumps(
            {
                "startup_s": round(startup, 3),
                "frame_ms_median": round(statistics.median(times), 2),
                "frame_ms_p95": round(p95, 2),
                "frames": len(times),
                "map_redraws": getattr(frame_times, "redraws", None),
                "size": [1280, 720],
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
