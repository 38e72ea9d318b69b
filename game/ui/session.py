"""A game being played at the desk: the `Game`, this month's pending orders and what to remember.

The session is the only thing the scenes change. Orders are validated by the model itself
(`game.sim.orders.validate`) against a preview of the state with this month's pending budget
changes applied, so the UI never decides what is legal. `end_turn` hands the pending orders to
`Game.play`, which runs the cartel AI and the turn resolver.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from game.lab.runner import Game
from game.scenario.types import Scenario
from game.sim.events import Event
from game.sim.levers import BY_ID, Allocate, key, spending
from game.sim.operations import HVT
from game.sim.order_types import order_to_dict
from game.sim.orders import Order, validate
from game.sim.state import GameState
from game.sim.view import PlayerView, player_view
from game.text.narrate import HEADLINES
from game.ui.dates import add_months, months

# Headline events kept for the end-of-term key moments (with the splits they caused).
MOMENT_KINDS = HEADLINES | {"armed_group_formed", "armed_group_dissolved"}


def drug_flow_total(view: PlayerView, scenario: Scenario) -> float:
    """Tonnes a month reaching the border: the model's national figure when it reports one."""
    if "drug_flow" in view.national:
        return float(view.national["drug_flow"])
    crossing = [i for i, r in enumerate(scenario.map.regions) if r.crossings]
    return float(np.asarray(view.drug_flow)[crossing].sum()) if crossing else 0.0


@dataclass
class History:
    """Series the model does not keep but the charts and the debrief need, one entry per turn."""

    regional_homicides: list[list[float]] = field(default_factory=list)
    drug_flow: list[float] = field(default_factory=list)
    spent: list[float] = field(default_factory=list)
    moments: list[dict] = field(default_factory=list)

    def record(self, game: Game, view: PlayerView, events: list[Event]) -> None:
        self.regional_homicides.append([round(float(x), 1) for x in view.homicide_history[-1]])
        self.drug_flow.append(round(drug_flow_total(view, game.scenario), 2))
        self.spent.append(round(spending(game.state), 0))
        self.moments.extend(e.to_dict() for e in events if e.kind in MOMENT_KINDS)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> History:
        return cls(
            regional_homicides=[
                list(map(float, row)) for row in data.get("regional_homicides", [])
            ],
            drug_flow=[float(x) for x in data.get("drug_flow", [])],
            spent=[float(x) for x in data.get("spent", [])],
            moments=[dict(m) for m in data.get("moments", [])],
        )


def same_line(a: Order, b: Order) -> bool:
    """Two pending orders that set the same thing (the later replaces the earlier)."""
    if isinstance(a, Allocate) and isinstance(b, Allocate):
        return key(a.programme, a.region) == key(b.programme, b.region)
    if isinstance(a, HVT) and isinstance(b, HVT):
        return a.target == b.target
    if type(a) is not type(b):
        return False
    # orders of one kind about the same thing (a region, a person) or with no subject at all
    return all(getattr(a, f, None) == getattr(b, f, None) for f in ("region", "person", "target"))


class Session:
    """One game in progress, with its pending orders for the month being planned."""

    def __init__(
        self,
        game: Game,
        scenario_file: str = "",
        difficulty: str = "normal",
        history: History | None = None,
        bookmark: int | None = None,
    ):
        self.game = game
        self.scenario_file = scenario_file
        self.difficulty = difficulty
        # the first month the player planned after history played the ones before (None: the
        # game was played from the start); the player's term, graded and replayed, starts here
        self.bookmark = bookmark
        self.pending: list[Order] = []
        self.history = history or History()
        self.dirty = False  # something happened since the last save
        self.save_name: str | None = None
        self.previous_events: list[Event] = []  # the month before last's (to spot repeats)
        self._view: PlayerView | None = None
        self._preview: GameState | None = None
        if not self.history.drug_flow:
            self.history.record(game, self.view, [])

    @classmethod
    def new(cls, scenario: Scenario, seed: int, scenario_file: str = "", difficulty="normal"):
        return cls(Game.start(scenario, seed), scenario_file, difficulty)

    # --- what the scenes read --------------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        return self.game.scenario

    @property
    def state(self) -> GameState:
        return self.game.state

    @property
    def view(self) -> PlayerView:
        if self._view is None or self._view.turn != self.state.turn:
            self._view = player_view(self.state, self.scenario)
        return self._view

    @property
    def preview(self) -> GameState:
        """The state with this month's pending budget changes applied (for validation)."""
        if self._preview is None:
            preview = self.state.copy()
            for order in self.pending:
                if isinstance(order, Allocate) and not validate(order, preview, self.scenario):
                    order.apply(preview, self.scenario, None)
            self._preview = preview
        return self._preview

    @property
    def term_rows(self) -> list[dict]:
        """The national rows of the player's term: from the start, or from the state history
        handed over at the bookmark (row 0) on."""
        national = self.game.national
        return national[self.bookmark - 1 :] if self.bookmark else national

    def handover(self):
        """The replay source that re-makes the game as it was handed over (None: not taken over
        from history): the status quo and "what if?" start from it."""
        from game.lab.replay import source_from_game

        return source_from_game("desk", self.game, self.bookmark) if self.bookmark else None

    @property
    def finished(self) -> bool:
        """The term is over, or the game ended early (a lost mandate)."""
        status = getattr(self.state, "status", "playing")
        return self.state.turn >= self.scenario.turns or status not in ("playing", "")

    def full_cost(self, programme: str, region: int | None = None) -> float:
        """Pesos a month that buy full effort of a programme (in `region` for state lines)."""
        return float(BY_ID[programme].full_cost(self.scenario, region))

    def allocation(self, programme: str, region: int | None = None) -> float:
        return self.preview.allocation.get(key(programme, region), 0.0)

    def budget_left(self) -> float:
        return self.preview.budget - spending(self.preview)

    def pending_hvt(self, target: str) -> HVT | None:
        return next((o for o in self.pending if isinstance(o, HVT) and o.target == target), None)

    # --- what the scenes do -------------------------------------------------------------------

    def problems(self, order: Order) -> list[str]:
        """Why `order` cannot be given now (empty when it can), judged by the model."""
        base = self._without(order)
        return validate(order, base, self.scenario)

    def propose(self, order: Order) -> list[str]:
        """Queue `order` for this month (replacing one that sets the same thing) if legal."""
        problems = self.problems(order)
        if problems:
            return problems
        self.pending = [o for o in self.pending if not same_line(o, order)] + [order]
        self._changed()
        return []

    def withdraw(self, order: Order) -> None:
        self.pending = [o for o in self.pending if o is not order]
        self._changed()

    def undo(self) -> Order | None:
        """Withdraw the last pending order; returns it (None when nothing was pending)."""
        if not self.pending:
            return None
        order = self.pending.pop()
        self._changed()
        return order

    def end_turn(self) -> list[Event]:
        """Play the month with the pending orders; returns its events."""
        orders, self.pending = list(self.pending), []
        self.previous_events = list(self.game.last_events)
        events = self.game.play(orders)
        self._view = None
        self._preview = None
        self.history.record(self.game, self.view, events)
        self.dirty = True
        return events

    def _changed(self) -> None:
        self._preview = None
        self.dirty = True

    def _without(self, order: Order) -> GameState:
        """The preview without the pending order that `order` would replace."""
        if not any(same_line(o, order) for o in self.pending):
            return self.preview
        state = self.state.copy()
        for o in self.pending:
            legal = isinstance(o, Allocate) and not validate(o, state, self.scenario)
            if legal and not same_line(o, order):
                o.apply(state, self.scenario, None)
        return state

    # --- saving ---------------------------------------------------------------------------

    def meta(self) -> dict:
        n = self.view.national
        when = months(self)
        return {
            "app": "hydra-desktop",
            "scenario_id": self.scenario.id,
            "scenario_name": self.scenario.name,
            "scenario_name_es": self.scenario.raw.get("name_es", ""),
            "scenario_file": self.scenario_file,
            "difficulty": self.difficulty,
            "turn": self.state.turn,
            "date": n.get("date", ""),
            "planning": when.planning,  # what the load list shows (game.ui.dates)
            "total": when.total,
            "finished": when.over,
            "national": self.game.national,
            "history": self.history.to_dict(),
            "pending": [order_to_dict(self.state.turn + 1, o) for o in self.pending],
        } | self._bookmark_meta()

    @property
    def bookmark_month(self) -> str | None:
        """The first month the player planned after history, "YYYY-MM" (None: no bookmark)."""
        if not self.bookmark:
            return None
        start = self.scenario.start
        return add_months(f"{start.year:04d}-{start.month:02d}", self.bookmark - 1)

    def _bookmark_meta(self) -> dict:
        """The save's `bookmark` (game.sim.save.envelope): the month and turn the player took
        over from history."""
        if not self.bookmark:
            return {}
        return {"bookmark": {"month": self.bookmark_month, "turn": self.bookmark}}

    def order_log(self) -> list[dict]:
        return [order_to_dict(t, o) for t, o in self.game.order_log]
