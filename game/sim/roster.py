"""What is derived from the state's faction records, never saved: rows by id, active people
by id, and the records as arrays by row (`Roster`).

`GameState` keeps these in a cache tied to its `factions` tuple (the tuple is immutable and
replaced whole), so they are built once per tuple; replacing one row updates them for that row.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from game.scenario.types import Faction, Person


@dataclass(frozen=True, eq=False)
class Roster:
    """The factions' records as arrays by row, for vectorised phases (derived, never saved)."""

    alive: np.ndarray  # bool [F]: not dissolved
    local: np.ndarray  # bool [F]
    led: np.ndarray  # bool [F]: has a leader
    traits: np.ndarray  # [F, 4]: aggression, expansion, corruption, caution

    @classmethod
    def of(cls, factions) -> Roster:
        traits = np.array(
            [
                (
                    f.personality.aggression,
                    f.personality.expansion,
                    f.personality.corruption,
                    f.personality.caution,
                )
                for f in factions
            ],
            dtype=float,
        ).reshape(-1, 4)
        return cls(
            alive=np.array([f.dissolved is None for f in factions], dtype=bool),
            local=np.array([f.local for f in factions], dtype=bool),
            led=np.array([f.leader is not None for f in factions], dtype=bool),
            traits=traits,
        )

    def extended(self, infos) -> Roster:
        """This roster with rows for `infos` appended (a new roster)."""
        more = Roster.of(infos)
        return self._each(lambda name, a: np.concatenate([a, getattr(more, name)]))

    def rows(self, keep: np.ndarray) -> Roster:
        """This roster's rows `keep` (a new roster)."""
        return self._each(lambda _, a: a[keep])

    def with_row(self, f: int, info: Faction) -> Roster:
        """This roster with row f read from `info` (a new roster; this one is unchanged)."""
        one = Roster.of((info,))

        def put(name: str, a: np.ndarray) -> np.ndarray:
            out = a.copy()
            out[f] = getattr(one, name)[0]
            return out

        return self._each(put)

    def _each(self, change) -> Roster:
        """A new roster whose every array is `change(name, array)` of this one's."""
        return Roster(**{x.name: change(x.name, getattr(self, x.name)) for x in fields(self)})


def rows_by_id(factions) -> dict[str, int]:
    """Faction id -> row."""
    return {f.id: i for i, f in enumerate(factions)}


def people_by_id(factions) -> dict[str, tuple[int, Person]]:
    """Person id -> (row, person), for the leaders and lieutenants of factions not dissolved."""
    return {p.id: (i, p) for i, f in enumerate(factions) if f.dissolved is None for p in f.people()}


def replaced(cache: dict, factions, f: int, old: Faction, info: Faction) -> dict:
    """The derived cache of `factions`, where row f went from `old` to `info`, from the cache
    of the tuple before (which stays as it was: an earlier state may still read it)."""
    out = {"factions": factions}
    if "rows" in cache and old.id == info.id:
        out["rows"] = cache["rows"]
    if "people" in cache:
        people = dict(cache["people"])
        for p in old.people() if old.dissolved is None else ():
            if people.get(p.id, (None,))[0] == f:
                del people[p.id]
        for p in info.people() if info.dissolved is None else ():
            people[p.id] = (f, p)
        out["people"] = people
    if "roster" in cache:
        out["roster"] = cache["roster"].with_row(f, info)
    return out


def appended(cache: dict, factions, infos) -> dict:
    """The derived cache of `factions`, the tuple before it (whose cache this is) with `infos`
    appended; that cache stays as it was."""
    start = len(factions) - len(infos)
    out = {"factions": factions}
    if "rows" in cache:
        out["rows"] = {**cache["rows"], **{x.id: start + k for k, x in enumerate(infos)}}
    if "people" in cache:
        people = dict(cache["people"])
        for k, x in enumerate(infos):
            for p in x.people() if x.dissolved is None else ():
                people[p.id] = (start + k, p)
        out["people"] = people
    if "roster" in cache:
        out["roster"] = cache["roster"].extended(infos)
    return out
