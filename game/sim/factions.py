"""Who leads each faction: people, succession clarity, parentage. Part of the game state.

Factions are rows of the state's arrays; `FactionInfo` holds what is not a number per region:
the leader, the lieutenants, the parent of a splinter. Everything here is immutable; a change
(a lieutenant removed, an heir promoted) replaces the `FactionInfo` in the state's tuple.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

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


@dataclass(frozen=True)
class FactionInfo:
    """The non-numeric part of a faction.

    Attributes:
        parent: id of the faction it split from (None for founding factions).
        founded: turn it appeared (0 for factions of the scenario).
        dissolved: turn it ceased to exist (split or absorbed), None while it exists.
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
    def from_dict(cls, d: dict) -> FactionInfo:
        def person(p):
            return Person(**p) if p else None

        return cls(
            **{
                **d,
                "leader": person(d["leader"]),
                "lieutenants": tuple(person(p) for p in d["lieutenants"]),
                "personality": Personality(**d["personality"]),
            }
        )
