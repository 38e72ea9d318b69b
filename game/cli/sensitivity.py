"""`hydra sensitivity`: which model parameters drive each outcome, and how robust the lesson is
across the plausible worlds (Morris screening or Sobol' indices, with SALib).

Everything the user can get wrong (a parameter or metric name, the method, the sample size, the
output folder, the scenario) is checked before the first month is played. The command writes
samples.csv, outcomes.csv, indices.csv, a chart and report.md, and prints the robustness table.
The analysis itself is `game.lab.sensitivity` (data only); docs/sensitivity.md explains how to
read the results.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

from game.cli.errors import UsageError, out, renderer, warn
from game.cli.inputs import load, writable_folder
from game.cli.lab import _strategies, check_range, progress_bar

DEFAULT_SAMPLES = {"morris": 2, "sobol": 8}
MOST_WORLDS = 100_000


@dataclass(frozen=True)
class Request:
    """A checked command line: what to sample and what to run."""

    method: str
    names: tuple[str, ...]
    samples: int
    grouped: bool
    plan: object  # game.lab.sensitivity.Plan (its metrics: those asked, then the robustness ones)
    metrics: tuple[str, ...]  # the metrics asked for: indices, report and chart
    jobs: int
    scheduler: str | None
    sample_seed: int
    title: str


def sensitivity_command(args) -> int:
    from game.lab import sensitivity as sa

    request = check(args)
    design = sa.sample(
        request.method, request.names, request.samples, request.grouped, request.sample_seed
    )
    warn(describe(request, design))
    outcomes = sa.run_worlds(
        request.plan, design, request.jobs, progress_bar, scheduler=request.scheduler
    )
    index_rows = sa.indices(design, outcomes, request.metrics)
    shares = sa.robustness(outcomes)
    files = write_all(Path(args.out), request, design, outcomes, index_rows, shares)
    print_robustness(shares)
    out(f"Files in {args.out}: {', '.join(files)}")
    return 0


def check(args) -> Request:
    """The command line, checked whole before anything runs (UsageError otherwise)."""
    from game.lab import batch

    strategies = _strategies(args.strategies)
    samples = DEFAULT_SAMPLES[args.method] if args.samples is None else args.samples
    check_range("--samples", samples, 1, MOST_WORLDS)
    if args.method == "sobol" and samples & (samples - 1):
        raise UsageError(
            f"--samples for sobol must be a power of two (8, 16, 32 ...), not {samples}"
        )
    check_range("--seeds", args.seeds, 1, 10_000)
    check_range("--turns", args.turns, 1, 1200)
    jobs = batch.default_jobs() if args.jobs is None else args.jobs
    check_range("--jobs", jobs, 1, 256)
    names = parameter_names(args.params, args.overrides)
    scenario = load(args.scenario, args.overrides)
    metrics = metric_names(args.metrics, scenario)
    writable_folder(args.out)
    from game.lab.sensitivity import ROBUSTNESS_METRICS, Plan, parameter_groups, world_count

    factors = len({parameter_groups()[n] for n in names}) if args.groups else len(names)
    if world_count(args.method, factors, samples) > MOST_WORLDS:
        raise UsageError(f"that sample has more than {MOST_WORLDS:,} worlds; use fewer --samples")
    kept = metrics + tuple(m for m in ROBUSTNESS_METRICS if m not in metrics)
    plan = Plan(args.scenario, strategies, kept, args.seeds, args.turns, tuple(args.overrides))
    return Request(
        args.method, names, samples, args.groups, plan, metrics, jobs, args.scheduler,
        args.sample_seed, scenario.name,
    )  # fmt: skip


def parameter_names(text: str, overrides) -> tuple[str, ...]:
    """`all` (every parameter with a range, less those fixed with --set) or the listed names,
    each known and with a range; did-you-mean for a misspelt one."""
    from game.lab.sensitivity import sampled_names
    from game.scenario.errors import did_you_mean
    from game.scenario.params import BY_NAME

    fixed = {o.split("=", 1)[0].strip().removeprefix("model.") for o in overrides}
    if text.strip() == "all":
        return tuple(n for n in sampled_names() if n not in fixed)
    names = tuple(dict.fromkeys(n.strip() for n in text.split(",") if n.strip()))
    for name in names:
        if name not in BY_NAME:
            raise UsageError(f"--params: unknown parameter {name!r}{did_you_mean(name, BY_NAME)}")
        if name not in sampled_names():
            raise UsageError(f"--params: {name} has no range to sample (low = high)")
        if name in fixed:
            raise UsageError(f"--params: {name} is fixed with --set; it cannot also be sampled")
    if not names:
        raise UsageError("--params names no parameter (use 'all' or names separated by commas)")
    return names


def metric_names(text: str, scenario) -> tuple[str, ...]:
    """The listed metrics, each one of the national metrics (did-you-mean otherwise)."""
    from game.scenario.errors import did_you_mean
    from game.sim.metrics import national
    from game.sim.start import new_game

    known = [k for k in national(new_game(scenario, 1), scenario) if k not in ("turn", "date")]
    metrics = tuple(dict.fromkeys(m.strip() for m in text.split(",") if m.strip()))
    for metric in metrics:
        if metric not in known:
            hint = did_you_mean(metric, known) or f" (known: {', '.join(known)})"
            raise UsageError(f"--metrics: unknown metric {metric!r}{hint}")
    if not metrics:
        raise UsageError("--metrics names no metric")
    return metrics


def describe(request: Request, design) -> str:
    """One line on stderr before the runs: how big the job is."""
    plan = request.plan
    what = f"{len(design.factors())} groups" if design.groups else f"{len(design.names)} parameters"
    return (
        f"{request.method} over {what}: {design.worlds} worlds x {len(plan.strategies)} "
        f"strategies x {plan.seeds} seeds = {plan.runs(design)} runs of {plan.turns} months"
    )


def write_all(folder: Path, request, design, outcomes, index_rows, shares) -> list[str]:
    """Every file of the analysis; their names."""
    from game.lab.sensitivity import bar_chart

    samples = [{"world": w} | dict(zip(design.names, map(float, row), strict=True))
               for w, row in enumerate(design.values)]  # fmt: skip
    tables = {"samples.csv": samples, "outcomes.csv": outcomes.rows(), "indices.csv": index_rows}
    try:
        for name, rows in tables.items():
            write_csv(folder / name, rows)
        files = list(tables)
        chart = bar_chart(index_rows, request.metrics[0])
        if render_chart(chart, folder / "sensitivity.png"):
            files.append("sensitivity.png")
        text = report_markdown(request, design, index_rows, shares, files)
        (folder / "report.md").write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    return [*files, "report.md"]


def write_csv(path: Path, rows: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def render_chart(chart, path: Path) -> bool:
    """Draw the chart as a PNG; False (with a warning) when pygame is missing."""
    render = renderer("game.report.sensitivity_chart", "render_bar_chart")
    if render is None:
        return False
    render(chart, path)
    return True


def print_robustness(shares) -> None:
    """The robustness table on standard output."""
    worlds = shares[0].worlds if shares else 0
    out(f"How robust is the lesson? Share of the {worlds} sampled worlds in which:")
    for line in robustness_table(shares, markdown=False):
        out(line)


def robustness_table(shares, markdown: bool = True) -> list[str]:
    """The robustness shares as table lines (Markdown, or padded text for the terminal)."""
    head = ["claim", "holds in", "ties", "worlds"]
    rows = [[claim_text(s), percent(s.holds, s.worlds), percent(s.ties, s.worlds), str(s.worlds)]
            for s in shares]  # fmt: skip
    if not rows:
        return ["(no claim applies: run passive with decapitation, prevention or institutions,"
                " or balanced with a single-lever plan)"]  # fmt: skip
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|---|--:|--:|--:|"]
        return lines + ["| " + " | ".join(r) + " |" for r in rows]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    return [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in [head, *rows]
    ]


def claim_text(share) -> str:
    """The claim, naming the single-lever plans it was checked against when not all were run."""
    claim = share.claim
    if len(claim.others) > 1 and share.compared_with != claim.others:
        return f"{claim.text} ({', '.join(share.compared_with)})"
    return claim.text


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def report_markdown(request, design, index_rows, shares, files) -> str:
    """report.md: what was run, how robust the lesson is, and what drives each outcome."""
    plan = request.plan
    factors = "groups of parameters" if design.groups else "parameters"
    lines = [
        f"# Sensitivity analysis: {request.title}",
        "",
        f"{METHOD_TEXT[request.method]} over {len(design.factors())} {factors} "
        f"({len(design.names)} parameters, each over its plausible range in "
        f"game/scenario/params.py), {design.worlds} sampled worlds (sample seed "
        f"{request.sample_seed}). In every world: {', '.join(plan.strategies)}, {plan.turns} "
        f"months, {seeds_text(plan.seeds)} (the same seeds for every strategy and world); outcomes at "
        f"the end, mean over the seeds. Overrides: {', '.join(plan.overrides) or 'none'}.",
        "",
        "The classroom headline is a calibration target (FACTS.md): these shares describe this "
        "model, with these ranges, at this commit; they say how much its lesson depends on the "
        "numbers we are unsure of, not what happens in Mexico. docs/sensitivity.md explains how "
        "to read them.",
        "",
        "## How robust is the lesson?",
        "",
        *robustness_table(shares),
        "",
        "Ties (the strategies end level, common with armed groups) count as not holding.",
    ]
    for metric in request.metrics:
        lines += ["", *driver_table(index_rows, metric, plan.strategies, request.method)]
    lines += ["", "## Files", "", *[f"- `{name}`" for name in files]]
    return "\n".join(lines) + "\n"


METHOD_TEXT = {
    "morris": "Morris screening (SALib, 4 levels, one trajectory = one parameter moved at a time)",
    "sobol": "Sobol' indices (SALib, Saltelli's sampling, first and total order)",
}


def driver_table(index_rows, metric, strategies, method) -> list[str]:
    """The ten factors that drive `metric` most, with their index for each strategy."""
    from game.lab.sensitivity import top_factors

    name = "mu* ± 95% half-width" if method == "morris" else "ST ± 95% half-width"
    conf = "mu_star_conf" if method == "morris" else "ST_conf"
    key = "mu_star" if method == "morris" else "ST"
    by = {(r["strategy"], r["parameter"]): r for r in index_rows if r["metric"] == metric}
    lines = [f"### What drives {metric} (top 10 by {name})", ""]
    lines += ["| # | parameter | " + " | ".join(strategies) + " |"]
    lines += ["|--:|---|" + "--:|" * len(strategies)]
    for n, (factor, _) in enumerate(top_factors(index_rows, metric), start=1):
        cells = [number(by[s, factor][key], by[s, factor][conf]) for s in strategies]
        lines.append(f"| {n} | {factor} | " + " | ".join(cells) + " |")
    return lines


def seeds_text(seeds: int) -> str:
    return "seed 1" if seeds == 1 else f"seeds 1-{seeds}"


def number(value: float, error: float) -> str:
    """`value ± error` with three significant digits, thousands without exponents."""

    def fmt(v: float) -> str:
        return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.3g}"

    return fmt(value) if not error or math.isnan(error) else f"{fmt(value)} ± {fmt(error)}"
