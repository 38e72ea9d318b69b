"""Giving freed memory back to the system, so a long game stays small.

The game makes and drops many large surfaces (each screen's widgets, the map's buffers, charts).
After such a block is freed, glibc's malloc raises its mmap threshold, so later large blocks land
on the heap, whose holes are rarely returned: the window grew by about 100 MB per ten screens
while holding nothing. A fixed threshold keeps large blocks in mmap (returned when freed), and a
trim after each month hands back what the heap no longer uses. Elsewhere (or without glibc) these
do nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache

M_TRIM_THRESHOLD = -1  # mallopt parameters, from glibc's malloc.h
M_MMAP_THRESHOLD = -3
MMAP_FROM = 128 * 1024  # blocks this large or larger are mapped, never kept on the heap
TRIM_FROM = 1024 * 1024


@cache
def _libc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        lib = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return lib if hasattr(lib, "mallopt") and hasattr(lib, "malloc_trim") else None


def tune() -> None:
    """Fix malloc's thresholds (once, when the window opens)."""
    lib = _libc()
    if lib is not None:
        lib.mallopt(M_MMAP_THRESHOLD, MMAP_FROM)
        lib.mallopt(M_TRIM_THRESHOLD, TRIM_FROM)


def trim() -> None:
    """Return the heap's free memory to the system (cheap enough to do once a month)."""
    lib = _libc()
    if lib is not None:
        lib.malloc_trim(0)


def rss_mb() -> float | None:
    """The process's resident memory in MB (Linux), for the benchmark and the tests."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None
