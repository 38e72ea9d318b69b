"""The `hydra` command: play, run, experiment, lab, replay, check.

Every user mistake (a bad file, an unknown strategy, an impossible option) ends with a clear
message on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from game import __version__
from game.blas import single_threaded

DEFAULT_SCENARIO = Path(__file__).resolve().parent.parent / "levels" / "mexico_2026.yaml"


class UsageError(Exception):
    """A mistake in the command line or its files; the message is for the user."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hydra",
        description="Hydra: a strategy game and classroom simulation of Mexico's cartel wars.",
    )
    parser.add_argument("--version", action="version", version=f"hydra {__version__}")
    sub = parser.add_subparsers(dest="command")

    play = sub.add_parser("play", help="start the desktop game (the default)")
    play.add_argument("--scenario", default=None, help="scenario file to start with")

    run = sub.add_parser("run", help="play a scenario headless with a scripted strategy")
    run.add_argument("--scenario", default=str(DEFAULT_SCENARIO), help="scenario YAML file")
    run.add_argument("--strategy", default="passive", help="scripted planner (default: passive)")
    run.add_argument("--turns", type=int, default=None, help="months to play (default: scenario)")
    run.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    run.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a scenario value, e.g. model.recruitment_rate=0.0012 (repeatable)",
    )
    run.add_argument("--out", default=None, help="folder for national.csv and regions.csv")
    run.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    run.add_argument("--save", default=None, help="write a save file of the final state")
    run.add_argument("--orders", default=None, help="YAML file of scripted orders by turn")
    run.add_argument("--lang", default="en", choices=("en", "es"), help="language of the events")
    run.add_argument("--quiet", action="store_true", help="the table only, without events")
    run.add_argument(
        "--difficulty",
        default="normal",
        choices=("easy", "normal", "hard"),
        help="budget, starting intelligence and cartel foresight (default normal)",
    )

    exp = sub.add_parser("experiment", help="twin-run checks of the research behind Hydra")
    exp.add_argument("name", choices=("decapitation", "split", "interdiction", "calderon"))
    exp.add_argument("--scenario", default=None, help="scenario YAML file")
    exp.add_argument("--seeds", type=int, default=20, help="number of seeds (default 20)")
    exp.add_argument(
        "--target", default="cdn.leader", help="decapitation: person or faction.leader"
    )
    exp.add_argument("--mode", default="kill", choices=("capture", "kill"))
    exp.add_argument(
        "--clarity",
        type=float,
        default=None,
        help="decapitation: set the target faction's succession clarity first",
    )
    exp.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE")

    lab = sub.add_parser("lab", help="policy lab: strategies x seeds, or saved games compared")
    lab.add_argument("--scenario", default=None, help="scenario YAML file")
    lab.add_argument("--strategies", default="passive,balanced", help="comma-separated strategies")
    lab.add_argument("--seeds", type=int, default=20, help="seeds 1..N (default 20)")
    lab.add_argument("--turns", type=int, default=120, help="months to play (default 120)")
    lab.add_argument("--jobs", type=int, default=None, help="processes (default: the cores)")
    lab.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE")
    lab.add_argument("--compare", nargs="+", default=None, metavar="SAVE", help="saved games")
    lab.add_argument("--out", required=True, help="folder for the CSVs, charts and report.md")

    rep = sub.add_parser("replay", help="re-play a saved game: without an operation, or on seeds")
    rep.add_argument("save", help="a save file")
    rep.add_argument(
        "--without-turn", type=int, default=None, metavar="N", help="drop month N's HVT orders"
    )
    rep.add_argument("--seeds", type=int, default=None, help="was it luck? re-run on N seeds")
    rep.add_argument("--out", default=None, help="folder for the CSV and charts")

    check = sub.add_parser("check", help="validate scenario files; exit 2 if any has problems")
    check.add_argument("files", nargs="+", help="scenario YAML files")
    return parser


def main(argv: list[str] | None = None) -> int:
    single_threaded()  # before numpy is imported by any sub-command
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # no banner in the terminal
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            from game.scenario import check_files

            return check_files(args.files)
        if args.command == "run":
            from game.lab.cli_run import run_command

            return run_command(args)
        if args.command == "experiment":
            from game.lab.cli_experiment import experiment_command

            return experiment_command(args)
        if args.command in ("lab", "replay"):
            from game.lab import cli_lab

            command = cli_lab.lab_command if args.command == "lab" else cli_lab.replay_command
            return command(args, render=chart_renderer())
        return play_command(args)
    except UsageError as exc:
        print(f"hydra: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("hydra: interrupted", file=sys.stderr)
        return 130


def play_command(args) -> int:
    """Start the desktop game."""
    try:
        from game.ui.app import run_app
    except ImportError as exc:
        raise UsageError(f"the desktop game cannot start: {exc}") from None
    return run_app(scenario=getattr(args, "scenario", None))


def chart_renderer():
    """The PNG chart renderer, or None (with a warning) when pygame is missing."""
    try:
        from game.report.charts import render_fan_chart
    except ImportError as exc:  # pragma: no cover
        print(f"hydra: no charts ({exc}); writing the tables only", file=sys.stderr)
        return None
    return render_fan_chart


def print_json(obj) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
