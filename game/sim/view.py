"""What the planner can see: estimates with error bars that shrink with intelligence.

The truth stays in `GameState` for the debrief; the desktop game and scripted planners read a
`PlayerView`. Estimation noise is drawn from its own stream per (seed, turn, faction), so looking
twice gives the same numbers and looking never changes the world's dice.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.scenario.types import Scenario
from game.sim import metrics
from game.sim.rng import rng_for
from game.sim.state import GameState

# Relative error (one standard deviation, log scale) of a member count with no intelligence, and
# with full intelligence on a faction.
ERROR_BLIND = 0.8
ERROR_FULL = 0.05
LOCATE_THRESHOLD = 0.35  # intelligence from which a leader's home region is known


@dataclass(frozen=True)
class FactionEstimate:
    """The planner's picture of one faction."""

    id: str
    name: str
    short: str
    colour: int
    parent: str | None
    members: np.ndarray  # [R] estimated members by region
    low: np.ndarray  # [R] lower end of the error bar (about 68%)
    high: np.ndarray  # [R] upper end
    total: float
    total_low: float
    total_high: float
    intel: float
    leader: str | None  # name, or None if leaderless
    leader_id: str | None
    leader_region: int | None  # None when not located
    lieutenants: tuple[tuple[str, str, int | None], ...]  # (id, name, region or None)
    succession_clarity: float
    founded: int
    dissolved: int | None
    local: bool = False  # one of the many small local groups


@dataclass(frozen=True)
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

    def faction(self, fid: str) -> FactionEstimate | None:
        return next((f for f in self.factions if f.id == fid), None)

    def present_in(self, region: int, min_members: float = 1.0) -> list[FactionEstimate]:
        """Factions believed present in a region, largest first."""
        here = [
            f for f in self.factions if f.dissolved is None and f.members[region] >= min_members
        ]
        return sorted(here, key=lambda f: -f.members[region])


def error_of(intel: float) -> float:
    """Log-scale standard error of a member estimate at this intelligence level."""
    return ERROR_BLIND + (ERROR_FULL - ERROR_BLIND) * float(np.clip(intel, 0.0, 1.0))


def estimate(state: GameState, f: int) -> FactionEstimate:
    info = state.factions[f]
    sigma = error_of(state.intel[f])
    rng = rng_for(state.seed, state.turn, f"view:{info.id}")
    bias = rng.normal(0.0, sigma)  # one bias for the whole faction: a mistaken picture, not noise
    local = rng.normal(0.0, sigma * 0.5, size=state.n_regions)
    truth = state.members[f]
    est = truth * np.exp(bias + local)
    known = state.intel[f] >= LOCATE_THRESHOLD

    def place(person):
        return person.home if known else None

    total = float(est.sum())
    return FactionEstimate(
        id=info.id,
        name=info.name,
        short=info.short,
        colour=info.colour,
        parent=info.parent,
        members=est,
        low=est * np.exp(-sigma),
        high=est * np.exp(sigma),
        total=total,
        total_low=total * float(np.exp(-sigma)),
        total_high=total * float(np.exp(sigma)),
        intel=float(state.intel[f]),
        leader=info.leader.name if info.leader else None,
        leader_id=info.leader.id if info.leader else None,
        leader_region=place(info.leader) if info.leader else None,
        lieutenants=tuple((p.id, p.name, place(p)) for p in info.lieutenants),
        succession_clarity=info.succession_clarity,
        founded=info.founded,
        dissolved=info.dissolved,
        local=info.local,
    )


def player_view(state: GameState, scenario: Scenario) -> PlayerView:
    """The planner's view of the state."""
    national = metrics.national(state, scenario)
    return PlayerView(
        turn=state.turn,
        date=national["date"],
        national=national,
        regional=metrics.regional(state, scenario),
        factions=tuple(estimate(state, f) for f in range(state.n_factions)),
        homicide_history=state.homicide_history.copy(),
        police=state.police.copy(),
        courts=state.courts.copy(),
        interdiction=state.interdiction.copy(),
        drug_flow=state.drug_flow.copy(),
        route_next=state.route_next.copy(),
        budget=state.budget,
    )
