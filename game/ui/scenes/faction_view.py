"""The faction view: the list of factions, an org chart (leader, lieutenants, succession
clarity), what the state knows, and the splinter family tree. H opens the operation dialog."""

from __future__ import annotations

import pygame

from game.ui import palette, text
from game.ui.mapmodes import faction_look
from game.ui.names import display_name, short_name
from game.ui.scene import Pop, Push, Scene
from game.ui.tutorial import TutorialCard
from game.ui.widgets import orgchart


def person_name(session, target: str) -> str:
    """The name of a person id (also of someone already removed), or of a 'faction.leader'."""
    for f in session.state.factions:
        if target == f"{f.id}.leader" and f.leader is not None:
            return f.leader.name
        for p in f.people():
            if p.id == target:
                return p.name
    for m in reversed(session.history.moments):
        data = m.get("data", {})
        if data.get("person") == target and data.get("name"):
            return str(data["name"])
    return target


class FactionView(Scene):
    name = "factions"

    def __init__(self, app, faction: str | None = None):
        super().__init__(app)
        self.local_ids = {f.id for f in app.session.state.factions if f.local}
        self.factions = self._listed()
        ids = [f.id for f in self.factions]
        self.index = ids.index(faction) if faction in ids else 0
        self.person = 0
        self.list_top = 0
        self.card = TutorialCard(self, "factions")
        self.hits: list[tuple[pygame.Rect, str, int]] = []

    def _listed(self):
        view = self.session.view
        named = [f for f in view.factions if f.id not in self.local_ids]
        return sorted(named, key=lambda f: (f.dissolved is not None, -f.total))

    @property
    def faction(self):
        return self.factions[self.index] if self.factions else None

    def people(self) -> tuple:
        """The selected faction's people as the planner knows them (`Sighted`), leader first."""
        f = self.faction
        if f is None or f.dissolved is not None:
            return ()
        return f.people()

    def build(self) -> None:
        w, h = self.size
        s, t = self.s, self.t
        self.label((s(24), s(14), w // 2, s(40)), t("factions.title"), "@heading")
        self.button((w - s(150), s(12), s(130), s(36)), t("common.back"), lambda: Pop())
        self.list_rect = pygame.Rect(s(16), s(64), s(290), h - s(80))
        self.chart_rect = pygame.Rect(
            self.list_rect.right + s(16), s(64), w - self.list_rect.right - s(360), int(h * 0.55)
        )
        self.info_rect = pygame.Rect(
            self.chart_rect.right + s(16), s(64), w - self.chart_rect.right - s(32), int(h * 0.55)
        )
        self.tree_rect = pygame.Rect(
            self.chart_rect.x,
            self.chart_rect.bottom + s(16),
            w - self.chart_rect.x - s(16),
            h - self.chart_rect.bottom - s(32),
        )
        people = self.people()
        self.hvt_button = self.button(
            (self.chart_rect.x + s(12), self.chart_rect.bottom - s(48), s(280), s(36)),
            t("factions.operation"),
            self.open_hvt,
            "@primary",
        )
        if not people:
            self.hvt_button.disable()
        self.card.step_id = None
        self.focus.enter_activates = False

    # --- commands -----------------------------------------------------------------------

    def choose(self, index: int) -> None:
        if self.factions:
            self.index = index % len(self.factions)
            self.person = 0
            rows = self._rows_visible()
            if self.index < self.list_top:
                self.list_top = self.index
            elif self.index >= self.list_top + rows:
                self.list_top = self.index - rows + 1
            self.rebuild()

    def open_hvt(self):
        from game.ui.scenes.hvt import HVTDialog

        people = self.people()
        if not people:
            return None
        who = people[min(self.person, len(people) - 1)]
        self.app.tutorial.signal("opened_hvt")
        return Push(HVTDialog(self.app, self.faction, who))

    def resume(self, result=None):
        self.factions = self._listed()
        self.rebuild()

    # --- input --------------------------------------------------------------------------

    def key(self, event):
        if self.card.key(event):
            return None
        k = event.key
        if k == pygame.K_ESCAPE:
            return Pop()
        if k in (pygame.K_UP, pygame.K_DOWN):
            self.choose(self.index + (-1 if k == pygame.K_UP else 1))
        elif k in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            self.choose(self.index + (-10 if k == pygame.K_PAGEUP else 10))
        elif k in (pygame.K_LEFT, pygame.K_RIGHT) and self.people():
            self.person = (self.person + (-1 if k == pygame.K_LEFT else 1)) % len(self.people())
        elif k in (pygame.K_h, pygame.K_RETURN, pygame.K_KP_ENTER):
            return self.open_hvt()
        return None

    def mouse(self, event):
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for rect, kind, value in self.hits:
                if rect.collidepoint(event.pos):
                    if kind == "faction":
                        self.choose(value)
                    elif kind == "tree":
                        ids = [f.id for f in self.factions]
                        if value in ids:
                            self.choose(ids.index(value))
                    elif kind == "person":
                        again = value == self.person
                        self.person = value
                        if again:  # a second click on the chosen person opens the dialog
                            return self.open_hvt()
                    return None
        if event.type == pygame.MOUSEWHEEL and self.list_rect.collidepoint(pygame.mouse.get_pos()):
            most = max(0, len(self.factions) - self._rows_visible())
            self.list_top = min(most, max(0, self.list_top - event.y * 3))
        return None

    def update(self, dt):
        self.card.sync(pygame.Rect(self.info_rect.x, self.tree_rect.y, 0, 0))
        return super().update(dt)

    # --- drawing ------------------------------------------------------------------------

    def _rows_visible(self) -> int:
        return max(1, (self.list_rect.height - self.s(8)) // self.s(34))

    def draw_back(self, surface) -> None:
        surface.fill(palette.BG)
        self.hits = []
        for rect in (self.list_rect, self.chart_rect, self.info_rect, self.tree_rect):
            pygame.draw.rect(surface, palette.PANEL, rect, border_radius=6)
        self._draw_list(surface)
        f = self.faction
        if f is None:
            return
        colour, pattern = faction_look(
            self.session.view, f.id, self.app.settings.colourblind, False
        )
        ctx = orgchart.Ctx(surface, self.s, self.t, self.session, self.hits)
        orgchart.draw_chart(ctx, self.chart_rect, f, self.people(), self.person, colour)
        orgchart.draw_knowledge(ctx, self.info_rect, f)
        orgchart.draw_tree(
            ctx, self.tree_rect, self.session.view, f, self.local_ids, self.app.settings.colourblind
        )

    def _draw_list(self, surface) -> None:
        s = self.s
        view = self.session.view
        row_h = s(34)
        y = self.list_rect.y + s(4)
        for i in range(
            self.list_top, min(len(self.factions), self.list_top + self._rows_visible())
        ):
            f = self.factions[i]
            rect = pygame.Rect(
                self.list_rect.x + s(4), y, self.list_rect.width - s(8), row_h - s(2)
            )
            if i == self.index:
                pygame.draw.rect(surface, palette.BORDER, rect, border_radius=4)
                pygame.draw.rect(surface, palette.ACCENT, rect, 1, border_radius=4)
            colour, pattern = faction_look(view, f.id, self.app.settings.colourblind, False)
            gone = f.dissolved is not None
            surface.blit(
                palette.swatch(colour if not gone else palette.NO_DATA, pattern, (s(16), s(16))),
                (rect.x + s(6), rect.y + s(8)),
            )
            ink = palette.TEXT_DIM if gone else palette.TEXT
            full = display_name(f, view, self.t)
            name = text.fit(
                short_name(f, view, self.t) if len(full) > 28 else full,
                s(13),
                rect.width - s(110),
                True,
            )
            surface.blit(text.render(name, s(13), ink, True), (rect.x + s(28), rect.y + s(7)))
            size = self.t("factions.gone") if gone else f"≈{f.total:,.0f}"
            lab = text.render(size, s(12), palette.TEXT_DIM)
            surface.blit(lab, (rect.right - lab.get_width() - s(8), rect.y + s(9)))
            self.hits.append((rect, "faction", i))
            y += row_h

    def draw_front(self, surface) -> None:
        self.card.draw(surface)

    def shortcuts(self):
        return [
            ("↑ ↓ / PgUp PgDn", "help.factions.pick"),
            ("← →", "help.factions.person"),
            ("H / Enter", "help.factions.hvt"),
            ("Esc", "help.back"),
        ]
