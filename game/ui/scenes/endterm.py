"""The end of the term: the model's evaluation (grade and reasons), the key moments, the national
charts, and "what if?": the term replayed without one month's operations against leaders."""

from __future__ import annotations

import pygame

from game.ui import palette, text
from game.ui.moments import key_moments
from game.ui.scene import Pop, Push, Quit, Scene
from game.ui.scenes.charts import draw_grid
from game.ui.widgets.debrief import WhatIf, draw_evaluation

MAX_WHATIF_BUTTONS = 4


class EndOfTerm(Scene):
    name = "endterm"

    def __init__(self, app):
        super().__init__(app)
        self.whatif = WhatIf(app.session)
        self.quo = app.status_quo()  # the grade is measured against doing nothing

    def build(self) -> None:
        w, h = self.size
        s, t = self.s, self.t
        name = t.scenario_text(self.session.scenario.raw, "name")
        lost = getattr(self.session.state, "status", "") == "mandate_lost"
        title = t("end.mandate_lost" if lost else "end.title", scenario=name)
        self.label((s(30), s(12), w - s(60), s(40)), title, "@heading")
        col = (w - s(80)) // 2
        top_h = int(h * 0.44)
        self.eval_rect = pygame.Rect(s(30), s(58), col, top_h)
        self.moments_rect = pygame.Rect(self.eval_rect.right + s(20), s(58), col, top_h)
        bottom_y = self.eval_rect.bottom + s(12)
        bottom_h = h - bottom_y - s(70)
        charts_w = int((w - s(80)) * 0.58)
        self.charts_rect = pygame.Rect(s(30), bottom_y, charts_w, bottom_h)
        self.whatif_rect = pygame.Rect(
            self.charts_rect.right + s(20), bottom_y, w - charts_w - s(80), bottom_h
        )
        self._whatif_buttons()
        y = h - s(58)
        self.button((w - s(230), y, s(200), s(44)), t("end.menu"), self._menu, "@primary")
        self.button((w - s(440), y, s(200), s(44)), t("end.charts"), self._charts)
        self.button((w - s(650), y, s(200), s(44)), t("end.map"), lambda: Pop())
        self.focus.enter_activates = False

    def _whatif_buttons(self) -> None:
        s, t = self.s, self.t
        r = self.whatif_rect
        x = r.right - s(10)
        for turn in reversed(self.whatif.turns[:MAX_WHATIF_BUTTONS]):
            label = t("whatif.month", n=turn)
            bw = text.text_width(label, s(14)) + s(20)
            x -= bw
            cls = "@tab_on" if turn == self.whatif.turn else "@tab"
            self.button((x, r.y + s(6), bw, s(26)), label, self._ask(turn), cls)
            x -= s(6)

    def _ask(self, turn: int):
        def ask():
            self.whatif.start(turn)
            self.rebuild()

        return ask

    def _menu(self):
        from game.ui.scenes.dialogs import QuitDialog

        dialog = QuitDialog(self.app, to_menu=True)
        return Push(dialog) if self.session.dirty else dialog._leave()

    def _charts(self):
        from game.ui.scenes.charts import ChartsScene

        return Push(ChartsScene(self.app))

    def key(self, event):
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self._menu()
        if event.key == pygame.K_c:
            return self._charts()
        if event.key == pygame.K_w and self.whatif.turns:
            turns = self.whatif.turns
            k = turns.index(self.whatif.turn) + 1 if self.whatif.turn in turns else 0
            self._ask(turns[k % len(turns)])()
        if event.key == pygame.K_ESCAPE:
            return Pop()
        if event.key == pygame.K_q and event.mod & pygame.KMOD_CTRL:
            return Quit()
        return None

    def draw_back(self, surface) -> None:
        surface.fill(palette.BG)
        s, t = self.s, self.t
        draw_evaluation(surface, self.eval_rect, self.session, t, s, self.quo)
        self._moments(surface, self.moments_rect)
        names = ("homicides_per_100k", "armed_groups")
        draw_grid(surface, self.charts_rect, self.session, t, self.app.scale, names, cols=2)
        self.whatif.draw(surface, self.whatif_rect, t, s, self.app.scale)

    def _moments(self, surface, r) -> None:
        s, t = self.s, self.t
        pygame.draw.rect(surface, palette.PANEL, r, border_radius=6)
        x, y = r.x + s(14), r.y + s(10)
        surface.blit(text.render(t("end.moments"), s(16), palette.ACCENT, True), (x, y))
        y += s(32)
        moments = key_moments(self.session, t)
        if not moments:
            area = pygame.Rect(x, y, r.width - s(28), s(60))
            text.draw_wrapped(surface, t("end.no_moments"), area, s(13), palette.TEXT_DIM)
        for line in moments:
            lines = text.wrap("• " + line, s(13), r.width - s(28))
            if y + len(lines) * text.font(s(13)).get_linesize() > r.bottom - s(8):
                break
            y = text.draw_lines(surface, lines, (x, y), s(13), palette.TEXT) + s(6)

    def shortcuts(self):
        return [
            ("Enter", "help.end.menu"),
            ("C", "help.end.charts"),
            ("W", "help.end.whatif"),
            ("Esc", "help.end.map"),
        ]
