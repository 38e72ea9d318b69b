"""Random streams: one numpy Generator per (seed, turn, stream), never shared.

Deriving every generator from (seed, turn, stream) makes a game reproducible bit for bit, makes a
reloaded game draw exactly what the uninterrupted game would have drawn, and keeps streams
independent: a change in one faction's AI (its own stream) never shifts the world's dice.
"""

from __future__ import annotations

import zlib

import numpy as np


def stream_id(name: str) -> int:
    """A stable integer for a stream name (crc32, independent of PYTHONHASHSEED)."""
    return zlib.crc32(name.encode("utf-8"))


def rng_for(seed: int, turn: int, stream: str) -> np.random.Generator:
    """The generator for one stream in one turn of one game."""
    return np.random.default_rng([int(seed), int(turn), stream_id(stream)])
