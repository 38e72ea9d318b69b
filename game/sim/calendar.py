"""Dates of months: turn 1 is the scenario's start month."""

from __future__ import annotations

from datetime import date

from game.scenario.types import Scenario


def month_date(scenario: Scenario, turn: int) -> date:
    """The first day of the month of `turn` (turn 1 is the scenario's start month; turn 0, the
    state before play, is dated the month before, whose last twelve months it describes)."""
    months = scenario.start.year * 12 + scenario.start.month - 1 + turn - 1
    return date(months // 12, months % 12 + 1, 1)


def year_of(scenario: Scenario, turn: int) -> float:
    """The calendar year of `turn` with its months as a fraction (2012.0 is January 2012)."""
    when = month_date(scenario, turn)
    return when.year + (when.month - 1) / 12.0
