"""Team play on one machine: choose the scenario and the number of teams, hand the keyboard over
between teams (the previous team's map hidden), and rank the teams at the end (the class table)."""

from __future__ import annotations

import pygame

from game.ui import dates, palette, text
from game.ui.commands import random_seed
from game.ui.match import TEAMS
from game.ui.paths import LEVELS
from game.ui.scene import Call, Pop, Push, Reset, Scene
from game.ui.scenes.newgame import playable_levels, seed_entry, seed_of

PREFERRED = LEVELS / "classroom_24.yaml"  # a lesson's length


def team_names(t, n: int) -> list[str]:
    return [t("teams.team", n=k + 1) for k in range(n)]


SHORT_TERM = 12  # months of the shorter format (a single lesson)
TURN_MINUTES = 0.5  # about 30 seconds a team and a month, hand-over included


def play_minutes(teams: int, months: int) -> int:
    """How long a hot-seat match takes at about 30 s a turn: 4 teams x 24 months = 48 minutes."""
    return int(round(teams * months * TURN_MINUTES))


class TeamSetup(Scene):
    """Scenario, number of teams, length (the scenario's full term or a short one) and seed."""

    name = "team_setup"

    def __init__(self, app):
        super().__init__(app)
        self.levels = playable_levels()
        self.level = next((i for i, lv in enumerate(self.levels) if lv.path == PREFERRED), 0)
        self.teams = 3
        self.short = False
        self.seed_text = str(random_seed() % 100_000)  # short enough to write on the board

    @property
    def months(self) -> int:
        full = int(self.levels[self.level].raw.get("turns", 24)) if self.levels else 24
        return min(full, SHORT_TERM) if self.short else full

    def build(self) -> None:
        w, h = self.size
        s, t = self.s, self.t
        self.label((s(40), s(12), w - s(80), s(56)), t("teams.title"), "@title")
        self.label((s(40), s(66), w - s(80), s(28)), t("teams.subtitle"), "@dim")
        col = (w - s(120)) // 2
        x1, x2, y = s(40), s(80) + col, s(110)
        self.label((x1, y, col, s(30)), t("lab.scenario"), "@bold")
        for i, level in enumerate(self.levels):
            name = text.fit(t.scenario_text(level.raw, "name"), s(15), col - s(24))
            cls = "@menu_on" if i == self.level else "@menu"
            self.button((x1, y + s(36) + i * s(48), col, s(42)), name, self._pick(i), cls)
        self._options(x2, y, col)
        by = h - s(76)
        self.button((s(40), by, s(180), s(48)), t("common.back"), lambda: Pop())
        self.button((w - s(280), by, s(240), s(48)), t("teams.start"), self._start, "@primary")
        self.focus.enter_activates = False

    def _options(self, x: int, y: int, col: int) -> None:
        """Number of teams, length of the match and the seed, in the right-hand column."""
        s, t = self.s, self.t
        self.label((x, y, col, s(30)), t("teams.count"), "@bold")
        for k, n in enumerate(range(TEAMS[0], TEAMS[1] + 1)):
            cls = "@tab_on" if n == self.teams else "@tab"
            self.button((x + k * s(64), y + s(36), s(56), s(42)), str(n), self._count(n), cls)
        y += s(92)
        self.label((x, y, col, s(30)), t("teams.length"), "@bold")
        full = int(self.levels[self.level].raw.get("turns", 24)) if self.levels else 24
        for k, short in enumerate((False, True)):
            months = min(full, SHORT_TERM) if short else full
            label = t("teams.short" if short else "teams.full", n=months)
            cls = "@tab_on" if short == self.short else "@tab"
            rect = (x + k * (col // 2), y + s(36), col // 2 - s(8), s(42))
            self.button(rect, label, self._length(short), cls)
        y += s(92)
        self.label((x, y, s(190), s(34)), t("seed.label"), "@bold")
        self.seed = seed_entry(self, (x + s(190), y, s(160), s(34)), self.seed_text)
        self.how_top = y + s(50)

    def release(self) -> None:
        if getattr(self, "seed", None) is not None and self.seed.alive():
            self.seed_text = self.seed.get_text()
        super().release()

    def _pick(self, i):
        def pick():
            self.level = i
            self.rebuild()

        return pick

    def _count(self, n):
        def count():
            self.teams = n
            self.rebuild()

        return count

    def _length(self, short: bool):
        def choose():
            self.short = short
            self.rebuild()

        return choose

    def _start(self):
        if not self.levels:
            return None
        seed = seed_of(self.seed)
        if seed is None:  # the field was emptied: a new world, shown on the hand-over screen
            seed = random_seed()
        level = self.levels[self.level].path
        return Call(self.app.start_match, (level, self.teams, seed, self.months))

    def key(self, event):
        if event.key == pygame.K_ESCAPE:
            return Pop()
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self._start()
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            step = -1 if event.key == pygame.K_LEFT else 1
            self._count(min(TEAMS[1], max(TEAMS[0], self.teams + step)))()
        return None

    def draw_front(self, surface) -> None:
        s, t = self.s, self.t
        x = self.size[0] // 2 + s(20)
        r = pygame.Rect(x, self.how_top, self.size[0] // 2 - s(60), self.size[1] - s(90))
        minutes = play_minutes(self.teams, self.months)
        plan = t("teams.time", teams=self.teams, months=self.months, minutes=minutes)
        y = text.draw_wrapped(surface, plan, r, s(15), palette.ACCENT)
        r.y = y + s(8)
        text.draw_wrapped(surface, t("teams.how"), r, s(14), palette.TEXT_DIM)

    def shortcuts(self):
        return [("← →", "help.teams.count"), ("Enter", "help.teams.start"), ("Esc", "help.back")]


class HandOver(Scene):
    """A blank screen between teams, so the next team never sees the previous team's map."""

    name = "handover"

    def build(self) -> None:
        w, h = self.size
        s = self.s
        self.button((w // 2 - s(150), int(h * 0.62), s(300), s(52)), self.t("teams.ready"),
                    self._ready, "@primary")  # fmt: skip

    def _ready(self):
        from game.ui.scenes.map_screen import MapScreen

        return Reset(MapScreen(self.app))

    def key(self, event):
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self._ready()
        return None

    def draw_back(self, surface) -> None:
        surface.fill(palette.BG)
        match, s, t = self.app.match, self.s, self.t
        w, h = surface.get_size()
        if match is None:
            return
        team = t("teams.team", n=match.current + 1)
        title = text.render(t("teams.handover", team=team), s(40), palette.ACCENT, True)
        surface.blit(title, title.get_rect(center=(w // 2, int(h * 0.36))))
        line = text.render(dates.label(t, dates.months(match.session)), s(20), palette.TEXT)
        surface.blit(line, line.get_rect(center=(w // 2, int(h * 0.36) + s(56))))
        hint = text.render(t("teams.hidden"), s(15), palette.TEXT_DIM)
        surface.blit(hint, hint.get_rect(center=(w // 2, int(h * 0.36) + s(96))))
        seed = text.render(t("gamemenu.seed", seed=match.seed), s(14), palette.TEXT_DIM)
        surface.blit(seed, seed.get_rect(center=(w // 2, int(h * 0.62) + s(90))))

    def shortcuts(self):
        return [("Enter", "help.teams.ready")]


class ClassTable(Scene):
    """The teams ranked on the model's evaluation against doing nothing in the same world, with
    the compare charts one key away."""

    name = "class_table"

    def __init__(self, app):
        super().__init__(app)
        self.quo = app.status_quo()

    def build(self) -> None:
        w, h = self.size
        s, t = self.s, self.t
        self.label((s(40), s(12), w - s(80), s(56)), t("teams.table"), "@title")
        by = h - s(76)
        self.button((s(40), by, s(260), s(48)), t("teams.menu"), self._menu)
        self.button((w - s(340), by, s(300), s(48)), t("teams.compare"), self._compare,
                    "@primary")  # fmt: skip
        self.focus.enter_activates = False

    def _menu(self):
        from game.ui.scenes.menu import MainMenu

        return Reset(MainMenu(self.app))

    def _compare(self):
        from game.ui.scenes.lab_results import LabResults

        match = self.app.match
        if match is None:
            return None
        names = team_names(self.t, len(match.sessions))
        scenario = self.t.scenario_text(match.sessions[0].scenario.raw, "name")
        intro = self.t("teams.intro", n=len(names), scenario=scenario, seed=match.seed)
        turns = max(s.state.turn for s in match.sessions)
        rows = match.rows(names, self._baseline(), self.t("teams.quo"))
        return Push(LabResults(self.app, rows, turns, self.t("teams.compare_title"), intro,
                               kind="compare"))  # fmt: skip

    def _baseline(self):
        return self.quo.rows if self.quo is not None and not self.quo.running else None

    def key(self, event):
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_c):
            return self._compare()
        if event.key == pygame.K_ESCAPE:
            return self._menu()
        return None

    def draw_back(self, surface) -> None:
        surface.fill(palette.BG)
        match, s, t = self.app.match, self.s, self.t
        if match is None:
            return
        w = surface.get_width()
        table = pygame.Rect(s(40), s(90), w - s(80), s(40))
        if self.quo is not None and self.quo.running:
            busy = t("end.quo_busy", pct=f"{self.quo.fraction:.0%}")
            text.draw_wrapped(surface, busy, table, s(16), palette.TEXT_DIM)
            return
        self._draw_table(surface, table, match)
        note = pygame.Rect(s(40), table.bottom + (len(match.sessions) + 1) * s(46),
                           w - s(80), s(60))  # fmt: skip
        text.draw_wrapped(surface, t("teams.table_note"), note, s(14), palette.TEXT_DIM)

    def _draw_table(self, surface, table: pygame.Rect, match) -> None:
        s, t = self.s, self.t
        columns = (
            (t("teams.col.rank"), 0.0),
            (t("teams.col.team"), 0.06),
            (t("teams.col.grade"), 0.24),
            (t("teams.col.score"), 0.33),
            (t("end.rate"), 0.45),
            (t("end.groups"), 0.68),
            (t("end.members"), 0.84),
        )
        pygame.draw.rect(surface, palette.PANEL, table, border_radius=s(6))
        widths = [int((b - a) * table.width) - s(12) for (_, a), (_, b) in
                  zip(columns, [*columns[1:], ("", 1.0)], strict=True)]  # fmt: skip
        for (label, at), room in zip(columns, widths, strict=True):
            cell = text.render(text.fit(label, s(15), room, True), s(15), palette.TEXT_DIM, True)
            surface.blit(cell, (table.x + s(16) + int(at * table.width), table.y + s(10)))
        for row_no, (rank, k, evaluation) in enumerate(match.ranking(self._baseline()), start=1):
            row = table.move(0, row_no * s(46))
            colour = palette.PANEL if row_no % 2 else palette.PANEL_DARK
            pygame.draw.rect(surface, colour, row, border_radius=s(6))
            start, end = match.sessions[k].game.national[0], match.sessions[k].game.national[-1]
            cells = [
                str(rank),
                t("teams.team", n=k + 1),
                evaluation.grade,
                t("end.score", score=f"{evaluation.score:.0f}"),
                f"{start['homicides_per_100k']:.1f} → {end['homicides_per_100k']:.1f}",
                f"{start['armed_groups']:.0f} → {end['armed_groups']:.0f}",
                f"{end['members']:,.0f}",
            ]
            ink = palette.ACCENT if rank == 1 else palette.TEXT
            for (_, at), value, room in zip(columns, cells, widths, strict=True):
                cell = text.render(text.fit(value, s(17), room, rank == 1), s(17), ink, rank == 1)
                surface.blit(cell, (row.x + s(16) + int(at * row.width), row.y + s(10)))

    def shortcuts(self):
        return [("Enter / C", "help.teams.compare"), ("Esc", "help.teams.menu")]
