"""The top bar: month, budget left, approval, US pressure and the homicide rate with its trend.

Approval and US pressure appear when the model reports them (a dash until then).
"""

from __future__ import annotations

import pygame

from game.ui import dates, palette, text


def trend(national: list[dict], key: str = "homicides_per_100k") -> float:
    """Change of a national metric over the last month (0 when there is no history)."""
    if len(national) < 2:
        return 0.0
    return float(national[-1].get(key, 0.0)) - float(national[-2].get(key, 0.0))


def cards(session, t) -> list[tuple[str, str, float | None]]:
    """(caption, value, trend or None) for each card, left to right."""
    view = session.view
    n = view.national
    when = dates.months(session)
    if when.over:
        month = (t("top.over", n=when.number, total=when.total), t.month(when.played))
    else:
        month = (t("top.month_of", n=when.number, total=when.total), t.month(when.planning))
    left = session.budget_left()
    out = [
        (*month, None),
        (t("top.budget_left"), t.money(left), None),
        (t("top.homicides"), f"{n.get('homicides_per_100k', 0):.1f}", trend(session.game.national)),
    ]
    for key, caption in (("approval", "top.approval"), ("us_pressure", "top.us_pressure")):
        value = n.get(key)
        shown = "—" if value is None else points(float(value))
        out.append(
            (t(caption), shown, None if value is None else trend(session.game.national, key))
        )
    return out


def points(value: float) -> str:
    """A 0-100 political score (or a 0-1 share) as a whole number out of 100."""
    return f"{value * 100 if 0 < value <= 1 else value:.0f}/100"


LOGO_W = 92  # room for the logo, before the cards


def card_widths(session, t, scale: float) -> list[int]:
    def s(v):
        return int(round(v * scale))

    out = []
    for caption, value, change in cards(session, t):
        extra = s(18) if change is not None else 0
        out.append(
            max(text.text_width(caption, s(11)), text.text_width(value, s(16), True) + extra)
        )
    return out


def fits_one_row(session, t, scale: float, right_edge: int) -> bool:
    """Whether the cards fit between the logo and the buttons (else they get their own row)."""
    gap = int(round(26 * scale))
    needed = int(round((14 + LOGO_W) * scale)) + sum(
        w + gap for w in card_widths(session, t, scale)
    )
    return needed <= right_edge - int(round(8 * scale))


def draw(surface, rect: pygame.Rect, session, t, scale: float, right_edge: int) -> None:
    """The bar with the logo; the cards follow it, or sit on a second row when the bar is tall."""

    def s(v):
        return int(round(v * scale))

    pygame.draw.rect(surface, palette.PANEL_DARK, rect)
    pygame.draw.line(surface, palette.BORDER, rect.bottomleft, rect.bottomright)
    surface.blit(
        text.render("HYDRA", s(20), palette.ACCENT, True), (rect.x + s(14), rect.y + s(12))
    )
    two_rows = rect.height > s(60)
    x = rect.x + s(14) if two_rows else rect.x + s(14 + LOGO_W)
    y = rect.y + s(52) if two_rows else rect.y
    for (caption, value, change), w in zip(
        cards(session, t), card_widths(session, t, scale), strict=True
    ):
        surface.blit(text.render(caption, s(11), palette.TEXT_DIM), (x, y + s(6)))
        val = text.render(value, s(16), palette.TEXT, True)
        surface.blit(val, (x, y + s(21)))
        if change is not None and abs(change) >= 0.05:
            good = (change < 0) == (caption != t("top.approval"))
            _arrow(surface, (x + val.get_width() + s(10), y + s(32)), change > 0, good, scale)
        x += w + s(26)
        pygame.draw.line(surface, palette.BORDER, (x - s(13), y + s(8)), (x - s(13), y + s(44)))


def _arrow(surface, centre, up: bool, good: bool, scale: float) -> None:
    """A small triangle pointing up or down; blue when the change is good, vermillion if bad."""
    x, y = centre
    d = 6 * scale
    colour = palette.OKABE_ITO[1] if good else palette.BAD
    pts = (
        [(x - d, y + d / 2), (x + d, y + d / 2), (x, y - d)]
        if up
        else [(x - d, y - d / 2), (x + d, y - d / 2), (x, y + d)]
    )
    pygame.draw.polygon(surface, colour, pts)
