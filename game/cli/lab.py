"""`hydra lab`: strategies x seeds (or saved games side by side) -> CSVs, charts, report.md, and
the headline table on the terminal.

The output folder is proven writable before the batch runs. Saved games compared side by side
must come from the same world (scenario, seed, `--set` overrides); when they do not, the command
says so, because the differences are then not the teams' doing alone.
"""

from __future__ import annotations

import sys

from game.cli.errors import UsageError, out, warn
from game.cli.inputs import load, load_source, writable_folder
from game.cli.mandate import mark_mandate, report_section


def progress_bar(done: int, total: int, width: int = 30) -> None:
    """A plain-text bar on stderr, redrawn in place: [#####     ] 52/120."""
    filled = width * done // max(total, 1)
    end = "\n" if done >= total else ""
    try:
        sys.stderr.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total}{end}")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # a closed stderr must not stop the batch


def lab_command(args, render=None) -> int:
    if args.compare:
        return compare_command(args, render)
    from game.lab import batch

    if not args.scenario:
        raise UsageError("hydra lab needs --scenario FILE (or --compare SAVE...)")
    strategies = _strategies(args.strategies)
    check_range("--seeds", args.seeds, 1, 10_000)
    check_range("--turns", args.turns, 1, 1200)
    jobs = batch.default_jobs() if args.jobs is None else args.jobs
    check_range("--jobs", jobs, 1, 256)
    scenario = load(args.scenario, args.overrides)  # fail early, with every problem listed
    sweep = parse_sweeps(args.sweep, args.overrides)
    for key, values in sweep:  # every swept value must make a valid scenario, before any run
        for value in values:
            load(args.scenario, [*args.overrides, f"{key}={value}"])
    writable_folder(args.out)
    spec = batch.BatchSpec(
        args.scenario, strategies, args.seeds, args.turns, tuple(args.overrides), "normal", sweep
    )
    rows = batch.run_batch(
        spec,
        jobs=min(jobs, len(spec.tasks())),
        progress=progress_bar,
        scheduler=args.scheduler,
    )
    swept = "; ".join(f"{k} = {', '.join(v)}" for k, v in sweep)
    intro = (
        f"{scenario.name}: {len(strategies)} strategies x {args.seeds} seeds x {args.turns} "
        f"months (seed k is the same world for every strategy). Overrides: "
        f"{', '.join(args.overrides) or 'none'}."
        + (f" Swept (every combination): {swept}." if sweep else "")
        + " At the end: mean [5th–95th percentile]."
    )
    write(args.out, mark_mandate(rows), args.turns, "Policy lab", intro, render)
    return 0


def parse_sweeps(texts: list[str], overrides: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`KEY=V1,V2,...` options -> ((key, (v1, v2, ...)), ...); a clear error for a malformed one,
    a key swept twice or also fixed with --set."""
    fixed = {o.split("=", 1)[0].strip() for o in overrides}
    out: list[tuple[str, tuple[str, ...]]] = []
    for text in texts:
        key, sep, rest = text.partition("=")
        key = key.strip()
        values = tuple(v.strip() for v in rest.split(",") if v.strip())
        if not sep or not key or not values:
            raise UsageError(
                f"--sweep {text!r}: expected KEY=V1,V2,... (e.g. model.mobility=0.001,0.002)"
            )
        if key in fixed:
            raise UsageError(f"--sweep {key}: the key is also fixed with --set")
        if key in dict(out):
            raise UsageError(f"--sweep {key}: the key is swept twice")
        if len(set(values)) != len(values):
            raise UsageError(f"--sweep {key}: a value is listed twice")
        out.append((key, values))
    return tuple(out)


def _strategies(text: str) -> tuple[str, ...]:
    from game.ai.strategies import STRATEGIES

    strategies = tuple(s.strip() for s in text.split(",") if s.strip())
    unknown = [s for s in strategies if s not in STRATEGIES]
    if not strategies or unknown:
        raise UsageError(
            f"unknown strategy {', '.join(map(repr, unknown)) or '(none given)'} "
            f"(known: {', '.join(sorted(STRATEGIES))})"
        )
    if len(set(strategies)) != len(strategies):
        raise UsageError("--strategies lists a strategy twice")
    return strategies


def compare_command(args, render=None) -> int:
    """Several teams' saved games side by side: one line per team."""
    from game.lab import replay

    writable_folder(args.out)
    sources = [load_source(path) for path in args.compare]
    warnings = different_worlds(sources)
    for line in warnings:
        warn(line)
    rows, names = [], []
    for source in sources:
        name = source.name if source.name not in names else f"{source.name}-{len(names) + 1}"
        names.append(name)
        for row in replay.history(source):
            rows.append({"run_id": name, "strategy": name, "seed": source.seed, **row})
    turns = max(r["turn"] for r in rows)
    intro = f"{len(names)} saved games side by side: {', '.join(names)}."
    if warnings:
        intro += " Warning: " + " ".join(warnings)
    write(args.out, mark_mandate(rows), turns, "Teams compared", intro, render)
    return 0


def different_worlds(sources) -> list[str]:
    """Why these saved games are not the same world (empty when they are)."""
    first = sources[0]
    lines = []
    checks = (
        ("scenario", lambda s: s.scenario.id),
        ("seed", lambda s: s.seed),
        ("scenario values (--set overrides or an edited file)", _world_of),
        ("difficulty", lambda s: s.scenario.difficulty),
    )
    for what, key in checks:
        differ = [s.name for s in sources[1:] if key(s) != key(first)]
        if differ:
            lines.append(
                f"the saves come from different worlds: {', '.join(differ)} differ from "
                f"{first.name} in {what}; differences between teams are not theirs alone."
            )
    return lines


def _world_of(source) -> str:
    import json

    return json.dumps(source.scenario.raw, sort_keys=True, default=str)


def check_range(name: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise UsageError(f"{name} must be between {low} and {high}, not {value}")


def write(folder, rows, turns, title, intro, render, key="strategy") -> None:
    """The files of a report, the headline table on the terminal, and where the files went."""
    import csv
    from pathlib import Path

    from game.lab import batch
    from game.lab.report import headline, write_report

    try:
        paths = write_report(
            Path(folder), rows, batch.summarize(rows, turns), title, intro, render, key
        )
        section = report_section(rows, key)
        if section:
            with open(Path(folder) / "report.md", "a", encoding="utf-8") as fh:
                fh.write("\n" + section)
    except OSError as exc:
        raise UsageError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    except csv.Error as exc:  # pragma: no cover
        raise UsageError(f"cannot write the CSV files: {exc}") from None
    print_table(headline(rows, key), f"{title}, at the end (mean [5th–95th percentile]):")
    warn(f"wrote {len(paths)} files to {folder}")


def print_table(table: list[list[str]], title: str) -> None:
    """A text table with columns padded to their widest cell."""
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    out(title)
    for row in table:
        out("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
