"""Drawing a faction: its org chart, what the state knows of it, and its family of splinters."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import palette, text
from game.ui.mapmodes import faction_look
from game.ui.names import display_name, record, short_name
from game.ui.widgets.graphs import meter


@dataclass
class Ctx:
    surface: pygame.Surface
    s: object
    t: object
    session: object
    hits: list


def person_box(ctx: Ctx, rect, name, role, where, chosen: bool, colour) -> None:
    s, surf = ctx.s, ctx.surface
    pygame.draw.rect(surf, palette.PANEL_DARK, rect, border_radius=6)
    pygame.draw.rect(
        surf, palette.HOVER if chosen else colour, rect, 3 if chosen else 2, border_radius=6
    )
    surf.blit(text.render(role, s(11), colour), (rect.x + s(8), rect.y + s(5)))
    label = text.fit(name, s(13), rect.width - s(14), True)
    surf.blit(text.render(label, s(13), palette.TEXT, True), (rect.x + s(8), rect.y + s(21)))
    surf.blit(
        text.render(text.fit(where, s(11), rect.width - s(14)), s(11), palette.TEXT_DIM),
        (rect.x + s(8), rect.y + s(40)),
    )


def draw_chart(ctx: Ctx, area: pygame.Rect, faction, people, chosen: int, colour) -> None:
    """Leader on top, lieutenants below (in rows), lines between; clarity under the leader."""
    s, t, surf = ctx.s, ctx.t, ctx.surface
    full = display_name(faction, ctx.session.view, t)
    name = text.fit(full, s(18), area.width - s(24), True)
    surf.blit(text.render(name, s(18), palette.TEXT, True), (area.x + s(12), area.y + s(10)))
    if faction.dissolved is not None:
        msg = t("factions.dissolved", month=faction.dissolved)
        surf.blit(text.render(msg, s(14), palette.TEXT_DIM), (area.x + s(12), area.y + s(44)))
        return
    regions = ctx.session.scenario.map.regions

    def where(region):
        return regions[region].name if region is not None else t("factions.unknown_location")

    bw, bh = min(s(220), max(s(160), (area.width - s(40)) // 3 - s(10))), s(58)
    top = area.y + s(46)
    leader_rect = pygame.Rect(0, top, bw, bh)
    leader_rect.centerx = area.centerx
    lts = [p for p in people if not p.leader]
    has_leader = bool(people) and people[0].leader
    if has_leader:
        person_box(
            ctx,
            leader_rect,
            people[0].name,
            t("factions.leader"),
            where(people[0].region),
            chosen == 0,
            colour,
        )
        ctx.hits.append((leader_rect, "person", 0))
    else:
        pygame.draw.rect(surf, palette.PANEL_DARK, leader_rect, border_radius=6)
        pygame.draw.rect(surf, palette.BAD, leader_rect, 2, border_radius=6)
        lines = text.wrap(t("factions.no_leader"), s(13), leader_rect.width - s(20), True)[:2]
        step = text.font(s(13), True).get_linesize()
        top = leader_rect.centery - step * len(lines) // 2
        text.draw_lines(surf, lines, (leader_rect.x + s(10), top), s(13), palette.BAD, True)
    width = min(area.width - s(24), s(420))
    clar = meter(
        faction.succession_clarity,
        (width, s(22)),
        palette.OKABE_ITO[1],
        t("factions.clarity"),
        s(100) / 100,
    )
    surf.blit(clar, (area.centerx - width // 2, leader_rect.bottom + s(6)))
    per_row = max(1, (area.width - s(20)) // (bw + s(10)))
    y0 = leader_rect.bottom + s(44)
    offset = 1 if has_leader else 0
    for k, person in enumerate(lts):
        row, col = divmod(k, per_row)
        n_in_row = min(per_row, len(lts) - row * per_row)
        x0 = area.centerx - (n_in_row * (bw + s(10)) - s(10)) // 2
        rect = pygame.Rect(x0 + col * (bw + s(10)), y0 + row * (bh + s(14)), bw, bh)
        if rect.bottom > area.bottom - s(56):
            more = t("factions.more_lieutenants", n=len(lts) - k)
            surf.blit(
                text.render(more, s(12), palette.TEXT_DIM), (area.x + s(12), area.bottom - s(80))
            )
            break
        if row == 0:
            pygame.draw.line(
                surf,
                palette.BORDER,
                (leader_rect.centerx, leader_rect.bottom + s(30)),
                (rect.centerx, rect.y),
                2,
            )
        person_box(
            ctx,
            rect,
            person.name,
            t("factions.lieutenant"),
            where(person.region),
            chosen == k + offset,
            colour,
        )
        ctx.hits.append((rect, "person", k + offset))


def draw_knowledge(ctx: Ctx, area: pygame.Rect, faction) -> None:
    """Intelligence, estimated size with its error bar, where it is strongest, its origin."""
    s, t, surf = ctx.s, ctx.t, ctx.surface
    regions = ctx.session.scenario.map.regions
    x, y = area.x + s(12), area.y + s(10)
    surf.blit(text.render(t("factions.knows"), s(15), palette.TEXT, True), (x, y))
    y += s(30)
    surf.blit(
        meter(
            faction.intel,
            (area.width - s(24), s(22)),
            palette.OKABE_ITO[6],
            t("factions.intel"),
            s(100) / 100,
        ),
        (x, y),
    )
    y += s(28)
    lines = [
        t(
            "factions.members",
            est=f"{faction.total:,.0f}",
            low=f"{faction.total_low:,.0f}",
            high=f"{faction.total_high:,.0f}",
        ),
    ]
    if faction.leader:
        located = faction.leader.region is not None
        lines.append(
            t("factions.leader_at", place=regions[faction.leader.region].name)
            if located
            else t("factions.leader_hidden")
        )
    if faction.parent:
        parent = record(ctx.session.view, faction.parent)  # split parents are archived
        lines.append(
            t(
                "factions.split_from",
                parent=short_name(parent, ctx.session.view, t) if parent else faction.parent,
                month=faction.founded,
            )
        )
    for line in lines:
        y = text.draw_wrapped(
            surf, line, pygame.Rect(x, y, area.width - s(24), s(60)), s(13), palette.TEXT
        ) + s(4)
    y += s(6)
    surf.blit(text.render(t("factions.strongest_in"), s(13), palette.TEXT_DIM, True), (x, y))
    y += s(22)
    top = sorted(range(len(regions)), key=lambda r: -faction.members[r])[:6]
    for r in top:
        if faction.members[r] < 1 or y > area.bottom - s(20):
            break
        surf.blit(text.render(regions[r].name, s(13), palette.TEXT), (x + s(8), y))
        est = text.render(f"≈{faction.members[r]:,.0f}", s(13), palette.TEXT_DIM)
        surf.blit(est, (area.right - est.get_width() - s(12), y))
        y += s(20)


def family(view, faction) -> tuple[object, dict]:
    """The root ancestor of `faction` and the children of every faction in its family, the
    dissolved ones (a split parent) included."""
    everyone = [*getattr(view, "archive", ()), *view.factions]
    by_id = {f.id: f for f in everyone}
    root = faction
    while root.parent and root.parent in by_id:
        root = by_id[root.parent]
    children: dict[str, list] = {}
    for f in everyone:
        if f.parent:
            children.setdefault(f.parent, []).append(f)
    return root, children


def draw_tree(ctx: Ctx, area: pygame.Rect, view, faction, local_ids, colourblind: bool) -> None:
    """The splinter family tree: each generation one row down, the chosen faction outlined."""
    s, t, surf = ctx.s, ctx.t, ctx.surface
    surf.blit(
        text.render(t("factions.family"), s(15), palette.TEXT, True),
        (area.x + s(12), area.y + s(8)),
    )
    root, children = family(view, faction)
    levels: list[list] = [[root]]
    while len(levels) < 4:
        nxt = [c for f in levels[-1] for c in children.get(f.id, [])]
        if not nxt:
            break
        levels.append(nxt)
    if len(levels) == 1:
        msg = t("factions.no_splits")
        surf.blit(text.render(msg, s(13), palette.TEXT_DIM), (area.x + s(12), area.y + s(40)))
    row_h = max(s(40), (area.height - s(40)) // max(1, len(levels)))
    centres: dict[str, tuple[int, int]] = {}
    for depth, row in enumerate(levels):
        bw = min(s(150), (area.width - s(20)) // max(1, len(row)) - s(8))
        y = area.y + s(36) + depth * row_h
        for k, f in enumerate(row):
            x = (
                area.x
                + s(10)
                + k * (bw + s(8))
                + (area.width - s(20) - len(row) * (bw + s(8))) // 2
            )
            rect = pygame.Rect(x, y, bw, s(30))
            gone = f.dissolved is not None
            colour, _ = faction_look(view, f.id, colourblind, f.id in local_ids)
            if f.parent in centres:
                px, py = centres[f.parent]
                pygame.draw.line(surf, palette.BORDER, (px, py), rect.midtop, 2)
            pygame.draw.rect(surf, palette.PANEL_DARK, rect, border_radius=4)
            edge = palette.HOVER if f.id == faction.id else (palette.NO_DATA if gone else colour)
            pygame.draw.rect(surf, edge, rect, 2 if f.id != faction.id else 3, border_radius=4)
            label = text.fit(short_name(f, view, t), s(12), bw - s(10), True)
            surf.blit(
                text.render(label, s(12), palette.TEXT_DIM if gone else palette.TEXT, True),
                (rect.x + s(6), rect.y + s(7)),
            )
            centres[f.id] = rect.midbottom
            ctx.hits.append((rect, "tree", f.id))
