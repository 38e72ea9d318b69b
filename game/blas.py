"""Keep BLAS single-threaded for Hydra's small matrices.

Hydra multiplies matrices of a few hundred rows; a multi-threaded BLAS spends more time waking
threads than computing (measured: ten times the CPU for the same game), and the lab already runs
games in parallel processes. Entry points call `single_threaded()` before numpy is imported; a
user's own setting of these variables is respected.
"""

from __future__ import annotations

import os

VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def single_threaded() -> None:
    for name in VARIABLES:
        os.environ.setdefault(name, "1")
