"""Desktop-game speed and memory: time to an interactive main menu, frame times on the map
screen, and the window's resident memory through a 120-month game, the lab and team play.

Prints one JSON line: {"startup_s", "frame_ms_median", "frame_ms_p95", "frames", "size",
"map_redraws", "rss_mb"}. `startup_s` is measured in a fresh Python process, from launch to the
first drawn menu frame (target < 2 s). Frames are timed at 1280x720 on the map screen of a new
game while the map is dragged and zoomed with the wheel (target p95 < 16 ms), with SDL's dummy
video driver. `rss_mb` is measured in another fresh process that plays `--months` months of
"After El Mencho" through the window (Enter ends the month, Enter closes its report), then
runs a small lab and a short team game: the resident memory at the menu, at the start, every
ten months, and after the lab and team play (target: under 300 MB after 120 months, and flat).
Benches report; they never assert. Run: python bench/bench_ui.py [--frames N] [--months N]
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


MEMORY = """
import json, sys
import pygame
from game.ui import memory
from game.ui.paths import LEVELS, default_paths
from game.ui.scenes.menu import MainMenu
from game.ui.settings import Settings
from game.ui.shell import App

def key(app, k):
    fields = dict(key=k, mod=0, unicode="", scancode=0)
    app.frame(events=[pygame.event.Event(pygame.KEYDOWN, **fields),
                      pygame.event.Event(pygame.KEYUP, **fields)])
    app.frame()

out = {}
app = App(default_paths(), Settings(language="en", tutorial_done=True), size=(1280, 720))
app.push(MainMenu(app))
app.frame()
out["menu"] = memory.rss_mb()
app.apply(app.new_game(seed=1))
app.frame()
out["start"] = memory.rss_mb()
for month in range(1, MONTHS + 1):
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_1 + month % 6)
    if month % 10 == 0:
        out[f"month_{month}"] = memory.rss_mb()
from game.ui.scenes.lab import LabScene
app.apply(app.reset(MainMenu(app)))
lab = LabScene(app)
app.push(lab)
lab.chosen, lab.seeds, lab.turns = ["passive", "decapitation", "balanced"], 4, 24
lab._run()
lab.job.wait()
for _ in range(3):
    app.frame()
app.pop()
app.pop()
out["after_lab"] = memory.rss_mb()
app.apply(app.start_match(LEVELS / "classroom_24.yaml", 4, 7, 6))
for _ in range(4 * 6):
    key(app, pygame.K_RETURN)  # ready
    key(app, pygame.K_RETURN)  # end the month
    key(app, pygame.K_RETURN)  # close the report: the next team
table = app.top
if getattr(table, "quo", None) is not None:
    table.quo.wait()
app.frame()
out["after_team_play"] = memory.rss_mb()
print(json.dumps({k: round(v, 1) for k, v in out.items()}))
"""


def memory_run(home: str, months: int) -> dict:
    """Resident memory (MB) through a game, the lab and team play, in a fresh process."""
    env = {**os.environ, **ENV, "HYDRA_HOME": home}
    code = MEMORY.replace("MONTHS", str(months))
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=400)
    parser.add_argument("--months", type=int, default=120)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        startup = startup_seconds(home)
        rss = memory_run(home, args.months)
    with tempfile.TemporaryDirectory() as home:
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
                "rss_mb": rss,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
