"""Loading scenarios: file or text -> safe YAML tree -> overrides -> validation -> `Scenario`.

The public entry points are `load_scenario`, `load_scenario_tree` and `check_files` (the body of
``hydra check``). Every failure is a `ScenarioError` listing all problems found; no other
exception escapes for bad input.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

import numpy as np

from game.scenario import schema
from game.scenario.difficulty import with_difficulty
from game.scenario.errors import Problem, ScenarioError
from game.scenario.localgroups import add_local_rivalry, generate
from game.scenario.names import RegionNames
from game.scenario.overrides import apply_overrides
from game.scenario.reading import parse_yaml, plain_copy, read_text
from game.scenario.types import (
    DIFFICULTY,
    Faction,
    MapData,
    ModelParams,
    Person,
    Personality,
    RegionInit,
    Scenario,
)
from game.scenario.validate import validate_tree

TEXT_SOURCE = "<text>"


def load_scenario(
    path_or_text: str | Path | dict, overrides: Iterable[str] = (), difficulty: str = "normal"
) -> Scenario:
    """Load and validate a scenario: the one way every part of the game opens one.

    Args:
        path_or_text: a path to a YAML file; or YAML text (a string with a newline in it); or an
            already-parsed tree (a dict).
        overrides: ``dotted.key=value`` strings (``--set``), applied before validation.
        difficulty: easy, normal or hard (game/scenario/difficulty.py).

    Raises:
        ScenarioError: listing every problem found, each with its path.
    """
    if isinstance(path_or_text, dict):
        return load_scenario_tree(path_or_text, overrides=overrides, difficulty=difficulty)
    if isinstance(path_or_text, str) and "\n" in path_or_text:
        source, text = TEXT_SOURCE, path_or_text
    else:
        source = str(path_or_text)
        text = read_text(path_or_text)
    return load_scenario_tree(parse_yaml(text, source), source, overrides, difficulty)


def load_scenario_tree(
    tree: object,
    source: str = "<memory>",
    overrides: Iterable[str] = (),
    difficulty: str = "normal",
) -> Scenario:
    """Validate an already-parsed YAML tree (after applying `overrides`) and build the scenario
    at `difficulty`."""
    if isinstance(overrides, str):
        overrides = [overrides]
    tree = plain_copy(tree, source)
    problems = apply_overrides(tree, overrides, source) if isinstance(tree, dict) else []
    result = validate_tree(tree, source)
    problems += result.problems
    if difficulty not in DIFFICULTY:
        known = ", ".join(DIFFICULTY)
        problems.append(Problem("difficulty", f"unknown '{difficulty}' (use {known})", source))
    if problems:
        raise ScenarioError(problems)
    return with_difficulty(build(result.root, result.map, tree, source), difficulty)


def check_files(paths: Sequence[str | Path], out: TextIO | None = None) -> int:
    """Check scenario files; print one line per clean file or one per problem.

    Returns:
        0 when every file is clean, else 2.
    """
    out = out or sys.stdout  # looked up at call time, so redirected output is honoured
    status = 0
    for path in paths:
        try:
            s = load_scenario(Path(path))
        except ScenarioError as exc:
            status = 2
            for problem in exc.problems:
                print(problem, file=out)
            continue
        print(
            f"{path}: ok ({len(s.factions)} factions, {s.map.n} regions, {s.turns} turns)",
            file=out,
        )
    return status


# --- building the Scenario from a validated tree ------------------------------------------------


def build(root: schema.Root, mapdata: MapData, tree: dict, source: str) -> Scenario:
    """The immutable `Scenario` for a tree that passed validation."""
    names = RegionNames(mapdata)
    named = [_faction(k, f, names) for k, f in enumerate(root.factions)]
    members = {f.id: _members(f, names) for f in root.factions}
    spec = root.local_groups
    groups, homes, sizes = generate(spec, names, len(named)) if spec else ([], [], [])
    members |= {g.id: {h: m} for g, h, m in zip(groups, homes, sizes, strict=True) if m > 0}
    factions = (*named, *groups)
    rivalry = _relation_matrix(root.factions, len(factions), "rivals")
    alliance = _relation_matrix(root.factions, len(factions), "allies")
    if groups:
        add_local_rivalry(rivalry, factions, members, homes, spec.rivalry)
    year, month = (int(x) for x in root.start.split("-"))
    return Scenario(
        id=root.id,
        name=root.name,
        description=root.description,
        map=mapdata,
        start=date(year, month, 1),
        turns=root.turns,
        budget=float(root.budget),
        model=ModelParams(**{k: float(v) for k, v in root.model.model_dump().items()}),
        regions=_region_inits(root, names),
        factions=factions,
        rivalry=rivalry,
        alliance=alliance,
        source=source,
        raw=tree,
        members=members,
        series={
            name: tuple(sorted((int(y), float(v)) for y, v in values.items()))
            for name, values in root.series.model_dump().items()
            if values
        },
    )


def _person(p: schema.Person | None, names: RegionNames) -> Person | None:
    if p is None:
        return None
    home = names.find(p.home)
    return Person(id=p.id, name=p.name, home=home, loyalty=p.loyalty, fictional=p.fictional)


def _members(f: schema.Faction, names: RegionNames) -> dict[int, float]:
    """A faction's starting members by region index, in region order, regions with none left out."""
    return dict(sorted((names.find(key), float(v)) for key, v in f.members.items() if v > 0))


def _faction(k: int, f: schema.Faction, names: RegionNames) -> Faction:
    return Faction(
        id=f.id,
        name=f.name,
        short=f.short or f.id.upper(),
        colour=k % 16 if f.colour is None else f.colour,
        leader=_person(f.leader, names),
        lieutenants=tuple(_person(p, names) for p in f.lieutenants),
        succession_clarity=f.succession_clarity,
        personality=Personality(**f.personality.model_dump()),
        parent=f.parent,
    )


def _relation_matrix(factions: Sequence[schema.Faction], size: int, kind: str) -> np.ndarray:
    """A symmetric [F, F] float64 matrix of the declared relations (validated as symmetric)."""
    index = {f.id: i for i, f in enumerate(factions)}
    m = np.zeros((size, size), dtype=np.float64)
    for i, f in enumerate(factions):
        for other, value in getattr(f, kind).items():
            j = index[other]
            m[i, j] = m[j, i] = value
    return m


def _region_inits(root: schema.Root, names: RegionNames) -> tuple[RegionInit, ...]:
    inits = [RegionInit()] * names.map.n
    for key, r in root.regions.items():
        inits[names.find(key)] = RegionInit(
            police=r.police,
            courts=r.courts,
            background_homicide_rate=r.background_homicide_rate,
            job_losses=r.job_losses,
        )
    return tuple(inits)
