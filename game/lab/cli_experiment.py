"""`hydra experiment NAME`: the research checks as commands anyone can repeat.

hydra experiment decapitation --target cdn.leader --seeds 20   (FACTS.md F2)
hydra experiment split --seeds 20                              (F7)
hydra experiment interdiction --seeds 10                       (Dell 2015, routes)
hydra experiment calderon --seeds 20                           (F3)
"""

from __future__ import annotations

from pathlib import Path

from game.cli import UsageError, print_json
from game.lab import experiments
from game.lab.cli_run import load

LEVELS = Path(__file__).resolve().parents[2] / "levels"
DEFAULT_LEVEL = {"calderon": "calderon_2006.yaml", "split": "calibration_2012.yaml"}


def experiment_command(args) -> int:
    if args.seeds < 1:
        raise UsageError("--seeds must be at least 1")
    path = args.scenario or str(LEVELS / DEFAULT_LEVEL.get(args.name, "mexico_2026.yaml"))
    scenario = load(path, args.overrides)
    seeds = range(args.seeds)
    if args.name == "decapitation":
        if args.clarity is not None:
            fid = args.target.split(".")[0]
            if fid not in scenario.faction_index():
                raise UsageError(
                    f"--clarity needs a faction target like 'cdn.leader', not '{args.target}'"
                )
            scenario = experiments.with_clarity(scenario, fid, args.clarity)
        result = experiments.leader_removal(scenario, args.target, seeds, mode=args.mode)
    elif args.name == "split":
        result = experiments.forced_split(scenario, None, seeds)
    elif args.name == "interdiction":
        result = experiments.interdiction(scenario, None, seeds)
    else:
        result = experiments.strategy_decade(scenario, "decapitation", seeds, turns=72)
    print_json({k: round(float(v), 4) if isinstance(v, float) else v for k, v in result.items()})
    return 0
