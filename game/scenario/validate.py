"""Validation of a whole scenario tree: structure (via `schema`) plus every cross-reference.

`validate_tree` never stops at the first problem. The structural pass (pydantic) and the
cross-reference pass below both run on the raw tree, and the cross-reference pass reads it
defensively (skipping parts whose type is already wrong), so one run lists everything: unknown
regions and factions, duplicate ids, one-sided or self relations, rival-and-ally pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from game.scenario.errors import Problem, did_you_mean, format_path, shorten
from game.scenario.names import MapProblem, RegionNames, resolve_map
from game.scenario.schema import (
    MAX_CELLS,
    MAX_EQUILIBRIUM,
    MAX_FACTIONS,
    MAX_LOCAL_GROUPS,
    MAX_NAMED_FACTIONS,
    Root,
    problems_from,
)
from game.scenario.types import MapData

RELATIONS = ("rivals", "allies")
_RESERVED_ID = re.compile(r"local_\d+")


@dataclass
class Validated:
    """The result of validation: a typed tree and its map when `problems` is empty."""

    root: Root | None
    map: MapData | None
    problems: list[Problem] = field(default_factory=list)


def validate_tree(tree: object, source: str) -> Validated:
    """Check a raw YAML tree against docs/scenario-format.md; report every problem found."""
    if tree is None:
        return Validated(None, None, [Problem("", "file is empty", source)])
    if not isinstance(tree, dict):
        message = f"top level must be a mapping of keys, got {type(tree).__name__}"
        return Validated(None, None, [Problem("", message, source)])
    factions = tree.get("factions")
    if isinstance(factions, list) and len(factions) > MAX_NAMED_FACTIONS:
        # Refused before validating each one: tens of thousands would take seconds for nothing.
        message = f"lists {len(factions)} entries; at most {MAX_NAMED_FACTIONS} allowed"
        return Validated(None, None, [Problem("factions", message, source)])
    root, problems = None, []
    try:
        root = Root.model_validate(tree)
    except ValidationError as exc:
        problems += problems_from(exc.errors(include_url=False), source)
    mapdata = _map_of(tree, source, problems)
    checks = CrossChecks(source, RegionNames(mapdata) if mapdata else None)
    checks.run(tree)
    problems += checks.problems
    return Validated(root if not problems else None, mapdata, problems)


def _map_of(tree: dict, source: str, problems: list[Problem]) -> MapData | None:
    spec = tree.get("map")
    if not isinstance(spec, str):
        return None  # the structural pass already reported it
    try:
        return resolve_map(spec)
    except MapProblem as exc:
        problems.append(Problem("map", str(exc), source))
        return None


def _dict(x: object) -> dict:
    return x if isinstance(x, dict) else {}


def _list(x: object) -> list:
    return x if isinstance(x, list) else []


def _number(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


class CrossChecks:
    """Checks that need more than one key at a time; collects problems in `problems`."""

    def __init__(self, source: str, regions: RegionNames | None):
        self.source = source
        self.regions = regions  # None when the map itself is wrong: region names go unchecked
        self.problems: list[Problem] = []
        self.faction_ids: dict[str, int] = {}
        self.both: set[frozenset] = set()  # pairs already reported as both rival and ally

    def add(self, loc: tuple, message: str) -> None:
        self.problems.append(Problem(format_path(loc), message, self.source))

    def run(self, tree: dict) -> None:
        factions = _list(tree.get("factions"))
        self.check_faction_ids(factions)
        self.check_region_keys(("regions",), tree.get("regions"))
        for i, faction in enumerate(factions):
            self.check_faction(i, _dict(faction), factions)
        self.check_people(factions)
        self.check_local_groups(tree.get("local_groups"), tree.get("factions"))
        self.check_size(factions, tree.get("local_groups"))
        self.check_growth(_dict(tree.get("model")))

    # --- regions ------------------------------------------------------------------------------

    def check_region_keys(self, loc: tuple, mapping: object) -> dict[int, object]:
        """Resolve every key of a region-keyed mapping; report unknown and repeated regions."""
        resolved: dict[int, object] = {}
        if self.regions is None:
            return resolved
        for key in _dict(mapping):
            if not isinstance(key, str):
                continue  # the structural pass reports keys that are not text
            i = self.regions.find(key)
            if i is None:
                self.add((*loc, key), self.regions.unknown(key))
            elif i in resolved:
                first = shorten(resolved[i])
                self.add((*loc, key), f"repeats region {self.regions.label(i)}, given as {first}")
            else:
                resolved[i] = key
        return resolved

    def check_home(self, loc: tuple, person: dict) -> None:
        home = person.get("home")
        if self.regions is not None and isinstance(home, str) and self.regions.find(home) is None:
            self.add((*loc, "home"), self.regions.unknown(home))

    # --- factions -----------------------------------------------------------------------------

    def check_faction_ids(self, factions: list) -> None:
        for i, faction in enumerate(factions):
            fid = _dict(faction).get("id")
            if not isinstance(fid, str):
                continue
            if fid in self.faction_ids:
                self.add(
                    ("factions", i, "id"),
                    f"duplicate faction id {fid!r} (also factions[{self.faction_ids[fid]}])",
                )
            elif _RESERVED_ID.fullmatch(fid):
                self.add(
                    ("factions", i, "id"),
                    f"ids like {fid!r} are reserved for generated local groups",
                )
            else:
                self.faction_ids[fid] = i

    def check_faction(self, i: int, faction: dict, factions: list) -> None:
        loc = ("factions", i)
        self.check_region_keys((*loc, "members"), faction.get("members"))
        for kind in RELATIONS:
            for other, value in _dict(faction.get(kind)).items():
                self.check_relation(i, faction, kind, other, value, factions)
        parent = faction.get("parent")
        if isinstance(parent, str):
            if parent == faction.get("id"):
                self.add((*loc, "parent"), "a faction cannot be its own parent")
            elif parent not in self.faction_ids:
                self.add((*loc, "parent"), self.unknown_faction(parent))

    def unknown_faction(self, name: object) -> str:
        return f"unknown faction {shorten(name)}{did_you_mean(name, self.faction_ids)}"

    def check_relation(
        self, i: int, me: dict, kind: str, other: object, value: object, factions: list
    ) -> None:
        loc, my_id = ("factions", i, kind, other), me.get("id")
        if not isinstance(my_id, str):
            return  # the structural pass reports the missing or bad id
        if other == my_id:
            word = "rival" if kind == "rivals" else "ally"
            self.add(loc, f"a faction cannot be its own {word}")
            return
        if other not in self.faction_ids:
            self.add(loc, self.unknown_faction(other))
            return
        pair = frozenset((my_id, other))
        if kind == "rivals" and other in _dict(me.get("allies")) and pair not in self.both:
            self.both.add(pair)  # once per pair, not once per side
            self.add(loc, f"{other!r} is both a rival and an ally")
        j = self.faction_ids[other]
        theirs = _dict(_dict(factions[j]).get(kind))
        there = format_path(("factions", j, kind, my_id))
        if my_id not in theirs:
            self.add(
                loc, f"is {shorten(value)} but {there} is missing (declare relations on both sides)"
            )
        elif i < j and _number(value) and _number(theirs[my_id]) and value != theirs[my_id]:
            self.add(loc, f"is {value} but {there} is {theirs[my_id]} (must be the same)")

    # --- people -------------------------------------------------------------------------------

    def check_people(self, factions: list) -> None:
        seen: dict[str, str] = {}
        for i, faction in enumerate(factions):
            faction = _dict(faction)
            people = [(("factions", i, "leader"), faction.get("leader"))]
            people += [
                (("factions", i, "lieutenants", k), p)
                for k, p in enumerate(_list(faction.get("lieutenants")))
            ]
            for loc, person in people:
                self.check_person(loc, _dict(person), seen)

    def check_person(self, loc: tuple, person: dict, seen: dict[str, str]) -> None:
        self.check_home(loc, person)
        pid = person.get("id")
        if not isinstance(pid, str):
            return
        if pid in seen:
            self.add((*loc, "id"), f"duplicate person id {pid!r} (also {seen[pid]})")
        else:
            seen[pid] = format_path(loc)

    # --- size ---------------------------------------------------------------------------------

    def check_size(self, factions: list, spec: object) -> None:
        """Named factions plus local groups within MAX_FACTIONS, and factions x regions within
        MAX_CELLS: every [F, R] and [F, F] array of the game is sized by these (schema.py)."""
        count = _dict(spec).get("count")
        local = count if _number(count) and 0 <= count <= MAX_LOCAL_GROUPS else 0
        total = len(factions) + int(local)
        if len(factions) <= MAX_NAMED_FACTIONS and total > MAX_FACTIONS:
            self.add(
                ("local_groups", "count"),
                f"{len(factions)} named factions and {int(local)} local groups make {total}; "
                f"at most {MAX_FACTIONS} factions in all",
            )
        regions = self.regions.map.n if self.regions is not None else 0
        if total <= MAX_FACTIONS and total * regions > MAX_CELLS:
            self.add(
                ("factions",),
                f"{total} factions on {regions} regions make {total * regions:,} cells; at most "
                f"{MAX_CELLS:,} (use fewer factions or a smaller map)",
            )

    def check_growth(self, model: dict) -> None:
        """Recruitment must meet saturation: a faction's size levels off near rho / omega, and
        without that ceiling members grow without limit over a long game (and overflow)."""
        from game.scenario.types import ModelParams

        rho = model.get("recruitment_rate", ModelParams.recruitment_rate)
        omega = model.get("saturation_rate", ModelParams.saturation_rate)
        if _number(rho) and _number(omega) and rho > 0 and rho > MAX_EQUILIBRIUM * omega:
            self.add(
                ("model", "saturation_rate"),
                f"is too small for recruitment_rate {rho}: a faction would level off near "
                f"{rho / omega if omega > 0 else float('inf'):.3g} members (at most "
                f"{MAX_EQUILIBRIUM:.0e}); raise it to at least {rho / MAX_EQUILIBRIUM:.3g}",
            )

    # --- local groups -------------------------------------------------------------------------

    def check_local_groups(self, spec: object, factions: object) -> None:
        spec = _dict(spec)
        count = spec.get("count")
        makes_groups = _number(count) and count >= 1
        if factions == [] and not makes_groups:
            self.add(("factions",), "needs at least one faction (or local_groups with count >= 1)")
        weights = spec.get("regions")
        if not isinstance(weights, dict):
            return
        if not weights:
            self.add(
                ("local_groups", "regions"), "names no region (leave it out to use population)"
            )
        resolved = self.check_region_keys(("local_groups", "regions"), weights)
        values = [weights[k] for k in resolved.values()]
        if resolved and all(_number(v) for v in values) and sum(values) <= 0:
            self.add(("local_groups", "regions"), "weights must not all be zero")
