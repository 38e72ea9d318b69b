"""`hydra replay`: a saved game without one month's HVT operation, or re-played on other seeds.

Both write runs.csv, summary.csv, the charts and report.md when given `--out`. A save's months
are bounded by its scenario (at most 1,200): a tampered save cannot make a replay run forever.
"""

from __future__ import annotations

from game.cli.errors import UsageError, out
from game.cli.inputs import load_source, writable_folder
from game.cli.lab import check_range, write
from game.cli.mandate import mark_mandate


def replay_command(args, render=None) -> int:
    if args.without_turn is None and args.seeds is None:
        raise UsageError("hydra replay needs --without-turn N or --seeds N")
    if args.seeds is not None:
        check_range("--seeds", args.seeds, 1, 1000)
    if args.out:
        writable_folder(args.out)
    source = load_source(args.save)
    if args.without_turn is not None:
        counterfactual(source, args.without_turn, args.out, render)
    if args.seeds is not None:
        luck(source, args.seeds, args.out, render)
    return 0


def counterfactual(source, turn: int, folder, render) -> None:
    from game.lab import replay

    if not 1 <= turn <= source.turns:
        raise UsageError(f"--without-turn must be a month from 1 to {source.turns}, not {turn}")
    hvt = replay.hvt_turns(source)
    if turn not in hvt:
        months = ", ".join(map(str, hvt)) or "none"
        raise UsageError(f"no HVT operation was ordered in month {turn} (HVT months: {months})")
    result = replay.counterfactual(source, turn)
    ops = "; ".join(f"{o.mode} {o.target}" for o in result["dropped"])
    out(f"{source.name}: month {turn} without its HVT orders ({ops}), all else the same")
    _print_side_by_side(result["table"])
    if folder:
        rows = [
            {"run_id": branch, "strategy": branch, "seed": source.seed, **row}
            for branch in ("played", "without")
            for row in result[branch]
        ]
        title = f"Counterfactual: month {turn} without its HVT operation"
        intro = f"{source.name}, seed {source.seed}: as played, and without {ops} in month {turn}."
        write(folder, mark_mandate(rows), source.turns, title, intro, render)


def _print_side_by_side(table: list[dict]) -> None:
    out(f"{'':>11}{'homicides/100k':>22}{'armed groups':>20}{'members':>24}")
    out(f"{'':>11}" + f"{'played':>11}{'without':>11}" * 2 + f"{'played':>12}{'without':>12}")
    for r in table:
        out(
            f"{r['moment']:>11}"
            f"{r['homicides_per_100k_played']:>11.1f}{r['homicides_per_100k_without']:>11.1f}"
            f"{r['armed_groups_played']:>11}{r['armed_groups_without']:>11}"
            f"{r['members_played']:>12,.0f}{r['members_without']:>12,.0f}"
        )


def luck(source, seeds: int, folder, render) -> None:
    """The order log on seeds 1..N: where the player's result falls, and the files if asked."""
    from game.lab import replay
    from game.sim.evaluation import evaluate

    own = replay.history(source)
    runs = {seed: replay.replay(source, seed=seed) for seed in range(1, seeds + 1)}
    rate, score = own[-1]["homicides_per_100k"], evaluate(replay.term(source, own)).score
    rates = [rows[-1]["homicides_per_100k"] for rows in runs.values()]
    scores = [evaluate(replay.term(source, rows)).score for rows in runs.values()]
    out(f"{source.name}: your order log re-played on {seeds} seeds")
    out(
        f"  homicide rate at the end: {rate:.1f} per 100k — "
        f"{replay.percentile_of(rate, rates):.0f}% of re-runs ended lower"
    )
    out(
        f"  evaluation score: {score:.0f} — {replay.percentile_of(score, scores):.0f}% of "
        "re-runs scored lower"
    )
    if folder:
        rows = [_run_row("played", source.seed, row) for row in own]
        for seed, history in runs.items():
            rows += [_run_row("re-runs", seed, row, f"re-run-s{seed}") for row in history]
        title = f"Was it luck? {source.name} re-played on {seeds} seeds"
        intro = (
            f"The order log of {source.name} (seed {source.seed}) as played, and the same orders "
            f"on seeds 1 to {seeds}: the band shows how much the dice alone move the result."
        )
        write(folder, mark_mandate(rows), source.turns, title, intro, render)


def _run_row(group: str, seed: int, row: dict, run_id: str = "played") -> dict:
    return {"run_id": run_id, "strategy": group, "seed": seed, **row}
