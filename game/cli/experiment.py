"""`hydra experiment NAME`: the research checks as commands anyone can repeat.

    hydra experiment decapitation --target cdn.leader --seeds 20   (FACTS.md F2)
    hydra experiment split --seeds 20                              (F7)
    hydra experiment interdiction --seeds 10                       (Dell 2015, routes)
    hydra experiment calderon --seeds 20                           (F3)

The result is a readable table; `--json` prints the same numbers as one JSON object.
"""

from __future__ import annotations

from game.cli.errors import UsageError, out, print_json
from game.cli.inputs import load
from game.paths import level

DEFAULT_LEVEL = {"calderon": "calderon_2006.yaml", "split": "calibration_2012.yaml"}
LABELS = {
    "target": "target",
    "mode": "mode",
    "seeds": "seeds",
    "ratio_months_1_6": "homicides where it operated, months 1-6 (treated / twin)",
    "ratio_months_7_12": "homicides where it operated, months 7-12 (treated / twin)",
    "share_of_seeds_higher": "share of seeds where months 1-6 were more violent",
    "members_ratio": "members after the split (split / twin)",
    "conflict_deaths_ratio": "conflict deaths (split / twin)",
    "region": "interdicted region",
    "arrivals_there_ratio": "arrivals through it (interdicted / twin)",
    "arrivals_elsewhere_ratio": "arrivals elsewhere (interdicted / twin)",
    "national_change": "change of the national flow",
    "strategy": "strategy",
    "turns": "months",
    "armed_groups_start": "armed groups at the start",
    "armed_groups_end": "armed groups at the end (mean)",
    "homicide_rate_start": "homicides per 100k at the start",
    "homicide_rate_end": "homicides per 100k at the end (mean)",
    "leaders_removed": "leaders removed (mean)",
}


def experiment_command(args) -> int:
    if args.seeds < 1:
        raise UsageError("--seeds must be at least 1")
    path = args.scenario or str(level(DEFAULT_LEVEL.get(args.name, "mexico_2026.yaml")))
    result = run_experiment(args, load(path, args.overrides))
    result = {k: round(float(v), 4) if isinstance(v, float) else v for k, v in result.items()}
    if args.json:
        print_json(result)
    else:
        print_result(args.name, result)
    return 0


def run_experiment(args, scenario) -> dict:
    from game.lab import experiments

    seeds = range(args.seeds)
    if args.name == "decapitation":
        scenario = _decapitation_scenario(args, scenario)
        result = experiments.leader_removal(scenario, args.target, seeds, mode=args.mode)
        if result["seeds"] == 0:
            raise UsageError(f"--target '{args.target}' was not found in any seed's game")
        return result
    if args.name == "split":
        return experiments.forced_split(scenario, None, seeds)
    if args.name == "interdiction":
        return experiments.interdiction(scenario, None, seeds)
    return experiments.strategy_decade(scenario, "decapitation", seeds, turns=72)


def _decapitation_scenario(args, scenario):
    """The scenario to run, after checking the target exists (and setting its clarity)."""
    from game.lab import experiments
    from game.scenario.errors import did_you_mean

    people = {p.id for f in scenario.factions for p in (f.leader, *f.lieutenants) if p}
    leaders = {f"{f.id}.leader" for f in scenario.factions if f.leader}
    if args.target not in people | leaders:
        hint = did_you_mean(args.target, people | leaders)
        raise UsageError(f"--target: no leader or lieutenant '{args.target}' at the start{hint}")
    if args.clarity is not None:
        fid = args.target.split(".")[0]
        if fid not in scenario.faction_index():
            raise UsageError(
                f"--clarity needs a faction target like 'cdn.leader', not '{args.target}'"
            )
        scenario = experiments.with_clarity(scenario, fid, args.clarity)
    return scenario


def print_result(name: str, result: dict) -> None:
    width = max(len(LABELS.get(k, k)) for k in result)
    out(f"experiment {name}")
    for key, value in result.items():
        shown = f"{value:,.4g}" if isinstance(value, float) else str(value)
        out(f"  {LABELS.get(key, key).ljust(width)}  {shown}")
