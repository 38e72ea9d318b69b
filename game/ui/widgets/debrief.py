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


RELATIVE = {"homicide_rate", "armed_groups", "drug_flow", "civilians_killed_by_state"}


def evaluation_of(session, baseline: list[dict] | None = None):
    """The model's evaluation of the term so far (against `baseline`, the status quo's rows, when
    given), or None if the history lacks what it needs. A game taken over from history is the
    player's from its bookmark on: so is its term."""
    try:
        return evaluate(session.term_rows, baseline)
    except (KeyError, IndexError, ZeroDivisionError, TypeError):
        return None


def comparison(reason, t) -> str:
    """A reason in words beside the status quo: 'Homicide rate (per 100k): 33.2 — 21% below
    what doing nothing gives (42.0)'."""
    fmt = FORMATS.get(reason.code, "{:,.1f}")
    you, base = fmt.format(reason.end), fmt.format(reason.baseline or 0.0)
    metric = t(f"eval.{reason.code}")
    gap = reason.end - (reason.baseline or 0.0)
    if reason.code in RELATIVE:
        share = gap / reason.baseline if reason.baseline else 0.0
        diff, tiny = f"{abs(share):.0%}", abs(share) < 0.005
    else:  # shares and scores: the difference in points
        n = abs(gap) * (100 if reason.code == "state_control" else 1)
        diff, tiny = t("eval.points_diff", n=f"{n:.0f}"), n < 0.5
    if tiny or you == base:
        return t("eval.vs.same", metric=metric, you=you, base=base)
    way = "eval.vs.below" if gap < 0 else "eval.vs.above"
    return t(way, metric=metric, you=you, diff=diff, base=base)


def draw_evaluation(surface, rect: pygame.Rect, session, t, s, quo=None) -> None:
    """The grade and its reasons; with `quo` (a StatusQuo), measured against doing nothing."""
    pygame.draw.rect(surface, palette.PANEL, rect, border_radius=6)
    x, y = rect.x + s(14), rect.y + s(10)
    surface.blit(text.render(t("end.evaluation"), s(16), palette.ACCENT, True), (x, y))
    body = pygame.Rect(x, y + s(30), rect.width - s(28), rect.height - s(40))
    if quo is not None and quo.running:
        busy = t("end.quo_busy", pct=f"{quo.fraction:.0%}")
        text.draw_wrapped(surface, busy, body, s(13), palette.TEXT_DIM)
        return
    baseline = quo.rows if quo is not None else None
    result = evaluation_of(session, baseline)
    if result is None:
        text.draw_wrapped(surface, t("end.placeholder"), body, s(13), palette.TEXT_DIM)
        return
    grade = text.render(result.grade, s(54), palette.ACCENT, True)
    surface.blit(grade, (x, y + s(26)))
    gx, width = x + grade.get_width() + s(16), rect.right - s(14) - grade.get_width() - x - s(16)
    score = text.render(t("end.score", score=f"{result.score:.0f}"), s(15), palette.TEXT, True)
    surface.blit(score, (gx, y + s(32)))
    note = "end.grade_vs_quo" if result.against_baseline else "end.grade_note"
    if quo is not None and quo.error:
        note = "end.quo_failed"
    if result.against_baseline and session.bookmark:
        note = "end.grade_vs_quo_from"
    month = t.month(session.bookmark_month)
    lines = text.wrap(t(note, seed=session.state.seed, month=month), s(12), width)[:2]
    text.draw_lines(surface, lines, (gx, y + s(54)), s(12), palette.TEXT_DIM)
    y += s(96)
    if result.against_baseline:
        headline = comparison(result.reasons[0], t)
        y = text.draw_wrapped(surface, headline, pygame.Rect(x, y, body.width, s(40)), s(13),
                              palette.TEXT, True) + s(6)  # fmt: skip
    _reason_table(surface, rect, y, result, t, s)


def _reason_table(surface, rect: pygame.Rect, y: int, result, t, s) -> None:
    """One row per reason: the metric, you, the reference (the start or doing nothing), points."""
    x = rect.x + s(14)
    cols = (int(rect.width * 0.5), int(rect.width * 0.64), int(rect.width * 0.82))
    reference = t("end.doing_nothing") if result.against_baseline else t("end.at_start")
    heads = (t("end.at_end"), reference, t("end.points"))
    for head, cx in zip(heads, cols, strict=True):
        label = text.fit(head, s(12), int(rect.width * 0.16), True)
        surface.blit(text.render(label, s(12), palette.TEXT_DIM, True), (rect.x + cx, y))
    y += s(20)
    for reason in result.reasons:
        if y > rect.bottom - s(22):
            break
        fmt = FORMATS.get(reason.code, "{:,.1f}")
        label = text.fit(t(f"eval.{reason.code}"), s(13), cols[0] - s(20))
        surface.blit(text.render(label, s(13), palette.TEXT), (x, y))
        if result.against_baseline:
            ref = fmt.format(reason.baseline)
        else:
            ref = "—" if reason.code == "civilians_killed_by_state" else fmt.format(reason.start)
        end = text.render(fmt.format(reason.end), s(13), palette.TEXT, True)
        surface.blit(end, (rect.x + cols[0], y))
        surface.blit(text.render(ref, s(13), palette.TEXT), (rect.x + cols[1], y))
        colour = palette.OKABE_ITO[1] if reason.points >= 0 else palette.BAD
        points = f"{reason.points:+.1f}"
        if abs(reason.points) < 0.05:  # never "-0.0"
            colour, points = palette.TEXT_DIM, "0.0"
        surface.blit(text.render(points, s(13), colour, True), (rect.x + cols[2], y))
        y += s(22)


class WhatIf:
    """A counterfactual of one month of HVT operations, computed off the UI thread."""

    def __init__(self, session):
        self.session = session
        first = session.bookmark or 1  # history's operations before a bookmark are not undone
        log = session.game.order_log
        self.turns = sorted({k for k, o in log if k >= first and isinstance(o, HVT)})
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
        source = source_from_game("desk", self.session.game, self.session.bookmark)

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
