"""Writing files so that a crash leaves the old file or the new one, never half of one.

The data goes to a temporary `.NAME.*.tmp` in the same folder, is flushed and fsynced, then
renamed over the target. Only a regular file (or nothing) is ever replaced: a device such as
/dev/full, a folder or a symbolic link is refused, because renaming over it would replace the
device node or the link with a plain file. Temporary files left by a killed save are removed by
the next save to that folder once they are a minute old (younger ones may be another save's).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from pathlib import Path

STALE_SECONDS = 60.0
CHUNK = 1 << 20


class UnsafeTarget(OSError):
    """A target that is not a regular file; `strerror` says what it is."""


def check_target(path: str | os.PathLike) -> None:
    """Raise UnsafeTarget unless `path` names a regular file or nothing yet."""
    path = Path(path)
    if not path.name or path.name in (".", ".."):
        raise UnsafeTarget(errno.EINVAL, "no file name given")
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise UnsafeTarget(errno.EINVAL, "is a symbolic link; refusing to replace it")
    if stat.S_ISDIR(mode):
        raise UnsafeTarget(errno.EISDIR, "is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise UnsafeTarget(
            errno.EINVAL, "is not a regular file (a device or a pipe); refusing to replace it"
        )


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` so that a crash leaves either the old file or the new one."""
    path = Path(path)
    check_target(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temporaries(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write_all(fh, data)
            fh.flush()
            os.fsync(fh.fileno())
        check_target(path)  # it may have changed while we wrote
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def write_all(fh, data: bytes) -> None:
    """Write `data` in chunks (tests replace this to fail at a chosen byte)."""
    view = memoryview(data)
    for start in range(0, len(view), CHUNK):
        fh.write(view[start : start + CHUNK])


def clean_stale_temporaries(path: Path, now: float | None = None) -> list[Path]:
    """Remove `.NAME.*.tmp` files of `path` older than STALE_SECONDS; returns those removed."""
    now = time.time() if now is None else now
    removed = []
    for tmp in path.parent.glob(f".{_glob_escape(path.name)}.*.tmp"):
        try:
            info = os.lstat(tmp)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_SECONDS:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            continue  # another save removed it first, or it cannot be removed: leave it
    return removed


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform can open folders)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    dir_fd = os.open(folder, os.O_DIRECTORY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
