"""The state panel: one state's population, homicides, the factions believed present (with error
bars), institutions, and its budget lines."""

from __future__ import annotations

from game.sim.levers import PROGRAMMES
from game.ui import palette
from game.ui.mapmodes import faction_look, homicide_rates
from game.ui.names import display_name, short_name
from game.ui.widgets import graphs
from game.ui.widgets.panels import ProgrammeRow, SidePanel, dim, heading, strong

MAX_FACTIONS = 6


class StatePanel(SidePanel):
    def __init__(self, scene, rect, region: int | None):
        super().__init__(scene, rect)
        self.region = region

    def fill(self, y: int) -> int:
        if self.region is None:
            return self._hotspots(self.paragraph(y, self.t("state.pick"), 15, palette.TEXT))
        r = self.region
        s, t = self.s, self.t
        scenario, view = self.session.scenario, self.session.view
        spec = scenario.map.regions[r]
        y = heading(self, y, spec.name)
        y = dim(self, y, t("state.capital_pop", capital=spec.capital, pop=f"{spec.population:,}"))
        flags = [t("state.crossing", names=", ".join(spec.crossings))] if spec.crossings else []
        flags += [t("state.port", names=", ".join(spec.seaports))] if spec.seaports else []
        flags += [t("state.production")] if spec.production else []
        if flags:
            y = self.paragraph(y, " · ".join(flags), 12, palette.ACCENT)
        y = self.rule(y)
        rate = homicide_rates(view, scenario)[r]
        months = view.homicide_history[:, r]
        y = strong(self, y, t("state.homicides", total=f"{months.sum():,.0f}", rate=f"{rate:.1f}"))
        y = self.image(
            y + s(4),
            graphs.sparkline(months, (self.width, s(54)), palette.BAD, self.scene.app.scale),
        )
        y = dim(self, y, t("state.last12"), 18)
        y = self.rule(y)
        y = self._factions(y)
        y = self.rule(y)
        y = self._institutions(y)
        y = self.rule(y)
        y = heading(self, y, t("state.budget"))
        y = dim(self, y, t("state.budget_hint"), 20) + s(6)
        for programme in PROGRAMMES:
            if programme.scope == "state":
                row = ProgrammeRow(self, programme, r)
                self.rows[programme.id] = row
                y = row.build(y)
        return y

    def _hotspots(self, y: int) -> int:
        """With no state chosen: the most violent states, one click away."""
        s = self.s
        view, scenario = self.session.view, self.session.scenario
        rates = homicide_rates(view, scenario)
        y = self.rule(y + s(6))
        y = self.label(y, self.t("state.hotspots"), "@bold", 24)
        for r in sorted(range(len(rates)), key=lambda i: -rates[i])[:8]:
            label = f"{scenario.map.regions[r].name}  ·  {rates[r]:.0f}"
            self.scene.button(
                (0, y, self.width, s(30)), label, self._pick(r), "@flat", container=self.scroll
            )
            y += s(34)
        return y

    def _pick(self, region: int):
        return lambda: self.scene.select(region, centre=True)

    def _factions(self, y: int) -> int:
        s, t = self.s, self.t
        view = self.session.view
        r = self.region
        here = view.present_in(r)
        y = self.label(y, t("state.factions", n=len(here)), "@bold", 22)
        if not here:
            return dim(self, y, t("state.no_factions"))
        rows = []
        for f in here[:MAX_FACTIONS]:
            local = f.id in self.scene.local_ids
            colour, pattern = faction_look(view, f.id, self.scene.app.settings.colourblind, local)
            name = display_name(f, view, t)
            name = name if local or len(name) <= 22 else short_name(f, view, t)
            rows.append((name, f.members[r], f.low[r], f.high[r], colour, pattern))
        y = self.image(y + s(4), graphs.error_bars(rows, self.width, self.scene.app.scale))
        if len(here) > MAX_FACTIONS:
            y = dim(self, y, t("state.more_factions", n=len(here) - MAX_FACTIONS))
        return self.paragraph(y + s(2), t("state.estimates_note"), 12)

    def _institutions(self, y: int) -> int:
        s, t = self.s, self.t
        view = self.session.view
        r = self.region
        scale = self.scene.app.scale
        y = self.label(y, t("state.institutions"), "@bold", 22)
        for key, value, colour in (
            ("state.police", view.police[r], palette.OKABE_ITO[4]),
            ("state.courts", view.courts[r], palette.OKABE_ITO[2]),
            ("state.interdiction", view.interdiction[r], palette.ACCENT),
        ):
            y = self.image(
                y, graphs.meter(float(value), (self.width, s(22)), colour, t(key), scale)
            )
        return y
