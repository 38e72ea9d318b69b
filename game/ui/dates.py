"""The calendar every screen shows: the month being planned and the month just played.

A game's turn counts the months played. Turn 0 is the state before play (dated by the model the
month before the scenario starts); the first month planned is the scenario's start month. Every
screen — the top bar, the hand-over, the window title, save names and the load list — asks
`months` so they never disagree by one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DATE = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Months:
    """Where a game stands in its term."""

    planning: str | None  # "YYYY-MM" of the month being planned; None once the term is over
    played: str | None  # "YYYY-MM" of the month just played; None before the first month
    number: int  # the month being planned, 1-based (the last month once the term is over)
    total: int  # months in the term
    over: bool  # the term is finished (every month played, or the game ended early)


def add_months(date: str, n: int) -> str | None:
    """'2026-03' + n months, or None when `date` is not a valid 'YYYY-MM'."""
    parsed = parse(date)
    if parsed is None:
        return None
    k = parsed[0] * 12 + parsed[1] - 1 + n
    if not 0 <= k // 12 <= 9999:
        return None
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


def parse(date) -> tuple[int, int] | None:
    """(year, month) of a 'YYYY-MM' string, or None for anything else (saves are untrusted)."""
    if not isinstance(date, str):
        return None
    match = DATE.match(date)
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    return (year, month) if 1 <= month <= 12 else None


def months_of(start: str, turn: int, total: int, over: bool = False) -> Months:
    """The calendar of a game whose scenario starts in `start` ('YYYY-MM'), `turn` months in."""
    over = over or turn >= total
    played = add_months(start, turn - 1) if turn > 0 else None
    planning = None if over else add_months(start, turn)
    return Months(planning, played, min(turn + 1, total) if not over else max(turn, 1), total, over)


def months(session) -> Months:
    """The calendar of a session in progress."""
    scenario = session.scenario
    start = f"{scenario.start.year:04d}-{scenario.start.month:02d}"
    return months_of(start, session.state.turn, scenario.turns, session.finished)


def label(t, m: Months) -> str:
    """'Month 3 of 24 · May 2026', or 'Finished: 24 of 24 months · February 2028'."""
    if m.over:
        when = t.month(m.played) if m.played else ""
        over = t("dates.over", n=m.number, total=m.total)
        return " · ".join(x for x in (over, when) if x and x != "?")
    return t("dates.planning", n=m.number, total=m.total, month=t.month(m.planning or ""))
