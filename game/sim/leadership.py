"""Removing leaders and what follows: succession, splinters, tension.

The research this encodes: removing a leader raises violence where his organisation operates for
months (Calderón et al. 2015: +36.5% DTO homicides over six months; Lindo & Padilla-Romo 2018:
+80% for at least a year); a contested succession starts an internal war and splits the
organisation (Jones 2013; Phillips 2015); removing lieutenants matters mostly on trafficking
routes (Calderón et al. 2015). Here a clear heir keeps the faction whole with a small shock to
`tension`; a contested succession splits it into 2-5 hostile splinters that share its regions,
so the model's conflict term, not a script, raises the killing.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from game.scenario.types import Scenario
from game.sim.events import Cause, Event, Kind
from game.sim.factions import FactionInfo, Person
from game.sim.state import GameState, add_factions

SPLINTER_RIVALRY = 2.0  # open war between the heirs of one organisation
MAX_SPLINTERS = 5
SPLIT_DISRUPTION = 0.6  # heirs at war with each other guard their plazas badly
ALIASES = (
    "El Güero",
    "El Flaco",
    "El Chuy",
    "El Gordo",
    "El Toro",
    "El Compa",
    "El Mudo",
    "El Tigre",
    "El Cholo",
    "El Pelón",
    "El Sapo",
    "El Negro",
    "El Tío",
    "El Greñas",
    "El Chino",
    "El Chapo Isidro",
    "El Cabo",
    "El Doble R",
    "El Catorce",
    "El Jaguar",
    "El Güero Palma",
    "El Gallo",
    "El Diablo",
    "El Zorro",
    "El Kiko",
    "El Comandante",
    "La Tuta",
    "El Cuini",
    "El Guacho",
    "El Señorón",
)


def add_tension(
    state: GameState, scenario: Scenario, presence: np.ndarray, size: float, spill: float = 0.25
) -> None:
    """Raise tension in proportion to `presence` [R] (scaled to its maximum); a share `spill`
    reaches the neighbouring regions (violence spills over, Calderón et al. 2015)."""
    peak = presence.max()
    if peak <= 0 or size <= 0:
        return
    local = size * presence / peak
    spilled = np.zeros_like(local)
    for r, near in enumerate(scenario.map.graph.neighbours):
        if local[r] > 0 and near:
            spilled[list(near)] += spill * local[r] / len(near)
    state.tension += local + spilled


def remove_person(
    state: GameState,
    scenario: Scenario,
    person_id: str,
    how: str,
    turn: int,
    rng: np.random.Generator,
    cause: Cause = Cause.HVT,
) -> list[Event]:
    """Take a person out of the game (captured or killed) and resolve the consequences."""
    found = state.person(person_id)
    if found is None:
        return []
    f, person = found
    info = state.factions[f]
    was_leader = info.leader is not None and info.leader.id == person_id
    state.replace_faction(f, info.without(person_id))
    state.removed = state.removed + (person_id,)
    if how == "captured":
        state.prisoners = state.prisoners + (person_id,)
    kind = Kind.LEADER_REMOVED if was_leader else Kind.LIEUTENANT_REMOVED
    state.grievance[f] += 1.0 if how == "killed" else 0.6
    events = [
        Event(
            kind,
            turn,
            info.id,
            person.home,
            cause,
            {"person": person.id, "name": person.name, "how": how},
        )
    ]
    if was_leader:
        state.leaders_removed += 1
        events += succeed(state, scenario, f, turn, rng, cause=Cause.LEADER_REMOVED)
    else:
        events += _lieutenant_fallout(state, scenario, f, person, turn)
    return events


def _lieutenant_fallout(state, scenario, f, person: Person, turn) -> list[Event]:
    """A lost plaza boss shakes his plaza; much more where a trafficking route runs through it."""
    flow = state.drug_flow
    on_route = flow[person.home] > 0.1 * max(flow.max(), 1e-9) if flow.any() else False
    size = scenario.model.lieutenant_shock * (1.0 if on_route else 0.2)
    state.tension[person.home] += size
    state.disruption[f] = min(1.0, state.disruption[f] + 0.15)
    return [
        Event(
            Kind.PLAZA_SHAKEN,
            turn,
            state.factions[f].id,
            person.home,
            Cause.LIEUTENANT_REMOVED,
            {"on_route": bool(on_route), "tension": float(size)},
        )
    ]


def succeed(state, scenario, f: int, turn: int, rng, cause: Cause) -> list[Event]:
    """Resolve the succession of a faction whose leader's seat is empty."""
    info = state.factions[f]
    if info.lieutenants and rng.random() < info.succession_clarity:
        return _clear_heir(state, scenario, f, turn, cause)
    return split_faction(state, scenario, f, turn, rng, cause=cause)


def _clear_heir(state, scenario, f, turn, cause) -> list[Event]:
    info = state.factions[f]
    heir = max(info.lieutenants, key=lambda p: (p.loyalty, p.id))
    state.disruption[f] = min(1.0, state.disruption[f] + 0.3)
    add_tension(state, scenario, state.members[f], scenario.model.clear_shock)
    return _promote(state, f, heir, turn, cause)


def _promote(state: GameState, f: int, heir: Person, turn: int, cause: Cause) -> list[Event]:
    """Make `heir` the leader of faction f (leaving the lieutenants' ranks)."""
    info = state.factions[f]
    rest = tuple(p for p in info.lieutenants if p.id != heir.id)
    state.replace_faction(f, replace(info, leader=heir, lieutenants=rest))
    data = {"heir": heir.id, "name": heir.name}
    return [Event(Kind.SUCCESSION_CLEAR, turn, info.id, heir.home, cause, data)]


def split_faction(
    state, scenario, f: int, turn: int, rng, cause: Cause = Cause.FORCED
) -> list[Event]:
    """Split faction f among its lieutenants into 2-5 hostile splinters; f dissolves."""
    info = state.factions[f]
    total = state.members[f].sum()
    new: set[str] = set()  # aliases handed out in this split
    places = [r.short for r in scenario.map.regions]
    candidates = _candidates(state, scenario, f, rng, new, places)
    if total < 2 or len(candidates) < 2:
        return _clear_heir_or_nothing(state, scenario, f, turn, cause, candidates)
    shares = _regional_shares(state, scenario, f, candidates)  # [k, R]
    rows = shares * state.members[f]
    infos = [
        _splinter(info, c, k, turn, state, rows[k], rng, new, places)
        for k, c in enumerate(candidates)
    ]
    n_before = state.n_factions
    add_factions(state, infos, rows, parent=f)
    new = np.arange(n_before, state.n_factions)
    _inherit_relations(state, f, new)
    state.disruption[new] = np.maximum(state.disruption[new], SPLIT_DISRUPTION)
    state.members[f] = 0.0
    gone = replace(state.factions[f], dissolved=turn, leader=None, lieutenants=())
    state.replace_faction(f, gone)
    add_tension(state, scenario, rows.sum(axis=0), scenario.model.contested_shock)
    state.splits += 1
    return [
        Event(
            Kind.FACTION_SPLIT,
            turn,
            info.id,
            candidates[0].home,
            cause,
            {"splinters": [x.id for x in infos], "names": [x.name for x in infos]},
        )
    ]


def _clear_heir_or_nothing(state, scenario, f, turn, cause, candidates) -> list[Event]:
    return _promote(state, f, candidates[0], turn, cause) if candidates else []


def _candidates(state, scenario, f: int, rng, new: set[str], places) -> list[Person]:
    """Who fights for the throne: the lieutenants (generated where too few), strongest first."""
    info = state.factions[f]
    people = sorted(info.lieutenants, key=lambda p: -state.members[f, p.home])
    homes = [p.home for p in people]
    strongholds = [int(r) for r in np.argsort(-state.members[f]) if state.members[f, r] >= 1.0]
    want = 2 + int(rng.integers(0, 2)) + (1 if len(strongholds) > 6 else 0)
    for r in strongholds:
        if len(people) >= max(2, want):
            break
        if r not in homes:
            people.append(_generated_person(info.id, r, rng, state, new, places))
            homes.append(r)
    return people[:MAX_SPLINTERS]


def _generated_person(
    fid: str, home: int, rng, state: GameState, new: set[str], places: list[str]
) -> Person:
    """A fictional composite with an alias that no active person (nor one in `new`) uses."""
    used = new | {p.name for f in state.factions if f.dissolved is None for p in f.people()}
    free = [a for a in ALIASES if a not in used]
    if free:
        alias = free[int(rng.integers(0, len(free)))]
    else:  # every alias is taken: name him after his plaza, as the press would
        base = f"{ALIASES[int(rng.integers(0, len(ALIASES)))]} de {places[home]}"
        alias, k = base, 2
        while alias in used:  # every k gives a new name, so this ends
            alias, k = f"{base} {roman(k)}", k + 1
    new.add(alias)
    pid = f"{fid}_p{state.turn}_{home}_{int(rng.integers(0, 1_000_000))}"
    return Person(pid, alias, home, float(rng.uniform(0.2, 0.7)), fictional=True)


def _regional_shares(state, scenario, f: int, candidates: list[Person]) -> np.ndarray:
    """Each region's members go mostly to the nearest candidate, the rest to the others."""
    dist = np.array([scenario.map.graph.hops(c.home) for c in candidates], dtype=float)
    weight = np.exp(-dist) * np.where(dist == 0, 3.0, 1.0)
    return weight / weight.sum(axis=0, keepdims=True)


def _splinter(
    parent: FactionInfo, leader: Person, k: int, turn: int, state, row: np.ndarray, rng, new, places
) -> FactionInfo:
    sid = f"{parent.id}_{_slug(alias(leader)) or k}"
    taken = set(state.faction_ids)
    while sid in taken:
        sid = f"{sid}_{k}"
    order = [int(r) for r in np.argsort(-row) if row[r] >= 1.0 and r != leader.home][:2]
    lieutenants = tuple(_generated_person(sid, r, rng, state, new, places) for r in order)
    return FactionInfo(
        id=sid,
        name=f"{parent.short} – facción de {alias(leader)}",
        short=f"{parent.short}-{alias(leader).split()[-1]}",
        colour=(parent.colour + k + 1) % 16,
        leader=leader,
        lieutenants=lieutenants,
        succession_clarity=float(rng.uniform(0.15, 0.5)),
        personality=parent.personality,
        parent=parent.id,
        local=parent.local,
        founded=turn,
    )


def _inherit_relations(state: GameState, parent: int, new: np.ndarray) -> None:
    for name in ("rivalry", "alliance"):
        m = getattr(state, name)
        m[new, :] = m[parent, :]
        m[:, new] = m[:, parent][:, None]
        m[parent, :] = 0.0
        m[:, parent] = 0.0
    for a in new:
        for b in new:
            if a != b:
                state.rivalry[a, b] = SPLINTER_RIVALRY
                state.alliance[a, b] = 0.0
        state.rivalry[a, a] = state.alliance[a, a] = 0.0


def alias(person: Person) -> str:
    """The name the press uses: the quoted alias when there is one ('"El 03"' -> 'El 03')."""
    if person.name.count('"') >= 2:
        return person.name.split('"')[1]
    return person.name


def _slug(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = [
        w
        for w in "".join(c if c.isalnum() else " " for c in plain.lower()).split()
        if w not in ("el", "la", "los", "las", "de", "del")
    ]
    return "_".join(words)[:24]


def roman(k: int) -> str:
    """k in Roman numerals (k >= 1), as the press numbers namesakes: 2 -> 'II', 14 -> 'XIV'."""
    out = ""
    for value, letters in ROMAN_VALUES:
        count, k = divmod(k, value)
        out += letters * count
    return out


ROMAN_VALUES = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
