"""The wait while history is replayed up to a bookmark: the month reached on a progress bar, what
happened up to the bookmark, and a way back. The months are played in a thread
(`game.ui.bookmarks.HistoryJob`); once they are, the game is handed over and the map opens."""

from __future__ import annotations

import pygame

from game.ui import palette, text
from game.ui.scene import Call, Pop, Scene
from game.ui.scenes.lab import draw_progress


class Replaying(Scene):
    name = "replaying"

    def __init__(self, app, job, scenario_file: str, difficulty: str, who: str | None = None):
        super().__init__(app)
        self.job = job
        self.scenario_file = scenario_file
        self.difficulty = difficulty
        self.who = who  # the bookmark's i18n key (None: a month given on the command line)

    def build(self) -> None:
        w, h = self.size
        s, t = self.s, self.t
        self.label((s(60), s(30), w - s(120), s(50)), t("replaying.title"), "@title")
        self.button((s(60), h - s(80), s(200), s(48)), t("common.back"), self._back)

    def _back(self):
        self.job.cancel()
        return Pop()

    def exit(self) -> None:
        self.job.cancel()  # nothing half-played is kept
        super().exit()

    def update(self, dt):
        super().update(dt)
        job = self.job
        if job.running:
            return None
        if job.error:
            return [Pop(), self.app.message(self.t("replaying.failed"), job.error)]
        if job.game is None:
            return None  # cancelled: the scene is on its way out
        return Call(self.app.hand_over, (job, self.scenario_file, self.difficulty))

    def key(self, event):
        if event.key == pygame.K_ESCAPE:
            return self._back()
        return None

    def draw_front(self, surface) -> None:
        s, t, job = self.s, self.t, self.job
        w, _ = self.size
        width = min(w - s(120), s(900))
        x, y = (w - width) // 2, s(130)
        what = t("replaying.what", month=t.month(job.month))
        y = text.draw_wrapped(surface, what, pygame.Rect(x, y, width, s(60)), s(17), palette.TEXT)
        bar = pygame.Rect(x, y + s(20), width, s(28))
        draw_progress(surface, bar, job.fraction, "", s)
        reached = t.month(job.played) if job.played else t("charts.start")
        caption = t("replaying.progress", month=reached, done=job.done, total=job.total)
        surface.blit(text.render(caption, s(15), palette.TEXT, True), (x, bar.bottom + s(8)))
        y = bar.bottom + s(50)
        if self.who:
            words = t(f"bookmark.{self.who}.story")
            y = text.draw_wrapped(surface, words, pygame.Rect(x, y, width, 0), s(15), palette.TEXT)
        note = t("newgame.bookmark_note", month=t.month(job.month))
        text.draw_wrapped(
            surface, note, pygame.Rect(x, y + s(14), width, 0), s(13), palette.TEXT_DIM
        )

    def shortcuts(self):
        return [("Esc", "help.back")]
