"""The operation dialog: capture or kill a leader or lieutenant, with the odds the model gives
(`hvt_odds`) and, in words, what tends to follow (the research behind the game: contested
successions split organisations and raise violence; killing provokes more than capturing)."""

from __future__ import annotations

import pygame

from game.sim.operations import HVT, hvt_odds
from game.ui import palette, text
from game.ui.names import short_name
from game.ui.scene import Issue, Pop, Scene
from game.ui.tutorial import TutorialCard

CLEAR = 0.6  # succession clarity from which an heir usually holds the organisation together


def outlook(session, faction, region, leader: bool, mode: str, t) -> list[str]:
    """What tends to follow an operation, as sentences for the player."""
    regions = session.scenario.map.regions
    lines = []
    if leader:
        homes = sorted({p.region for p in faction.lieutenants if p.region is not None})
        if not homes:  # where the lieutenants are is unknown: where the faction is strongest
            homes = [
                r
                for r in sorted(range(len(regions)), key=lambda r: -faction.members[r])[:3]
                if faction.members[r] >= 1
            ]
        names = ", ".join(regions[r].name for r in homes[:4]) or t("hvt.its_states")
        if faction.succession_clarity >= CLEAR:
            lines.append(t("hvt.clear_succession", clarity=f"{faction.succession_clarity:.0%}"))
        else:
            lines.append(
                t(
                    "hvt.contested_succession",
                    clarity=f"{faction.succession_clarity:.0%}",
                    n=max(2, len(faction.lieutenants)),
                    states=names,
                )
            )
        lines.append(t("hvt.rivals"))
    else:
        place = regions[region].name if region is not None else t("hvt.its_plaza")
        lines.append(t("hvt.lieutenant", place=place))
    lines.append(t(f"hvt.{mode}_effect"))
    lines.append(t("hvt.failure"))
    lines.append(t("hvt.politics"))
    return lines


class HVTDialog(Scene):
    name = "hvt"
    opaque = False

    def __init__(self, app, faction, who):
        """`faction`: a FactionEstimate; `who`: one of its people (a `Sighted`)."""
        super().__init__(app)
        self.faction = faction
        self.person_id = who.id
        self.person = who.name
        self.region = who.region
        self.leader = who.leader
        self.mode = "capture"
        self.card = TutorialCard(self, "hvt")

    def odds(self, mode: str) -> float:
        return hvt_odds(self.session.state, self.session.scenario, self.person_id, mode)

    def build(self) -> None:
        w, h = self.size
        s, t = self.s, self.t
        width = min(s(760), w - s(40))
        self.follow = [
            text.wrap(line, s(13), width - s(64))
            for line in outlook(self.session, self.faction, self.region, self.leader, self.mode, t)
        ]
        line_h = text.font(s(13)).get_linesize()
        body = sum(len(lines) * line_h + s(5) for lines in self.follow)
        self.box = pygame.Rect(0, 0, width, min(s(250) + body + s(70), h - s(40)))
        self.box.center = (w // 2, h // 2)
        b = self.box
        y = b.bottom - s(58)
        self.button(
            (b.x + s(24), y, s(200), s(40)),
            t("hvt.order_capture"),
            self._order("capture"),
            "@primary" if self.mode == "capture" else None,
        )
        self.button(
            (b.x + s(234), y, s(200), s(40)),
            t("hvt.order_kill"),
            self._order("kill"),
            "@primary" if self.mode == "kill" else None,
        )
        self.button((b.right - s(150), y, s(126), s(40)), t("common.cancel"), self._cancel)
        pending = self.session.pending_hvt(self.person_id)
        if pending is not None:
            self.button(
                (b.right - s(290), y, s(130), s(40)), t("hvt.withdraw"), self._withdraw(pending)
            )
        self.card.step_id = None
        self.focus.enter_activates = False

    def _order(self, mode):
        def order():
            self.app.tutorial.signal("closed_hvt")
            return [Issue(HVT(self.person_id, mode)), Pop()]

        return order

    def _withdraw(self, pending):
        def withdraw():
            self.session.withdraw(pending)
            return self._cancel()

        return withdraw

    def _cancel(self):
        self.app.tutorial.signal("closed_hvt")
        return Pop()

    def key(self, event):
        if self.card.key(event):
            return None
        k = event.key
        if k == pygame.K_ESCAPE:
            return self._cancel()
        if k in (pygame.K_LEFT, pygame.K_RIGHT):
            self.mode = "kill" if self.mode == "capture" else "capture"
            self.rebuild()
        elif k == pygame.K_c:
            return self._order("capture")()
        elif k == pygame.K_k:
            return self._order("kill")()
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self._order(self.mode)()
        return None

    def update(self, dt):
        self.card.sync(
            pygame.Rect(self.box.right - self.s(360), self.box.y - self.s(8), 0, 0), True
        )
        return super().update(dt)

    def draw_back(self, surface) -> None:
        s, t = self.s, self.t
        b = self.box
        pygame.draw.rect(surface, palette.PANEL, b, border_radius=s(10))
        pygame.draw.rect(surface, palette.ACCENT, b, 2, border_radius=s(10))
        title = t(
            "hvt.title", name=self.person, faction=short_name(self.faction, self.session.view, t)
        )
        surface.blit(
            text.render(text.fit(title, s(20), b.width - s(48), True), s(20), palette.TEXT, True),
            (b.x + s(24), b.y + s(16)),
        )
        regions = self.session.scenario.map.regions
        where = (
            t("hvt.located", place=regions[self.region].name)
            if self.region is not None
            else t("hvt.not_located")
        )
        role = t("factions.leader") if self.leader else t("factions.lieutenant")
        surface.blit(
            text.render(f"{role} · {where}", s(13), palette.TEXT_DIM), (b.x + s(24), b.y + s(48))
        )
        y = b.y + s(80)
        card_w = (b.width - s(60)) // 2
        for k, mode in enumerate(("capture", "kill")):
            rect = pygame.Rect(b.x + s(24) + k * (card_w + s(12)), y, card_w, s(92))
            chosen = mode == self.mode
            pygame.draw.rect(surface, palette.PANEL_DARK, rect, border_radius=6)
            pygame.draw.rect(
                surface, palette.HOVER if chosen else palette.BORDER, rect, 2, border_radius=6
            )
            surface.blit(
                text.render(t(f"hvt.{mode}"), s(15), palette.TEXT, True),
                (rect.x + s(12), rect.y + s(8)),
            )
            odds = text.render(f"{self.odds(mode):.0%}", s(30), palette.ACCENT, True)
            surface.blit(odds, (rect.x + s(12), rect.y + s(32)))
            sub = text.wrap(t(f"hvt.{mode}_short"), s(12), rect.width - odds.get_width() - s(36))
            text.draw_lines(
                surface,
                sub,
                (rect.x + odds.get_width() + s(24), rect.y + s(38)),
                s(12),
                palette.TEXT_DIM,
            )
        y += s(108)
        surface.blit(
            text.render(t("hvt.what_follows"), s(15), palette.ACCENT, True), (b.x + s(24), y)
        )
        y += s(26)
        for lines in self.follow:
            if y > b.bottom - s(90):
                break
            pygame.draw.circle(surface, palette.ACCENT, (b.x + s(30), y + s(9)), s(3))
            y = text.draw_lines(surface, lines, (b.x + s(40), y), s(13), palette.TEXT) + s(5)

    def draw_front(self, surface) -> None:
        self.card.draw(surface)

    def shortcuts(self):
        return [
            ("← →", "help.hvt.mode"),
            ("C / K", "help.hvt.order"),
            ("Enter", "help.hvt.confirm"),
            ("Esc", "help.cancel"),
        ]
