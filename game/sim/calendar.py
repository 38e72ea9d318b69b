"""Dates of months: turn 1 is the scenario's start month."""

from __future__ import annotations

from datetime import date

from game.scenario.types import Scenario


def month_date(scenario: Scenario, turn: int) -> date:
    """The first day of the month of `turn` (turn 1 is the scenario's start month; turn 0, the
    state before play, is dated the month before, whose last twelve months it describes)."""
    months = scenario.start.year * 12 + scenario.start.month - 1 + turn - 1
    return date(months // 12, months % 12 + 1, 1)
