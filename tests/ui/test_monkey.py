"""A monkey at the keyboard: thousands of seeded random clicks, keys, wheel turns and window
resizes across every scene, from the main menu and from a game's map, without an exception.

Saves go to the test's own HYDRA_HOME (the `paths` fixture). Widgets are updated every event but
drawn only every `DRAW_EVERY` events, so the run stays fast while drawing is still exercised.
"""

from __future__ import annotations

import time

import numpy as np
import pygame
import pytest

from game.ui.scenes.menu import MainMenu

DRAW_EVERY = 10
SIZES = ((1280, 720), (1920, 1080))
KEYS = (
    pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_TAB, pygame.K_SPACE,
    pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT,
    pygame.K_0, pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_5, pygame.K_9,
    pygame.K_F1, pygame.K_s, pygame.K_z, pygame.K_c, pygame.K_f, pygame.K_m, pygame.K_r,
    pygame.K_n, pygame.K_l, pygame.K_k, pygame.K_t, pygame.K_i, pygame.K_q, pygame.K_BACKSPACE,
)  # fmt: skip
CTRL_KEYS = (pygame.K_s, pygame.K_z)


def key_events(k: int, mod: int = 0) -> list:
    name = pygame.key.name(k)
    unicode = name if len(name) == 1 and not mod else ""
    fields = {"key": k, "mod": mod, "unicode": unicode, "scancode": 0}
    return [
        pygame.event.Event(pygame.KEYDOWN, **fields),
        pygame.event.Event(pygame.KEYUP, **fields),
    ]


def random_events(rng: np.random.Generator, size: tuple[int, int]) -> list:
    """One random player gesture as pygame events."""
    roll = rng.random()
    if roll < 0.45:
        pos = (int(rng.integers(0, size[0])), int(rng.integers(0, size[1])))
        button = int(rng.choice([1, 1, 1, 3]))
        return [
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button),
        ]
    if roll < 0.85:
        return key_events(int(rng.choice(KEYS)))
    if roll < 0.90:
        return key_events(int(rng.choice(CTRL_KEYS)), pygame.KMOD_CTRL)
    if roll < 0.995:
        pos = (int(rng.integers(0, size[0])), int(rng.integers(0, size[1])))
        return [
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=int(rng.choice([-1, 1])), flipped=False),
        ]
    return ["resize"]


def monkey(app, events: int, seed: int, start) -> dict:
    """Play `events` random events; `start` puts the app back on its feet when it quits."""
    rng = np.random.default_rng(seed)
    seen: dict[str, int] = {}
    for n in range(events):
        if not app.running or not app.stack:
            app.running = True
            start(app)
        for event in random_events(rng, app.screen.get_size()):
            if event == "resize":
                w = int(rng.integers(SIZES[0][0], SIZES[1][0] + 1))
                h = int(rng.integers(SIZES[0][1], SIZES[1][1] + 1))
                pygame.display.set_mode((w, h), pygame.RESIZABLE)
                event = pygame.event.Event(pygame.VIDEORESIZE, size=(w, h), w=w, h=h)
            app.dispatch(event)
        if app.stack:
            app.apply(app.top.update(1 / 30))
        if app.stack and n % DRAW_EVERY == 0:
            app.draw(app.screen)
        if app.stack:
            seen[app.top.name] = seen.get(app.top.name, 0) + 1
    for scene in list(app.stack):  # let a lab run in the background stop
        job = getattr(scene, "job", None)
        if job is not None:
            job.cancel()
            job.wait()
    return seen


@pytest.fixture(autouse=True)
def small_lab_runs(monkeypatch):
    """The monkey tests the screens, not lab throughput: any run it starts is a tiny one."""
    from game.lab.batch import BatchSpec
    from game.ui.scenes.lab import LabScene

    full = LabScene.spec

    def tiny(self):
        spec = full(self)
        return BatchSpec(spec.scenario, spec.strategies, min(spec.seeds, 2), min(spec.turns, 6))

    monkeypatch.setattr(LabScene, "spec", tiny)


def from_menu(app) -> None:
    app.stack.clear()
    app.push(MainMenu(app))


@pytest.mark.parametrize("seed", [1])
def test_ten_thousand_random_events_from_the_main_menu_never_crash(app, seed):
    began = time.perf_counter()
    seen = monkey(app, 10_000, seed, from_menu)
    assert len(seen) >= 5, seen  # the monkey got around
    assert time.perf_counter() - began < 120  # about 40 s here; generous for slow machines


def test_random_events_on_a_game_map_never_crash(playing):
    def back_to_the_game(app):
        app.stack.clear()
        app.apply(app.new_game(seed=11))

    seen = monkey(playing, 1_500, 2, back_to_the_game)
    assert "map" in seen, seen
