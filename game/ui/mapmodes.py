"""Map modes: what each number key shows, as fills, hatches, overlays, a legend and tooltips.

Every mode reads the planner's view (estimates, not the truth) and the session's pending budget;
nothing here decides anything about the world.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pygame

from game.sim.levers import BY_ID
from game.sim.metrics import regional_rates
from game.ui import palette
from game.ui.maprender import MapStyle
from game.ui.names import display_name

MODES = ("control", "homicides", "capacity", "intel", "routes", "troops")
HOMICIDE_TOP = 100.0  # per 100k a year at the top of the scale
CONTESTED = 0.75  # a rival with this share of the strongest faction's members contests a state
UNSURE_PRESENCE = 150.0  # members: a leader whose likely range starts below this holds nothing sure


@dataclass
class LegendItem:
    label: str
    colour: tuple = (0, 0, 0)
    pattern: str | None = None
    ramp: str | None = None  # a gradient from `label` (low) to `high`
    high: str = ""
    arrow: float = 0.0  # an arrow of this width


@dataclass
class ModeData:
    """A map mode computed for one month: the style, the legend and per-state tooltip lines."""

    style: MapStyle
    legend: list[LegendItem]
    tooltip: list[list[str]] = field(default_factory=list)


def homicide_rates(view, scenario) -> np.ndarray:
    """Homicides per 100k over the last 12 months by state (the model's own measure)."""
    return regional_rates(view.homicide_history, scenario)


@dataclass
class Control:
    """Who the estimates say holds each state, and whether they can tell at all."""

    best: np.ndarray  # [R] index into `live` of the strongest faction, or -1 (nobody known)
    contested: np.ndarray  # [R] a rival is estimated close behind (CONTESTED)
    uncertain: np.ndarray  # [R] the estimates cannot tell who holds it
    live: list


def dominant(view) -> Control:
    """Per state, the faction the estimates make strongest; uncertain where its likely range
    overlaps the runner-up's (its low end does not clear the runner-up's high end) or where even
    its low end is a handful of members (UNSURE_PRESENCE): noise, not a takeover."""
    live = [f for f in view.factions if f.dissolved is None]
    n = len(view.police)
    if not live:
        none = np.zeros(n, bool)
        return Control(np.full(n, -1), none, none, live)
    m = np.array([f.members for f in live])
    cols = np.arange(n)
    order = np.argsort(-m, axis=0)
    first = m[order[0], cols]
    best = np.where(first >= 1.0, order[0], -1)
    leader_low = np.array([f.low for f in live])[order[0], cols]
    if len(live) > 1:
        second = m[order[1], cols]
        runner_high = np.array([f.high for f in live])[order[1], cols]
    else:
        second = runner_high = np.zeros(n)
    unsure = (leader_low <= runner_high) | (leader_low < UNSURE_PRESENCE)
    contested = second >= CONTESTED * np.maximum(first, 1e-9)
    return Control(best, contested & (best >= 0), unsure & (best >= 0), live)


def faction_look(view, fid: str, colourblind: bool, local: bool):
    """(colour, pattern) of a faction: local groups share one look; every other faction has
    its own, never the same swatch as another's (see `looks`)."""
    if local:
        return palette.faction_colour(palette.LOCAL, colourblind), "dots"
    found = looks(view, colourblind).get(fid)
    return found if found is not None else (palette.NO_DATA, "none")


_LOOKS: dict = {}


def looks(view, colourblind: bool) -> dict[str, tuple]:
    """A distinct (colour, pattern) for every faction that is not a local group.

    Each takes its scenario colour and the hatch of its row, or the next free pair: colours
    repeat every 8 in the colour-blind palette, so a hatch must tell them apart. Factions keep
    their look for the game (rows only ever grow) unless there are more than pairs, when only
    the living ones are kept apart."""
    key = (id(view), colourblind)
    if key not in _LOOKS:
        _LOOKS.clear()  # one view at a time: the screens all show the current month
        named = [(i, f) for i, f in enumerate(view.factions) if not f.local]
        n_colours = len(palette.OKABE_ITO) if colourblind else len(palette.FACTIONS) - 1
        if len(named) > n_colours * len(palette.PATTERNS):
            named = [(i, f) for i, f in named if f.dissolved is None]
        _LOOKS[key] = (view, _assign(named, colourblind, n_colours))
    return _LOOKS[key][1]


def _assign(named, colourblind: bool, n_colours: int) -> dict[str, tuple]:
    taken: set[tuple] = set()
    out: dict[str, tuple] = {}
    pairs = n_colours * len(palette.PATTERNS)
    for row, f in named:
        colour_index = f.colour % n_colours if f.colour != palette.LOCAL else row % n_colours
        first = palette.PATTERNS.index(palette.faction_pattern(row))
        for step in range(pairs):
            colour = (colour_index + step // len(palette.PATTERNS)) % n_colours
            pattern = palette.PATTERNS[(first + step) % len(palette.PATTERNS)]
            look = (palette.faction_colour(colour, colourblind), pattern)
            if look not in taken:
                break
        taken.add(look)
        out[f.id] = look
    return out


@dataclass
class ModeContext:
    """What a mode needs: the session, the map geometry and the player's language and palette."""

    session: object
    geometry: object
    t: object
    colourblind: bool
    local_ids: set


def build(mode: str, ctx: ModeContext) -> ModeData:
    """The mode's data for the session's current month."""
    builder = {
        "control": _control,
        "homicides": _homicides,
        "capacity": _capacity,
        "intel": _intel,
        "routes": _routes,
        "troops": _troops,
    }[mode]
    data = builder(ctx)
    s = ctx.session
    data.style.key = (mode, s.state.turn, ctx.colourblind, tuple(map(id, s.pending)), ctx.t.lang)
    return data


def _names(session) -> list[str]:
    return [r.name for r in session.scenario.map.regions]


def _control(ctx: ModeContext) -> ModeData:
    session, t = ctx.session, ctx.t
    view = session.view
    control = dominant(view)
    fills, patterns, seen, tips = [], [], {}, []
    for r, b in enumerate(control.best):
        if b < 0:
            fills.append(palette.NO_DATA)
            patterns.append(None)
            tips.append([t("map.tip.nobody")])
            continue
        f = control.live[b]
        local = f.id in ctx.local_ids
        name = t("legend.local_groups") if local else display_name(f, view, t)
        if control.uncertain[r]:
            fills.append(palette.UNSURE)
            patterns.append(("unsure", palette.UNSURE_INK))
            tips.append(_unsure_tip(view, control, r, name, t))
            continue
        colour, pattern = faction_look(view, f.id, ctx.colourblind, local)
        fills.append(colour)
        patterns.append((pattern, palette.shade(colour, 0.45)))
        seen.setdefault(name, [colour, pattern, 0])[2] += 1
        tip = [t("map.tip.dominant", faction=name, members=f"{f.members[r]:,.0f}")]
        if control.contested[r]:
            tip.append(t("map.tip.contested"))
        tips.append(tip)
    legend = [
        LegendItem(name, colour, pattern)
        for name, (colour, pattern, _) in sorted(seen.items(), key=lambda kv: -kv[1][2])[:8]
    ]
    legend.append(LegendItem(t("legend.uncertain"), palette.UNSURE, "unsure"))
    legend.append(LegendItem(t("legend.contested"), palette.NO_DATA, "contested"))
    overlay = _contested_overlay(ctx.geometry, control.contested & ~control.uncertain)
    return ModeData(MapStyle((), fills, patterns, overlay), legend, tips)


def _unsure_tip(view, control: Control, r: int, name: str, t) -> list[str]:
    """'Uncertain: probably X (≈1,200, likely 500–2,600), but Y could be as strong.'"""
    f = control.live[control.best[r]]
    lines = [t("map.tip.uncertain")]
    lines.append(
        t(
            "map.tip.probably",
            faction=name,
            members=f"{f.members[r]:,.0f}",
            low=f"{f.low[r]:,.0f}",
            high=f"{f.high[r]:,.0f}",
        )  # fmt: skip
    )
    rivals = [g for g in view.present_in(r) if g.id != f.id and g.high[r] >= f.low[r]]
    if rivals:
        lines.append(t("map.tip.could_be", faction=display_name(rivals[0], view, t)))
    return lines


def _contested_overlay(geometry, contested):
    def overlay(surface, to_px):
        for r in np.flatnonzero(contested):
            x, y = to_px(*geometry.regions[r].anchor)
            contested_mark(surface, (x, y + 15))

    return overlay


def contested_mark(surface, centre) -> None:
    """Two crossed blades in a dark disc: rivals fight over this state."""
    x, y = int(centre[0]), int(centre[1])
    pygame.draw.circle(surface, (15, 15, 20), (x, y), 6)
    pygame.draw.circle(surface, (255, 255, 255), (x, y), 6, 1)
    pygame.draw.line(surface, (255, 255, 255), (x - 3, y - 3), (x + 3, y + 3), 2)
    pygame.draw.line(surface, (255, 255, 255), (x + 3, y - 3), (x - 3, y + 3), 2)


def _ramp_mode(values, ramp, scale, tips, legend) -> ModeData:
    fills = [palette.ramp(ramp, scale(v)) if np.isfinite(v) else palette.NO_DATA for v in values]
    return ModeData(MapStyle((), fills), legend, tips)


def _homicides(ctx: ModeContext) -> ModeData:
    session, t = ctx.session, ctx.t
    rates = homicide_rates(session.view, session.scenario)
    tips = [[t("map.tip.rate", rate=f"{x:.1f}")] for x in rates]
    legend = [
        LegendItem("0", ramp="heat", high=f"{HOMICIDE_TOP:.0f}+"),
        LegendItem(t("legend.rate")),
    ]
    return _ramp_mode(rates, "heat", lambda v: (v / HOMICIDE_TOP) ** 0.8, tips, legend)


def _capacity(ctx: ModeContext) -> ModeData:
    session, t = ctx.session, ctx.t
    view = session.view
    cap = (np.asarray(view.police) + np.asarray(view.courts)) / 2
    tips = [
        [t("map.tip.police", value=f"{p:.0%}"), t("map.tip.courts", value=f"{c:.0%}")]
        for p, c in zip(view.police, view.courts, strict=True)
    ]
    legend = [LegendItem(t("legend.weak"), ramp="capacity", high=t("legend.strong"))]
    legend.append(LegendItem(t("legend.capacity")))
    return _ramp_mode(cap, "capacity", lambda v: v, tips, legend)


def intel_coverage(view) -> np.ndarray:
    """Intelligence on the factions present in each state, weighted by their estimated size."""
    live = [f for f in view.factions if f.dissolved is None]
    if not live:
        return np.full(len(view.police), np.nan)
    m = np.array([f.members for f in live])
    intel = np.array([f.intel for f in live])
    total = m.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, (m * intel[:, None]).sum(axis=0) / total, np.nan)


def _intel(ctx: ModeContext) -> ModeData:
    session, t = ctx.session, ctx.t
    cover = intel_coverage(session.view)
    tips = [[t("map.tip.intel", value=f"{c:.0%}" if np.isfinite(c) else "—")] for c in cover]
    legend = [LegendItem(t("legend.blind"), ramp="intel", high=t("legend.exposed"))]
    legend.append(LegendItem(t("legend.intel")))
    return _ramp_mode(cover, "intel", lambda v: v, tips, legend)


def _troops(ctx: ModeContext) -> ModeData:
    session, t = ctx.session, ctx.t
    pops = session.scenario.map.populations()
    effort = np.array(
        [session.allocation("troops", r) / session.full_cost("troops", r) for r in range(len(pops))]
    )
    state_lines = [p.id for p in BY_ID.values() if p.scope == "state"]
    spent = [sum(session.allocation(p, r) for p in state_lines) for r in range(len(pops))]
    tips = [
        [t("map.tip.troops", value=f"{e:.0%}"), t("map.tip.spent", value=t.money(s))]
        for e, s in zip(effort, spent, strict=True)
    ]
    legend = [LegendItem("0%", ramp="troops", high="150%"), LegendItem(t("legend.troops"))]
    return _ramp_mode(effort, "troops", lambda v: v / 1.5, tips, legend)


def next_hops(session) -> list[int | None]:
    """For each state, the neighbour its drugs go to on the way north: the model's own routes
    (`PlayerView.route_next`, -1 at a crossing), shown only where drugs flow."""
    view = session.view
    flow = np.asarray(view.drug_flow)
    return [int(nxt) if nxt >= 0 and flow[i] > 0 else None for i, nxt in enumerate(view.route_next)]


def _routes(ctx: ModeContext) -> ModeData:
    session, t = ctx.session, ctx.t
    flow = np.asarray(session.view.drug_flow, dtype=float)
    top = max(float(flow.max()), 1e-9)
    tips = [[t("map.tip.flow", value=f"{x:.1f}")] for x in flow]
    legend = [
        LegendItem(t("legend.flow_low"), ramp="flow", high=t("legend.flow_high")),
        LegendItem(
            t("legend.arrow", value=f"{top:.0f}") if flow.max() > 0 else t("legend.no_flow"),
            arrow=8,
        ),
        LegendItem(t("legend.crossing"), colour=palette.ACCENT, pattern="crossing"),
        LegendItem(t("legend.port"), colour=palette.LINK, pattern="port"),
    ]
    data = _ramp_mode(flow / top, "flow", lambda v: v**0.7, tips, legend)
    data.style.overlay = _route_overlay(ctx, flow, top)
    return data


def _route_overlay(ctx, flow, top):
    session, geometry = ctx.session, ctx.geometry
    regions = session.scenario.map.regions
    hops = next_hops(session)

    def overlay(surface, to_px):
        for i, j in enumerate(hops):
            if j is not None:
                width = 2 + 9 * (flow[i] / top) ** 0.7
                start = to_px(*geometry.regions[i].anchor)
                arrow(surface, start, to_px(*geometry.regions[j].anchor), width)
        for i, spec in enumerate(regions):
            a = to_px(*geometry.regions[i].anchor)
            if spec.crossings:
                top_y = to_px(0, geometry.regions[i].bbox[1])[1] - 16
                arrow(surface, a, (a[0], top_y), 2 + 9 * (flow[i] / top) ** 0.7)
                pygame.draw.rect(surface, palette.ACCENT, (a[0] - 5, a[1] - 5, 10, 10))
            if spec.seaports:
                pygame.draw.circle(surface, palette.LINK, (int(a[0]) + 12, int(a[1])), 5)
                pygame.draw.circle(surface, (10, 10, 10), (int(a[0]) + 12, int(a[1])), 5, 1)

    return overlay


def arrow(surface, start, end, width: float, colour=palette.ACCENT) -> None:
    """A thick arrow from `start` to `end` (stopping short so heads do not overlap labels)."""
    sx, sy = start
    ex, ey = end
    dx, dy = ex - sx, ey - sy
    length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    ux, uy = dx / length, dy / length
    sx, sy = sx + ux * 8, sy + uy * 8
    ex, ey = ex - ux * 10, ey - uy * 10
    head = max(8.0, width * 2.2)
    bx, by = ex - ux * head, ey - uy * head
    w = max(1, int(width))
    pygame.draw.line(surface, (20, 12, 30), (sx, sy), (bx, by), w + 2)
    pygame.draw.line(surface, colour, (sx, sy), (bx, by), w)
    px, py = -uy * head * 0.6, ux * head * 0.6
    pts = [(ex, ey), (bx + px, by + py), (bx - px, by - py)]
    pygame.draw.polygon(surface, colour, pts)
    pygame.draw.polygon(surface, (20, 12, 30), pts, 1)
