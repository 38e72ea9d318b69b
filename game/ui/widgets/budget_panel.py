"""The national budget panel: what is committed by group, the national programmes, spending in
the states, and this month's pending orders (each can be withdrawn; Ctrl+Z undoes the last)."""

from __future__ import annotations

import pygame
import pygame_gui

from game.sim.levers import BY_ID, PROGRAMMES, Allocate
from game.sim.operations import HVT
from game.ui import palette, text
from game.ui.widgets.diplomacy import add_diplomacy
from game.ui.widgets.panels import ProgrammeRow, SidePanel, dim, heading

GROUPS = ("force", "intelligence", "institutions", "prevention")
GROUP_COLOURS = {
    "force": palette.OKABE_ITO[5],
    "intelligence": palette.OKABE_ITO[6],
    "institutions": palette.OKABE_ITO[4],
    "prevention": palette.OKABE_ITO[2],
}


def by_group(allocation: dict) -> dict[str, float]:
    out = dict.fromkeys(GROUPS, 0.0)
    for k, pesos in allocation.items():
        p = BY_ID.get(k.split("@")[0])
        if p is not None:
            out[p.group] = out.get(p.group, 0.0) + pesos
    return out


def describe_order(order, session, t) -> str:
    """A pending order in words."""
    regions = session.scenario.map.regions
    if isinstance(order, Allocate):
        p = BY_ID[order.programme]
        where = regions[order.region].name if order.region is not None else t("budget.national")
        return t(
            "order.allocate",
            programme=t(f"programme.{p.id}.name"),
            where=where,
            pesos=t.money(order.pesos),
        )
    from game.ui.scenes.faction_view import person_name

    if isinstance(order, HVT):
        return t(f"order.hvt_{order.mode}", name=person_name(session, order.target))
    kind = type(order).kind
    if kind == "extradite":
        return t("order.extradite", name=person_name(session, order.person))
    if kind == "us_cooperation":
        return t("order.us_cooperation_on" if order.on else "order.us_cooperation_off")
    if kind == "answer_us_offer":
        return t("order.answer_us_offer_yes" if order.accept else "order.answer_us_offer_no")
    return kind


class BudgetPanel(SidePanel):
    def fill(self, y: int) -> int:
        t = self.t
        y = heading(self, y, t("budget.title"))
        self.summary = pygame_gui.elements.UIImage(
            pygame.Rect((0, y), (self.width, self._summary_height())),
            self._summary(),
            manager=self.scene.ui,
            container=self.scroll,
        )
        y = self.summary.get_relative_rect().bottom
        y = self.rule(y)
        y = heading(self, y, t("budget.national_programmes"))
        for programme in PROGRAMMES:
            if programme.scope == "national":
                row = ProgrammeRow(self, programme, None)
                self.rows[programme.id] = row
                y = row.build(y)
        y = self.rule(y)
        y = add_diplomacy(self, y)
        y = self.rule(y)
        y = heading(self, y, t("budget.in_states"))
        y = self.paragraph(y, t("budget.in_states_hint"), 12)
        for programme in PROGRAMMES:
            if programme.scope == "state":
                spent, n = self._state_total(programme.id)
                line = t(
                    "budget.state_line",
                    programme=t(f"programme.{programme.id}.name"),
                    pesos=t.money(spent),
                    n=n,
                )
                y = dim(self, y, line)
        return y

    def refresh(self) -> None:
        """After a slider moves: the rows' amounts and the totals above them (which stayed as
        they were until the tab was opened again)."""
        super().refresh()
        if getattr(self, "summary", None) is not None and self.summary.alive():
            self.summary.set_image(self._summary())

    def _summary_height(self) -> int:
        return self.s(34) + text.font(self.s(13)).get_linesize() * 7

    def _state_total(self, pid: str) -> tuple[float, int]:
        alloc = self.session.preview.allocation
        amounts = [v for k, v in alloc.items() if k.startswith(pid + "@") and v > 0]
        return sum(amounts), len(amounts)

    def _summary(self) -> pygame.Surface:
        s, t = self.s, self.t
        session = self.session
        budget = session.preview.budget
        groups = by_group(session.preview.allocation)
        spent = sum(groups.values())
        fs = s(13)
        line_h = text.font(fs).get_linesize()
        surf = pygame.Surface((self.width, self._summary_height()), pygame.SRCALPHA)
        lines = [
            (t("budget.monthly"), t.money(budget)),
            (t("budget.committed"), t.money(spent)),
            (t("budget.left"), t.money(budget - spent)),
        ]
        y = 0
        for caption, value in lines:
            v = text.render(value, fs, palette.TEXT, True)
            caption = text.fit(caption, fs, self.width - v.get_width() - s(10))
            surf.blit(text.render(caption, fs, palette.TEXT_DIM), (0, y))
            surf.blit(v, (self.width - v.get_width(), y))
            y += line_h
        bar = pygame.Rect(0, y + s(6), self.width, s(16))
        pygame.draw.rect(surf, (40, 46, 60), bar)
        x = bar.x
        for g in GROUPS:
            w = int(bar.width * groups[g] / budget) if budget > 0 else 0
            pygame.draw.rect(surf, GROUP_COLOURS[g], (x, bar.y, w, bar.height))
            x += w
        y = bar.bottom + s(6)
        for k, g in enumerate(GROUPS):
            gx = (k % 2) * self.width // 2
            gy = y + (k // 2) * line_h
            pygame.draw.rect(surf, GROUP_COLOURS[g], (gx, gy + s(4), s(10), s(10)))
            label = f"{t('group.' + g)}: {t.money(groups[g], unit=False)}"
            surf.blit(
                text.render(text.fit(label, fs, self.width // 2 - s(20)), fs, palette.TEXT),
                (gx + s(14), gy),
            )
        return surf


class OrdersPanel(SidePanel):
    """This month's pending orders; each can be withdrawn, and Ctrl+Z withdraws the last."""

    def fill(self, y: int) -> int:
        s, t = self.s, self.t
        session = self.session
        y = heading(self, y, t("budget.orders", n=len(session.pending)))
        if not session.pending:
            y = dim(self, y, t("budget.no_orders"))
        for order in session.pending:
            label = describe_order(order, session, t)
            lines = text.wrap(label, s(13), self.width - s(104))
            surf = pygame.Surface(
                (self.width - s(100), len(lines) * text.font(s(13)).get_linesize()), pygame.SRCALPHA
            )
            text.draw_lines(surf, lines, (0, 0), s(13), palette.TEXT)
            bottom = self.image(y + s(2), surf)
            self.scene.button(
                (self.width - s(92), y, s(92), s(26)),
                t("budget.withdraw"),
                self._withdraw(order),
                None,
                container=self.scroll,
            )
            y = max(bottom, y + s(26)) + s(8)
        if session.pending:
            self.scene.button(
                (0, y + s(4), s(200), s(28)),
                t("budget.undo"),
                self.scene.undo,
                None,
                container=self.scroll,
            )
            y += s(38)
        return self.paragraph(y + s(8), t("budget.orders_note"), 13)

    def _withdraw(self, order):
        def withdraw():
            self.session.withdraw(order)
            self.scene.orders_changed(rebuild=True)

        return withdraw
