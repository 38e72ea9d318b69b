"""The end-of-term debrief: the model's evaluation (grade and reasons) and "what if?", the same
term replayed without one month's operations against leaders (game.lab.replay.counterfactual),
computed in a background thread so the screen stays responsive."""

from __future__ import annotations

import threading

import pygame

from game.sim.evaluation import evaluate
from game.sim.operations import HVT
from game.ui import palette, text
from game.ui.widgets.graphs import line_chart

FORMATS = {
    "homicide_rate": "{:.1f}",
    "civilians_killed_by_state": "{:,.0f}",
    "armed_groups": "{:,.0f}",
    "state_control": "{:.0%}",
    "drug_flow": "{:,.1f}",
    "approval": "{:.0f}",
}


def evaluation_of(session):
    """The model's evaluation of the term so far, or None if the history lacks what it needs."""
    try:
        return evaluate(session.game.national)
    except (KeyError, IndexError, ZeroDivisionError):
        return None


def draw_evaluation(surface, rect: pygame.Rect, session, t, s) -> None:
    pygame.draw.rect(surface, palette.PANEL, rect, border_radius=6)
    x, y = rect.x + s(14), rect.y + s(10)
    surface.blit(text.render(t("end.evaluation"), s(16), palette.ACCENT, True), (x, y))
    result = evaluation_of(session)
    if result is None:
        text.draw_wrapped(
            surface,
            t("end.placeholder"),
            pygame.Rect(x, y + s(30), rect.width - s(28), s(80)),
            s(13),
            palette.TEXT_DIM,
        )
        return
    grade = text.render(result.grade, s(54), palette.ACCENT, True)
    surface.blit(grade, (x, y + s(26)))
    score = text.render(t("end.score", score=f"{result.score:.0f}"), s(15), palette.TEXT, True)
    surface.blit(score, (x + grade.get_width() + s(16), y + s(40)))
    note = text.render(t("end.grade_note"), s(12), palette.TEXT_DIM)
    surface.blit(note, (x + grade.get_width() + s(16), y + s(62)))
    y += s(100)
    cols = (int(rect.width * 0.5), int(rect.width * 0.66), int(rect.width * 0.82))
    for head, cx in zip((t("end.at_start"), t("end.at_end"), t("end.points")), cols, strict=True):
        surface.blit(text.render(head, s(12), palette.TEXT_DIM, True), (rect.x + cx, y))
    y += s(20)
    for reason in result.reasons:
        if y > rect.bottom - s(22):
            break
        fmt = FORMATS.get(reason.code, "{:,.1f}")
        label = text.fit(t(f"eval.{reason.code}"), s(13), cols[0] - s(20))
        surface.blit(text.render(label, s(13), palette.TEXT), (x, y))
        start = "—" if reason.code == "civilians_killed_by_state" else fmt.format(reason.start)
        surface.blit(text.render(start, s(13), palette.TEXT), (rect.x + cols[0], y))
        surface.blit(
            text.render(fmt.format(reason.end), s(13), palette.TEXT, True), (rect.x + cols[1], y)
        )
        colour = palette.OKABE_ITO[1] if reason.points >= 0 else palette.BAD
        surface.blit(
            text.render(f"{reason.points:+.1f}", s(13), colour, True), (rect.x + cols[2], y)
        )
        y += s(22)


class WhatIf:
    """A counterfactual of one month of HVT operations, computed off the UI thread."""

    def __init__(self, session):
        self.session = session
        self.turns = sorted({k for k, o in session.game.order_log if isinstance(o, HVT)})
        self.turn: int | None = None
        self.result: dict | None = None
        self.error: str | None = None
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, turn: int) -> None:
        if self.busy:
            return
        from game.lab.replay import counterfactual, source_from_game

        self.turn, self.result, self.error = turn, None, None
        source = source_from_game("desk", self.session.game)

        def work():
            try:
                self.result = counterfactual(source, turn)
            except Exception as exc:  # noqa: BLE001 - shown to the player instead of a crash
                self.error = str(exc)

        self._thread = threading.Thread(target=work, daemon=True)
        self._thread.start()

    def wait(self, seconds: float = 60.0) -> None:
        if self._thread is not None:
            self._thread.join(seconds)

    def draw(self, surface, rect: pygame.Rect, t, s, scale: float) -> None:
        pygame.draw.rect(surface, palette.PANEL, rect, border_radius=6)
        x, y = rect.x + s(12), rect.y + s(10)
        surface.blit(text.render(t("whatif.title"), s(15), palette.ACCENT, True), (x, y))
        body = pygame.Rect(x, y + s(26), rect.width - s(24), rect.height - s(36))
        if not self.turns:
            text.draw_wrapped(surface, t("whatif.none"), body, s(13), palette.TEXT_DIM)
        elif self.turn is None:
            text.draw_wrapped(surface, t("whatif.pick"), body, s(13), palette.TEXT_DIM)
        elif self.busy:
            text.draw_wrapped(surface, t("whatif.busy", month=self.turn), body, s(13), palette.TEXT)
        elif self.error:
            text.draw_wrapped(
                surface, t("whatif.error", reason=self.error), body, s(13), palette.BAD
            )
        elif self.result:
            self._draw_result(surface, body, t, s, scale)

    def _draw_result(self, surface, body: pygame.Rect, t, s, scale: float) -> None:
        played = [r["homicides_per_100k"] for r in self.result["played"]]
        without = [r["homicides_per_100k"] for r in self.result["without"]]
        chart = pygame.Rect(body.x - s(6), body.y, body.width + s(12), int(body.height * 0.62))
        line_chart(
            surface,
            chart,
            played,
            t("whatif.chart", month=self.turn),
            palette.ACCENT,
            None,
            [(self.turn, "")],
            scale,
            "{:,.0f}",
            "—",
            extra=[(without, palette.OKABE_ITO[1], t("whatif.without"))],
            label=t("whatif.played"),
        )
        y = chart.bottom + s(6)
        for row in self.result["table"][-3:]:
            after = t("whatif.after", n=row["turn"] - self.turn)
            moment = t("whatif.end") if row["moment"] == "end" else after
            line = t(
                "whatif.row",
                moment=moment,
                played=f"{row['homicides_per_100k_played']:.1f}",
                without=f"{row['homicides_per_100k_without']:.1f}",
                groups=f"{row['armed_groups_played']:.0f}",
                groups_without=f"{row['armed_groups_without']:.0f}",
            )
            surface.blit(
                text.render(text.fit(line, s(12), body.width), s(12), palette.TEXT), (body.x, y)
            )
            y += s(18)
