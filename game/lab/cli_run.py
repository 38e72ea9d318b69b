"""`hydra run`: one headless game with a scripted strategy, as a table, JSON or CSV files."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from game.ai.strategies import STRATEGIES
from game.cli import UsageError, print_json
from game.lab.runner import Game, run_game
from game.scenario.difficulty import with_difficulty
from game.scenario.types import Scenario

COLUMNS = (
    ("date", "month", 8, "{}"),
    ("homicides", "homicides", 10, "{:,.0f}"),
    ("homicides_per_100k", "per 100k/yr", 12, "{:.1f}"),
    ("cartel_deaths", "cartel deaths", 14, "{:,.0f}"),
    ("members", "members", 10, "{:,.0f}"),
    ("recruits", "recruits", 9, "{:,.0f}"),
    ("arrests", "arrests", 8, "{:,.0f}"),
    ("armed_groups", "armed groups", 13, "{}"),
)


def load(path: str, overrides: list[str]) -> Scenario:
    """Load a scenario or raise UsageError listing every problem."""
    from game.scenario import ScenarioError, load_scenario

    try:
        return load_scenario(path, overrides)
    except ScenarioError as exc:
        raise UsageError(f"the scenario has problems:\n{exc}") from None


def run_command(args) -> int:
    if args.strategy not in STRATEGIES:
        raise UsageError(
            f"unknown strategy '{args.strategy}' (known: {', '.join(sorted(STRATEGIES))})"
        )
    scenario = with_difficulty(load(args.scenario, args.overrides), args.difficulty)
    turns = scenario.turns if args.turns is None else args.turns
    if not 0 <= turns <= 1200:
        raise UsageError(f"--turns must be between 0 and 1200, not {turns}")
    scripted = load_orders_or_fail(args.orders, scenario) if args.orders else None
    if not args.json:
        print(f"{scenario.name} — {args.strategy}, seed {args.seed}, {turns} months")
        print(_header())
    game = run_game(
        scenario,
        args.strategy,
        turns,
        args.seed,
        scripted=scripted,
        keep_regional=bool(args.out),
        experiment=scripted is not None,
        on_turn=None if args.json else lambda g: _report(g, args),
    )
    if args.out:
        write_csvs(game, Path(args.out))
    if args.save:
        from game.sim.order_types import order_to_dict
        from game.sim.save import save_game

        # The history and the order log travel with the save: replays and comparisons use them.
        meta = {
            "strategy": args.strategy,
            "scenario_file": args.scenario,
            "difficulty": args.difficulty,
            "national": game.national,
        }
        orders = [order_to_dict(turn, order) for turn, order in game.order_log]
        try:
            save_game(args.save, game.state, scenario.raw, orders, meta)
        except OSError as exc:
            raise UsageError(f"cannot write {args.save}: {exc.strerror or exc}") from None
    if args.json:
        print_json(summary(game, args.strategy))
    else:
        print(f"checksum {game.state.checksum()}")
    return 0


def load_orders_or_fail(path: str, scenario: Scenario):
    from game.lab.scripted import load_orders
    from game.scenario import ScenarioError

    try:
        return load_orders(path, scenario)
    except ScenarioError as exc:
        raise UsageError(f"the orders file has problems:\n{exc}") from None


def _report(game: Game, args) -> None:
    """One line of the monthly table, then this month's headline events."""
    from game.narrate import HEADLINES, describe

    print(_line(game.national[-1]))
    if args.quiet:
        return
    for event in game.last_events:
        if event.kind in HEADLINES:
            print("    " + describe(event, game.state, game.scenario, args.lang))


def summary(game: Game, strategy: str) -> dict:
    """The JSON object of `hydra run --json`."""
    return {
        "scenario": game.scenario.id,
        "seed": game.state.seed,
        "strategy": strategy,
        "turns": game.state.turn,
        "start": game.national[0],
        "end": game.national[-1],
        "checksum": game.state.checksum(),
    }


def write_csvs(game: Game, out: Path) -> None:
    """national.csv (a row per turn) and regions.csv (a row per turn and state)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        _write(out / "national.csv", game.national[1:])
        _write(out / "regions.csv", [r for r in game.regional if r["turn"] >= 1])
    except OSError as exc:
        raise UsageError(f"cannot write to {out}: {exc.strerror or exc}") from None


def _write(path: Path, rows: list[dict]) -> None:
    if not rows:
        path.write_text("turn,date\n", encoding="utf-8")
        return
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _header() -> str:
    return "".join(title.rjust(width) for _, title, width, _ in COLUMNS)


def _line(row: dict) -> str:
    return "".join(fmt.format(row[key]).rjust(width) for key, _, width, fmt in COLUMNS)


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: hydra run ...")
