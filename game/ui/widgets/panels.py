"""The side panel's building blocks: a scrolling column of labels, images and programme rows.

A programme row is a budget slider with its cost, expected effect and delay in words (texts from
`game.sim.levers.PROGRAMMES`); moving it proposes an `Allocate` order, which the model validates.
"""

from __future__ import annotations

import pygame
import pygame_gui

from game.sim.levers import Allocate
from game.ui import palette, text
from game.ui.scene import oid


class SidePanel:
    """A scrolling column inside `rect`, filled top to bottom by `fill`."""

    def __init__(self, scene, rect: pygame.Rect):
        self.scene = scene
        self.rect = pygame.Rect(rect)
        self.scroll = None
        self.rows: dict[str, ProgrammeRow] = {}

    @property
    def t(self):
        return self.scene.t

    @property
    def session(self):
        return self.scene.session

    def s(self, v) -> int:
        return self.scene.s(v)

    def build(self) -> None:
        self.kill()
        self.scroll = pygame_gui.elements.UIScrollingContainer(
            self.rect, manager=self.scene.ui, allow_scroll_x=False
        )
        self.width = self.rect.width - self.s(26)
        bottom = self.fill(self.s(10))
        self.scroll.set_scrollable_area_dimensions((self.width, bottom + self.s(16)))
        tidy_scroll(self.scroll)

    def kill(self) -> None:
        if self.scroll is not None:
            self.scroll.kill()
            self.scroll = None
        self.rows.clear()

    def fill(self, y: int) -> int:
        """Create the contents from `y` down; returns the y below the last one."""
        return y

    def ensure_visible(self, element) -> None:
        """Scroll so that a widget reached with the keyboard is in view."""
        scroll_into_view(self.scroll, element, self.s(60))

    def refresh(self) -> None:
        """Update the numbers after an order (rows keep their widgets)."""
        for row in self.rows.values():
            row.refresh()

    # --- helpers --------------------------------------------------------------------------

    def label(self, y, value, cls=None, height=24, x=0, width=None) -> int:
        self.scene.label((x, y, width or self.width, self.s(height)), value, cls, self.scroll)
        return y + self.s(height)

    def image(self, y, surface: pygame.Surface, x=0) -> int:
        pygame_gui.elements.UIImage(
            pygame.Rect((x, y), surface.get_size()),
            surface,
            manager=self.scene.ui,
            container=self.scroll,
        )
        return y + surface.get_height()

    def paragraph(self, y, value, size=13, colour=palette.TEXT_DIM, bold=False) -> int:
        lines = text.wrap(value, self.s(size), self.width - self.s(4), bold)
        line_h = text.font(self.s(size), bold).get_linesize()
        surf = pygame.Surface((self.width, max(1, len(lines) * line_h)), pygame.SRCALPHA)
        text.draw_lines(surf, lines, (0, 0), self.s(size), colour, bold)
        return self.image(y, surf)

    def rule(self, y) -> int:
        surf = pygame.Surface((self.width, 1))
        surf.fill(palette.BORDER)
        return self.image(y + self.s(8), surf) + self.s(8)


def tidy_scroll(scroll) -> None:
    """Hide the scroll bar pygame_gui 0.6 keeps, zero pixels wide, when the contents fit: its
    14-pixel buttons would hang over the right edge of the panel (and of the window)."""
    bar = getattr(scroll, "vert_scroll_bar", None)
    if bar is not None and bar.alive() and bar.get_relative_rect().width == 0:
        bar.hide()


def scroll_into_view(scroll, element, margin: int) -> None:
    """Scroll `scroll` (a UIScrollingContainer) so that `element`, one of its widgets, shows."""
    bar = getattr(scroll, "vert_scroll_bar", None)
    if bar is None or getattr(element, "ui_container", None) is not scroll.scrollable_container:
        return
    total = max(1, scroll.scrollable_container.get_relative_rect().height)
    top = element.get_relative_rect().top
    height = element.get_relative_rect().height
    shown = bar.start_percentage * total
    if top < shown or top + height > shown + scroll.get_relative_rect().height:
        bar.set_scroll_from_start_percentage(max(0.0, (top - margin) / total))


class ProgrammeRow:
    """One budget line: name, amount, slider (0-150% of full funding), effect and delay."""

    def __init__(self, panel: SidePanel, programme, region: int | None):
        self.panel = panel
        self.programme = programme
        self.region = region
        self.full = panel.session.full_cost(programme.id, region)

    def build(self, y: int) -> int:
        p, s, t = self.panel, self.panel.s, self.panel.t
        self.amount = None
        y = p.label(y, t(f"programme.{self.programme.id}.name"), "@bold", 22) + s(2)
        split = int(p.width * 0.5)
        self.slider = p.scene.slider(
            (0, y, split, s(22)), self.percent(), 0, 150, self.moved, p.scroll
        )
        self.amount = p.scene.label(
            (split + s(8), y, p.width - split - s(8), s(22)), "", "@small", p.scroll
        )
        y += s(26)
        y = p.paragraph(y, t(f"programme.{self.programme.id}.effect"), 12)
        y = p.label(
            y + s(2),
            t("programme.delay", delay=t(f"programme.{self.programme.id}.delay")),
            "@small",
            18,
        )
        self.refresh()
        return y + s(10)

    def percent(self) -> int:
        if self.full <= 0:
            return 0
        return int(
            round(self.panel.session.allocation(self.programme.id, self.region) / self.full * 100)
        )

    def moved(self, value):
        """The slider moved: propose the new amount; a refused one puts the slider back."""
        value = int(round(value / 5) * 5)
        order = Allocate(self.programme.id, self.full * value / 100, self.region)
        if self.panel.session.allocation(self.programme.id, self.region) == order.pesos:
            return None
        problems = self.panel.scene.app.issue(order)
        if problems:
            self.slider.set_current_value(self.percent(), warn=False)
        else:
            self.panel.scene.app.tutorial.signal("allocated")
        self.panel.scene.orders_changed()
        return None

    def refresh(self) -> None:
        t = self.panel.t
        pesos = self.panel.session.allocation(self.programme.id, self.region)
        if self.amount is not None:
            self.amount.set_text(
                t(
                    "programme.amount",
                    pesos=t.money(pesos, unit=False),
                    pct=self.percent(),
                    full=t.money(self.full, unit=False),
                )
            )
        if abs(self.slider.get_current_value() - self.percent()) >= 1:
            self.slider.set_current_value(self.percent(), warn=False)


def heading(panel: SidePanel, y: int, value: str) -> int:
    """A section title (wrapped onto more lines when the panel is narrow)."""
    if text.text_width(value, panel.s(19), True) > panel.width - panel.s(6):
        return panel.paragraph(y + panel.s(4), value, 19, palette.TEXT, True) + panel.s(4)
    return panel.label(y, value, "@heading", 30)


def dim(panel: SidePanel, y: int, value: str, height=20) -> int:
    """A line of small print (wrapped onto more lines when the panel is narrow)."""
    if text.text_width(value, panel.s(12)) > panel.width - panel.s(6):
        return panel.paragraph(y, value, 12)
    return panel.label(y, value, "@small", height)


def strong(panel: SidePanel, y: int, value: str, height=22) -> int:
    """A bold line (wrapped onto more lines when the panel is narrow)."""
    if text.text_width(value, panel.s(14), True) > panel.width - panel.s(6):
        return panel.paragraph(y, value, 14, palette.TEXT, True)
    return panel.label(y, value, "@bold", height)


__all__ = [
    "SidePanel",
    "ProgrammeRow",
    "heading",
    "dim",
    "strong",
    "oid",
    "scroll_into_view",
    "tidy_scroll",
]
