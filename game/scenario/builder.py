"""Build small worlds in code, for tests, benchmarks and experiments.

    world = ScenarioBuilder(synthetic_map(4)).faction("a", {0: 1000}).faction("b", {0: 800})
    scenario = world.rivals("a", "b", 1.0).build()

The result is the same `Scenario` type the YAML loader produces, without the file.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np

from game.scenario.types import (
    Faction,
    MapData,
    ModelParams,
    Person,
    RegionInit,
    Scenario,
)


class ScenarioBuilder:
    """A fluent builder of `Scenario` objects."""

    def __init__(self, map_data: MapData, **model):
        self.map = map_data
        self.model = ModelParams(**model)
        self.factions: list[Faction] = []
        self.members: dict[str, dict[int, float]] = {}
        self.regions = [RegionInit() for _ in range(map_data.n)]
        self.relations: list[tuple[str, str, str, float]] = []
        self.start = date(2026, 3, 1)
        self.turns = 120
        self.budget = 1.0e10

    def faction(self, fid: str, members: dict[int, float], clarity: float = 0.5, **kw):
        leader = kw.pop(
            "leader", Person(f"{fid}_leader", f"Leader of {fid}", next(iter(members), 0))
        )
        self.members[fid] = {r: float(m) for r, m in sorted(members.items()) if m > 0}
        if kw.get("local"):
            kw.setdefault("home", next(iter(members), None))
        self.factions.append(
            Faction(
                id=fid,
                name=kw.pop("name", fid.upper()),
                short=kw.pop("short", fid.upper()),
                colour=len(self.factions) % 16,
                leader=leader,
                lieutenants=tuple(kw.pop("lieutenants", ())),
                succession_clarity=clarity,
                **kw,
            )
        )
        return self

    def rivals(self, a: str, b: str, level: float):
        self.relations.append(("rivalry", a, b, level))
        return self

    def allies(self, a: str, b: str, level: float):
        self.relations.append(("alliance", a, b, level))
        return self

    def region(self, r: int, **kw):
        self.regions[r] = replace(self.regions[r], **kw)
        return self

    def with_model(self, **kw):
        self.model = replace(self.model, **kw)
        return self

    def power_law_groups(self, n: int, total: float, exponent: float = -1.0, seed: int = 0):
        """Add `n` groups sized by a power law of rank, each in one region drawn by population."""
        rng = np.random.default_rng([seed, 1])
        sizes = np.arange(1, n + 1, dtype=float) ** exponent
        sizes *= total / sizes.sum()
        pops = self.map.populations()
        homes = rng.choice(self.map.n, size=n, p=pops / pops.sum())
        for k in range(n):
            self.faction(f"g{k}", {int(homes[k]): float(round(sizes[k]))})
        return self

    def build(self) -> Scenario:
        ids = {f.id: i for i, f in enumerate(self.factions)}
        n = len(self.factions)
        mats = {"rivalry": np.zeros((n, n)), "alliance": np.zeros((n, n))}
        for kind, a, b, level in self.relations:
            mats[kind][ids[a], ids[b]] = mats[kind][ids[b], ids[a]] = level
        return Scenario(
            id="built",
            name="Built in code",
            description="",
            map=self.map,
            start=self.start,
            turns=self.turns,
            budget=self.budget,
            model=self.model,
            regions=tuple(self.regions),
            factions=tuple(self.factions),
            rivalry=mats["rivalry"],
            alliance=mats["alliance"],
            members=dict(self.members),
        )
