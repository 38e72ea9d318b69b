"""`hydra backtest`: history replayed from December 2006 to December 2025 over many seeds, next to
what INEGI counted: per year nationally, for the ten most violent states, the fit on the
calibration years (2007-2018) and the held-out ones (2019-2025), and armed groups; CSVs, a chart
and report.md with `--out`.

Every problem with the command line, its files or the output folder is found before any month is
played, and ends with a message and exit status 2.
"""

from __future__ import annotations

import time
from pathlib import Path

from game.cli.errors import UsageError, out, warn
from game.cli.inputs import load, writable_folder
from game.cli.lab import check_range, progress_bar

STATE_YEARS = (2010, 2018, 2024)  # the years shown for each state in the compact table


def backtest_command(args, render=None) -> int:
    from game.lab import backtest as bt

    check_range("--seeds", args.seeds, 1, 1000)
    jobs = _jobs(args)
    scenario = load(args.scenario, args.overrides)
    turns = bt.turn_of(scenario, bt.END)
    if turns < 13:
        raise UsageError(f"a backtest needs a start before 2025; {args.scenario} starts later")
    bookmark = _bookmark(args, scenario, turns)
    if args.out:
        writable_folder(args.out)
    data = _data()
    text = Path(args.scenario).read_text(encoding="utf-8-sig")
    recipe = bt.Recipe(text, args.scenario, tuple(args.overrides))
    tasks = [bt.Task(recipe, s, turns, bookmark, args.strategy) for s in range(1, args.seeds + 1)]
    began = time.perf_counter()
    runs = _run(bt, tasks, jobs, args.scheduler)
    seconds = time.perf_counter() - began
    result = tables(runs, data)
    intro = _intro(scenario, args, runs)
    print_result(result, intro)
    if args.out:
        write_files(Path(args.out), result, intro, render)
        warn(f"wrote the backtest to {args.out}")
    warn(f"{len(runs)} runs of {turns} months in {seconds:.0f} s")
    return 0


def _jobs(args) -> int:
    from game.lab.batch import default_jobs

    jobs = default_jobs() if args.jobs is None else args.jobs
    check_range("--jobs", jobs, 1, 256)
    return min(jobs, args.seeds)


def _bookmark(args, scenario, turns: int) -> int | None:
    from game.ai.strategies import STRATEGIES
    from game.lab.backtest import turn_of

    if args.strategy not in STRATEGIES:
        known = ", ".join(sorted(STRATEGIES))
        raise UsageError(f"unknown strategy '{args.strategy}' (known: {known})")
    if args.bookmark is None:
        if args.strategy != "history":
            raise UsageError("--strategy takes over at a bookmark: give --bookmark YYYY-MM too")
        return None
    text = args.bookmark
    ok = len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit()
    if not ok or not 1 <= int(text[5:]) <= 12:
        raise UsageError(f"--bookmark must be a month like 2018-12, not {text!r}")
    turn = turn_of(scenario, text)
    if not 2 <= turn <= turns:
        raise UsageError(
            f"--bookmark must be a month after the start ({scenario.start:%Y-%m}) and by "
            f"2025-12, not {text}"
        )
    return turn


def _data() -> dict:
    from game.lab import backtest as bt

    try:
        states = bt.load_states()
        return {
            "national": bt.load_national(),
            "states": states,
            "top": bt.most_violent(states),
            "groups": bt.armed_group_counts(),
            "periods": bt.armed_group_periods(),
            "sesnsp": bt.load_sesnsp(),
        }
    except (OSError, KeyError, ValueError) as exc:
        raise UsageError(f"cannot read the data in levels/data/ ({exc})") from None


def _run(bt, tasks, jobs: int, scheduler: str | None):
    try:
        return bt.run_backtest(tasks, jobs=jobs, progress=progress_bar, scheduler=scheduler)
    except (OSError, TimeoutError) as exc:
        if scheduler:
            raise UsageError(f"cannot run on the scheduler {scheduler}: {exc}") from None
        raise


def tables(runs, data: dict) -> dict:
    """Everything the backtest reports, as rows."""
    from game.lab import backtest as bt

    national, national_fit = bt.national_fit(runs, data["national"])
    codes = data["top"] + sorted(set(data["states"]) - set(data["top"]))  # the top ten first
    states = bt.state_rows(runs, data["states"], codes)
    state_fit = {code: bt.fit([r for r in states if r["state"] == code]) for code in data["top"]}
    return {
        "national": national,
        "fit": national_fit,
        "states": states,
        "state_fit": state_fit,
        "ranking": bt.ranking(states),
        "groups": bt.group_rows(runs, data["groups"], data["periods"]),
        "latest": _latest(national, data["sesnsp"]),
        "runs": runs,
    }


def _latest(national: list[dict], sesnsp: dict) -> dict | None:
    """2025 against 2024: the model's median change, SESNSP's and INEGI's (estimated) change."""
    by = {r["year"]: r for r in national}
    if 2024 not in by or 2025 not in by:
        return None
    victims = [sum(v for m, v in sesnsp.items() if m.startswith(str(y))) for y in (2024, 2025)]
    return {
        "model": by[2025]["median"] / by[2024]["median"] - 1.0,
        "inegi": by[2025]["observed"] / by[2024]["observed"] - 1.0,
        "sesnsp": victims[1] / victims[0] - 1.0 if victims[0] else float("nan"),
    }


def _intro(scenario, args, runs) -> str:
    taken = ""
    if args.bookmark:
        taken = f" From {args.bookmark} on, the '{args.strategy}' planner plays instead."
    return (
        f"{scenario.name}: the history planner from {scenario.start:%Y-%m} to 2025-12, "
        f"{len(runs)} seeds (seed k is the same world in every backtest).{taken} Overrides: "
        f"{', '.join(args.overrides) or 'none'}. {parameters_note(scenario)}"
    )


def parameters_note(scenario) -> str:
    """Which model parameters this history runs with: the defaults, or which ones differ (set by
    the scenario's `model:` block or by --set)."""
    from game.scenario.params import PARAMS

    changed = [p.name for p in PARAMS if getattr(scenario.model, p.name) != p.default]
    if not changed:
        return (
            "The model's parameters are the defaults of game/scenario/params.py: none is fitted "
            "to this history."
        )
    return (
        f"{len(changed)} model parameters differ from the defaults of game/scenario/params.py, "
        f"set by the scenario's model block or --set ({', '.join(changed)}); levels/README.md "
        "('History, replayed') says how the history level's values were fitted (on 2007-2018 "
        "only) or chosen."
    )


# --- the terminal ---------------------------------------------------------------------------------


def national_table(result: dict) -> list[list[str]]:
    table = [["year", "part", "INEGI", "model median [5-95%]"]]
    for r in result["national"]:
        mark = "e" if r["status"] == "estimate" else ""
        part = {"calibration": "calibration", "held_out": "held out"}.get(r["part"], "")
        band = f"{r['median']:.1f} [{r['p5']:.1f}-{r['p95']:.1f}]"
        table.append([str(r["year"]), part, f"{r['observed']:.1f}{mark}", band])
    return table


def state_table(result: dict) -> list[list[str]]:
    head = ["state"] + [f"{y} INEGI/model" for y in STATE_YEARS]
    table = [head + ["MAE calibration", "MAE held out"]]
    for code, fit in result["state_fit"].items():
        rows = {r["year"]: r for r in result["states"] if r["state"] == code}
        cells = [
            f"{rows[y]['observed']:.0f}/{rows[y]['median']:.0f}" if y in rows else "-"
            for y in STATE_YEARS
        ]
        maes = [f"{fit[p]['mae']:.1f}" if p in fit else "-" for p in ("calibration", "held_out")]
        table.append([code] + cells + maes)
    return table


def fit_table(result: dict) -> list[list[str]]:
    head = ["fit", "MAE per 100k (national)", "direction right", "states: mean MAE (top 10)"]
    table = [head + ["state ranking (Spearman)"]]
    names = {"calibration": "calibration 2007-2018", "held_out": "held out 2019-2025"}
    for part, label in names.items():
        fit = result["fit"].get(part)
        if not fit:
            continue
        per_state = [f[part]["mae"] for f in result["state_fit"].values() if part in f]
        mean = f"{sum(per_state) / len(per_state):.1f}" if per_state else "-"
        rank = result["ranking"].get(part)
        rank = "-" if rank is None else f"{rank:.2f}"
        table.append(
            [label, f"{fit['mae']:.1f}", f"{fit['direction']} of {fit['years']}", mean, rank]
        )
    return table


def group_table(result: dict) -> list[list[str]]:
    table = [["year", "armed groups (history file)", "model median [5-95%]"]]
    for r in result["groups"]:
        band = f"{r['median']:.0f} [{r['p5']:.0f}-{r['p95']:.0f}]"
        table.append([str(r["year"]), f"{r['observed']} ({r['what']})", band])
    return table


def counts_line(result: dict) -> str:
    from statistics import median

    runs = result["runs"]
    lost = sum(r.mandate_lost_turn is not None for r in runs)
    return (
        f"Per run (median): {median(r.scripted_removals for r in runs):.0f} people removed by "
        f"the planner's operations, {median(r.leaders_removed for r in runs):.0f} leaders "
        f"removed in all, {median(r.splits for r in runs):.0f} splits, a budget of "
        f"{median(r.budget_end for r in runs) / 1e6:,.0f} million pesos a month at the end; the "
        f"mandate was lost in {lost} of {len(runs)} runs."
    )


def print_result(result: dict, intro: str) -> None:
    from game.cli.lab import print_table

    out(intro)
    out()
    print_table(national_table(result), "Homicides per 100,000 a year (e = estimate):")
    out()
    print_table(state_table(result), "The ten most violent states (INEGI 2019-2024):")
    out()
    print_table(fit_table(result), "Fit of the model's median:")
    latest = result["latest"]
    if latest:
        out(
            f"2025 against 2024: model {latest['model']:+.0%}, INEGI (estimate) "
            f"{latest['inegi']:+.0%}, SESNSP victims {latest['sesnsp']:+.0%}"
        )
    out()
    print_table(group_table(result), "Armed groups (definitions differ: see report.md):")
    out()
    out(counts_line(result))


# --- the files ----------------------------------------------------------------------------------

NATIONAL_COLUMNS = ("year", "observed", "status", "median", "p5", "p95", "part")
STATE_COLUMNS = ("state",) + NATIONAL_COLUMNS
GROUP_COLUMNS = ("year", "observed", "what", "median", "p5", "p95")
CHART = "backtest_national.png"


def write_files(folder: Path, result: dict, intro: str, render) -> None:
    """backtest_national.csv, backtest_states.csv, backtest_groups.csv, the chart, report.md."""
    from game.lab.report import write_csv

    try:
        write_csv(folder / "backtest_national.csv", result["national"], NATIONAL_COLUMNS)
        write_csv(folder / "backtest_states.csv", result["states"], STATE_COLUMNS)
        write_csv(folder / "backtest_groups.csv", result["groups"], GROUP_COLUMNS)
        chart = render is not None and bool(result["national"])
        if chart:
            render(result["national"], folder / CHART)
        (folder / "report.md").write_text(report(result, intro, chart), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write to {folder}: {exc.strerror or exc}") from None


def report(result: dict, intro: str, chart: bool) -> str:
    from game.lab.report import markdown_table

    text = ["# Backtest: history replayed, 2006-2025", "", intro, ""]
    if chart:
        text += [f"![national homicide rate]({CHART})", ""]
    text += [
        "## National homicide rate (per 100,000 a year)",
        "",
        "INEGI: deaths by homicide in the calendar year (levels/data/inegi_homicides_national.csv;"
        " 2025 is an estimate, marked e). Model: homicides from January to December over its "
        "population, median and 5-95% band over the seeds. Calibration years 2007-2018; "
        "2019-2025 are held out.",
        "",
        markdown_table(national_table(result)),
        "",
        "## Fit",
        "",
        "Mean absolute error of the model's median rate, and the years in which its direction of "
        "change from the year before (up or down) matches INEGI's counts; for 2007 the model's "
        "year before is its starting rate (the twelve months before the start).",
        "",
        markdown_table(fit_table(result)),
        "",
    ]
    latest = result["latest"]
    if latest:
        text += [
            f"2025 against 2024: model {latest['model']:+.0%}; INEGI {latest['inegi']:+.0%} "
            f"(estimate from its first half); SESNSP victims {latest['sesnsp']:+.0%}.",
            "",
        ]
    text += [
        "## The ten most violent states (INEGI, mean of 2019-2024)",
        "",
        "Every state and year is in backtest_states.csv. 2023-2025 include estimates "
        "(levels/README.md, Data files).",
        "",
        markdown_table(state_table(result)),
        "",
        "## Armed groups",
        "",
        "The model counts factions with at least `armed_group_threshold` members each December "
        "(its start for 2006); the history file's counts are of groups visible in violent events "
        "or listed by researchers, so the comparison is of orders of magnitude. A period (such as "
        "2009-2020) counts the groups active at some point in it: for the model, the factions "
        "that reached the threshold in at least one month of those years.",
        "",
        markdown_table(group_table(result)),
        "",
        counts_line(result),
        "",
    ]
    return "\n".join(text)
