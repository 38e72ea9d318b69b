"""Replays of a saved game: its history, a counterfactual without one month's HVT operations, and
"was it luck?" (the same order log on other seeds). Functions return plain data for the CLI and
the desktop game.

Order log format (the `orders` list of a save, the same as the desktop game writes): one JSON
object per order, in the order they were given,

    {"turn": 3, "kind": "hvt", "target": "cdn.leader", "mode": "kill", "guaranteed": false}

that is, the month it was given for, the order's `kind` (game.sim.order_types.ORDER_TYPES) and
every field of the order dataclass (`dataclasses.asdict`).

A game taken over from history at a bookmark (`meta.bookmark` of a save: the month the player
first planned, and its turn) holds history's orders before that month, given as an experiment
(guaranteed operations); the replays give them back as such, then the player's orders as an
ordinary game. The player's term, scored and replayed "without", starts at the bookmark.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.lab.runner import Game
from game.scenario.types import Scenario
from game.sim.operations import HVT
from game.sim.order_types import order_from_dict
from game.sim.orders import Order
from game.sim.politics import new_administration

HORIZONS = (6, 12, 24)  # months after the dropped operation shown in the side-by-side table
TABLE_METRICS = ("homicides_per_100k", "armed_groups", "members")


@dataclass
class Source:
    """What a replay needs: the scenario, the seed, the months played and the orders by month."""

    name: str
    scenario: Scenario
    seed: int
    turns: int
    orders: dict[int, list[Order]] = field(default_factory=dict)
    national: list[dict] = field(default_factory=list)  # the recorded history, when saved
    experiment: bool = False
    bookmark: int | None = None  # the first month the player played after history (None: all)


def source_from_game(name: str, game: Game, bookmark: int | None = None) -> Source:
    orders: dict[int, list[Order]] = {}
    for turn, order in game.order_log:
        orders.setdefault(turn, []).append(order)
    return Source(
        name,
        game.scenario,
        game.state.seed,
        game.state.turn,
        orders,
        list(game.national),
        game.state.experiment,
        bookmark,
    )


def bookmark_of(meta: dict) -> int | None:
    """The turn a save's player took over from history (its `meta.bookmark`, checked on load)."""
    mark = meta.get("bookmark")
    return int(mark["turn"]) if isinstance(mark, dict) else None


def term(source: Source, rows: list[dict]) -> list[dict]:
    """The rows of the player's term: from the state handed over at the bookmark (row 0) on."""
    return rows[source.bookmark - 1 :] if source.bookmark else rows


def load_game_file(path):
    """(scenario, payload) of a save, the scenario at the save's difficulty; SaveError with a
    clear message when the save cannot be used. Shared by replays and the desktop game."""
    from game.sim.save import load_save

    payload = load_save(path)
    return payload["loaded_scenario"], payload


def load_source(path) -> Source:
    """A save as a replay source; SaveError with a clear message when it cannot be used."""
    from pathlib import Path

    from game.sim.save import SaveError

    scenario, payload = load_game_file(path)
    meta = payload.get("meta") or {}
    orders: dict[int, list[Order]] = {}
    try:
        for item in payload.get("orders") or []:
            turn, order = order_from_dict(item)
            orders.setdefault(turn, []).append(order)
    except ValueError as exc:
        raise SaveError(f"{path}: the order log is damaged ({exc})") from None
    state = payload["state"]
    return Source(
        Path(path).stem,
        scenario,
        int(state.seed),
        int(state.turn),
        orders,
        list(meta.get("national") or []),
        bool(getattr(state, "experiment", False)),
        bookmark_of(meta),
    )


def handed_over(source: Source, seed: int | None = None, on_turn=None) -> Game:
    """The game as the player found it: the start, or history up to the bookmark.

    On the save's own seed, the order log's months before the bookmark are re-played as the
    experiment they were (exactly the game that was handed over); on another seed, the history
    planner plays them in that world (`game.lab.backtest.history_until`). `on_turn(game)` after
    each of those months.
    """
    seed = source.seed if seed is None else seed
    if source.bookmark and seed != source.seed:
        from game.lab.backtest import history_until
        from game.sim.calendar import month_date

        month = f"{month_date(source.scenario, source.bookmark):%Y-%m}"
        return history_until(source.scenario, month, seed, on_turn)
    from game.lab.backtest import presidencies

    game = Game.start(source.scenario, seed)
    game.state.experiment = source.experiment or bool(source.bookmark)
    changes = presidencies(source.scenario) if source.bookmark else frozenset()
    for turn in range(1, source.bookmark or 1):
        if turn in changes:  # as history was played (`backtest.play_history`)
            new_administration(game.state, source.scenario)
        game.play(source.orders.get(turn, []))
        if on_turn:
            on_turn(game)
    if source.bookmark:
        game.state.experiment = False
        new_administration(game.state, source.scenario)  # the player's government
    return game


def replay(source: Source, seed: int | None = None, drop=None) -> list[dict]:
    """The national history of the order log re-played from the start (turn 0 = the start);
    from the bookmark on when there is one (see `handed_over`).

    `drop(turn, order)` -> True leaves that order out of the player's months.
    """
    game = handed_over(source, seed)
    for turn in range(game.state.turn + 1, source.turns + 1):
        orders = source.orders.get(turn, [])
        game.play([o for o in orders if not (drop and drop(turn, o))])
    return game.national


def history(source: Source) -> list[dict]:
    """The game's history: the one recorded in the save, else re-played from the order log."""
    if len(source.national) == source.turns + 1:
        return source.national
    return replay(source)


def hvt_turns(source: Source) -> list[int]:
    """The months with HVT operations the player chose (the choices a counterfactual can
    undo; history's, before a bookmark, are not the player's)."""
    first = source.bookmark or 1
    return sorted(
        t
        for t, orders in source.orders.items()
        if t >= first and any(isinstance(o, HVT) for o in orders)
    )


def counterfactual(source: Source, turn: int) -> dict:
    """Both histories: as played, and with the HVT orders of `turn` left out (all else the same).

    Returns {'turn', 'dropped': [orders], 'played': rows, 'without': rows, 'table': rows}; each
    table row is one moment (+6, +12, +24 months and the end) with both branches' key metrics.
    """
    dropped = [o for o in source.orders.get(turn, []) if isinstance(o, HVT)]
    played = replay(source)
    without = replay(source, drop=lambda t, o: t == turn and isinstance(o, HVT))
    moments = [(f"+{h} months", turn + h) for h in HORIZONS if turn + h < source.turns]
    moments.append(("end", source.turns))
    table = []
    for label, t in moments:
        row = {"moment": label, "turn": t, "date": played[t]["date"]}
        for metric in TABLE_METRICS:
            row[f"{metric}_played"] = played[t][metric]
            row[f"{metric}_without"] = without[t][metric]
        table.append(row)
    return {"turn": turn, "dropped": dropped, "played": played, "without": without, "table": table}


def percentile_of(value: float, others: list[float]) -> float:
    """The share (0-100) of `others` below `value`, counting ties as half."""
    if not others:
        return 50.0
    below = sum(o < value for o in others) + 0.5 * sum(o == value for o in others)
    return round(100.0 * below / len(others), 1)


def was_it_luck(source: Source, seeds: int = 30) -> dict:
    """The player's own order log on seeds 1..N, and where the player's result falls among them.

    A homicide-rate percentile of 20 means only 20% of the re-runs ended with a lower rate.
    """
    from game.sim.evaluation import evaluate

    own = history(source)
    runs = []
    for seed in range(1, seeds + 1):
        rows = replay(source, seed=seed)
        runs.append(
            {
                "seed": seed,
                "homicides_per_100k": rows[-1]["homicides_per_100k"],
                "score": evaluate(term(source, rows)).score,
            }
        )
    rate, score = own[-1]["homicides_per_100k"], evaluate(term(source, own)).score
    return {
        "player": {"seed": source.seed, "homicides_per_100k": rate, "score": score},
        "runs": runs,
        "rate_percentile": percentile_of(rate, [r["homicides_per_100k"] for r in runs]),
        "score_percentile": percentile_of(score, [r["score"] for r in runs]),
    }
