"""`hydra lab` (strategies x seeds, or saved games side by side) and `hydra replay` (what if).

Charts are drawn by a renderer handed in by `game.cli` (pygame lives in `game.report`); without
one, the CSVs and report.md are still written.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from game.ai.strategies import STRATEGIES
from game.cli import UsageError
from game.lab import batch, replay
from game.lab.report import Renderer, write_report


def progress_bar(done: int, total: int, width: int = 30) -> None:
    """A plain-text bar on stderr, redrawn in place: [#####     ] 52/120."""
    filled = width * done // max(total, 1)
    end = "\n" if done >= total else ""
    sys.stderr.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total}{end}")
    sys.stderr.flush()


def lab_command(args, render: Renderer | None = None) -> int:
    if args.compare:
        return compare_command(args, render)
    if not args.scenario:
        raise UsageError("hydra lab needs --scenario FILE (or --compare SAVE...)")
    strategies = tuple(s.strip() for s in args.strategies.split(",") if s.strip())
    unknown = [s for s in strategies if s not in STRATEGIES]
    if not strategies or unknown:
        raise UsageError(
            f"unknown strategy {', '.join(map(repr, unknown)) or '(none given)'} "
            f"(known: {', '.join(sorted(STRATEGIES))})"
        )
    if len(set(strategies)) != len(strategies):
        raise UsageError("--strategies lists a strategy twice")
    _check_range("--seeds", args.seeds, 1, 10_000)
    _check_range("--turns", args.turns, 1, 1200)
    jobs = batch.default_jobs() if args.jobs is None else args.jobs
    _check_range("--jobs", jobs, 1, 256)
    from game.lab.cli_run import load

    scenario = load(args.scenario, args.overrides)  # fail early, with every problem listed
    spec = batch.BatchSpec(
        args.scenario, strategies, args.seeds, args.turns, tuple(args.overrides), "normal"
    )
    rows = batch.run_batch(spec, jobs=min(jobs, len(spec.tasks())), progress=progress_bar)
    intro = (
        f"{scenario.name}: {len(strategies)} strategies x {args.seeds} seeds x {args.turns} "
        f"months (seed k is the same world for every strategy). Overrides: "
        f"{', '.join(args.overrides) or 'none'}. At the end: mean [5th–95th percentile]."
    )
    _write(args.out, rows, batch.summarize(rows, args.turns), "Policy lab", intro, render)
    return 0


def compare_command(args, render: Renderer | None) -> int:
    """Several teams' saved games side by side: one line per team."""
    rows, names = [], []
    for path in args.compare:
        source = _source(path)
        name = source.name if source.name not in names else f"{source.name}-{len(names) + 1}"
        names.append(name)
        for row in replay.history(source):
            rows.append({"run_id": name, "strategy": name, "seed": source.seed, **row})
    turns = max(r["turn"] for r in rows)
    intro = f"{len(names)} saved games side by side: {', '.join(names)}."
    _write(args.out, rows, batch.summarize(rows, turns), "Teams compared", intro, render)
    return 0


def replay_command(args, render: Renderer | None = None) -> int:
    source = _source(args.save)
    if args.without_turn is None and args.seeds is None:
        raise UsageError("hydra replay needs --without-turn N or --seeds N")
    if args.without_turn is not None:
        _counterfactual(source, args.without_turn, args.out, render)
    if args.seeds is not None:
        _check_range("--seeds", args.seeds, 1, 1000)
        _luck(source, args.seeds)
    return 0


def _counterfactual(source, turn: int, out, render) -> None:
    if not 1 <= turn <= source.turns:
        raise UsageError(f"--without-turn must be a month from 1 to {source.turns}, not {turn}")
    hvt = replay.hvt_turns(source)
    if turn not in hvt:
        months = ", ".join(map(str, hvt)) or "none"
        raise UsageError(f"no HVT operation was ordered in month {turn} (HVT months: {months})")
    result = replay.counterfactual(source, turn)
    ops = "; ".join(f"{o.mode} {o.target}" for o in result["dropped"])
    print(f"{source.name}: month {turn} without its HVT orders ({ops}), all else the same")
    print(f"{'':>11}{'homicides/100k':>22}{'armed groups':>20}{'members':>24}")
    print(f"{'':>11}" + f"{'played':>11}{'without':>11}" * 2 + f"{'played':>12}{'without':>12}")
    for r in result["table"]:
        print(
            f"{r['moment']:>11}"
            f"{r['homicides_per_100k_played']:>11.1f}{r['homicides_per_100k_without']:>11.1f}"
            f"{r['armed_groups_played']:>11}{r['armed_groups_without']:>11}"
            f"{r['members_played']:>12,.0f}{r['members_without']:>12,.0f}"
        )
    if out:
        rows = [
            {"run_id": branch, "strategy": branch, "seed": source.seed, **row}
            for branch in ("played", "without")
            for row in result["played" if branch == "played" else "without"]
        ]
        title = f"Counterfactual: month {turn} without its HVT operation"
        intro = f"{source.name}, seed {source.seed}: as played, and without {ops} in month {turn}."
        _write(out, rows, batch.summarize(rows, source.turns), title, intro, render)


def _luck(source, seeds: int) -> None:
    result = replay.was_it_luck(source, seeds)
    p = result["player"]
    print(f"{source.name}: your order log re-played on {seeds} seeds")
    print(
        f"  homicide rate at the end: {p['homicides_per_100k']:.1f} per 100k — "
        f"{result['rate_percentile']:.0f}% of re-runs ended lower"
    )
    print(
        f"  evaluation score: {p['score']:.0f} — {result['score_percentile']:.0f}% of re-runs "
        "scored lower"
    )


def _source(path):
    from game.sim.save import SaveError

    try:
        return replay.load_source(path)
    except SaveError as exc:
        raise UsageError(str(exc)) from None


def _check_range(name: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise UsageError(f"{name} must be between {low} and {high}, not {value}")


def _write(out, rows, summary, title, intro, render) -> None:
    try:
        paths = write_report(Path(out), rows, summary, title, intro, render)
    except OSError as exc:
        raise UsageError(f"cannot write to {out}: {exc.strerror or exc}") from None
    except csv.Error as exc:  # pragma: no cover
        raise UsageError(f"cannot write the CSV files: {exc}") from None
    print(f"wrote {len(paths)} files to {out}", file=sys.stderr)
