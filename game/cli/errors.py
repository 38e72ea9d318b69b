"""How the `hydra` command talks: the user-mistake exception and guarded output.

Every user mistake is a `UsageError` (exit status 2, one message, no traceback). Output goes
through `out` and `print_json`, which turn a failing standard output into `OutputClosed` (a pipe
closed early, as by `| head -1`: exit 141 quietly, the shell's convention for SIGPIPE) or
`OutputFailed` (a full disk, a closed stream: exit 2 with a message), never a traceback.
"""

from __future__ import annotations

import json
import os
import sys

EXIT_OK, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_PIPE_CLOSED = 0, 2, 130, 141


class UsageError(Exception):
    """A mistake in the command line or its files; the message is for the user."""


class OutputClosed(Exception):
    """Standard output is a pipe whose reader has gone (`hydra ... | head -1`)."""


class OutputFailed(Exception):
    """Standard output cannot be written (a full disk, a closed stream)."""


def out(text: str = "") -> None:
    """Print one line on standard output."""
    _write(sys.stdout, text + "\n")


def print_json(obj) -> None:
    """Print one JSON object on a line (for machines: `--json`)."""
    out(json.dumps(obj, ensure_ascii=False))


def warn(text: str) -> None:
    """A message for the user on standard error (never fails: stderr may be gone too)."""
    try:
        sys.stderr.write(f"hydra: {text}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


class GuardedStdout:
    """A file-like standard output for code that prints to a stream (`check_files`)."""

    def write(self, text: str) -> int:
        _write(sys.stdout, text)
        return len(text)

    def flush(self) -> None:
        _write(sys.stdout, "")


def flush_output() -> None:
    """Flush standard output now, so a failure is reported here and not at interpreter exit."""
    _write(sys.stdout, "")


def _write(stream, text: str) -> None:
    try:
        if text:
            stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise OutputClosed from None
    except (OSError, ValueError) as exc:  # ValueError: the stream was closed by the program
        raise OutputFailed(getattr(exc, "strerror", None) or str(exc)) from None


def silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so the interpreter's last flush cannot fail."""
    try:
        if sys.stdout is sys.__stdout__ and sys.stdout is not None:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, sys.stdout.fileno())
            os.close(null)
    except (OSError, ValueError):
        pass


def ensure_standard_streams() -> None:
    """Give closed standard streams (`hydra ... >&-`) a /dev/null to write to.

    Otherwise Python's `sys.stdout` is None, and the first file the program opens takes
    descriptor 1, so output could land in a save file.
    """
    for fd, name, mode in ((0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            setattr(sys, name, open(fd, mode, encoding="utf-8", closefd=False))  # noqa: SIM115


def renderer(module: str, name: str):
    """`name` from the chart module `module` (game/report), or None with a warning when pygame,
    which draws every chart, is missing: the tables are written all the same."""
    import importlib

    try:
        import pygame  # noqa: F401

        return getattr(importlib.import_module(module), name)
    except ImportError as exc:  # pragma: no cover
        warn(f"no charts ({exc}); writing the tables only")
        return None
