"""The scenario picker: each level's name, description, start and length, and the difficulty."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pygame

from game.scenario.errors import ScenarioError
from game.scenario.reading import parse_yaml, read_text
from game.ui import palette, text
from game.ui.paths import DEFAULT_SCENARIO, LEVELS
from game.ui.scene import Call, Pop, Scene
from game.ui.settings import DIFFICULTIES


@dataclass
class LevelInfo:
    path: Path
    raw: dict


def list_levels(folder: Path = LEVELS) -> list[LevelInfo]:
    """The levels in `folder` (the default first); unreadable files are left out."""
    out = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            raw = parse_yaml(read_text(path), str(path))  # safe, bounded (game/scenario/reading)
        except ScenarioError:
            continue
        if isinstance(raw, dict) and "name" in raw:
            out.append(LevelInfo(path, raw))
    out.sort(key=lambda lv: (lv.path != DEFAULT_SCENARIO, str(lv.raw.get("start", ""))))
    return out


class NewGame(Scene):
    name = "newgame"

    def __init__(self, app, preselect: Path | None = None):
        super().__init__(app)
        self.levels = list_levels()
        self.index = next(
            (i for i, lv in enumerate(self.levels) if preselect and lv.path == preselect), 0
        )
        self.difficulty = app.settings.difficulty

    def build(self) -> None:
        w, h = self.size
        s, t = self.s, self.t
        self.label((s(60), s(40), w - s(120), s(50)), t("newgame.title"), "@title")
        x, y, bw, bh = s(60), s(120), s(360), s(64)
        for i, level in enumerate(self.levels):
            name = text.fit(t.scenario_text(level.raw, "name"), s(17), bw - s(40))
            cls = "@menu_on" if i == self.index else "@menu"
            self.button((x, y + i * (bh + s(10)), bw, bh), name, self._pick(i), cls)
        dx = s(460)
        self.detail = pygame.Rect(dx, s(120), w - dx - s(60), h - s(300))
        dy = h - s(170)
        self.label((dx, dy, s(200), s(34)), t("newgame.difficulty"), "@bold")
        for k, d in enumerate(DIFFICULTIES):
            cls = "@tab_on" if d == self.difficulty else "@tab"
            self.button(
                (dx + s(200) + k * s(130), dy, s(120), s(34)),
                t(f"difficulty.{d}"),
                self._diff(d),
                cls,
            )
        self.label((dx, dy + s(40), w - dx - s(60), s(24)), t("difficulty.note"), "@small")
        by = h - s(80)
        self.button((w - s(300), by, s(240), s(48)), t("newgame.start"), self._start, "@primary")
        self.button((dx, by, s(160), s(48)), t("common.back"), lambda: Pop())
        self.focus.enter_activates = False

    def _pick(self, i):
        def pick():
            self.index = i
            self.rebuild()

        return pick

    def _diff(self, d):
        def choose():
            self.difficulty = d
            self.rebuild()

        return choose

    def _start(self):
        if not self.levels:
            return None
        self.app.set_settings(difficulty=self.difficulty)
        return Call(self.app.new_game, (self.levels[self.index].path, self.difficulty))

    def key(self, event):
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self._start()
        if event.key == pygame.K_ESCAPE:
            return Pop()
        if event.key in (pygame.K_UP, pygame.K_DOWN) and self.levels:
            step = -1 if event.key == pygame.K_UP else 1
            self._pick((self.index + step) % len(self.levels))()
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            k = DIFFICULTIES.index(self.difficulty) + (-1 if event.key == pygame.K_LEFT else 1)
            self._diff(DIFFICULTIES[k % len(DIFFICULTIES)])()
        return None

    def draw_front(self, surface) -> None:
        if not self.levels:
            surface.blit(text.render(self.t("newgame.none"), self.s(16), palette.BAD), self.detail)
            return
        s, t = self.s, self.t
        raw = self.levels[self.index].raw
        r = self.detail
        surface.blit(text.render(t.scenario_text(raw, "name"), s(26), palette.ACCENT, True), r)
        turns = int(raw.get("turns", 0))
        facts = t(
            "newgame.facts",
            start=t.month(str(raw.get("start", ""))),
            months=turns,
            years=f"{turns / 12:g}",
        )
        surface.blit(text.render(facts, s(15), palette.TEXT_DIM), (r.x, r.y + s(44)))
        body = pygame.Rect(r.x, r.y + s(84), r.width, r.height - s(84))
        text.draw_wrapped(surface, t.scenario_text(raw, "description"), body, s(16), palette.TEXT)

    def shortcuts(self):
        return [
            ("↑ ↓", "help.newgame.pick"),
            ("← →", "help.newgame.difficulty"),
            ("Enter", "help.newgame.start"),
            ("Esc", "help.back"),
        ]
