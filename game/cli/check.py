"""`hydra check`: validate scenario files; a file that passes plays its months without an error."""

from __future__ import annotations

from game.cli.errors import GuardedStdout


def check_command(args) -> int:
    from game.scenario import check_files

    return check_files(args.files, out=GuardedStdout())
