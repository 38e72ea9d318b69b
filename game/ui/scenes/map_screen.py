"""The map screen: Mexico by map mode, the top bar, the side panel (state, budget, orders, news),
and the month's commands (end turn, undo, save). The main screen of the game."""

from __future__ import annotations

import pygame

from game.ui import mapmodes, palette
from game.ui.scene import Call, PlayMonth, Push, Save, Scene, Toast
from game.ui.scenes import map_layout as layout
from game.ui.tutorial import TutorialCard
from game.ui.widgets import legend, topbar
from game.ui.widgets.budget_panel import BudgetPanel, OrdersPanel
from game.ui.widgets.mapview import MapView
from game.ui.widgets.news import NewsPanel
from game.ui.widgets.state_panel import StatePanel

PLACES = (  # names at sea and beyond the border, for orientation (longitude, latitude)
    (-101.0, 32.0, "map.place.usa"),
    (-93.0, 24.5, "map.place.gulf"),
    (-105.5, 16.2, "map.place.pacific"),  # south-west of Colima, clear of the legend
    (-88.5, 15.6, "map.place.guatemala"),
)
TAB_KEYS = {pygame.K_s: "state", pygame.K_b: "budget", pygame.K_o: "orders", pygame.K_n: "news"}
PAN_KEYS = {
    pygame.K_LEFT: (-1, 0),
    pygame.K_RIGHT: (1, 0),
    pygame.K_UP: (0, -1),
    pygame.K_DOWN: (0, 1),
}


class MapScreen(Scene):
    name = "map"

    def __init__(self, app):
        super().__init__(app)
        self.handover_due = False  # team play: hand over once the month's report is read
        session = app.session
        self.map = MapView(session.scenario)
        self.mode = "control"
        self.selected: int | None = None
        self.tab = "state"
        self.local_ids = {f.id for f in session.state.factions if f.local}
        self.card = TutorialCard(self, "map")
        self.panel = None
        self._mode_cache = (None, None)
        self.end_shown = False
        self.show_legend = True
        self.legend_rect: pygame.Rect | None = None

    # --- layout -------------------------------------------------------------------------

    def build(self) -> None:
        w, h = self.size
        s, t = self.s, self.t
        layout.top_buttons(self)
        if self.session.finished:
            self.end_button.disable()  # the term is over: Enter shows the end of the term
        one_row = topbar.fits_one_row(self.session, t, self.app.scale, self.top_right_edge)
        top_h = s(52) if one_row else s(100)
        panel_w = min(max(s(400), int(w * 0.3)), int(w * 0.45))
        self.top_rect = pygame.Rect(0, 0, w, top_h)
        self.map_rect = pygame.Rect(0, top_h, w - panel_w, h - top_h)
        self.panel_rect = pygame.Rect(w - panel_w, top_h, panel_w, h - top_h)
        layout.mode_bar(self)
        places = [(lon, lat, t(key)) for lon, lat, key in PLACES]
        view = pygame.Rect(
            self.map_rect.x,
            self.map_rect.y,
            self.map_rect.width,
            self.mode_bar_top - s(8) - self.map_rect.y,
        )
        self.map.layout(view, view.bottom, s(12), places)
        layout.tabs(self)
        layout.zoom_buttons(self)
        self.card.step_id = None
        self._build_panel()
        self.focus.enter_activates = False

    def _build_panel(self) -> None:
        if self.panel is not None:
            self.panel.kill()
        r = self.panel_rect
        rect = pygame.Rect(
            r.x + self.s(8), r.y + self.s(42), r.width - self.s(12), r.height - self.s(48)
        )
        self.panel = {
            "state": lambda: StatePanel(self, rect, self.selected),
            "budget": lambda: BudgetPanel(self, rect),
            "orders": lambda: OrdersPanel(self, rect),
            "news": lambda: NewsPanel(self, rect),
        }[self.tab]()
        self.panel.build()

    # --- commands -----------------------------------------------------------------------

    def _set_mode(self, mode):
        def apply():
            if mode != self.mode:
                self.mode = mode
                self.app.tutorial.signal("mode_changed")
                self.rebuild()

        return apply

    def _set_tab(self, tab):
        def apply():
            self.tab = tab
            self.rebuild()

        return apply

    def select(self, region: int | None, centre: bool = False) -> None:
        self.selected = region
        self.tab = "state"
        if region is not None:
            self.app.tutorial.signal("selected")
            if centre:
                self.map.camera.centre_on(*self.map.geometry.regions[region].anchor)
        self.rebuild()

    def cycle_state(self, step: int) -> None:
        regions = self.session.scenario.map.regions
        order = sorted(range(len(regions)), key=lambda i: regions[i].name)
        pos = order.index(self.selected) if self.selected in order else -1 if step > 0 else 0
        self.select(order[(pos + step) % len(order)], centre=True)

    def zoom(self, steps: int, pos=None) -> None:
        self.map.camera.zoom_by(steps, pos)

    def reset_view(self) -> None:
        self.map.camera.reset()

    def orders_changed(self, rebuild: bool = False) -> None:
        if rebuild:
            self.rebuild()
            return
        if self.panel is not None:
            self.panel.refresh()
        if getattr(self, "orders_tab", None) is not None:
            self.orders_tab.set_text(layout.tab_label(self, "orders"))

    def undo(self):
        """Withdraw this month's last order (Ctrl+Z)."""
        from game.ui.widgets.budget_panel import describe_order

        order = self.session.undo()
        if order is None:
            return Toast(self.t("toast.nothing_to_undo"))
        self.rebuild()
        return Toast(self.t("toast.undone", order=describe_order(order, self.session, self.t)))

    def end_turn(self):
        """End the month (Enter): the app plays it and shows the report; in team play, the next
        team takes over once this team has read it."""
        self.handover_due = self.app.match is not None and not self.session.finished
        return PlayMonth()

    def open_factions(self, faction: str | None = None):
        from game.ui.scenes.faction_view import FactionView

        self.app.tutorial.signal("opened_factions")
        return Push(FactionView(self.app, faction or self._strongest_here()))

    def _strongest_here(self) -> str | None:
        if self.selected is None:
            return None
        here = [
            f for f in self.session.view.present_in(self.selected) if f.id not in self.local_ids
        ]
        return here[0].id if here else None

    def open_charts(self):
        from game.ui.scenes.charts import ChartsScene

        self.app.tutorial.signal("opened_charts")
        return Push(ChartsScene(self.app))

    def open_menu(self):
        from game.ui.scenes.dialogs import GameMenu

        return Push(GameMenu(self.app))

    def open_report(self):
        from game.ui.scenes.report import TurnReport

        if self.session.state.turn == 0:
            return Toast(self.t("toast.no_report"))
        return Push(TurnReport(self.app, self.session.game.last_events))

    def resume(self, result=None):
        self.rebuild()
        if self.app.match is not None and (self.handover_due or self.session.finished):
            self.handover_due = False  # the team has read its report: the next team's turn
            return Call(self.app.next_team)
        if self.session is not None and self.session.finished and not self.end_shown:
            from game.ui.scenes.endterm import EndOfTerm

            self.end_shown = True
            return Push(EndOfTerm(self.app))
        return None

    def exit(self) -> None:
        self.map.renderer.release()
        self._mode_cache = (None, None)
        super().exit()

    def focused(self, element) -> None:
        if self.panel is not None and hasattr(self.panel, "ensure_visible"):
            self.panel.ensure_visible(element)

    def link(self, target: str):
        kind, _, value = target.partition(":")
        if kind == "region" and value.isdigit():
            self.select(int(value), centre=True)
        elif kind == "faction":
            return self.open_factions(value)
        return None

    # --- input --------------------------------------------------------------------------

    def key(self, event):
        if self.card.key(event):
            return None
        k = event.key
        if event.mod & pygame.KMOD_CTRL:
            if k == pygame.K_s:
                return Save()
            return self.undo() if k == pygame.K_z else None
        if pygame.K_1 <= k <= pygame.K_6:
            return self._set_mode(mapmodes.MODES[k - pygame.K_1])()
        if k in PAN_KEYS:
            dx, dy = PAN_KEYS[k]
            return self.map.camera.pan(dx * self.s(90), dy * self.s(90))
        if k in TAB_KEYS:
            return self._set_tab(TAB_KEYS[k])()
        command = self._commands().get(k)
        return command() if command else None

    def _commands(self) -> dict:
        """Plain keys of the map screen and what they do."""
        return {
            pygame.K_RETURN: self.end_turn,
            pygame.K_KP_ENTER: self.end_turn,
            pygame.K_ESCAPE: self.open_menu,
            pygame.K_PLUS: lambda: self.zoom(1),
            pygame.K_EQUALS: lambda: self.zoom(1),
            pygame.K_KP_PLUS: lambda: self.zoom(1),
            pygame.K_MINUS: lambda: self.zoom(-1),
            pygame.K_KP_MINUS: lambda: self.zoom(-1),
            pygame.K_0: self.reset_view,
            pygame.K_HOME: self.reset_view,
            pygame.K_COMMA: lambda: self.cycle_state(-1),
            pygame.K_PERIOD: lambda: self.cycle_state(1),
            pygame.K_f: self.open_factions,
            pygame.K_h: lambda: self.open_factions() if self._strongest_here() else None,
            pygame.K_c: self.open_charts,
            pygame.K_r: self.open_report,
            pygame.K_l: self.toggle_legend,
        }

    def toggle_legend(self) -> None:
        self.show_legend = not self.show_legend

    def mouse(self, event):
        region = self.map.mouse(event)
        if region is not None:
            self.select(region)
        return None

    def update(self, dt):
        card_x = self.map_rect.right - self.s(60) - self.s(360)
        self.card.sync(pygame.Rect(card_x, self.map_rect.y + self.s(10), 0, 0))
        return super().update(dt)

    # --- drawing ------------------------------------------------------------------------

    def mode_data(self) -> mapmodes.ModeData:
        ctx = mapmodes.ModeContext(
            self.session, self.map.geometry, self.t, self.app.settings.colourblind, self.local_ids
        )
        key = (
            self.mode,
            self.session.state.turn,
            tuple(map(id, self.session.pending)),
            self.t.lang,
            ctx.colourblind,
        )
        if self._mode_cache[0] != key:
            self._mode_cache = (key, mapmodes.build(self.mode, ctx))
        return self._mode_cache[1]

    def draw_back(self, surface) -> None:
        surface.fill(palette.BG)
        data = self.mode_data()
        pygame.draw.rect(
            surface,
            palette.PANEL_DARK,
            (
                self.map_rect.x,
                self.map.rect.bottom,
                self.map_rect.width,
                self.map_rect.bottom - self.map.rect.bottom,
            ),
        )
        self.map.draw(surface, data.style, self.selected)
        pygame.draw.rect(surface, palette.PANEL, self.panel_rect)
        pygame.draw.line(
            surface, palette.BORDER, self.panel_rect.topleft, self.panel_rect.bottomleft
        )
        topbar.draw(
            surface,
            self.top_rect,
            self.session,
            self.t,
            self.app.scale,
            self.top_right_edge,
        )
        self.legend_rect = None
        if not self.show_legend:
            return
        title = self.t(f"mode.{self.mode}")
        self.legend_rect = legend.draw(
            surface,
            (self.map_rect.x + self.s(10), self.map.rect.bottom - self.s(8)),
            data.legend,
            title,
            self.app.scale,
        )

    def draw_front(self, surface) -> None:
        self.card.draw(surface)
        hover = self.map.hover
        if hover is not None:
            data = self.mode_data()
            lines = list(data.tooltip[hover]) if hover < len(data.tooltip) else []
            name = self.session.scenario.map.regions[hover].name
            self.map.tooltip(surface, name, lines + [self.t("map.tip.click")], self.app.scale)

    def shortcuts(self):
        return [
            ("Enter", "help.map.end_turn"),
            ("1 – 6", "help.map.modes"),
            ("← ↑ → ↓ / {drag}", "help.map.pan"),
            ("+ − / {wheel}, 0", "help.map.zoom"),
            (", .", "help.map.cycle"),
            ("S B O N", "help.map.tabs"),
            ("F", "help.map.factions"),
            ("H", "help.map.hvt"),
            ("C", "help.map.charts"),
            ("R", "help.map.report"),
            ("L", "help.map.legend"),
            ("Ctrl+Z", "help.map.undo"),
            ("Ctrl+S", "help.map.save"),
            ("Esc", "help.map.menu"),
            ("T / Ctrl+T", "help.tutorial"),
            ("Tab, ← →", "help.map.sliders"),
        ]
