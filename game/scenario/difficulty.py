"""Difficulty: easy, normal or hard. It changes the money, what the state knows at the start and
how far ahead the cartel AI looks — never the research-based dynamics."""

from __future__ import annotations

from dataclasses import replace

from game.scenario.types import DIFFICULTY, Scenario

LEVELS = tuple(DIFFICULTY)


def with_difficulty(scenario: Scenario, level: str) -> Scenario:
    """The scenario at `level` (from its base budget, so applying twice does not compound)."""
    if level not in DIFFICULTY:
        raise ValueError(f"unknown difficulty '{level}' (use {', '.join(LEVELS)})")
    base = scenario.budget_base
    settings = DIFFICULTY[level]
    return replace(
        scenario,
        difficulty=level,
        budget=base * settings["budget"],
        model=replace(scenario.model, starting_intel=settings["intel"]),
    )
