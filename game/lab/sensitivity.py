"""Sensitivity analysis of the model's parameters over their plausible ranges (SALib).

Owns: the SALib problem built from `game.scenario.params` (each parameter's `low`-`high`,
optionally grouped by the `# --- section ---` comments of params.py), the sampled worlds (Morris
trajectories or Saltelli/Sobol' points), running every strategy in every world through
`run_batch` and keeping only the end of each run, the Morris or Sobol' indices per strategy and
metric, and the robustness of the lesson (in what share of worlds decapitation ends worse than
passive, and so on). Pure data: no printing, no files; `game.cli.sensitivity` writes them.

A world is one sampled point: the override strings `model.NAME=VALUE` on top of the scenario
file. Seed k is the same seed for every strategy and in every world (common random numbers), so
differences between strategies, and between neighbouring Morris worlds, are not dice.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from game.lab.batch import BatchSpec, Progress, Recipe, Task, run_batch
from game.scenario import params as params_module
from game.scenario.params import BY_NAME, PARAMS

METHODS = ("morris", "sobol")
MORRIS_LEVELS = 4
RESAMPLES = 100  # bootstrap resamples for the confidence intervals
TASKS_PER_CHUNK = 240  # runs held in memory at once (all their months) before keeping the ends
OTHER_GROUP = "other"


def parameter_groups() -> dict[str, str]:
    """{parameter: section} from the `# --- section (sources) ---` comments of params.py, in
    `PARAMS` order; a parameter above every section, or unreadable source, is in "other"."""
    try:
        text = Path(params_module.__file__).read_text(encoding="utf-8")
    except OSError:
        text = ""
    groups, section = {}, OTHER_GROUP
    for line in text.splitlines():
        heading = re.match(r"\s*# --- (.+?)\s*-{3,}\s*$", line)
        if heading:
            section = re.sub(r"\s*\(.*\)$", "", heading.group(1)).split(":")[0].strip()
        entry = re.match(r'\s*P\("(\w+)"', line)
        if entry and entry.group(1) in BY_NAME:
            groups[entry.group(1)] = section
    return {p.name: groups.get(p.name, OTHER_GROUP) for p in PARAMS}


def sampled_names() -> tuple[str, ...]:
    """Every parameter with a range to sample (low < high), in `PARAMS` order."""
    return tuple(p.name for p in PARAMS if p.low < p.high)


@dataclass(frozen=True)
class Design:
    """The sampled worlds: one row of `values` per world, one column per parameter in `names`.

    `groups` gives each parameter's group when the sample moved groups together (else None);
    the indices are then per group."""

    method: str
    names: tuple[str, ...]
    groups: tuple[str, ...] | None
    values: np.ndarray
    seed: int

    def problem(self) -> dict:
        """The SALib problem (a fresh dict: SALib writes into it)."""
        problem = {
            "num_vars": len(self.names),
            "names": list(self.names),
            "bounds": [[BY_NAME[n].low, BY_NAME[n].high] for n in self.names],
        }
        if self.groups:
            problem["groups"] = list(self.groups)
        return problem

    def factors(self) -> list[str]:
        """What the indices are about: the groups (in order of appearance), or the parameters."""
        return list(dict.fromkeys(self.groups)) if self.groups else list(self.names)

    def overrides(self, world: int) -> tuple[str, ...]:
        """The `--set` strings of a world; `repr` keeps every float exact through the YAML."""
        row = self.values[world]
        return tuple(f"model.{n}={float(v)!r}" for n, v in zip(self.names, row, strict=True))

    @property
    def worlds(self) -> int:
        return len(self.values)


def world_count(method: str, factors: int, samples: int) -> int:
    """How many worlds a sample has: r (k+1) for Morris, N (k+2) for Sobol' (first and total
    order, no second order), with k the factors (parameters, or groups)."""
    return samples * (factors + 1) if method == "morris" else samples * (factors + 2)


def sample(
    method: str, names: tuple[str, ...], samples: int, grouped: bool = False, seed: int = 1
) -> Design:
    """Sample the worlds with SALib: `samples` Morris trajectories (4 levels) or a Sobol'
    sequence of `samples` base points (a power of two) for first and total order indices."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}")
    table = parameter_groups()
    groups = tuple(table[n] for n in names) if grouped else None
    design = Design(method, tuple(names), groups, np.empty((0, len(names))), seed)
    if method == "morris":
        from SALib.sample import morris as morris_sample

        values = morris_sample.sample(
            design.problem(), samples, num_levels=MORRIS_LEVELS, seed=seed
        )
    else:
        from SALib.sample import sobol as sobol_sample

        values = sobol_sample.sample(design.problem(), samples, calc_second_order=False, seed=seed)
    bounds = np.array(design.problem()["bounds"], dtype=float)
    # SALib scales by low + x (high - low), which can overshoot `high` by a rounding error; a
    # share at 1.0000000000000002 would fail validation.
    values = np.clip(np.asarray(values, dtype=float), bounds[:, 0], bounds[:, 1])
    return Design(method, design.names, groups, values, seed)


@dataclass(frozen=True)
class WorldsSpec(BatchSpec):
    """A batch whose points are sampled worlds `first`, `first + 1`, ... (each a tuple of
    `--set` strings) instead of a crossed sweep. Rows carry a `world` column, not the 146 values
    (samples.csv has those)."""

    worlds: tuple[tuple[str, ...], ...] = ()
    first: int = 0

    def tasks(self) -> list[Task]:
        text = Path(self.scenario).read_text(encoding="utf-8-sig")
        out = []
        for n, extra in enumerate(self.worlds):
            recipe = Recipe(text, self.scenario, self.overrides + extra, self.difficulty)
            point = (("world", str(self.first + n)),)
            for strategy in self.strategies:
                for seed in range(1, self.seeds + 1):
                    out.append(Task(recipe, strategy, seed, self.turns, point))
        return out


@dataclass(frozen=True)
class Outcomes:
    """The end of every run, averaged over seeds: `values[world, strategy, metric]`."""

    strategies: tuple[str, ...]
    metrics: tuple[str, ...]
    values: np.ndarray

    def of(self, strategy: str, metric: str) -> np.ndarray:
        """One value per world."""
        return self.values[:, self.strategies.index(strategy), self.metrics.index(metric)]

    def rows(self) -> list[dict]:
        """outcomes.csv: one row per world, strategy and metric."""
        return [
            {"world": w, "strategy": s, "metric": m, "value": float(self.values[w, i, j])}
            for w in range(len(self.values))
            for i, s in enumerate(self.strategies)
            for j, m in enumerate(self.metrics)
        ]


@dataclass(frozen=True)
class Plan:
    """What to run in every world: the scenario file and its `--set` overrides, the strategies,
    seeds 1..K, the months, and the metrics kept at the end."""

    scenario: str
    strategies: tuple[str, ...]
    metrics: tuple[str, ...]
    seeds: int = 1
    turns: int = 60
    overrides: tuple[str, ...] = ()

    def runs(self, design: Design) -> int:
        return design.worlds * len(self.strategies) * self.seeds


def run_worlds(
    plan: Plan,
    design: Design,
    jobs: int = 1,
    progress: Progress | None = None,
    scheduler: str | None = None,
) -> Outcomes:
    """Play every strategy and seed in every world; keep the metrics at month `turns`.

    Worlds go to `run_batch` a chunk at a time, so only a chunk's monthly rows are ever in memory;
    the result is the same for any `jobs`, chunk size or `scheduler` (rows come back in order).
    """
    per_world = len(plan.strategies) * plan.seeds
    step = max(1, TASKS_PER_CHUNK // per_world)
    total = plan.runs(design)
    values = np.zeros((design.worlds, len(plan.strategies), len(plan.metrics)))
    tick = progress or (lambda done, of: None)
    tick(0, total)
    for first in range(0, design.worlds, step):
        worlds = tuple(design.overrides(w) for w in range(first, min(first + step, design.worlds)))
        spec = WorldsSpec(
            plan.scenario, plan.strategies, plan.seeds, plan.turns, plan.overrides,
            worlds=worlds, first=first,
        )  # fmt: skip
        done = first * per_world
        rows = run_batch(
            spec,
            jobs=min(jobs, len(worlds) * per_world),
            progress=lambda n, _of, done=done: tick(done + n, total) if n else None,
            scheduler=scheduler,
        )
        kept = _keep_ends(rows, plan, values)
        if kept != len(worlds) * per_world:  # a run that stopped early would read as zeros
            raise RuntimeError(f"{kept} of {len(worlds) * per_world} runs reached {plan.turns}")
    return Outcomes(plan.strategies, plan.metrics, values)


def _keep_ends(rows: list[dict], plan: Plan, values: np.ndarray) -> int:
    """Add each run's last row into `values`, as its share of the mean over seeds; how many."""
    ends = [row for row in rows if row["turn"] == plan.turns]
    for row in ends:
        w, s = int(row["world"]), plan.strategies.index(row["strategy"])
        for j, metric in enumerate(plan.metrics):
            values[w, s, j] += float(row[metric]) / plan.seeds
    return len(ends)


INDEX_COLUMNS = {
    "morris": ("mu_star", "mu_star_conf", "mu", "sigma"),
    "sobol": ("ST", "ST_conf", "S1", "S1_conf"),
}


def indices(design: Design, outcomes: Outcomes, metrics: tuple[str, ...]) -> list[dict]:
    """indices.csv: per strategy, metric and factor, the Morris mu* (with its 95% confidence
    half-width), mu and sigma, or the Sobol' ST and S1 (with theirs), and the factor's rank by
    mu* or ST (1 = drives the outcome most). Same seed, same numbers."""
    columns = INDEX_COLUMNS[design.method]
    out = []
    for strategy in outcomes.strategies:
        for metric in metrics:
            result = _analyse(design, outcomes.of(strategy, metric))
            key = np.nan_to_num(np.asarray(result[columns[0]], dtype=float), nan=-1.0)
            rank = np.empty(len(key), dtype=int)
            rank[np.argsort(-key, kind="stable")] = np.arange(1, len(key) + 1)
            for i, factor in enumerate(design.factors()):
                row = {"strategy": strategy, "metric": metric, "parameter": factor}
                row |= {c: float(result[c][i]) for c in columns}
                out.append(row | {"rank": int(rank[i])})
    return out


def _analyse(design: Design, y: np.ndarray) -> dict:
    """SALib's analysis of one outcome; a constant outcome has no effects (zeros, not NaN)."""
    if np.ptp(y) == 0:
        zeros = np.zeros(len(design.factors()))
        return dict.fromkeys(INDEX_COLUMNS[design.method], zeros)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        if design.method == "morris":
            from SALib.analyze import morris

            return morris.analyze(
                design.problem(), design.values, y, num_resamples=RESAMPLES,
                num_levels=MORRIS_LEVELS, seed=design.seed,
            )  # fmt: skip
        from SALib.analyze import sobol

        return sobol.analyze(
            design.problem(), y, calc_second_order=False, num_resamples=RESAMPLES, seed=design.seed
        )


def top_factors(index_rows: list[dict], metric: str, count: int = 10) -> list[tuple[str, dict]]:
    """The `count` factors that drive `metric` most: by their largest mu* (or ST) over the
    strategies; each with {strategy: that index}."""
    key = next(c for c in ("mu_star", "ST") if c in index_rows[0]) if index_rows else "mu_star"
    table: dict[str, dict[str, float]] = {}
    for row in index_rows:
        if row["metric"] == metric:
            table.setdefault(row["parameter"], {})[row["strategy"]] = row[key]
    order = sorted(table, key=lambda f: -np.nanmax([*table[f].values(), -1.0]))
    return [(f, table[f]) for f in order[:count]]


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars: one row per factor, one bar per strategy, with confidence whiskers."""

    title: str
    x_label: str
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...], tuple[float, ...]], ...]  # (name, values, errors)


def bar_chart(index_rows: list[dict], metric: str, count: int = 15) -> BarChart:
    """The chart of the factors that drive `metric` most (mu* or ST, per strategy)."""
    sobol = bool(index_rows) and "ST" in index_rows[0]
    key, conf = ("ST", "ST_conf") if sobol else ("mu_star", "mu_star_conf")
    labels = tuple(f for f, _ in top_factors(index_rows, metric, count))
    by = {(r["strategy"], r["parameter"]): r for r in index_rows if r["metric"] == metric}
    strategies = tuple(dict.fromkeys(r["strategy"] for r in index_rows))
    series = tuple(
        (
            s,
            tuple(float(by[s, f][key]) for f in labels),
            tuple(float(np.nan_to_num(by[s, f][conf])) for f in labels),
        )
        for s in strategies
    )
    what = "total-order index ST" if sobol else "Morris mu* (change over the plausible range)"
    return BarChart(f"What drives {metric}", what, labels, series)


SINGLE_LEVERS = (
    "decapitation",
    "capture",
    "conditional",
    "militarize",
    "institutions",
    "prevention",
)


@dataclass(frozen=True)
class Claim:
    """A piece of the lesson, checked world by world: `strategy`'s `metric` at the end is above
    (`higher`) or below every one of `others` that was run."""

    text: str
    strategy: str
    metric: str
    higher: bool
    others: tuple[str, ...]


CLAIMS = (
    Claim("decapitation ends with a higher homicide rate than passive",
          "decapitation", "homicides_per_100k", True, ("passive",)),
    Claim("decapitation ends with more armed groups than passive",
          "decapitation", "armed_groups", True, ("passive",)),
    Claim("balanced ends with a lower homicide rate than every single-lever plan run",
          "balanced", "homicides_per_100k", False, SINGLE_LEVERS),
    Claim("prevention ends with fewer members than passive",
          "prevention", "members", False, ("passive",)),
    Claim("institutions ends with a lower homicide rate than passive",
          "institutions", "homicides_per_100k", False, ("passive",)),
)  # fmt: skip
ROBUSTNESS_METRICS = tuple(dict.fromkeys(c.metric for c in CLAIMS))


@dataclass(frozen=True)
class Share:
    """In how many of `worlds` a claim held, and in how many it failed only by a tie."""

    claim: Claim
    compared_with: tuple[str, ...]
    worlds: int
    holds: int
    ties: int

    @property
    def share(self) -> float:
        return self.holds / self.worlds if self.worlds else float("nan")


def robustness(outcomes: Outcomes, claims: tuple[Claim, ...] = CLAIMS) -> list[Share]:
    """The share of worlds in which each claim holds, for the claims whose strategies (and, for
    "every single-lever plan", at least one of them) were run and whose metric was kept."""
    shares = []
    for claim in claims:
        others = tuple(s for s in claim.others if s in outcomes.strategies)
        if claim.strategy not in outcomes.strategies or not others:
            continue
        if claim.metric not in outcomes.metrics:
            continue
        mine = outcomes.of(claim.strategy, claim.metric)
        theirs = np.stack([outcomes.of(s, claim.metric) for s in others])
        strict = (mine > theirs) if claim.higher else (mine < theirs)
        loose = (mine >= theirs) if claim.higher else (mine <= theirs)
        holds = strict.all(axis=0)
        ties = loose.all(axis=0) & ~holds
        shares.append(Share(claim, others, len(mine), int(holds.sum()), int(ties.sum())))
    return shares
