"""The `hydra` command: play, run, experiment, lab, replay, backtest, sensitivity, check.

`main` is the entry point (`hydra = "game.cli:main"`, and `python -m game`). Every user mistake (a
bad file, an unknown strategy, an impossible option) ends with a clear message on stderr and exit
status 2, never a traceback; a closed output pipe ends quietly with 141 (see `game.cli.errors`).
The sub-commands live in their own modules; `game.lab` returns data and never imports this package.
"""

from __future__ import annotations

import os

from game.blas import single_threaded
from game.cli.errors import (
    EXIT_INTERRUPTED,
    EXIT_PIPE_CLOSED,
    EXIT_USAGE,
    OutputClosed,
    OutputFailed,
    UsageError,
    ensure_standard_streams,
    flush_output,
    print_json,
    renderer,
    silence_stdout,
    warn,
)
from game.cli.parser import build_parser

__all__ = ["UsageError", "build_parser", "main", "print_json"]


def main(argv: list[str] | None = None) -> int:
    single_threaded()  # before numpy is imported by any sub-command
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # no banner in the terminal
    ensure_standard_streams()
    try:
        status = _dispatch(argv)
        flush_output()
        return status
    except UsageError as exc:
        warn(str(exc))
        return EXIT_USAGE
    except OutputClosed:
        silence_stdout()  # the interpreter's final flush must not fail again
        return EXIT_PIPE_CLOSED
    except OutputFailed as exc:
        silence_stdout()
        warn(f"cannot write the output ({exc})")
        return EXIT_USAGE
    except KeyboardInterrupt:
        warn("interrupted")
        return EXIT_INTERRUPTED


def _dispatch(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version or a bad option: argparse has spoken
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    except BrokenPipeError:
        raise OutputClosed from None
    except OSError as exc:  # --help into a full disk
        raise OutputFailed(exc.strerror or str(exc)) from None
    return _command(args)


def _command(args) -> int:
    if args.command == "check":
        from game.cli.check import check_command

        return check_command(args)
    if args.command == "run":
        from game.cli.run import run_command

        return run_command(args)
    if args.command == "experiment":
        from game.cli.experiment import experiment_command

        return experiment_command(args)
    if args.command == "lab":
        from game.cli.lab import lab_command

        return lab_command(args, render=chart_renderer())
    if args.command == "replay":
        from game.cli.replay import replay_command

        return replay_command(args, render=chart_renderer())
    if args.command == "backtest":
        from game.cli import backtest

        return backtest.backtest_command(
            args, render=renderer("game.report.charts", "render_backtest_chart")
        )
    if args.command == "sensitivity":
        from game.cli.sensitivity import sensitivity_command

        return sensitivity_command(args)
    from game.cli.play import play_command

    return play_command(args)


def chart_renderer():
    """The fan-chart renderer, or None (with a warning) when pygame is missing."""
    return renderer("game.report.charts", "render_fan_chart")
