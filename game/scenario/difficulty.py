"""Difficulty: easy, normal or hard. It changes the money, what the state knows at the start and
how far ahead the cartel AI looks — never the research-based dynamics."""

from __future__ import annotations

from dataclasses import replace

from game.scenario.types import DIFFICULTY, Scenario

LEVELS = tuple(DIFFICULTY)


def with_difficulty(scenario: Scenario, level: str) -> Scenario:
    """The scenario at `level` (from its base budget and the model's own starting intelligence,
    so applying twice does not compound, and a value set with --set is kept)."""
    if level not in DIFFICULTY:
        raise ValueError(f"unknown difficulty '{level}' (use {', '.join(LEVELS)})")
    base = scenario.budget_base
    settings = DIFFICULTY[level]
    return replace(
        scenario,
        difficulty=level,
        budget=base * settings["budget"],
    )
