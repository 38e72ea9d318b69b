"""The charts screen: national series since the start, with the months a leader fell marked."""

from __future__ import annotations

import pygame

from game.ui import palette
from game.ui.scene import Pop, Scene
from game.ui.tutorial import TutorialCard
from game.ui.widgets.graphs import line_chart

SERIES = (
    ("homicides", "charts.homicides", "{:,.0f}", palette.BAD),
    ("homicides_per_100k", "charts.rate", "{:,.0f}", palette.OKABE_ITO[5]),
    ("members", "charts.members", "{:,.0f}", palette.OKABE_ITO[6]),
    ("armed_groups", "charts.groups", "{:,.0f}", palette.OKABE_ITO[1]),
    ("drug_flow", "charts.drugs", "{:,.0f}", palette.OKABE_ITO[3]),
    ("approval", "charts.approval", "{:,.0f}", palette.OKABE_ITO[2]),
    ("us_pressure", "charts.us_pressure", "{:,.0f}", palette.OKABE_ITO[4]),
    ("leaders_removed", "charts.removed", "{:,.0f}", palette.OKABE_ITO[0]),
)


def series(session, name: str) -> list:
    """One national series since the start (None where the model does not report it)."""
    national = session.game.national
    if name == "drug_flow" and not any("drug_flow" in row for row in national):
        flows = session.history.drug_flow
        values = [flows[i] if i < len(flows) else None for i in range(len(national))]
    else:
        values = [row.get(name) for row in national]
    if name == "drug_flow" and values and not values[0]:
        values[0] = None  # flows are only known once a month has been played
    return values


def short_name(name: str) -> str:
    """The alias in quotes when there is one ('... "El 03"' -> 'El 03'), else the name."""
    if name.count('"') >= 2:
        return name.split('"')[1]
    return name if len(name) <= 16 else name[:15] + "…"


def leader_marks(session) -> list[tuple[int, str]]:
    """(turn, short label) for every leader removed (the decapitations on the timeline)."""
    marks = []
    for m in session.history.moments:
        if m.get("kind") == "leader_removed":
            marks.append(
                (int(m.get("turn", 0)), short_name(str(m.get("data", {}).get("name", ""))))
            )
    return marks


def draw_grid(surface, area: pygame.Rect, session, t, scale: float, names=None, cols=4) -> None:
    """Draw the charts named in `names` (default: all) in a grid filling `area`."""
    chosen = [sp for sp in SERIES if names is None or sp[0] in names]
    rows = (len(chosen) + cols - 1) // cols
    gap = int(12 * scale)
    cw = (area.width - gap * (cols - 1)) // cols
    ch = (area.height - gap * (rows - 1)) // max(1, rows)
    dates = [t("charts.start")] + [
        t.month(row.get("date", "")) for row in session.game.national[1:]
    ]
    marks = leader_marks(session)
    for k, (name, key, fmt, colour) in enumerate(chosen):
        r, c = divmod(k, cols)
        rect = pygame.Rect(area.x + c * (cw + gap), area.y + r * (ch + gap), cw, ch)
        values = series(session, name)
        if all(v is None for v in values):
            values = []
        line_chart(
            surface,
            rect,
            values,
            t(key),
            colour,
            dates,
            marks if values else (),
            scale,
            fmt,
            t("charts.absent"),
        )


class ChartsScene(Scene):
    name = "charts"

    def __init__(self, app):
        super().__init__(app)
        self.card = TutorialCard(self, "charts")

    def build(self) -> None:
        w, h = self.size
        s, t = self.s, self.t
        self.label((s(24), s(14), w - s(200), s(40)), t("charts.title"), "@heading")
        self.button((w - s(150), s(12), s(130), s(36)), t("common.back"), lambda: Pop())
        self.area = pygame.Rect(s(20), s(64), w - s(40), h - s(110))
        self.card.step_id = None

    def key(self, event):
        if self.card.key(event):
            return None
        if event.key in (pygame.K_ESCAPE, pygame.K_c, pygame.K_RETURN):
            return Pop()
        return None

    def update(self, dt):
        self.card.sync(pygame.Rect(self.size[0] - self.s(390), self.size[1] - self.s(220), 0, 0))
        return super().update(dt)

    def draw_back(self, surface) -> None:
        surface.fill(palette.BG)
        draw_grid(surface, self.area, self.session, self.t, self.app.scale)
        note = self.t("charts.note")
        from game.ui import text

        surface.blit(
            text.render(note, self.s(12), palette.TEXT_DIM), (self.s(24), self.size[1] - self.s(36))
        )

    def draw_front(self, surface) -> None:
        self.card.draw(surface)

    def shortcuts(self):
        return [("Esc / C", "help.back")]
