"""Process settings for Hydra's arrays: single-threaded BLAS, and freed memory kept for reuse.

Hydra multiplies matrices of a few hundred rows; a multi-threaded BLAS spends more time waking
threads than computing (measured: ten times the CPU for the same game), and the lab already runs
games in parallel processes. Entry points call `single_threaded()` before numpy is imported; a
user's own setting of these variables is respected.

A month allocates and frees many temporary arrays of the same few sizes. glibc's allocator
hands arrays over 128 KiB to the system on every free and takes them back on the next
allocation (each page then faulted in and zeroed again): at 2,469 regions about 10,000 page
faults a month, a quarter of its time. `keep_freed_memory()` (called by `single_threaded()`)
raises the thresholds, so freed arrays are reused (a process keeps up to 64 MiB it freed);
elsewhere than glibc it does nothing. Results do not depend on it.
"""

from __future__ import annotations

import ctypes
import os

VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameters
MMAP_THRESHOLD = 32 * 2**20  # arrays above this are still mapped on their own (glibc's maximum)
TRIM_THRESHOLD = 64 * 2**20  # free memory kept at the top of the heap before returning it


def single_threaded() -> None:
    """One BLAS thread (unless the user chose otherwise), and freed memory kept for reuse."""
    for name in VARIABLES:
        os.environ.setdefault(name, "1")
    keep_freed_memory()


def keep_freed_memory() -> None:
    """Let glibc keep freed arrays for the next allocation instead of returning them to the
    system (see the module docstring); nothing where the C library has no `mallopt`."""
    try:
        libc = ctypes.CDLL(None)  # the symbols the interpreter is linked with: libc's on Linux
    except (OSError, TypeError):
        return
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None:
        return
    mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
