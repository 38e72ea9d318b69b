"""Removing leaders and what follows: disruption, succession, splinters.

A fallen leader or lieutenant costs his organisation something real: it is *disrupted*
(`state.disruption`, 0-1, fading over months), which cuts its recruitment, the tolls it manages
to collect and how hard it fights, and exposes its network to the state's intelligence (Phillips
2015: removals can weaken an organisation, briefly). A captured man also talks where prosecutors
can use it (`capture_intelligence`, times the courts of his state). A clear heir keeps the
organisation whole with a smaller disruption; a contested succession splits it into 2-5 hostile
splinters that share its plazas (Jones 2013). What violence follows comes from the mechanisms,
not from a rule that adds it: the splinters' war (the conflict term), rivals moving into the
vacuum (the cartel AI values weakened plazas) and retaliation against the state (the AI again).
Where police and courts are capable, the same disruption mostly means arrests (game/sim/flows.py).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from game.scenario.types import Faction, Person, Scenario
from game.sim.events import Cause, Event, Kind
from game.sim.state import GameState, add_factions, room_for_organisations

# Nicknames for generated lieutenants (fictional composites; common Mexican nicknames).
ALIASES = (
    "El Güero", "El Flaco", "El Chuy", "El Gordo", "El Toro", "El Compa", "El Mudo", "El Tigre",
    "El Cholo", "El Pelón", "El Sapo", "El Negro", "El Tío", "El Greñas", "El Chino", "El Cabo",
    "El Catorce", "El Jaguar", "El Gallo", "El Diablo", "El Zorro", "El Kiko", "El Comandante",
    "El Chato", "El Pollo", "El Tuerto", "El Lobo", "El Mecánico", "El Profe", "El Güicho",
)  # fmt: skip
HOME_WEIGHT = np.e  # a candidate's own state counts as one border closer than his neighbours'
GENERATED_LOYALTY = (0.2, 0.7)  # game content: only decides who is heir among generated men


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
    p = scenario.model
    info = state.factions[f]
    was_leader = info.leader is not None and info.leader.id == person_id
    state.replace_faction(f, info.without(person_id))
    state.removed = state.removed + (person_id,)
    if how == "captured":
        state.prisoners = state.prisoners + (person_id,)
        talk = p.capture_intelligence * state.courts[person.home]
        state.intel[f] = min(1.0, state.intel[f] + talk)
        _roll_up(state, scenario, f)
    state.grievance[f] += p.grievance_kill if how == "killed" else p.grievance_capture
    kind = Kind.LEADER_REMOVED if was_leader else Kind.LIEUTENANT_REMOVED
    data = {"person": person.id, "name": person.name, "how": how}
    events = [Event(kind, turn, info.id, person.home, cause, data)]
    if was_leader:
        state.leaders_removed += 1
        events += succeed(state, scenario, f, turn, rng, Cause.LEADER_REMOVED, throne=person.home)
    else:
        events += _lieutenant_fallout(state, scenario, f, person, turn)
    return events


def _roll_up(state: GameState, scenario: Scenario, f: int) -> None:
    """Where police and courts are capable, a capture rolls up part of the network with it (the
    arrests the captured man's files and testimony make possible); where they are not, none."""
    from game.sim.flows import incapacitation
    from game.sim.policy import capacity_above_reference

    caught = scenario.model.capture_rollup * capacity_above_reference(state) * state.members[f]
    kept = incapacitation(state, scenario)
    state.arrests[f] += caught * kept
    state.exits[f] += caught * (1.0 - kept)
    state.members[f] -= caught


def _disrupt(state: GameState, f, amount) -> None:
    state.disruption[f] = np.minimum(1.0, state.disruption[f] + amount)


def _lieutenant_fallout(state, scenario, f, person: Person, turn) -> list[Event]:
    """A lost plaza boss disrupts his organisation, more where his plaza carries the trade: his
    plaza's share of the organisation's tolls doubles the blow at most (Calderón et al. 2015)."""
    tolls = state.members[f] / np.maximum(state.members.sum(axis=0), 1.0) * state.drug_flow
    route_share = float(tolls[person.home] / tolls.sum()) if tolls.sum() > 0 else 0.0
    amount = scenario.model.lieutenant_disruption * (1.0 + route_share)
    _disrupt(state, f, amount)
    data = {"route_share": route_share, "disruption": float(amount)}
    fid = state.factions[f].id
    return [Event(Kind.PLAZA_SHAKEN, turn, fid, person.home, Cause.LIEUTENANT_REMOVED, data)]


def succeed(
    state, scenario, f: int, turn: int, rng, cause: Cause, throne: int | None = None
) -> list[Event]:
    """Resolve the succession of a faction whose leader's seat is empty; `throne` is the plaza
    the fallen leader ruled from (by default the faction's stronghold)."""
    info = state.factions[f]
    if info.lieutenants and rng.random() < info.succession_clarity:
        return _clear_heir(state, scenario, f, turn, cause)
    return split_faction(state, scenario, f, turn, rng, cause=cause, throne=throne)


def _clear_heir(state, scenario, f, turn, cause) -> list[Event]:
    """The most loyal lieutenant takes over; the clearer the succession, the smaller the blow."""
    info = state.factions[f]
    heir = max(info.lieutenants, key=lambda p: (p.loyalty, p.id))
    _disrupt(state, f, scenario.model.heir_disruption * (1.0 - info.succession_clarity / 2))
    return _promote(state, f, heir, turn, cause)


def _promote(state: GameState, f: int, heir: Person, turn: int, cause: Cause) -> list[Event]:
    """Make `heir` the leader of faction f (leaving the lieutenants' ranks)."""
    info = state.factions[f]
    rest = tuple(p for p in info.lieutenants if p.id != heir.id)
    state.replace_faction(f, replace(info, leader=heir, lieutenants=rest))
    data = {"heir": heir.id, "name": heir.name}
    return [Event(Kind.SUCCESSION_CLEAR, turn, info.id, heir.home, cause, data)]


def split_faction(
    state, scenario, f: int, turn: int, rng, cause: Cause = Cause.FORCED, throne: int | None = None
) -> list[Event]:
    """Split faction f among its lieutenants into 2-5 hostile splinters; f dissolves. Every
    claimant has men in the throne (the fallen leader's plaza, by default the faction's
    stronghold): there they share the members equally and fight for the seat."""
    info = state.factions[f]
    total = state.members[f].sum()
    # Aliases in use: every active person's, and those handed out in this split as they are.
    new = {p.name for x in state.factions if x.dissolved is None for p in x.people()}
    candidates = _candidates(state, scenario, f, rng, new)
    # At the bound on organisations alive (game/limits.py) fewer claimants split it, or none.
    room = room_for_organisations(state) + 1  # the fallen organisation's row is freed
    candidates = candidates[: max(room, 1)]
    if total < 2 or len(candidates) < 2:
        return _promote(state, f, candidates[0], turn, cause) if candidates else []
    throne = int(np.argmax(state.members[f])) if throne is None else throne
    rows = _regional_shares(scenario, candidates, throne) * state.members[f]  # [k, R]
    infos = [
        _splinter(info, c, turn, state, scenario, rows[k], rng, new)
        for k, c in enumerate(candidates)
    ]
    n_before = state.n_factions
    add_factions(state, infos, rows, parent=f)
    born = np.arange(n_before, state.n_factions)
    _inherit_relations(state, f, born, scenario.model.splinter_rivalry)
    state.disruption[born] = np.maximum(state.disruption[born], scenario.model.splinter_disruption)
    state.members[f] = 0.0
    state.replace_faction(f, replace(info, dissolved=turn, leader=None, lieutenants=()))
    state.splits += 1
    data = {"splinters": [x.id for x in infos], "leaders": [x.leader.id for x in infos]}
    return [Event(Kind.FACTION_SPLIT, turn, info.id, candidates[0].home, cause, data)]


def _candidates(state, scenario, f: int, rng, new: set[str]) -> list[Person]:
    """Who fights for the throne: the lieutenants (generated where too few), strongest first."""
    info = state.factions[f]
    people = sorted(info.lieutenants, key=lambda p: -state.members[f, p.home])
    homes = [p.home for p in people]
    by_size = np.argsort(-state.members[f])
    strongholds = by_size[state.members[f, by_size] >= 1.0].tolist()
    # Two or three claimants, one more for an organisation spread over many states.
    want = 2 + int(rng.integers(0, 2)) + (1 if len(strongholds) > 6 else 0)
    for r in strongholds:
        if len(people) >= max(2, want):
            break
        if r not in homes:
            people.append(_generated_person(info.id, r, rng, state, scenario, new))
            homes.append(r)
    return people[: int(scenario.model.max_splinters)]


def _generated_person(
    fid: str, home: int, rng, state: GameState, scenario: Scenario, new: set[str]
) -> Person:
    """A fictional composite with an alias that no active person uses: `new` holds the aliases
    in use (the active people's when the split began, and those handed out since); his joins it."""
    used = new
    free = [a for a in ALIASES if a not in used]
    if free:
        alias = free[int(rng.integers(0, len(free)))]
    else:  # every alias is taken: name him after his plaza, as the press would
        base = (
            f"{ALIASES[int(rng.integers(0, len(ALIASES)))]} de {scenario.map.regions[home].short}"
        )
        alias, k = base, 2
        while alias in used:  # every k gives a new name, so this ends
            alias, k = f"{base} {roman(k)}", k + 1
    new.add(alias)
    pid = f"{fid}_p{state.turn}_{home}_{int(rng.integers(0, 1_000_000))}"
    while state.person(pid) is not None or pid in state.removed:
        pid += "x"
    return Person(pid, alias, home, float(rng.uniform(*GENERATED_LOYALTY)), fictional=True)


def _regional_shares(scenario: Scenario, candidates: list[Person], throne: int) -> np.ndarray:
    """Each region's members go mostly to the nearest claimant, the rest to the others:
    weight exp(-locality x borders), a claimant's own state weighing one border closer; in the
    throne every claimant gets an equal share."""
    graph = scenario.map.graph
    dist = np.array([graph.hops(c.home) for c in candidates], dtype=float)
    weight = np.exp(-scenario.model.splinter_locality * dist) * np.where(
        dist == 0, HOME_WEIGHT, 1.0
    )
    weight[:, throne] = 1.0
    return weight / weight.sum(axis=0, keepdims=True)


def _splinter(
    parent: Faction, leader: Person, turn, state, scenario, row: np.ndarray, rng, new
) -> Faction:
    sid = f"{parent.id}_{_slug(alias(leader)) or 'splinter'}"
    taken = set(state.faction_ids) | {a.id for a in state.archive}
    base, k = sid, 2
    while sid in taken:
        sid, k = f"{base}_{k}", k + 1
    by_size = np.argsort(-row)
    order = by_size[(row[by_size] >= 1.0) & (by_size != leader.home)][:2].tolist()
    lieutenants = tuple(_generated_person(sid, r, rng, state, scenario, new) for r in order)
    low, high = scenario.model.splinter_clarity_low, scenario.model.splinter_clarity_high
    return Faction(
        id=sid,
        name="",  # named at the edge from its parent and founder (game/text/names.py)
        short="",
        colour=parent.colour,
        leader=leader,
        lieutenants=lieutenants,
        succession_clarity=float(rng.uniform(low, high)),
        personality=parent.personality,
        parent=parent.id,
        local=parent.local,
        founded=turn,
        founder=alias(leader),
    )


def _inherit_relations(state: GameState, parent: int, new: np.ndarray, rivalry: float) -> None:
    for name in ("rivalry", "alliance"):
        m = getattr(state, name)
        m[new, :] = m[parent, :]
        m[:, new] = m[:, parent][:, None]
        m[parent, :] = 0.0
        m[:, parent] = 0.0
    block = np.ix_(new, new)
    state.rivalry[block] = rivalry
    state.alliance[block] = 0.0
    state.rivalry[new, new] = state.alliance[new, new] = 0.0


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
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
