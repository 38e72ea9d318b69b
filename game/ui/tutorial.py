"""The guided introduction of a first game: short cards over the first three months.

Each step belongs to one scene and is shown there as a card with "Next" and "Skip". Some steps
also move on by themselves when the player does what they suggest (opens the factions, ends the
month...). Skipping, or reaching the end, marks the introduction done in the settings; the main
menu can start it again.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import palette, text


@dataclass(frozen=True)
class Step:
    id: str
    scene: str  # the scene it is shown in
    turn: int  # shown from this month on (turns played)
    done_when: str | None = None  # a signal that also completes it


STEPS = (
    Step("welcome", "map", 0),
    Step("modes", "map", 0, "mode_changed"),
    Step("select", "map", 0, "selected"),
    Step("budget", "map", 0, "allocated"),
    Step("factions", "map", 0, "opened_factions"),
    Step("org_chart", "factions", 0, "opened_hvt"),
    Step("hvt", "hvt", 0, "closed_hvt"),
    Step("end_turn", "map", 0, "ended_turn"),
    Step("report", "report", 1),
    Step("charts", "map", 1, "opened_charts"),
    Step("charts_read", "charts", 1),
    Step("month3", "map", 2),
    Step("farewell", "map", 2),
)


class Tutorial:
    """Which card to show where; `signal` tells it what the player just did."""

    def __init__(self, app):
        self.app = app
        self.active = False
        self.index = 0

    def start(self, active: bool) -> None:
        self.active = active
        self.index = 0

    @property
    def step(self) -> Step | None:
        if not self.active or self.index >= len(STEPS):
            return None
        return STEPS[self.index]

    def card_for(self, scene: str) -> Step | None:
        step = self.step
        session = self.app.session
        if step is None or session is None or step.scene != scene:
            return None
        return step if session.state.turn >= step.turn else None

    def signal(self, what: str) -> None:
        step = self.step
        if step is not None and step.done_when == what:
            self.next()
        elif what == "ended_turn":  # skip steps left behind in earlier months
            while (
                self.step
                and self.step.turn < self.app.session.state.turn
                and self.step.scene != "report"
            ):
                self.index += 1

    def next(self) -> None:
        self.index += 1
        if self.index >= len(STEPS):
            self.finish()

    def finish(self) -> None:
        self.active = False
        self.app.settings.tutorial_done = True
        self.app.settings.save(self.app.paths.settings_file)


class TutorialCard:
    """Draws the current card of a scene and owns its two buttons."""

    def __init__(self, scene, where: str):
        self.scene = scene
        self.where = where
        self.step_id: str | None = None
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.anchor = None
        self.buttons: list = []

    def sync(self, anchor: pygame.Rect, above: bool = False) -> None:
        """Create or remove the card's buttons when the step changes (call every frame). The card
        hangs from `anchor`'s top-left (or stands on it, `above`), moved into the window if it
        would run off it."""
        step = self.scene.app.tutorial.card_for(self.where)
        sid = step.id if step else None
        if sid == self.step_id and (sid is None or self.anchor == (anchor.topleft, above)):
            return
        self.anchor = (anchor.topleft, above)
        for b in self.buttons:
            b.kill()
        self.buttons = []
        self.step_id = sid
        if step is None:
            return
        s, t = self.scene.s, self.scene.t
        width = s(360)
        lines = text.wrap(t(f"tutorial.{sid}"), s(14), width - s(28))
        height = s(20) + len(lines) * text.font(s(14)).get_linesize() + s(56)
        self.rect = pygame.Rect(anchor.x, anchor.y - (height if above else 0), width, height)
        self.rect.clamp_ip(pygame.Rect((0, 0), self.scene.size))
        bw, bh = s(110), s(30)
        y = self.rect.bottom - bh - s(10)
        self.buttons = [
            self.scene.button(
                (self.rect.right - bw - s(12), y, bw, bh),
                t("tutorial.next"),
                self._next,
                "@primary",
            ),
            self.scene.button(
                (self.rect.right - 2 * bw - s(20), y, bw, bh), t("tutorial.skip"), self._skip
            ),
        ]
        self.lines = lines

    def _next(self):
        self.scene.app.tutorial.next()

    def _skip(self):
        self.scene.app.tutorial.finish()

    def key(self, event) -> bool:
        """T: next card; Ctrl+T: skip the introduction."""
        if self.step_id is None or event.key != pygame.K_t:
            return False
        if event.mod & pygame.KMOD_CTRL:
            self._skip()
        else:
            self._next()
        return True

    def draw(self, surface) -> None:
        if self.step_id is None:
            return
        s, t = self.scene.s, self.scene.t
        pygame.draw.rect(surface, (14, 17, 24), self.rect, border_radius=s(8))
        pygame.draw.rect(surface, palette.ACCENT, self.rect, 2, border_radius=s(8))
        n = [st.id for st in STEPS].index(self.step_id)
        head = t("tutorial.title", n=n + 1, total=len(STEPS))
        surface.blit(
            text.render(head, s(12), palette.ACCENT, True),
            (self.rect.x + s(14), self.rect.y + s(8)),
        )
        text.draw_lines(
            surface, self.lines, (self.rect.x + s(14), self.rect.y + s(28)), s(14), palette.TEXT
        )
