"""The one headless game loop: scenario + strategy + seed -> monthly metrics.

The desktop game and the batch lab both drive games through `Game`, so a game played by hand and
the same orders replayed here give the same states.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from game.ai.cartel import cartel_orders
from game.ai.strategies import get_strategy
from game.scenario.types import Scenario
from game.sim import metrics
from game.sim.events import Event
from game.sim.month import resolve_month
from game.sim.orders import Order
from game.sim.start import new_game
from game.sim.state import GameState


@dataclass
class Game:
    """A game in progress: the scenario, the current state and what has happened so far."""

    scenario: Scenario
    state: GameState
    national: list[dict] = field(default_factory=list)
    regional: list[dict] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    last_events: list[Event] = field(default_factory=list)
    order_log: list[tuple[int, Order]] = field(default_factory=list)
    keep_regional: bool = False
    ai: bool = True  # cartel AI on; off = every faction uses the null policy
    policies: dict[str, str] = field(default_factory=dict)  # faction id -> policy name

    @classmethod
    def start(cls, scenario: Scenario, seed: int, keep_regional: bool = False) -> Game:
        state = new_game(scenario, seed)
        game = cls(scenario, state, keep_regional=keep_regional)
        game._record()
        return game

    def play(self, orders: list[Order] = ()) -> list[Event]:
        """Resolve one month with `orders`; returns its events."""
        turn = self.state.turn + 1
        orders = [o.made(self.state) for o in orders]  # targets by role resolved now
        result = resolve_month(self.state, self.scenario, orders, self.cartels)
        self.state = result.state
        self.order_log.extend((turn, o) for o in orders)
        self.events.extend(result.events)
        self.last_events = result.events
        self._record()
        return result.events

    def cartels(self, state: GameState, scenario: Scenario) -> list[Order]:
        """Every faction's AI decides its orders for the coming month."""
        default = "adaptive" if self.ai else "null"
        return cartel_orders(state, scenario, self.policies, default=default)

    def _record(self) -> None:
        self.national.append(metrics.national(self.state, self.scenario))
        if self.keep_regional:
            self.regional.extend(metrics.regional(self.state, self.scenario))


def run_game(
    scenario: Scenario,
    strategy: str,
    turns: int,
    seed: int,
    scripted: dict[int, list[Order]] | None = None,
    keep_regional: bool = False,
    on_turn: Callable[[Game], None] | None = None,
    experiment: bool = False,
) -> Game:
    """Play `turns` months with a named strategy (plus scripted orders by turn, if any).

    `experiment` allows orders that exist for experiments only (guaranteed operations).
    """
    planner = get_strategy(strategy)
    game = Game.start(scenario, seed, keep_regional=keep_regional)
    game.state.experiment = experiment
    for turn in range(1, turns + 1):
        orders = list(planner(game.state, scenario, turn)) + list((scripted or {}).get(turn, []))
        game.play(orders)
        if on_turn:
            on_turn(game)
    return game
