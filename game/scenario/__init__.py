"""Scenarios: reading, validating and building the immutable objects a game starts from.

Public API: `load_scenario`, `load_scenario_tree`, `check_files`, `ScenarioError` and `Problem`.
The file format is docs/scenario-format.md.
"""

from game.scenario.errors import Problem, ScenarioError
from game.scenario.loader import check_files, load_scenario, load_scenario_tree

__all__ = ["Problem", "ScenarioError", "check_files", "load_scenario", "load_scenario_tree"]
