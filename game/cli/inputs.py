"""The command's files: scenarios, orders files, saves and output folders, checked up front.

Everything here fails with `UsageError` before any month is played: a batch must not run for
minutes and then find that its output folder cannot be written.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from game.cli.errors import UsageError


def load(path: str, overrides=(), difficulty: str = "normal"):
    """A scenario, or UsageError listing every problem."""
    from game.scenario import ScenarioError, load_scenario

    try:
        return load_scenario(path, list(overrides), difficulty)
    except ScenarioError as exc:
        raise UsageError(f"the scenario has problems:\n{exc}") from None


def load_orders(path: str, scenario):
    """Scripted orders by turn from a YAML file, or UsageError listing every problem."""
    from game.lab.scripted import load_orders as read_orders
    from game.scenario import ScenarioError

    try:
        return read_orders(path, scenario)
    except ScenarioError as exc:
        raise UsageError(f"the orders file has problems:\n{exc}") from None


def load_source(path: str):
    """A save as a replay source, or UsageError saying why it cannot be used."""
    from game.lab import replay
    from game.sim.save import SaveError

    try:
        return replay.load_source(path)
    except SaveError as exc:
        raise UsageError(str(exc)) from None


def writable_folder(folder: str) -> Path:
    """`folder`, created if needed, after proving a file can be written in it."""
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".hydra-probe-"):
            pass
    except FileExistsError:
        raise UsageError(f"cannot write to {folder}: it is a file, not a folder") from None
    except OSError as exc:
        raise UsageError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    return out


def writable_file(path: str) -> Path:
    """`path` if a save can be written there: absent or a regular file, in a writable folder."""
    from game.sim.save import check_target

    target = Path(path)
    try:
        check_target(target)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    folder = _existing_ancestor(target.parent)
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write {path}: the folder {folder} is not writable")
    return target


def _existing_ancestor(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder
