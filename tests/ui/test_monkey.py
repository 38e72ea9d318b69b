"""A monkey at the keyboard: seeded random clicks, keys (some held down and repeated), wheel turns
and window resizes, started in turn from every screen of the game, without an exception.

About 1,800 events in all (a hundred or so from each screen), so the test stays cheap; the
monkey wanders from where it starts, so screens are also reached the way a player reaches
them. Widgets are updated every event but drawn only every `DRAW_EVERY` events. Saves go to the
test's own HYDRA_HOME (the `paths` fixture). Time is measured by the benchmarks, not here.
"""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.ui.paths import LEVELS
from game.ui.scenes.menu import MainMenu

DRAW_EVERY = 10
EVENTS_PER_SCREEN = 100
SIZES = ((1280, 720), (1920, 1080))
CLASSROOM = LEVELS / "classroom_24.yaml"
KEYS = (
    pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_TAB, pygame.K_SPACE,
    pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT,
    pygame.K_0, pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_5, pygame.K_9,
    pygame.K_F1, pygame.K_s, pygame.K_z, pygame.K_c, pygame.K_f, pygame.K_m, pygame.K_r,
    pygame.K_n, pygame.K_l, pygame.K_k, pygame.K_t, pygame.K_i, pygame.K_q, pygame.K_BACKSPACE,
    pygame.K_w, pygame.K_h, pygame.K_b, pygame.K_o, pygame.K_PERIOD,
)  # fmt: skip
CTRL_KEYS = (pygame.K_s, pygame.K_z)


def key_events(k: int, mod: int = 0, repeats: int = 0) -> list:
    name = pygame.key.name(k)
    unicode = name if len(name) == 1 and not mod else ""
    fields = {"key": k, "mod": mod, "unicode": unicode, "scancode": 0}
    down = pygame.event.Event(pygame.KEYDOWN, **fields)
    return [down] * (1 + repeats) + [pygame.event.Event(pygame.KEYUP, **fields)]


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
    if roll < 0.80:
        return key_events(int(rng.choice(KEYS)))
    if roll < 0.85:  # a key held down long enough to repeat
        return key_events(int(rng.choice(KEYS)), repeats=int(rng.integers(1, 6)))
    if roll < 0.90:
        return key_events(int(rng.choice(CTRL_KEYS)), pygame.KMOD_CTRL)
    if roll < 0.995:
        pos = (int(rng.integers(0, size[0])), int(rng.integers(0, size[1])))
        return [
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=int(rng.choice([-1, 1])), flipped=False),
        ]
    return ["resize"]


def monkey(app, events: int, rng, start, seen: dict) -> None:
    """Play `events` random events; `start` puts the app back on its feet when it quits."""
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
        for event in pygame.event.get():  # what the widgets posted (a button pressed...)
            app.dispatch(event)
        if app.stack:
            app.apply(app.top.update(1 / 30))
        if app.stack and n % DRAW_EVERY == 0:
            app.draw(app.screen)
        if app.stack:
            seen[app.top.name] = seen.get(app.top.name, 0) + 1


def stop_background_work(app) -> None:
    for scene in list(app.stack):  # let a lab run or a replay in the background stop
        for job in (getattr(scene, "job", None), getattr(scene, "quo", None)):
            if job is not None:
                getattr(job, "cancel", getattr(job, "stop", lambda: None))()
                job.wait()


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


def in_a_game(app) -> None:
    """A game of the short classroom level, one month played, on its map."""
    app.stack.clear()
    app.apply(app.new_game(CLASSROOM, seed=11, tutorial=False))
    app.session.end_turn()


def on(make):
    """A start that opens the screen `make(app)` over a game's map."""

    def start(app):
        in_a_game(app)
        app.apply(make(app))

    return start


def screens():
    """A start for every screen a player can reach."""
    from game.ui.scene import Push
    from game.ui.scenes import (
        charts,
        dialogs,
        endterm,
        faction_view,
        help,
        lab,
        loadgame,
        newgame,
        report,
        settings_scene,
        teams,
    )

    def hvt(app):
        view = app.session.view
        f = next(f for f in view.factions if f.leader and not f.local)
        app.push(faction_view.FactionView(app, f.id))
        from game.ui.scenes.hvt import HVTDialog

        return Push(HVTDialog(app, f, f.leader))

    def class_table(app):
        app.apply(app.start_match(CLASSROOM, 2, 5, 1))
        for session in app.match.sessions:
            session.end_turn()
        return app.next_team()

    def over_menu(make):
        def start(app):
            from_menu(app)
            app.push(make(app))

        return start

    return {
        "menu": from_menu,
        "newgame": over_menu(newgame.NewGame),
        "load": over_menu(loadgame.LoadGame),
        "settings": over_menu(settings_scene.SettingsScene),
        "help": over_menu(help.HelpOverlay),
        "lab": over_menu(lab.LabScene),
        "teams": over_menu(teams.TeamSetup),
        "handover": lambda app: app.apply(app.start_match(CLASSROOM, 3, 5, 2)),
        "class_table": lambda app: app.apply(class_table(app)),
        "map": in_a_game,
        "factions": on(lambda app: Push(faction_view.FactionView(app))),
        "hvt": on(hvt),
        "report": on(lambda app: Push(report.TurnReport(app, app.session.game.last_events))),
        "charts": on(lambda app: Push(charts.ChartsScene(app))),
        "endterm": on(lambda app: Push(endterm.EndOfTerm(app))),
        "gamemenu": on(lambda app: Push(dialogs.GameMenu(app))),
    }


def test_random_play_from_every_screen_never_crashes(app):
    rng = np.random.default_rng(7)
    seen: dict[str, int] = {}
    starts = screens()
    for name, start in starts.items():
        app.running = True
        start(app)
        assert app.stack, name
        seen[app.top.name] = seen.get(app.top.name, 0) + 1
        monkey(app, EVENTS_PER_SCREEN, rng, start, seen)
        stop_background_work(app)
    assert len(seen) >= len(starts) - 2, seen  # the monkey got around (names overlap a little)
