"""`hydra run`: one headless game with a scripted strategy, as a table, JSON or CSV files.

When the planner loses the mandate the game plays on to the months asked for, but the table says
so once and marks every later month as a what-if; the CSV and JSON carry the same mark.
"""

from __future__ import annotations

import csv
from pathlib import Path

from game.cli.errors import UsageError, out, print_json
from game.cli.inputs import load, load_orders, writable_file, writable_folder

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
WHAT_IF = "  (mandate lost: a what-if)"
MANDATE_LOST = "mandate_lost"


def run_command(args) -> int:
    from game.ai.strategies import STRATEGIES
    from game.lab.runner import run_game

    if args.strategy not in STRATEGIES:
        known = ", ".join(sorted(STRATEGIES))
        raise UsageError(f"unknown strategy '{args.strategy}' (known: {known})")
    scenario = load(args.scenario, args.overrides, args.difficulty)
    turns = scenario.turns if args.turns is None else args.turns
    scripted = load_orders(args.orders, scenario) if args.orders else None
    if args.out:
        writable_folder(args.out)
    if args.save:
        writable_file(args.save)
    if not args.json:
        out(f"{scenario.name} — {args.strategy}, seed {args.seed}, {turns} months")
        out(_header())
    watch = MandateWatch()
    game = run_game(
        scenario,
        args.strategy,
        turns,
        args.seed,
        scripted=scripted,
        keep_regional=bool(args.out),
        experiment=scripted is not None,
        on_turn=lambda g: watch.month(g, None if args.json else args),
    )
    if args.out:
        write_csvs(game, Path(args.out), watch.lost_turn)
    if args.save:
        _save(game, scenario, args)
    if args.json:
        print_json(summary(game, args.strategy, watch.lost_turn))
    else:
        out(f"checksum {game.state.checksum()}")
    return 0


class MandateWatch:
    """Follows the game month by month: the month the mandate was lost, and the table's lines."""

    def __init__(self):
        self.lost_turn: int | None = None

    def month(self, game, args) -> None:
        lost_now = self.lost_turn is None and game.state.status == MANDATE_LOST
        if lost_now:
            self.lost_turn = game.state.turn
        if args is None:
            return
        what_if = self.lost_turn is not None and not lost_now
        out(_line(game.national[-1]) + (WHAT_IF if what_if else ""))
        if not args.quiet:
            _events(game, args.lang, tell_mandate=lost_now)
        if lost_now:
            out("    (mandate lost: the months after this are a what-if)")


def _events(game, lang: str, tell_mandate: bool) -> None:
    """This month's headline events; the loss of the mandate is told once, the month it happens."""
    from game.text.narrate import HEADLINES, describe

    for event in game.last_events:
        if event.kind in HEADLINES and (event.kind != MANDATE_LOST or tell_mandate):
            out("    " + describe(event, game.state, game.scenario, lang))


def _save(game, scenario, args) -> None:
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


def summary(game, strategy: str, lost_turn: int | None = None) -> dict:
    """The JSON object of `hydra run --json`."""
    return {
        "scenario": game.scenario.id,
        "seed": game.state.seed,
        "strategy": strategy,
        "turns": game.state.turn,
        "mandate_lost_turn": lost_turn,
        "start": game.national[0],
        "end": game.national[-1],
        "checksum": game.state.checksum(),
    }


def write_csvs(game, folder: Path, lost_turn: int | None = None) -> None:
    """national.csv (a row per turn, with `mandate_lost` 0/1) and regions.csv (turn x state)."""
    national = [
        {**row, MANDATE_LOST: int(lost_turn is not None and row["turn"] >= lost_turn)}
        for row in game.national[1:]
    ]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write(folder / "national.csv", national)
        _write(folder / "regions.csv", [r for r in game.regional if r["turn"] >= 1])
    except OSError as exc:
        raise UsageError(f"cannot write to {folder}: {exc.strerror or exc}") from None


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
