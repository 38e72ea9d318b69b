"""Shared by the hardening tests: a tiny valid scenario as YAML text and helpers to run `hydra`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLASSROOM = ROOT / "levels" / "classroom_24.yaml"

TINY = """\
schema_version: 1
id: tiny
name: Tiny
description: Two factions on four regions.
map: synthetic:4
start: 2006-12
turns: 12
budget: 1000000
factions:
  - id: north
    name: North
    members: {R0: 100, R1: 50}
    leader: {id: boss_n, name: Boss N, home: R0}
    lieutenants: [{id: lt_n, name: Lt N, home: R1}]
    rivals: {south: 1.0}
  - id: south
    name: South
    members: {R2: 80}
    leader: {id: boss_s, name: Boss S, home: R2}
    rivals: {north: 1.0}
"""


@pytest.fixture
def tiny(tmp_path) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY, encoding="utf-8")
    return path


def hydra(*args, stdout=subprocess.PIPE, timeout=60, shell_tail=None, **kw):
    """Run `python -m game ARGS` from the checkout; `shell_tail` pipes it (e.g. '| head -1')."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    if shell_tail:
        line = " ".join([sys.executable, "-m", "game", *map(_quote, args)]) + " " + shell_tail
        return subprocess.run(
            ["bash", "-o", "pipefail", "-c", line],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=timeout,
        )
    return subprocess.run(
        [sys.executable, "-m", "game", *map(str, args)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=timeout,
        **kw,
    )


def _quote(arg) -> str:
    import shlex

    return shlex.quote(str(arg))
