"""What the planner can see: estimates that persist, drift and tighten with intelligence.

The truth stays in `GameState` for the debrief; the desktop game and scripted planners read a
`PlayerView`. The planner's picture of every faction is part of the state (`belief`, the log of
estimated members plus one in each region, and `belief_var`, its variance) and is updated once a
month by `observe`, a Kalman filter on that log: the truth may drift by `estimate_drift` a
month, each month's intelligence report errs by a standard deviation that falls from
`estimate_error_blind` with no intelligence to `estimate_error_full` with full intelligence, and
the belief moves toward the report by the Kalman gain. So an estimate does not jump from month to
month, its range widens when intelligence is thin and narrows as it grows, and the range (one
standard deviation) contains the truth about two times in three.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from game.scenario.types import Faction, Person, Scenario
from game.sim import metrics
from game.sim.policy import exposure
from game.sim.state import GameState


def report_error(state: GameState, scenario: Scenario) -> np.ndarray:
    """Log-scale standard error of one month's report on each faction [F]."""
    p = scenario.model
    known = exposure(state, scenario)
    return p.estimate_error_blind + (p.estimate_error_full - p.estimate_error_blind) * known


def observe(state: GameState, scenario: Scenario, rng: np.random.Generator) -> None:
    """This month's intelligence report on every faction, folded into the planner's belief."""
    watched = (state.members > 0) | (state.belief_var > 0)
    cells = np.flatnonzero(watched)  # flat indices of the [F, R] arrays, in row order
    if not cells.size:
        return
    sigma = report_error(state, scenario)[cells // state.n_regions]
    truth = np.log1p(state.members.take(cells))  # only where someone is watched
    report = truth + rng.normal(0.0, 1.0, size=cells.size) * sigma
    prior = state.belief_var.take(cells)
    new = prior <= 0  # first sight: the report is all there is
    var = np.where(new, sigma**2, prior + scenario.model.estimate_drift**2)
    noise = var + sigma**2
    gain = np.divide(var, noise, out=np.ones_like(var), where=~new & (noise > 0))
    belief = state.belief.take(cells)
    np.put(state.belief, cells, np.where(new, report, belief + gain * (report - belief)))
    np.put(state.belief_var, cells, np.where(new, var, (1.0 - gain) * var))


@dataclass(frozen=True)
class Sighted:
    """A leader or lieutenant as the planner knows him: who he is, and the region he runs from
    when intelligence has located him (None when not)."""

    person: Person
    region: int | None
    leader: bool

    @property
    def id(self) -> str:
        return self.person.id

    @property
    def name(self) -> str:
        return self.person.name


@dataclass(frozen=True)
class FactionEstimate:
    """The planner's picture of one faction: its identity (the state's own record) and estimates
    of its numbers; its people are known by name, located only with enough intelligence."""

    faction: Faction
    members: np.ndarray  # [R] estimated members by region
    low: np.ndarray  # [R] lower end of the range (one standard deviation)
    high: np.ndarray  # [R] upper end
    total: float
    total_low: float
    total_high: float
    intel: float
    leader: Sighted | None  # None when leaderless
    lieutenants: tuple[Sighted, ...]

    def people(self) -> tuple[Sighted, ...]:
        """The leader first, then the lieutenants."""
        return ((self.leader,) if self.leader else ()) + self.lieutenants

    # the identity's fields, read through
    id = property(lambda self: self.faction.id)
    name = property(lambda self: self.faction.name)
    short = property(lambda self: self.faction.short)
    colour = property(lambda self: self.faction.colour)
    parent = property(lambda self: self.faction.parent)
    succession_clarity = property(lambda self: self.faction.succession_clarity)
    founded = property(lambda self: self.faction.founded)
    dissolved = property(lambda self: self.faction.dissolved)
    local = property(lambda self: self.faction.local)
    founder = property(lambda self: self.faction.founder)
    home = property(lambda self: self.faction.home)


@dataclass(frozen=True, eq=False)
class PlayerView:
    """Everything the UI shows: public numbers exactly, cartel numbers as estimates."""

    turn: int
    date: str
    national: dict
    regional: list[dict]
    factions: tuple[FactionEstimate, ...]
    homicide_history: np.ndarray  # [12, R] (homicides are public: death records)
    police: np.ndarray
    courts: np.ndarray
    interdiction: np.ndarray
    drug_flow: np.ndarray  # estimated tonnes through each region
    route_next: np.ndarray  # [R] the next region on each region's route north (-1: a crossing)
    budget: float
    archive: tuple = ()  # records of factions that dissolved (for family trees and names)
    places: tuple[str, ...] = ()  # region names by index (for the names of local groups)

    @cached_property
    def by_id(self) -> dict[str, FactionEstimate]:
        """The estimates keyed by faction id."""
        return {f.id: f for f in self.factions}

    def faction(self, fid: str) -> FactionEstimate | None:
        return self.by_id.get(fid)

    def present_in(self, region: int, min_members: float = 1.0) -> list[FactionEstimate]:
        """Factions believed present in a region, largest first."""
        here = [
            f for f in self.factions if f.dissolved is None and f.members[region] >= min_members
        ]
        return sorted(here, key=lambda f: -f.members[region])


def estimate(state: GameState, scenario: Scenario, f: int, known: float) -> FactionEstimate:
    """The planner's picture of faction row f (`known`: its exposure, 0-1)."""
    info = state.factions[f]
    sd = np.sqrt(state.belief_var[f])
    est = np.expm1(state.belief[f]).clip(min=0.0)
    total = float(est.sum())
    # The total's range by the delta method: independent errors of the regions' reports.
    spread = float(np.sqrt(((est + 1.0) ** 2 * state.belief_var[f]).sum())) / max(total, 1.0)
    located = known >= scenario.model.locate_intel

    def sighted(person: Person, leader: bool) -> Sighted:
        return Sighted(person, person.home if located else None, leader)

    return FactionEstimate(
        faction=info,
        members=est,
        low=np.expm1(state.belief[f] - sd).clip(min=0.0),
        high=np.expm1(state.belief[f] + sd),
        total=total,
        total_low=total * float(np.exp(-spread)),
        total_high=total * float(np.exp(spread)),
        intel=float(known),
        leader=sighted(info.leader, True) if info.leader else None,
        lieutenants=tuple(sighted(p, False) for p in info.lieutenants),
    )


def player_view(state: GameState, scenario: Scenario) -> PlayerView:
    """The planner's view of the state."""
    national = metrics.national(state, scenario)
    known = exposure(state, scenario)
    return PlayerView(
        turn=state.turn,
        date=national["date"],
        national=national,
        regional=metrics.regional(state, scenario),
        factions=tuple(estimate(state, scenario, f, known[f]) for f in range(state.n_factions)),
        homicide_history=state.homicide_history.copy(),
        police=state.police.copy(),
        courts=state.courts.copy(),
        interdiction=state.interdiction.copy(),
        drug_flow=state.drug_flow.copy(),
        route_next=state.route_next.copy(),
        budget=state.budget,
        archive=state.archive,
        places=tuple(r.name for r in scenario.map.regions),
    )
