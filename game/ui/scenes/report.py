"""The turn report: what happened this month and why, the national numbers with their change,
and a mini-map of where homicides rose or fell most."""

from __future__ import annotations

import html

import numpy as np
import pygame
import pygame_gui

from game.text.narrate import HEADLINES
from game.ui import palette, text
from game.ui.geo import Camera, geometry_for
from game.ui.maprender import MapRenderer, MapStyle
from game.ui.scene import Call, Pop, Scene
from game.ui.text import clean
from game.ui.tutorial import TutorialCard
from game.ui.widgets.news import as_before_html, for_player, repeats, sentence_html

ROW = 23  # height of a row of numbers
GOOD_WHEN_UP = {"approval", "arrests"}
NUMBERS = (
    ("homicides", "report.homicides", "{:,.0f}"),
    ("homicides_per_100k", "report.rate", "{:.1f}"),
    ("members", "report.members", "{:,.0f}"),
    ("armed_groups", "report.groups", "{:,.0f}"),
    ("arrests", "report.arrests", "{:,.0f}"),
    ("recruits", "report.recruits", "{:,.0f}"),
    ("approval", "report.approval", "{:,.1f}"),
    ("us_pressure", "report.us_pressure", "{:,.1f}"),
)


BASE = 10.0  # monthly homicides in a state below which a change is told in deaths, not percent


def regional_change(history) -> np.ndarray:
    """Relative change of each state's monthly homicides over the last month (against at least
    `BASE`, so a state going from 1 to 8 is not '+700%')."""
    if len(history.regional_homicides) < 2:
        return np.zeros(len(history.regional_homicides[-1]) if history.regional_homicides else 0)
    new = np.asarray(history.regional_homicides[-1])
    old = np.asarray(history.regional_homicides[-2])
    return (new - old) / np.maximum(old, BASE)


def change_words(history, region: int, t) -> str:
    """'+35%', or on a small base the deaths themselves: '+7 homicides'."""
    old = history.regional_homicides[-2][region]
    new = history.regional_homicides[-1][region]
    if old < BASE:
        return t("report.change_deaths", n=signed(new - old, "{:,.0f}"))
    return t.change((new - old) / old)


def signed(value: float, fmt: str) -> str:
    """`value` with its sign in `fmt`, and no sign at all when it rounds to zero (no '-0.0')."""
    shown = fmt.format(abs(value))
    if float(shown.replace(",", "").rstrip("%") or 0) == 0:
        return shown
    return ("+" if value > 0 else "-") + shown


def your_orders(session, events, t) -> list[str]:
    """This month's orders in words, operations with their outcome and, when one failed, why."""
    from game.sim.operations import HVT
    from game.ui.widgets.budget_panel import describe_order

    turn = session.state.turn
    orders = [o for k, o in session.game.order_log if k == turn]
    lines = [
        f"{describe_order(o, session, t)}: {operation_outcome(o, events, t)}"
        for o in orders
        if isinstance(o, HVT)
    ]
    budget = [o for o in orders if not isinstance(o, HVT)]
    if budget:
        lines.append(t("report.budget_changes", n=len(budget)))
    return lines


def operation_outcome(order, events, t) -> str:
    """How an operation went: succeeded, failed at its odds, or refused (and why)."""
    for e in events:
        aimed = e.data.get("person") == order.target
        if aimed and e.kind in ("leader_removed", "lieutenant_removed"):
            return t("report.succeeded", odds=f"{e.data.get('odds', 1.0):.0%}")
        if aimed and e.kind == "hvt_failed":
            return t("report.failed", odds=f"{e.data.get('odds', 0.0):.0%}")
    for e in events:
        problems = e.data.get("problems") or []
        if e.kind == "order_rejected" and any(order.target in str(p) for p in problems):
            return t("report.refused", problems="; ".join(map(str, problems)))
    return t("report.not_done")


def report_html(events, session, t) -> str:
    """Headlines (what happened and why), the player's orders, then other events."""
    events = for_player(events)
    heads = [e for e in events if e.kind in HEADLINES]
    parts = [f"<font color='#e69f00'><b>{html.escape(t('report.happened'))}</b></font>"]
    parts += [f"• {sentence_html(e, session, t)}" for e in heads[:30]]
    if not heads:
        parts.append(html.escape(t("report.quiet")))
    parts.append(f"<br><font color='#e69f00'><b>{html.escape(t('report.your_orders'))}</b></font>")
    lines = [f"• {html.escape(clean(line, 2000))}" for line in your_orders(session, events, t)]
    parts += lines or [html.escape(t("report.no_orders"))]
    rest = [e for e in events if e.kind not in HEADLINES and e.kind != "allocation_set"]
    rest, repeated = repeats(rest, session.previous_events)
    if rest or repeated:
        parts.append(f"<br><font color='#9aa3b2'><b>{html.escape(t('news.other'))}</b></font>")
        parts += [f"• {sentence_html(e, session, t)}" for e in rest[:8]]
    if len(rest) > 8:
        parts.append(html.escape(t("report.more_in_news", n=len(rest) - 8)))
    if repeated:
        parts.append(f"• {as_before_html(repeated, session, t)}")
    return "<br>".join(parts)


class TurnReport(Scene):
    name = "report"

    def __init__(self, app, events):
        super().__init__(app)
        self.events = list(events)
        self.geometry = geometry_for(app.session.scenario.map)
        self.mini = MapRenderer(self.geometry, [("", "")] * len(self.geometry.regions), 0)
        self.camera = Camera(self.geometry, (300, 200))
        self.card = TutorialCard(self, "report")

    def build(self) -> None:
        w, h = self.size
        s, t = self.s, self.t
        date = self.session.view.national.get("date", "")
        self.label(
            (s(30), s(18), w - s(60), s(44)), t("report.title", month=t.month(date)), "@heading"
        )
        left_w = int(w * 0.5)
        body = report_html(self.events, self.session, t)
        pygame_gui.elements.UITextBox(
            body, pygame.Rect(s(30), s(70), left_w - s(40), h - s(150)), manager=self.ui
        )
        self.right = pygame.Rect(left_w + s(10), s(70), w - left_w - s(40), h - s(150))
        numbers_h = s(34) + (len(NUMBERS) + 1) * s(ROW) + s(14)
        map_h = self.right.height - numbers_h
        self.map_rect = pygame.Rect(
            self.right.x, self.right.y + numbers_h, self.right.width, max(s(120), map_h)
        )
        self.camera.resize((int(self.map_rect.width * 0.72), self.map_rect.height - s(30)))
        self.camera.reset()
        self.button(
            (w - s(230), h - s(66), s(200), s(44)), t("report.continue"), self._close, "@primary"
        )
        self.card.step_id = None

    def _close(self):
        return Pop()

    def exit(self) -> None:
        self.mini.release()
        super().exit()

    def link(self, target: str):
        below = self.app.stack[-2] if len(self.app.stack) > 1 else None
        if below is not None and hasattr(below, "link"):
            return [Pop(), Call(below.link, (target,))]
        return None

    def key(self, event):
        if self.card.key(event):
            return None
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_SPACE):
            return self._close()
        return None

    def update(self, dt):
        self.card.sync(pygame.Rect(self.right.x, self.size[1] - self.s(290), 0, 0))
        return super().update(dt)

    def draw_back(self, surface) -> None:
        surface.fill(palette.BG)
        self._numbers(surface)
        self._minimap(surface)

    def draw_front(self, surface) -> None:
        self.card.draw(surface)

    def _numbers(self, surface) -> None:
        s, t = self.s, self.t
        national = self.session.game.national
        now = national[-1]
        before = national[-2] if len(national) > 1 else now
        r = self.right
        surface.blit(text.render(t("report.numbers"), s(15), palette.ACCENT, True), (r.x, r.y))
        y = r.y + s(30)
        rows = [
            (t(key), fmt.format(now[name]), now[name] - before.get(name, now[name]), fmt, name)
            for name, key, fmt in NUMBERS
            if name in now
        ]
        flows = self.session.history.drug_flow
        if flows:
            prev = flows[-2] if len(flows) > 1 else flows[-1]
            rows.append(
                (t("report.drugs"), f"{flows[-1]:,.1f}", flows[-1] - prev, "{:,.1f}", "drugs")
            )
        for label, value, change, fmt, name in rows:
            surface.blit(text.render(label, s(14), palette.TEXT), (r.x, y))
            v = text.render(value, s(14), palette.TEXT, True)
            surface.blit(v, (r.x + int(r.width * 0.62) - v.get_width(), y))
            shown = signed(change, fmt)
            good = (change > 0) == (name in GOOD_WHEN_UP)
            colour = (
                palette.TEXT_DIM
                if shown[:1] not in "+-"
                else (palette.OKABE_ITO[1] if good else palette.BAD)
            )
            surface.blit(text.render(shown, s(13), colour), (r.x + int(r.width * 0.66), y + s(1)))
            y += s(ROW)

    def _minimap(self, surface) -> None:
        s, t = self.s, self.t
        change = regional_change(self.session.history)
        r = self.map_rect
        surface.blit(text.render(t("report.where"), s(15), palette.ACCENT, True), (r.x, r.y))
        fills = [palette.ramp("change", 0.5 + float(np.clip(c, -1, 1)) / 2) for c in change] or [
            palette.NO_DATA
        ] * len(self.geometry.regions)
        style = MapStyle(("report", self.session.state.turn), fills)
        area = pygame.Rect(r.x, r.y + s(30), *self.camera.size)
        self.mini.draw(surface, area, self.camera, style)
        names = self.session.scenario.map.regions
        biggest = [r for r in np.argsort(-np.abs(change))[:5] if abs(change[r]) >= 0.05]
        list_x = area.right + s(14)
        y = area.y + s(4)
        for n, region in enumerate(biggest, start=1):
            x, yy = self.camera.to_screen(*self.geometry.regions[region].anchor)
            centre = (int(area.x + x), int(area.y + yy))
            pygame.draw.circle(surface, (12, 14, 19), centre, s(9))
            pygame.draw.circle(surface, palette.TEXT, centre, s(9), 1)
            num = text.render(str(n), s(11), palette.TEXT, True)
            surface.blit(num, num.get_rect(center=centre))
            colour = palette.BAD if change[region] > 0 else palette.OKABE_ITO[1]
            surface.blit(
                text.render(f"{n}  {names[region].name}", s(13), palette.TEXT), (list_x, y)
            )
            words = change_words(self.session.history, region, t)
            surface.blit(text.render(words, s(13), colour, True), (list_x + s(16), y + s(18)))
            y += s(42)

    def shortcuts(self):
        return [("Enter / {space} / Esc", "help.report.continue"), ("T / Ctrl+T", "help.tutorial")]
