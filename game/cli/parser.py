"""The `hydra` command line: sub-commands, options and the checks argparse can make itself.

Argument types refuse impossible values at the door (a negative seed, a NaN clarity, an empty
file name) with argparse's own located message and exit status 2. Nothing here imports numpy:
`main` keeps BLAS single-threaded before anything does.
"""

from __future__ import annotations

import argparse
import math

from game import __version__
from game.limits import MAX_SEED, MAX_TURNS
from game.paths import DEFAULT_SCENARIO, level

EPILOG = (
    "exit status: 0 done; 2 a problem with the command line, its files or the output; "
    "130 interrupted; 141 the output pipe was closed early"
)
EXPERIMENTS = ("decapitation", "split", "interdiction", "calderon")


def seed(text: str) -> int:
    """A seed: a whole number from 0 to 2**63-1."""
    value = _int(text)
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"must be a whole number from 0 to {MAX_SEED}, not {text}")
    return value


def turns(text: str) -> int:
    value = _int(text)
    if not 0 <= value <= MAX_TURNS:
        raise argparse.ArgumentTypeError(f"must be from 0 to {MAX_TURNS} months, not {text}")
    return value


def month(text: str) -> str:
    """A month written YYYY-MM (whether the scenario has it is checked with the scenario)."""
    ok = len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit()
    if not ok or not 1 <= int(text[5:]) <= 12:
        raise argparse.ArgumentTypeError(f"must be a month like 2018-12, not {text!r}")
    return text


def share(text: str) -> float:
    """A finite number from 0 to 1 (NaN and infinities are refused)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number from 0 to 1, not {text!r}") from None
    if not (math.isfinite(value) and 0.0 <= value <= 1.0):
        raise argparse.ArgumentTypeError(f"must be a number from 0 to 1, not {text!r}")
    return value


def path(text: str) -> str:
    """A file or folder name: not empty, no NUL (the operating system could not open it)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("must name a file or folder, not an empty string")
    if "\0" in text:
        raise argparse.ArgumentTypeError("must not contain a NUL character")
    return text


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hydra",
        description="Hydra: a strategy game and classroom simulation of Mexico's cartel wars.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"hydra {__version__}")
    sub = parser.add_subparsers(dest="command")
    play = sub.add_parser("play", help="start the desktop game (the default)")
    play.add_argument("--scenario", type=path, default=None, help="scenario file to start with")
    play.add_argument(
        "--from",
        dest="bookmark",
        type=month,
        default=None,
        metavar="YYYY-MM",
        help="take over the history level in this month, after history plays the months before",
    )
    _run_parser(sub)
    _experiment_parser(sub)
    _lab_parser(sub)
    _replay_parser(sub)
    _backtest_parser(sub)
    _sensitivity_parser(sub)
    check = sub.add_parser("check", help="validate scenario files; exit 2 if any has problems")
    check.add_argument("files", nargs="+", type=path, help="scenario YAML files")
    return parser


def _overrides(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a scenario value, e.g. model.recruitment_rate=0.0012 (repeatable)",
    )


def _run_parser(sub) -> None:
    run = sub.add_parser("run", help="play a scenario headless with a scripted strategy")
    run.add_argument("--scenario", type=path, default=str(DEFAULT_SCENARIO), help="scenario YAML")
    run.add_argument("--strategy", default="passive", help="scripted planner (default: passive)")
    run.add_argument("--turns", type=turns, default=None, help="months to play (default: scenario)")
    run.add_argument("--seed", type=seed, default=1, help="random seed (default: 1)")
    _overrides(run)
    run.add_argument("--out", type=path, default=None, help="folder for national and regions CSV")
    run.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    run.add_argument("--save", type=path, default=None, help="write a save file of the final state")
    run.add_argument("--orders", type=path, default=None, help="YAML file of orders by turn")
    run.add_argument("--lang", default="en", choices=("en", "es"), help="language of the events")
    run.add_argument("--quiet", action="store_true", help="the table only, without events")
    run.add_argument(
        "--difficulty",
        default="normal",
        choices=("easy", "normal", "hard"),
        help="budget, starting intelligence and cartel foresight (default normal)",
    )


def _experiment_parser(sub) -> None:
    exp = sub.add_parser("experiment", help="twin-run checks of the research behind Hydra")
    exp.add_argument("name", choices=EXPERIMENTS)
    exp.add_argument("--scenario", type=path, default=None, help="scenario YAML file")
    exp.add_argument("--seeds", type=int, default=20, help="number of seeds (default 20)")
    exp.add_argument(
        "--target", default="cdn.leader", help="decapitation: person or faction.leader"
    )
    exp.add_argument("--mode", default="kill", choices=("capture", "kill"))
    exp.add_argument(
        "--clarity",
        type=share,
        default=None,
        help="decapitation: set the target faction's succession clarity first (0 to 1)",
    )
    exp.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    _overrides(exp)


def _lab_parser(sub) -> None:
    lab = sub.add_parser("lab", help="policy lab: strategies x seeds, or saved games compared")
    lab.add_argument("--scenario", type=path, default=None, help="scenario YAML file")
    lab.add_argument("--strategies", default="passive,balanced", help="comma-separated strategies")
    lab.add_argument("--seeds", type=int, default=20, help="seeds 1..N (default 20)")
    lab.add_argument("--turns", type=int, default=120, help="months to play (default 120)")
    lab.add_argument("--jobs", type=int, default=None, help="processes (default: the cores)")
    lab.add_argument(
        "--scheduler", default=None, metavar="ADDRESS", help="a Dask scheduler (tcp://host:8786)"
    )
    _overrides(lab)
    lab.add_argument(
        "--sweep",
        action="append",
        default=[],
        metavar="KEY=V1,V2,...",
        help="play every value of a scenario key, crossed with strategies and seeds (repeatable; "
        "e.g. model.recruitment_rate=0.002,0.0026,0.003)",
    )
    lab.add_argument("--compare", nargs="+", type=path, default=None, metavar="SAVE")
    lab.add_argument("--out", type=path, required=True, help="folder for CSVs, charts, report.md")


def _replay_parser(sub) -> None:
    rep = sub.add_parser("replay", help="re-play a saved game: without an operation, or on seeds")
    rep.add_argument("save", type=path, help="a save file")
    rep.add_argument(
        "--without-turn", type=int, default=None, metavar="N", help="drop month N's HVT orders"
    )
    rep.add_argument("--seeds", type=int, default=None, help="was it luck? re-run on N seeds")
    rep.add_argument("--out", type=path, default=None, help="folder for the CSV, charts, report")


def _backtest_parser(sub) -> None:
    back = sub.add_parser("backtest", help="history 2006-2025 replayed over seeds, next to INEGI")
    back.add_argument(
        "--scenario", type=path, default=str(level("history_2006.yaml")), help="scenario YAML"
    )
    back.add_argument("--seeds", type=int, default=20, help="seeds 1..N (default 20)")
    back.add_argument("--jobs", type=int, default=None, help="processes (default: the cores)")
    back.add_argument(
        "--scheduler", default=None, metavar="ADDRESS", help="a Dask scheduler (tcp://host:8786)"
    )
    back.add_argument("--out", type=path, default=None, help="folder for CSVs, chart, report.md")
    _overrides(back)
    back.add_argument(
        "--bookmark",
        default=None,
        metavar="YYYY-MM",
        help="history stops here; --strategy plays on",
    )
    back.add_argument(
        "--strategy", default="history", help="who plays from the bookmark (default: history)"
    )


def _sensitivity_parser(sub) -> None:
    sens = sub.add_parser(
        "sensitivity", help="which parameters drive the outcomes; how robust is the lesson"
    )
    sens.add_argument("--scenario", type=path, default=str(DEFAULT_SCENARIO), help="scenario YAML")
    sens.add_argument("--method", default="morris", choices=("morris", "sobol"))
    sens.add_argument(
        "--samples", type=int, default=None, help="Morris trajectories (default 2) or Sobol' base "
        "points, a power of two (default 8)"
    )  # fmt: skip
    sens.add_argument(
        "--metrics", default="homicides_per_100k,members,armed_groups", help="outcomes to explain"
    )
    sens.add_argument("--params", default="all", help="'all' or comma-separated parameter names")
    sens.add_argument("--groups", action="store_true", help="move params.py sections together")
    sens.add_argument("--strategies", default="passive,decapitation,balanced")
    sens.add_argument("--seeds", type=int, default=1, help="seeds 1..K in every world (default 1)")
    sens.add_argument("--turns", type=int, default=60, help="months to play (default 60)")
    sens.add_argument("--jobs", type=int, default=None, help="processes (default: the cores)")
    sens.add_argument("--scheduler", default=None, metavar="ADDRESS", help="a Dask scheduler")
    sens.add_argument("--sample-seed", type=seed, default=1, help="seed of the sample (default 1)")
    _overrides(sens)
    sens.add_argument("--out", type=path, required=True, help="folder for CSVs, chart, report.md")
