"""Who leads each faction: people, succession clarity, parentage. Part of the game state.

Factions are rows of the state's arrays; `FactionInfo` holds what is not a number per region:
the leader, the lieutenants, the parent of a splinter. Everything here is immutable; a change
(a lieutenant removed, an heir promoted) replaces the `FactionInfo` in the state's tuple. The
model keeps no display text for factions it creates: a splinter records its parent and founder,
a new local group its home state, and game/names.py makes their names in the player's language.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace

from game.scenario.types import FactionSpec, Personality, PersonSpec


@dataclass(frozen=True)
class Person:
    """A leader or lieutenant.

    Attributes:
        id: unique across the game (e.g. ``"cjng_jardinero"``).
        name: how the press knows him.
        home: region index of his base (the plaza he runs).
        loyalty: 0-1, how likely he is to accept another heir.
        fictional: True for composites and generated characters.
    """

    id: str
    name: str
    home: int
    loyalty: float = 0.5
    fictional: bool = False

    @classmethod
    def from_spec(cls, spec: PersonSpec) -> Person:
        return cls(spec.id, spec.name, spec.home, spec.loyalty, spec.fictional)

    @classmethod
    def from_dict(cls, d: object) -> Person:
        _check_record(d, cls, {"id": str, "name": str, "home": int, "loyalty": (int, float)})
        return cls(**d)


@dataclass(frozen=True)
class FactionInfo:
    """The non-numeric part of a faction.

    Attributes:
        name, short: as the scenario names it; empty for factions the game creates.
        colour: palette index of the scenario's faction (a splinter keeps its parent's).
        parent: id of the faction it split from (None for founding factions).
        local: one of the many small local groups.
        founded: turn it appeared (0 for factions of the scenario).
        dissolved: turn it ceased to exist (split, absorbed, fallen apart), None while it exists.
        founder: the alias of the man who led a splinter at its birth.
        home: the region a new local group formed in.
    """

    id: str
    name: str
    short: str
    colour: int
    leader: Person | None
    lieutenants: tuple[Person, ...]
    succession_clarity: float
    personality: Personality = field(default_factory=Personality)
    parent: str | None = None
    local: bool = False
    founded: int = 0
    dissolved: int | None = None
    founder: str | None = None
    home: int | None = None

    @classmethod
    def from_spec(cls, spec: FactionSpec) -> FactionInfo:
        return cls(
            id=spec.id,
            name=spec.name,
            short=spec.short,
            colour=spec.colour,
            leader=Person.from_spec(spec.leader) if spec.leader else None,
            lieutenants=tuple(Person.from_spec(p) for p in spec.lieutenants),
            succession_clarity=spec.succession_clarity,
            personality=spec.personality,
            parent=spec.parent,
            local=spec.local,
            home=next(iter(spec.members), None) if spec.local else None,
        )

    def people(self) -> tuple[Person, ...]:
        return ((self.leader,) if self.leader else ()) + self.lieutenants

    def without(self, person_id: str) -> FactionInfo:
        """This faction with one person removed (the leader's seat left empty)."""
        leader = None if self.leader and self.leader.id == person_id else self.leader
        rest = tuple(p for p in self.lieutenants if p.id != person_id)
        return replace(self, leader=leader, lieutenants=rest)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: object) -> FactionInfo:
        """The inverse of `to_dict`; TypeError or ValueError naming what is wrong."""
        _check_record(
            d, cls, {"id": str, "name": str, "short": str, "colour": int, "lieutenants": list}
        )
        lieutenants = tuple(Person.from_dict(p) for p in d["lieutenants"])
        leader = Person.from_dict(d["leader"]) if d.get("leader") is not None else None
        traits = d.get("personality", {})
        _check_record(traits, Personality, {})
        return cls(
            **{
                **d,
                "leader": leader,
                "lieutenants": lieutenants,
                "personality": Personality(**traits),
            }
        )


def _check_record(d: object, cls, types: dict) -> None:
    """`d` is a mapping with only `cls`'s fields, and the listed ones have the listed types."""
    if not isinstance(d, dict):
        raise TypeError(f"{cls.__name__}: expected a mapping, got {type(d).__name__}")
    unknown = set(d) - {f.name for f in fields(cls)}
    if unknown:
        raise ValueError(f"{cls.__name__}: unknown fields {sorted(map(str, unknown))[:5]}")
    for key, kind in types.items():
        value = d.get(key)
        if isinstance(value, bool) or not isinstance(value, kind):
            raise TypeError(f"{cls.__name__}.{key}: expected {kind}, got {type(value).__name__}")
