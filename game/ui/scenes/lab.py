"""The policy lab in the game: pick a scenario, strategies, seeds and months; run it in the
background with a progress bar and a cancel button; then the fan charts (`LabResults`)."""

from __future__ import annotations

import pygame

from game.ui import palette, text
from game.ui.labjob import LabJob
from game.ui.scene import Pop, Push, Scene, Toast
from game.ui.scenes.newgame import playable_levels

DEFAULT_STRATEGIES = ("passive", "decapitation", "balanced")
SEEDS = (1, 50)
TURNS_MIN = 6


def strategy_names(level_id: str | None = None) -> list[str]:
    """The strategies the lab offers for a level: the history planner only on its own level
    (elsewhere it would replay 2006-2025's governments over another world)."""
    from game.ai.strategies import STRATEGIES
    from game.lab.backtest import HISTORY_ID

    return [n for n in STRATEGIES if n != "history" or level_id == HISTORY_ID]


def strategy_label(t, name: str) -> str:
    """A strategy's name in the player's language (its id when not translated)."""
    key = f"strategy.{name}"
    label = t(key)
    return name if label == key else label


def draw_progress(surface, rect: pygame.Rect, fraction: float, caption: str, s) -> None:
    pygame.draw.rect(surface, palette.PANEL_DARK, rect, border_radius=s(6))
    fill = rect.inflate(-s(6), -s(6))
    fill.width = int(fill.width * max(0.0, min(1.0, fraction)))
    if fill.width > 0:
        pygame.draw.rect(surface, palette.ACCENT, fill, border_radius=s(4))
    pygame.draw.rect(surface, palette.BORDER, rect, 2, border_radius=s(6))
    label = text.render(caption, s(15), palette.TEXT, True)
    surface.blit(label, label.get_rect(center=rect.center))


class LabScene(Scene):
    name = "lab"

    def __init__(self, app):
        super().__init__(app)
        self.levels = playable_levels()
        self.level = 0
        self.names = strategy_names(self._level_id())
        self.chosen = [n for n in self.names if n in DEFAULT_STRATEGIES] or self.names[:1]
        self.seeds = 10
        self.turns = self._max_turns()
        self.job: LabJob | None = None

    def _level_id(self) -> str | None:
        return self.levels[self.level].raw.get("id") if self.levels else None

    def _max_turns(self) -> int:
        if not self.levels:
            return 12
        return max(TURNS_MIN, int(self.levels[self.level].raw.get("turns", 24)))

    # --- widgets ---------------------------------------------------------------------------

    def build(self) -> None:
        w, h = self.size
        s, t = self.s, self.t
        self.label((s(40), s(12), w - s(80), s(56)), t("lab.title"), "@title")
        self.label((s(40), s(66), w - s(80), s(28)), t("lab.subtitle"), "@dim")
        col = (w - s(120)) // 3
        x1, x2, x3, y = s(40), s(60) + col, s(80) + 2 * col, s(104)
        self.label((x1, y, col, s(30)), t("lab.scenario"), "@bold")
        for i, level in enumerate(self.levels):
            name = text.fit(t.scenario_text(level.raw, "name"), s(15), col - s(24))
            cls = "@menu_on" if i == self.level else "@menu"
            self.button((x1, y + s(36) + i * s(48), col, s(42)), name, self._pick(i), cls)
        self.label((x2, y, col, s(30)), t("lab.strategies"), "@bold")
        for k, name in enumerate(self.names):
            on = name in self.chosen
            label = ("[x]  " if on else "[  ]  ") + strategy_label(t, name)
            cls = "@tab_on" if on else "@tab"
            self.button((x2, y + s(36) + k * s(44), col, s(38)), label, self._toggle(name), cls)
        self.seeds_label = self.label((x3, y, col, s(30)), t("lab.seeds", n=self.seeds), "@bold")
        self.slider((x3, y + s(36), col, s(30)), self.seeds, *SEEDS, self._set_seeds, step=1)
        self.turns_label = self.label(
            (x3, y + s(80), col, s(30)), t("lab.turns", n=self.turns), "@bold"
        )
        self.slider(
            (x3, y + s(116), col, s(30)), self.turns, TURNS_MIN, self._max_turns(),
            self._set_turns, step=6,
        )  # fmt: skip
        self.progress_rect = pygame.Rect(x3, y + s(250), col, s(34))
        by = h - s(76)
        self.button((s(40), by, s(180), s(48)), t("common.back"), self._back)
        self.run_button = self.button(
            (w - s(280), by, s(240), s(48)), t("lab.run"), self._run, "@primary"
        )
        self.cancel_button = self.button(
            (w - s(500), by, s(200), s(48)), t("lab.cancel"), self._cancel
        )
        self._sync_buttons()
        self.focus.enter_activates = False

    def _sync_buttons(self) -> None:
        busy = self.job is not None and self.job.running
        if busy or not self.chosen or not self.levels:
            self.run_button.disable()
        else:
            self.run_button.enable()
        if busy:
            self.cancel_button.enable()
        else:
            self.cancel_button.disable()

    def _pick(self, i):
        def pick():
            self.level = i
            self.names = strategy_names(self._level_id())
            self.chosen = [n for n in self.chosen if n in self.names] or self.names[:1]
            self.turns = min(self.turns, self._max_turns()) if self.job else self._max_turns()
            self.rebuild()

        return pick

    def _toggle(self, name):
        def toggle():
            if name in self.chosen:
                self.chosen.remove(name)
            else:
                self.chosen = [n for n in self.names if n in self.chosen or n == name]
            self.rebuild()

        return toggle

    def _set_seeds(self, value):
        self.seeds = int(value)
        self.seeds_label.set_text(self.t("lab.seeds", n=self.seeds))

    def _set_turns(self, value):
        self.turns = int(value)
        self.turns_label.set_text(self.t("lab.turns", n=self.turns))

    # --- running ------------------------------------------------------------------------------

    def spec(self):
        from game.lab.batch import BatchSpec

        level = str(self.levels[self.level].path)
        return BatchSpec(level, tuple(self.chosen), self.seeds, self.turns)

    def _run(self):
        if self.job is not None and self.job.running:
            return None
        if not self.chosen or not self.levels:
            return None
        self.job = LabJob(self.spec()).start()
        self._sync_buttons()
        return None

    def _cancel(self):
        if self.job is not None and self.job.running:
            self.job.cancel()
            return Toast(self.t("lab.cancelling"))
        return None

    def _back(self):
        return [self._cancel(), Pop()]

    def exit(self) -> None:
        if self.job is not None:
            self.job.cancel()
        super().exit()

    def update(self, dt):
        super().update(dt)
        job = self.job
        if job is None or job.running:
            return None
        self.job = None
        self._sync_buttons()
        if job.error:
            return self.app.message(self.t("lab.failed"), job.error)
        if job.cancelled or not job.rows:
            return Toast(self.t("lab.cancelled"))
        from game.ui.scenes.lab_results import LabResults

        level = self.levels[self.level]
        intro = self.t(
            "lab.intro",
            scenario=self.t.scenario_text(level.raw, "name"),
            strategies=len(job.spec.strategies),
            seeds=job.spec.seeds,
            turns=job.spec.turns,
        )
        return Push(LabResults(self.app, job.rows, job.spec.turns, self.t("lab.title"), intro))

    def key(self, event):
        if event.key == pygame.K_ESCAPE:
            return self._back()
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self._run()
        return None

    # --- drawing ------------------------------------------------------------------------------

    def draw_front(self, surface) -> None:
        s, t = self.s, self.t
        runs = len(self.chosen) * self.seeds
        r = self.progress_rect
        note = t("lab.plan", runs=runs, months=runs * self.turns)
        text.draw_wrapped(
            surface, note, pygame.Rect(r.x, r.y - s(90), r.width, s(80)), s(14), palette.TEXT_DIM
        )
        job = self.job
        if job is not None:
            caption = t("lab.progress", done=job.done, total=job.total)
            draw_progress(surface, r, job.fraction, caption, s)

    def shortcuts(self):
        return [("Enter", "help.lab.run"), ("Esc", "help.back")]
