"""The 2006-2025 backtest as data: what INEGI counted, what the history planner gives over many
seeds, the two side by side year by year, and how well they fit.

A run plays the scripted history (`game/ai/history.py`) from the scenario's start to December 2025
as an experiment (the real removals are guaranteed operations). Seed k is the same world in every
backtest (common random numbers), and runs come back in seed order whatever order the workers
finish in, so the tables are the same for any number of processes or a Dask cluster. From a
bookmark on, another planner may take over (`bookmark`, `strategy`), as a player would: the
game is then an ordinary one, without guaranteed operations.

Years are calendar years: homicides from January to December over the model's population (INEGI's
rate: deaths in the year per 100,000). 2007-2018 are the calibration years, 2019-2025 held out.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from game.ai import history
from game.ai.strategies import get_strategy
from game.blas import single_threaded
from game.lab.batch import Recipe, map_tasks, scenario_of
from game.lab.runner import Game
from game.paths import LEVELS_DIR
from game.scenario.types import Scenario
from game.sim import metrics, politics
from game.sim.events import Cause

DATA = LEVELS_DIR / "data"
NATIONAL_CSV = DATA / "inegi_homicides_national.csv"
STATES_CSV = DATA / "inegi_homicides_states.csv"
SESNSP_CSV = DATA / "sesnsp_victims_monthly.csv"
CALIBRATION = range(2007, 2019)
HELD_OUT = range(2019, 2026)
END = "2025-12"
MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
HISTORY_ID = "history_2006"  # the level whose months the history planner knows
# Where a player may take over from history on the desktop: the start (Calderón) and the first
# month of each later presidency (Peña Nieto, López Obrador, Sheinbaum).
BOOKMARKS = ("2006-12", "2012-12", "2018-12", "2024-10")
RECENT = range(2019, 2025)  # the years that rank "the most violent states" (INEGI, not estimates)
PARTS = (("calibration", CALIBRATION), ("held_out", HELD_OUT))

Progress = Callable[[int, int], None]


# --- the observed series ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Observed:
    """One year of INEGI homicides (nationally or in one state)."""

    year: int
    rate: float  # per 100,000
    homicides: float | None  # the count, where known
    status: str  # definitive, published, computed, estimate...


def _rows(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _number(text: str) -> float | None:
    return float(text) if text not in ("", None) else None


def load_national(path=NATIONAL_CSV) -> dict[int, Observed]:
    """INEGI's national rate by year (full years only; 2025 is an estimate)."""
    return {
        int(r["year"]): Observed(
            int(r["year"]), float(r["rate_per_100k"]), _number(r["homicides"]), r["status"]
        )
        for r in _rows(path)
        if r["period"] == "Jan-Dec"
    }


def load_states(path=STATES_CSV) -> dict[str, dict[int, Observed]]:
    """INEGI's rate by state code (AGU, BCN...) and year."""
    out: dict[str, dict[int, Observed]] = {}
    for r in _rows(path):
        year = int(r["year"])
        obs = Observed(year, float(r["rate_per_100k"]), _number(r["homicides"]), r["status"])
        out.setdefault(r["state_code"], {})[year] = obs
    return out


def load_sesnsp(path=SESNSP_CSV) -> dict[str, float]:
    """SESNSP victims of intentional homicide by month ("YYYY-MM")."""
    return {r["month"]: float(r["victims"]) for r in _rows(path)}


def armed_group_counts() -> dict[int, dict]:
    """The history file's counts of armed groups by year ({year: {value, what, source}})."""
    items = history.load_history()["armed_groups"]
    return {int(g["year"]): g for g in items if "year" in g}


def armed_group_periods() -> dict[str, dict]:
    """The history file's counts of groups active at some point in a period ({"2009-2020":
    {value, what, source}})."""
    items = history.load_history()["armed_groups"]
    return {str(g["period"]): g for g in items if "period" in g}


def years_of(period: str) -> tuple[int, int]:
    """(first, last) year of a period written "2009-2020"."""
    first, last = period.split("-")
    return int(first), int(last)


def part(year: int) -> str:
    """'calibration' (2007-2018), 'held_out' (2019-2025) or '' (outside both)."""
    return next((name for name, years in PARTS if year in years), "")


def most_violent(states: dict[str, dict[int, Observed]], n: int = 10) -> list[str]:
    """The n states with the highest mean INEGI rate in the recent years (2019-2024)."""
    mean = {c: np.mean([by[y].rate for y in RECENT if y in by]) for c, by in states.items()}
    return sorted(mean, key=lambda c: (-mean[c], c))[:n]


# --- runs ----------------------------------------------------------------------------------------


def turn_of(scenario: Scenario, month: str) -> int:
    """The turn in which `month` ("YYYY-MM") is played (turn 1 is the scenario's start)."""
    start = scenario.start.year * 12 + scenario.start.month
    return int(month[:4]) * 12 + int(month[5:7]) - start + 1


def play_history(
    scenario: Scenario,
    seed: int,
    turns: int,
    bookmark: int | None = None,
    strategy: str = "history",
    on_turn: Callable[[Game], None] | None = None,
) -> Game:
    """History for `turns` months, as an experiment; from turn `bookmark` on, `strategy` plays
    an ordinary game (no guaranteed operations). Each presidency, and whoever takes over at the
    bookmark, starts a new administration (`politics.new_administration`): judged against the
    country it inherits."""
    game = Game.start(scenario, seed)
    game.state.experiment = True
    planner = history.plan
    changes = presidencies(scenario) | {bookmark}
    for turn in range(1, turns + 1):
        if turn in changes:
            politics.new_administration(game.state, scenario)
        if turn == bookmark:
            game.state.experiment = False
            planner = get_strategy(strategy)
        game.play(planner(game.state, scenario, turn))
        if on_turn:
            on_turn(game)
    return game


def presidencies(scenario: Scenario) -> frozenset[int]:
    """The turns after the first in which a new presidency takes the desk (the bookmarks)."""
    return frozenset(turn_of(scenario, month) for month in BOOKMARKS) - {1}


def is_history(scenario: Scenario) -> bool:
    """True for the level the history planner replays (bookmarks exist only there)."""
    return scenario.id == HISTORY_ID


def history_until(
    scenario: Scenario, month: str, seed: int, on_turn: Callable[[Game], None] | None = None
) -> Game:
    """The game as history left it just before `month`, ready for a player to play `month`:
    the months before are played by the history planner (removals guaranteed), then the game
    becomes an ordinary one, and the player's government is judged against the country it
    inherits (`politics.new_administration`). `on_turn(game)` after each month (progress; it may raise to stop).
    ValueError when `month` is not a month of the scenario."""
    if not isinstance(month, str) or not MONTH.fullmatch(month):
        raise ValueError(f"{str(month)[:20]!r} is not a month written as YYYY-MM (2018-12)")
    turn = turn_of(scenario, month)
    if not 1 <= turn <= scenario.turns:
        first = f"{scenario.start:%Y-%m}"
        raise ValueError(f"{month} is not a month of {scenario.id} ({scenario.turns} from {first})")
    game = play_history(scenario, seed, turn - 1, on_turn=on_turn)
    game.state.experiment = False
    politics.new_administration(game.state, scenario)  # the player's government takes the desk
    return game


@dataclass(frozen=True)
class Task:
    """One backtest run: the scenario recipe, a seed, the months, the bookmark and its planner."""

    recipe: Recipe
    seed: int
    turns: int
    bookmark: int | None = None
    strategy: str = "history"


@dataclass
class Run:
    """What one run gives: calendar-year rates (national, and by state code), the armed groups
    each December, and counts of what happened."""

    seed: int
    start_rate: float  # the 12 months before the start (the model's "2006")
    national: dict[int, float] = field(default_factory=dict)
    states: dict[int, dict[str, float]] = field(default_factory=dict)
    groups: dict[int, int] = field(default_factory=dict)
    # armed groups that had at least `armed_group_threshold` members in some month of a period
    groups_ever: dict[str, int] = field(default_factory=dict)
    scripted_removals: int = 0  # leaders and lieutenants taken out by the planner's operations
    leaders_removed: int = 0
    splits: int = 0
    budget_end: float = 0.0
    mandate_lost_turn: int | None = None


def run_task(task: Task) -> Run:
    """Play one backtest run and reduce it to its years."""
    single_threaded()
    scenario = scenario_of(task.recipe)
    months, monthly, groups = [], [], {}
    spans = {period: years_of(period) for period in armed_group_periods()}
    ever = {period: set() for period in spans}

    def record(game: Game) -> None:
        month = game.national[-1]["date"]
        months.append(month)
        monthly.append(game.state.homicides.copy())
        year, armed = int(month[:4]), metrics.armed_group_rows(game.state, scenario)
        if month.endswith("-12"):
            groups[year] = int(armed.size)
        for period, (first, last) in spans.items():
            if first <= year <= last:
                ever[period].update(game.state.factions[f].id for f in armed.tolist())

    game = play_history(scenario, task.seed, task.turns, task.bookmark, task.strategy, record)
    start = game.national[0]
    groups.setdefault(int(start["date"][:4]), int(start["armed_groups"]))
    run = summarise(scenario, task.seed, game, months, np.array(monthly), groups)
    played = {int(m[:4]) for m in months}
    run.groups_ever = {
        period: len(ever[period]) for period, span in spans.items() if set(span) <= played
    }
    return run


def summarise(scenario: Scenario, seed: int, game: Game, months, monthly, groups) -> Run:
    pops = scenario.map.populations()
    codes = [r.code for r in scenario.map.regions]
    by_year = annual_sums(months, monthly)
    lost = [r["turn"] for r in game.national if r["mandate_lost"]]
    ops = (Cause.HVT_CAPTURE, Cause.HVT_KILL)
    return Run(
        seed=seed,
        start_rate=float(game.national[0]["homicides_per_100k"]),
        national={y: float(v.sum() / pops.sum() * metrics.PER_100K) for y, v in by_year.items()},
        states={
            y: dict(zip(codes, (v / pops * metrics.PER_100K).tolist(), strict=True))
            for y, v in by_year.items()
        },
        groups=groups,
        scripted_removals=sum(1 for e in game.events if e.cause in ops),
        leaders_removed=int(game.state.leaders_removed),
        splits=int(game.state.splits),
        budget_end=float(game.state.budget),
        mandate_lost_turn=lost[0] if lost else None,
    )


def annual_sums(months: list[str], monthly: np.ndarray) -> dict[int, np.ndarray]:
    """Monthly values summed by calendar year, complete years only ({year: sum over its 12
    months}, each of the shape of one month)."""
    out: dict[int, np.ndarray] = {}
    for year in sorted({int(m[:4]) for m in months}):
        rows = [k for k, m in enumerate(months) if int(m[:4]) == year]
        if len(rows) == 12:
            out[year] = np.asarray(monthly)[rows].sum(axis=0)
    return out


def run_backtest(
    tasks: list[Task], jobs: int = 1, progress: Progress | None = None, scheduler: str | None = None
) -> list[Run]:
    """Every task's run, in task order: in this process, in `jobs` processes, or on a Dask
    cluster (`scheduler`, "tcp://host:8786")."""
    return map_tasks(run_task, tasks, jobs, progress, scheduler)


# --- the model next to the data -----------------------------------------------------------------


def band(values) -> dict[str, float]:
    """Median and 5-95% band over seeds."""
    p5, median, p95 = np.percentile(np.asarray(values, dtype=float), [5, 50, 95])
    return {
        "median": round(float(median), 2),
        "p5": round(float(p5), 2),
        "p95": round(float(p95), 2),
    }


def national_rows(runs: list[Run], observed: dict[int, Observed]) -> list[dict]:
    """One row per year the runs cover and INEGI has: year, observed, status, band, part."""
    years = sorted(set(runs[0].national) & set(observed))
    return [
        {"year": y, "observed": observed[y].rate, "status": observed[y].status}
        | band([r.national[y] for r in runs])
        | {"part": part(y)}
        for y in years
    ]


def national_fit(runs: list[Run], observed: dict[int, Observed]) -> tuple[list[dict], dict]:
    """The runs' national rows and their fit (`fit`): directions read from INEGI's counts, the
    model's year before the first its starting rate (the same start in every run)."""
    rows = national_rows(runs, observed)
    start = float(np.mean([r.start_rate for r in runs]))
    return rows, fit(rows, observed_direction_rates(observed), start)


def state_rows(runs: list[Run], observed: dict[str, dict[int, Observed]], codes) -> list[dict]:
    """As `national_rows`, for each state in `codes`."""
    rows = []
    for code in codes:
        for y in sorted(set(runs[0].states) & set(observed.get(code, {}))):
            obs = observed[code][y]
            rows.append(
                {"state": code, "year": y, "observed": obs.rate, "status": obs.status}
                | band([r.states[y][code] for r in runs])
                | {"part": part(y)}
            )
    return rows


def group_rows(
    runs: list[Run], counts: dict[int, dict], periods: dict[str, dict] | None = None
) -> list[dict]:
    """The model's armed groups each December (the start, for its own year) next to the counts
    of the history file, for the years every run has; then, for each period of the file that
    every run covers, the groups active at some point in it (its "year" is the period)."""
    yearly = [
        {"year": year, "observed": item["value"], "what": item["what"]}
        | band([r.groups[year] for r in runs])
        for year, item in sorted(counts.items())
        if all(year in r.groups for r in runs)
    ]
    return yearly + [
        {"year": period, "observed": item["value"], "what": item["what"]}
        | band([r.groups_ever[period] for r in runs])
        for period, item in sorted((periods or {}).items())
        if all(period in r.groups_ever for r in runs)
    ]


def fit(
    rows: list[dict], reference: dict[int, float] | None = None, start: float | None = None
) -> dict[str, dict]:
    """Per part: the mean absolute error of the median against the observed rate, and in how
    many years the direction of change from the year before is right.

    `reference` gives the observed values to read directions from (by default the rows' own);
    `start` is the model's value for the year before its first (its starting rate), so that the
    first year has a direction too."""
    observed = reference or {r["year"]: r["observed"] for r in rows}
    model = {r["year"]: r["median"] for r in rows}
    if start is not None and rows:
        model[min(model) - 1] = start
    out = {}
    for name, years in PARTS:
        mine = [r for r in rows if r["year"] in years]
        if not mine:
            continue
        errors = [abs(r["median"] - r["observed"]) for r in mine]
        pairs = [r["year"] for r in mine if r["year"] - 1 in observed and r["year"] - 1 in model]
        hits = sum(
            np.sign(observed[y] - observed[y - 1]) == np.sign(model[y] - model[y - 1])
            for y in pairs
        )
        out[name] = {"mae": round(float(np.mean(errors)), 2), "direction": int(hits)}
        out[name]["years"] = len(pairs)
    return out


def ranking(rows: list[dict]) -> dict[str, float]:
    """Per part, the mean over its years of the rank correlation (Spearman) between the states'
    observed rates and the model's medians: does the model put violence where it was?"""
    out = {}
    for name, years in PARTS:
        values = []
        for year in years:
            mine = [r for r in rows if r["year"] == year]
            if len(mine) > 2:
                ranks = [
                    np.argsort(np.argsort([r[k] for r in mine])) for k in ("observed", "median")
                ]
                values.append(float(np.corrcoef(*ranks)[0, 1]))
        if values:
            out[name] = round(float(np.mean(values)), 2)
    return out


def observed_direction_rates(observed: dict[int, Observed]) -> dict[int, float]:
    """INEGI's yearly values for directions of change: the counts (exact; the published rates
    were rounded to whole numbers before 2017, so some years look flat that were not)."""
    return {y: (o.homicides if o.homicides is not None else o.rate) for y, o in observed.items()}
